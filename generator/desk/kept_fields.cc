// kept_fields.cc: a file's unshown keys, by their lines.
#include "kept_fields.h"

#include <algorithm>
#include <vector>

#include "front_matter.h"

namespace congbo {
namespace {

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> out;
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    out.push_back(text.substr(0, nl == std::string_view::npos ? text.size() : nl + 1));
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
  return out;
}

}  // namespace

WrittenDocument with_kept_fields(WrittenDocument written, std::string_view before) {
  Diagnostics ignored;
  auto fm = parse_front_matter(before, "", ignored);
  if (!fm) return written;
  // Each top-level key owns its lines up to the next key (a table's header
  // and its members, a list over several lines, comments after it).
  std::vector<std::pair<int, bool>> starts;  // line, kept
  for (const auto& [key, value] : fm->fields.members) {
    const bool owned = std::find(written.owns.begin(), written.owns.end(), key) != written.owns.end();
    starts.push_back({value.line, !owned});
  }
  std::sort(starts.begin(), starts.end());
  const auto lines = lines_of(before);
  const int fence = fm->body_line - 1;  // the closing "+++"
  std::string kept;
  int count = 0;
  for (size_t i = 0; i < starts.size(); ++i) {
    if (!starts[i].second) continue;
    const int end = i + 1 < starts.size() ? starts[i + 1].first : fence;
    for (int n = starts[i].first; n < end && n >= 1 && n <= static_cast<int>(lines.size()); ++n, ++count) {
      kept += lines[n - 1];
      if (kept.back() != '\n') kept += '\n';
    }
  }
  if (kept.empty()) return written;
  const size_t close = written.text.find("\n+++\n");
  if (close == std::string::npos) return written;
  written.text.insert(close + 1, kept);
  written.body_line += count;
  return written;
}

}  // namespace congbo
