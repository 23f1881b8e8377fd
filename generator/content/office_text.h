// office_text.h: the text of an office file — Word and ODT through pandoc
// (lists, tables, emphasis and footnotes kept, as Markdown), a PDF through
// pdftotext (poppler-utils), plain text and Markdown as they are — each
// converter with a time limit and an output limit, its failure in words.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace congbo {

/// nullopt with `why` (Vietnamese) when the file cannot be read: a type
/// not handled, a converter not installed, stopped or failing, a PDF with no text.
std::optional<std::string> document_text(const std::filesystem::path& file, std::string* why);

/// pandoc's Markdown without the empty spans Word and ODT bookmarks become.
std::string without_bookmarks(std::string md);

}  // namespace congbo
