// desk_pages.h: the HTML of the writers' desk — the login page, the list of
// documents, a document's form with each field's messages beside it. Plain
// view structs in, HTML out; every text is escaped here.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "config.h"
#include "document_form.h"
#include "git_commit.h"
#include "model_form.h"
#include "page_form.h"

namespace congbo {

/// Messages for one field of the form, in the checker's words.
struct FieldMessages {
  std::vector<std::string> errors, warnings;
};

struct FormPage {
  std::string csrf, writer;
  std::string file;    ///< "content/van-ban/x.md"; empty for a new document
  std::string opened;  ///< blob id of the file when the form was opened
  std::string message; ///< the commit message typed
  DocumentForm form;
  std::map<std::string, FieldMessages> fields;  ///< by field name ("message" for the commit message)
  std::vector<std::string> general;             ///< messages not about one field (other files)
  std::string saved;     ///< a notice: what was committed
  std::string conflict;  ///< the other writer's text, when the file changed since it was opened
  std::string imported;  ///< the name of the file the form was filled from (congbo import), not saved yet
  std::string original;  ///< where the desk keeps that file until the save (".congbo/nhap/<token>.<ext>")
  std::vector<std::string> import_summary;  ///< what reading it found and did not
};

struct DocumentItem {
  std::string file, number, title, date;
};

/// A deadline of a campaign, as the office's list shows it: what is overdue first.
struct DueItem {
  std::string date, what, campaign, campaign_id;
  int year = 0;
  int days = 0;                       ///< from today: negative when passed
  std::vector<std::string> missing;   ///< names of the units that have not done it
};

struct ListPage {
  std::string csrf, writer, notice;
  std::vector<DocumentItem> docs, models, pages;
  std::vector<std::string> problems;  ///< what `congbo check` reports now
  std::vector<CommitSummary> recent;  ///< the newest commits, with who made them
  bool knows_published = false;       ///< the desk knows where releases are (--publish-to)
  std::string published;              ///< the commit served now; "" when nothing is published yet
  std::vector<std::string> unpublished;  ///< files changed since it
  std::vector<DueItem> due;              ///< overdue (with units missing), then the next 60 days
  bool can_publish = false;              ///< the writer's role is "xuat-ban": a link to /xuat-ban
};

/// One version of a document, as its history page lists it.
struct VersionItem {
  std::string short_id, blob, date, author, subject;
};

struct VersionsPage {
  std::string csrf, writer, file, title;
  std::vector<VersionItem> versions;  ///< newest first
  std::vector<std::string> general;   ///< why a restore or removal was not saved
};

/// Every desk page's frame (bar, who is logged in, style and script), and
/// the notices a form page starts with; for the parts in their own files.
std::string desk_shell(const std::string& title, const std::string& body, const std::string& writer, const std::string& csrf);
std::string desk_notices(const FormPage& page);

std::string login_page(const std::string& error, const std::string& login);
std::string list_page(const ListPage& page);
std::string versions_page(const VersionsPage& page);
std::string form_page(const FormPage& page, const SiteConfig& config);

/// A model's form: the shared parts of a form page, the model's fields, its
/// images (each with its alt text) and one new image to upload.
struct ModelPage {
  FormPage page;  ///< its `form` (a document's) is not used
  ModelForm form;
  std::vector<std::pair<std::string, std::string>> units;  ///< id → name, from don-vi.toml
  std::string upload_alt, upload_caption;
};
std::string model_page(const ModelPage& page);

/// A plain page's form (content/NAME.md).
struct PlainPage {
  FormPage page;
  PageForm form;
};
std::string plain_page(const PlainPage& page);

}  // namespace congbo
