// desk_context.h: what every part of the desk shares — its options, the
// accounts, the sessions, the lock that keeps one save at a time — and the
// small steps each request starts with (who is asking; may they change
// anything). Inside generator/desk/ only: it carries cpp-httplib's types.
#pragma once

#include <httplib.h>

#include <filesystem>
#include <mutex>
#include <optional>
#include <string>

#include "accounts.h"
#include "campaign.h"
#include "config.h"
#include "desk.h"
#include "desk_pages.h"
#include "document_form.h"
#include "model_form.h"
#include "page_form.h"
#include "diagnostic.h"
#include "page.h"
#include "sessions.h"
#include "unit.h"

namespace congbo {

struct DeskContext {
  DeskOptions options;
  Accounts accounts;
  Sessions sessions;
  std::mutex saving;  ///< one change at a time: the file, the check and the commit go together
};

struct Writer {
  const Account* account;
  Session session;
};

/// The logged-in writer, or nullopt.
std::optional<Writer> current_writer(DeskContext& cx, const httplib::Request& req);
/// A request that changes something: a session and its CSRF token, or a 403 answer.
std::optional<Writer> posting_writer(DeskContext& cx, const httplib::Request& req, httplib::Response& res);

void send_html(httplib::Response& res, const std::string& body, int status = 200);
void send_redirect(httplib::Response& res, const std::string& to);

std::optional<std::string> read_bytes(const std::filesystem::path& p);
/// Writes beside the file, then renames over it: a reader sees the old or the new, never half.
bool write_atomically(const std::filesystem::path& p, const std::string& bytes, std::string* why);

std::optional<SiteConfig> site_config(const DeskContext& cx, Diagnostics& diags);
/// What `congbo check` says of the site now.
Diagnostics check_site(const DeskContext& cx);

/// A file as a request names it: only content/van-ban/NAME.md,
/// content/mo-hinh/NAME.md or content/NAME.md (a page), NAME in lower-case letters, digits and hyphens —
/// never a path that leaves the folder, never a symbolic link.
bool safe_content_path(const std::filesystem::path& site, const std::string& rel);

/// A data file a request names by id: FOLDER/ID.toml ("content/thi-dua/"),
/// ID in lower-case letters, digits and hyphens, a regular file and no
/// symbolic link; "" when it is not one.
std::string named_data_file(const DeskContext& cx, const std::string& folder, const std::string& id);

/// The site's units as content/don-vi.toml has them now (none when it is absent).
Units site_units(const DeskContext& cx, Diagnostics& diags);
/// The campaigns of content/thi-dua/ as their files are now, by file name,
/// ungraded: every .toml file there, as the build reads them (not only the
/// names the desk opens for editing); a file congbo cannot read is left out
/// (its errors go to `diags`).
std::vector<Campaign> site_campaigns(const DeskContext& cx, Diagnostics& diags);

/// A field of a posted form, plain or multipart.
std::string form_value(const httplib::Request& req, const std::string& name);

/// What a posted form says: the same reading for saving it and for
/// "Xem như trên trang" (a model's images are its image-src-N fields).
DocumentForm posted_document(const httplib::Request& req);
ModelForm posted_model(const httplib::Request& req);
PageForm posted_page(const httplib::Request& req);

/// The checker over the site after `file` was written as `doc`: its
/// messages about the file go beside their fields (by line), errors about
/// other files to `general`. True when there is no error anywhere.
bool check_written(const DeskContext& cx, const std::string& file, const WrittenDocument& doc,
                   std::map<std::string, FieldMessages>& fields, std::vector<std::string>& general);
/// What an edit form starts from: who asks, the site's settings and, for an
/// existing file (?tep=), its bytes and the page congbo reads from them.
struct EditStart {
  Writer writer;
  SiteConfig config;
  std::string rel, bytes;
  std::optional<Page> page;  ///< nullopt for a new file, or one congbo cannot read (its text goes in the body)
  FormPage form;             ///< csrf, writer, file and opened filled in
};
/// nullopt when the request was answered already (to log in; no such file;
/// site.toml unreadable). `path_ok` says which files this form edits.
std::optional<EditStart> start_edit(DeskContext& cx, const httplib::Request& req, httplib::Response& res,
                                    bool (*path_ok)(const DeskContext&, const std::string&));

/// An unused file name in `folder` ("content/van-ban/") made from `title`.
std::string unused_path(const DeskContext& cx, const std::string& folder, const std::string& title,
                        const std::string& fallback);

enum class Saved { Committed, Conflict, Mistakes, Failed };

/// The common end of every save, under cx.saving: when the file changed
/// since it was opened (page.opened), its text goes to page.conflict;
/// otherwise `doc` is written, the site checked (messages into the page)
/// and, without errors, the file and `also` committed. page.file must be set.
Saved save_file(DeskContext& cx, const Writer& w, FormPage& page, const WrittenDocument& doc,
                std::vector<std::string> also, std::string* commit_id);
/// The answer after save_file: to the list when committed, else `form` with the status that says why.
void answer_save(DeskContext& cx, const Writer& w, httplib::Response& res, Saved saved, const FormPage& page,
                 const std::string& commit_id, const std::string& form);

/// Commits `files` in the writer's name with their message.
std::optional<std::string> commit_as(const Writer& w, const DeskContext& cx, const std::vector<std::string>& files,
                                     const std::string& message, std::string* why);

/// The routes of each part.
void login_routes(httplib::Server& server, DeskContext& cx);
void document_routes(httplib::Server& server, DeskContext& cx);
void version_routes(httplib::Server& server, DeskContext& cx);
void model_routes(httplib::Server& server, DeskContext& cx);
void plain_page_routes(httplib::Server& server, DeskContext& cx);
void preview_routes(httplib::Server& server, DeskContext& cx);
void results_routes(httplib::Server& server, DeskContext& cx);
void publish_routes(httplib::Server& server, DeskContext& cx);
void unit_routes(httplib::Server& server, DeskContext& cx);
void decision_routes(httplib::Server& server, DeskContext& cx);

/// The campaigns' deadlines for the office's list: those passed with units
/// still missing, most overdue first, then those due in the next 60 days.
std::vector<DueItem> office_deadlines(const DeskContext& cx, const Date& today);

}  // namespace congbo
