// import.h: congbo import — an office's existing documents (Word, ODT, PDF
// with text, plain text or Markdown) brought in as content files, with the
// front matter filled from the official layout (official_layout.h) and what
// could not be found said per field. Word and ODT go through pandoc, PDF
// through pdftotext (poppler-utils), each with a time limit; an existing
// file is never overwritten.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

#include "diagnostic.h"

namespace congbo {

struct ImportOptions {
  std::vector<std::filesystem::path> files;
  std::filesystem::path site_dir = ".";
  bool dry_run = false;  ///< say what would be written, write nothing
};

/// Prints, for each file, what was found and what was not, and the file
/// written (content/van-ban/<slug>.md); false when any file could not be
/// read or written (errors in `diags`, at the file).
bool import_documents(const ImportOptions& options, std::ostream& out, Diagnostics& diags);

}  // namespace congbo
