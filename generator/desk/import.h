// import.h: congbo import — an office's existing documents (Word, ODT, PDF
// with text, plain text or Markdown) brought in as content files, with the
// front matter filled from the official layout (official_layout.h) and what
// could not be found said per field. Word and ODT go through pandoc, PDF
// through pdftotext (poppler-utils), each with a time limit; an existing
// file is never overwritten.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "config.h"
#include "diagnostic.h"
#include "document_form.h"
#include "office_text.h"
#include "official_layout.h"

namespace congbo {

struct ImportOptions {
  std::vector<std::filesystem::path> files;
  std::filesystem::path site_dir = ".";
  std::string section = "van-ban";  ///< folder under content/: van-ban or a folder inside it
  bool dry_run = false;             ///< say what would be written, write nothing
};

/// Why `section` cannot take imported documents (empty when it can): it must
/// be the documents' folder or one inside it, in plain lower-case words.
std::string section_refusal(const std::string& section);

/// What reading a file found, as the desk's form holds it.
DocumentForm form_from_recognized(const RecognizedDocument& doc);

/// One line per field found and per field not found or not matched, for the writer.
std::vector<std::string> recognition_summary(const RecognizedDocument& doc, const SiteConfig& config);

/// Prints, for each file, what was found and what was not, and the file
/// written (content/<section>/<slug>.md); false when any file could not be
/// read or written (errors in `diags`, at the file).
bool import_documents(const ImportOptions& options, std::ostream& out, Diagnostics& diags);

}  // namespace congbo
