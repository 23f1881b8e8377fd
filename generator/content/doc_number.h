// doc_number.h: Party document numbers ("51-KH/ĐUK") as people write them,
// and finding them in running text ("Kế hoạch số 05-KH/ĐUK, ngày 21/10/2020").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "date.h"

namespace congbo {

struct DocNumber {
  int seq = 0;             ///< 51 (leading zeros dropped: "05" and "5" are one number)
  std::string kind;        ///< "KH", as written
  std::string issuer;      ///< "ĐUK", as written

  /// Parses a whole number in any usual spelling: "51-KH/ĐUK", "51/KH/ĐUK",
  /// "Số 05 -KH/ĐUK", "05-kh/đuk", "Số: 121-KH/TU".
  static std::optional<DocNumber> parse(std::string_view text);

  /// The identity used for matching: "51-kh/duk".
  std::string key() const;
  /// A tidy spelling for display: "51-KH/ĐUK" (two-digit sequence: "05-KH/ĐUK").
  std::string canonical() const;
};

/// A document number found in text, with the date that follows it if any.
struct Citation {
  DocNumber number;
  std::optional<Date> date;
  size_t begin = 0, end = 0;  ///< byte range of the number itself in the text
  std::string written;        ///< the number exactly as written
  /// The kind's name written before it ("Quy định" in "Quy định số
  /// 4842-QĐ/TU"): up to four words back to a capitalised one, "số" skipped;
  /// empty when there is none. QĐ is both Quy định and Quyết định: this says which.
  std::string kind_written;
};

/// Every document number in `text`, in order. A date written right after
/// it (", ngày 30/7/2019" or " ngày 16/6/2022") is taken as its date.
std::vector<Citation> find_citations(std::string_view text);

/// A relationship entry from front matter: "NUMBER" or "NUMBER@YYYY-MM-DD".
struct DocReference {
  DocNumber number;
  std::optional<Date> date;
};
std::optional<DocReference> parse_reference(std::string_view text);

}  // namespace congbo
