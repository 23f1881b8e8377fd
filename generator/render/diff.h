// diff.h: what changed between two versions of a page, for readers: the
// rendered text with insertions and deletions marked word by word (a
// Vietnamese word being a syllable between spaces), and front matter changes
// in plain words.
#pragma once

#include <string>
#include <vector>

namespace congbo {

enum class EditOp { Equal, Insert, Delete };

/// Myers' shortest edit script between two sequences of token hashes. If the
/// edit distance exceeds `max_cost`, returns "delete all, insert all".
std::vector<EditOp> diff_sequences(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b,
                                   int max_cost = 4000);

/// What changed between two versions' HTML (both as render_markdown writes
/// it, one block per line): `after`'s HTML with words removed since `before`
/// in <del> and added words in <ins> (tags are never wrapped, so the result
/// stays well-formed), and how many words each.
struct WordDiff {
  std::string html;
  int inserted = 0, deleted = 0;
};
WordDiff diff_html(const std::string& before, const std::string& after);

/// One line per changed field: "Người ký: Nguyễn Văn A → Nguyễn Văn B".
struct FieldChange { std::string label, before, after; };

}  // namespace congbo
