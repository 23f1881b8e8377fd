// official_layout.h: reading a Party document's official layout (Hướng dẫn
// 36-HD/VPTW) out of its text, as an office's existing files have it (a
// Word file through pandoc, a PDF through pdftotext, a text file): the
// header, "Số …", the place and date line, the kind in capitals, the trích
// yếu, the body, "Nơi nhận:" and the signature block. What is not found is
// left out and said, never guessed.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config.h"
#include "date.h"

namespace congbo {

struct RecognizedDocument {
  std::string issuer;        ///< key of site.toml's [issuers], "" when not matched
  std::string issuer_written;  ///< the header line naming it, as written
  std::string number;        ///< as written after "Số"
  std::string kind;          ///< key of site.toml's [kinds]
  std::string place;
  std::optional<Date> date;
  std::string title;         ///< the trích yếu, first letter capitalised
  std::string authority, signer_role, signer;
  std::vector<std::string> recipients;
  std::string body;          ///< Markdown: the text between the trích yếu and "Nơi nhận"
  std::vector<std::string> missing;  ///< what was not found, in words ("ngày ban hành")
  std::vector<std::string> notes;    ///< what was found but not matched ("cơ quan … không có trong site.toml")
};

/// `text`: plain text or Markdown (pandoc's), any line ends.
RecognizedDocument recognize_layout(std::string_view text, const SiteConfig& config);

}  // namespace congbo
