// document_form.h: a document (văn bản) as the writers' desk shows it — one
// field per thing a writer fills in, as text — and the file congbo reads,
// written from it. Writing records the line of each field, so a checker's
// `path:line:col` is shown beside the field it concerns.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "page.h"

namespace congbo {

struct DocumentForm {
  std::string title, number, kind, issuer;
  std::string date;  ///< as the writer sees it: dd/mm/yyyy (empty: none)
  std::string effective, expires;  ///< the same: validity (validity.h), empty when not set
  std::string place, authority, signer_role, signer;
  std::string recipients, fields;  ///< one per line
  std::string based_on, replaces, amends;  ///< one document number per line
  std::string body;
  /// A file beside the document to list as its original (a file the desk
  /// read for a new document); empty: attachments are left as the file has them.
  std::string original;
};

/// The names of the form's fields, as its HTML inputs are named.
const std::vector<std::string>& document_field_names();
/// A field of the form by name (for filling it from a request); nullptr when unknown.
std::string* document_field(DocumentForm& form, const std::string& name);
/// The label the user guide gives each field ("Trích yếu", "Số, ký hiệu"…).
std::string document_field_label(const std::string& name);

/// A loaded page as the form shows it.
DocumentForm form_from_page(const Page& page);

/// "21/10/2020" → "2020-10-21"; "" → ""; nullopt when it is not such a date.
std::optional<std::string> iso_from_display(const std::string& date);

struct WrittenDocument {
  std::string text;                          ///< the file: TOML front matter and the body
  std::map<int, std::string> field_at_line;  ///< line (1-based) → field name; body lines → "body"
  int body_line = 0;                         ///< the body's first line
  /// The front matter keys the form decides, written or left out; any other
  /// key of the file being edited is kept as it was (kept_fields.h).
  std::vector<std::string> owns;
};

/// A TOML string of one line: quotes and backslashes escaped, line breaks
/// and tabs become spaces (a form's one-line field).
std::string toml_quoted(const std::string& s);
/// A body as the file keeps it: LF line ends (browsers send CRLF), a final newline.
std::string file_body(const std::string& text);

/// The file for `form` (its date already checked by iso_from_display).
WrittenDocument write_document(const DocumentForm& form);

/// The field a diagnostic at `line` of the written file concerns ("" when none).
std::string field_for_line(const WrittenDocument& doc, int line);

}  // namespace congbo
