// diff.cc: Myers diff, two levels (lines, then words inside changed runs).
#include "diff.h"

#include <algorithm>
#include <cstdint>
#include <functional>

#include "text.h"

namespace congbo {

std::vector<EditOp> diff_sequences(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b,
                                   int max_cost) {
  const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  const int max = std::min(n + m, max_cost);
  const int offset = max + 1;
  std::vector<int> v(2 * max + 3, 0);
  // What the backtrack needs of v before step d: diagonals -d..d, kept at
  // trace[d * d + k + d] (step d adds 2d + 1), so memory is O(D²) for the
  // edits found, not O(D × max_cost) as a full copy per step would be.
  std::vector<int> trace;
  int found = -1;
  for (int d = 0; d <= max && found < 0; ++d) {
    trace.insert(trace.end(), v.begin() + offset - d, v.begin() + offset + d + 1);
    for (int k = -d; k <= d; k += 2) {
      int x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1]
                                                                            : v[offset + k - 1] + 1;
      int y = x - k;
      while (x < n && y < m && a[x] == b[y]) { ++x; ++y; }
      v[offset + k] = x;
      if (x >= n && y >= m) { found = d; break; }
    }
  }
  std::vector<EditOp> ops;
  if (found < 0) {  // too different: replace wholesale
    ops.assign(n, EditOp::Delete);
    ops.insert(ops.end(), m, EditOp::Insert);
    return ops;
  }
  // Walk the trace back from (n, m).
  int x = n, y = m;
  for (int d = found; d > 0; --d) {
    auto pv = [&](int k) { return trace[static_cast<size_t>(d) * d + k + d]; };
    int k = x - y;
    int prev_k = (k == -d || (k != d && pv(k - 1) < pv(k + 1))) ? k + 1 : k - 1;
    int prev_x = pv(prev_k);
    int prev_y = prev_x - prev_k;
    while (x > prev_x && y > prev_y) { ops.push_back(EditOp::Equal); --x; --y; }
    ops.push_back(x == prev_x ? EditOp::Insert : EditOp::Delete);
    x = prev_x;
    y = prev_y;
  }
  while (x > 0 && y > 0) { ops.push_back(EditOp::Equal); --x; --y; }
  return std::vector<EditOp>(ops.rbegin(), ops.rend());
}

namespace {

std::vector<uint64_t> hashes(const std::vector<std::string>& items) {
  std::vector<uint64_t> out;
  out.reserve(items.size());
  for (const auto& s : items) out.push_back(std::hash<std::string>{}(s));
  return out;
}

// Walks an edit script from a to b: `equal(j)` for each kept item (b's
// index), `change(i0, i1, j0, j1)` for each maximal run of deletions
// a[i0, i1) and insertions b[j0, j1).
template <typename Equal, typename Change>
void walk(const std::vector<EditOp>& ops, Equal equal, Change change) {
  size_t i = 0, j = 0, k = 0;
  while (k < ops.size()) {
    if (ops[k] == EditOp::Equal) {
      equal(j);
      ++i; ++j; ++k;
      continue;
    }
    size_t i0 = i, j0 = j;
    while (k < ops.size() && ops[k] != EditOp::Equal) {
      if (ops[k] == EditOp::Delete) ++i; else ++j;
      ++k;
    }
    change(i0, i, j0, j);
  }
}

std::vector<std::string> split_lines(const std::string& html) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < html.size()) {
    size_t nl = html.find('\n', start);
    size_t end = nl == std::string::npos ? html.size() : nl + 1;
    lines.push_back(html.substr(start, end - start));
    start = end;
  }
  return lines;
}

// Tags, runs of spaces, and words (anything else up to a space or '<').
std::vector<std::string> tokens(const std::string& html) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < html.size()) {
    size_t j = i;
    if (html[i] == '<') {
      j = html.find('>', i);
      j = j == std::string::npos ? html.size() : j + 1;
    } else if (html[i] == ' ' || html[i] == '\n') {
      while (j < html.size() && (html[j] == ' ' || html[j] == '\n')) ++j;
    } else {
      while (j < html.size() && html[j] != '<' && html[j] != ' ' && html[j] != '\n') ++j;
    }
    out.push_back(html.substr(i, j - i));
    i = j;
  }
  return out;
}

bool is_tag(const std::string& t) { return !t.empty() && t[0] == '<'; }
bool is_space(const std::string& t) { return !t.empty() && (t[0] == ' ' || t[0] == '\n'); }

// Word-level diff of two runs of HTML. Emits every token of `after` (so the
// markup is exactly the new version's) and the deleted words of `before`.
// Each changed region reads as one deletion then one insertion.
// Past kWordEdits token edits (about 100 words changed) a run reads better
// replaced whole, and the search stops there: its cost is (tokens × edits),
// never more, however unlike the two texts.
constexpr int kWordEdits = 400;

// How many of the words of `a` and `b` they have in common, against the
// shorter's count: a rewritten paragraph shares only its common words ("của",
// "và", "cán bộ") with the one it replaced, while a paragraph added beside
// others keeps all of theirs.
double shared_words(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  auto words = [](const std::vector<std::string>& t) {
    std::vector<uint64_t> w;
    for (const auto& s : t) {
      if (!is_tag(s) && !is_space(s)) w.push_back(std::hash<std::string>{}(s));
    }
    std::sort(w.begin(), w.end());
    return w;
  };
  const auto x = words(a), y = words(b);
  size_t common = 0;
  for (size_t i = 0, j = 0; i < x.size() && j < y.size();) {
    if (x[i] == y[j]) ++common, ++i, ++j;
    else if (x[i] < y[j]) ++i;
    else ++j;
  }
  const size_t shorter = std::min(x.size(), y.size());
  return shorter == 0 ? 1.0 : static_cast<double>(common) / static_cast<double>(shorter);
}

// Below a third of words in common (and past kFewWords words), two runs
// are read as one replaced by the other without searching for an edit
// script: what the search would find is the few common words scattered
// through them, and it costs (tokens × edits).
constexpr double kReplacedBelow = 1.0 / 3;
constexpr size_t kFewWords = 40;

void diff_words(const std::string& before, const std::string& after, std::string& out, WordDiff& counts) {
  auto a = tokens(before), b = tokens(after);
  std::vector<EditOp> ops;
  if (a.size() + b.size() > 2 * kFewWords && shared_words(a, b) < kReplacedBelow) {
    ops.assign(a.size(), EditOp::Delete);
    ops.insert(ops.end(), b.size(), EditOp::Insert);
  } else {
    ops = diff_sequences(hashes(a), hashes(b), kWordEdits);
  }

  // A single space kept between two changes belongs to the change: otherwise
  // "bị bỏ" → "mới thêm" reads as two separate edits.
  std::vector<EditOp> merged;
  for (size_t k = 0, j = 0; k < ops.size(); ++k) {
    bool lone_space = ops[k] == EditOp::Equal && is_space(b[j]) && k > 0 && k + 1 < ops.size() &&
                      ops[k - 1] != EditOp::Equal && ops[k + 1] != EditOp::Equal;
    if (lone_space) {
      merged.push_back(EditOp::Delete);
      merged.push_back(EditOp::Insert);
    } else {
      merged.push_back(ops[k]);
    }
    if (ops[k] != EditOp::Delete) ++j;
  }

  walk(merged, [&](size_t j) { out += b[j]; }, [&](size_t i0, size_t i1, size_t j0, size_t j1) {
    // Deleted words, in one <del>; removed tags are dropped (the new ones stand in).
    std::string del;
    for (size_t i = i0; i < i1; ++i) {
      const std::string& t = a[i];
      if (is_tag(t)) continue;
      if (is_space(t)) { if (!del.empty() && del.back() != ' ') del += ' '; continue; }
      del += t;
      ++counts.deleted;
    }
    while (!del.empty() && del.back() == ' ') del.pop_back();
    if (!del.empty()) out += "<del>" + del + "</del>";
    // Inserted tokens, words in <ins>, tags as they are.
    bool open = false;
    std::string pending_space;
    for (size_t j = j0; j < j1; ++j) {
      const std::string& t = b[j];
      if (is_tag(t)) {
        if (open) { out += "</ins>"; open = false; }
        out += pending_space + t;
        pending_space.clear();
        continue;
      }
      if (is_space(t)) { (open ? out : pending_space) += t; continue; }
      if (!open) { out += pending_space + "<ins>"; pending_space.clear(); open = true; }
      out += t;
      ++counts.inserted;
    }
    if (open) {
      // trailing spaces go outside the <ins>
      size_t trail = out.find_last_not_of(" \n");
      std::string spaces = out.substr(trail + 1);
      out.erase(trail + 1);
      out += "</ins>" + spaces;
    }
    out += pending_space;
  });
}

std::string run_diff(const std::string& before, const std::string& after, WordDiff& counts) {
  auto la = split_lines(before), lb = split_lines(after);
  std::string out;
  walk(diff_sequences(hashes(la), hashes(lb)), [&](size_t j) { out += lb[j]; },
       [&](size_t i0, size_t i1, size_t j0, size_t j1) {
         // As many blocks changed as came in: each edited in place, diffed
         // with its counterpart. Otherwise the run's words, diffed together.
         if (i1 - i0 == j1 - j0 && i1 - i0 > 1) {
           for (size_t k = 0; k < i1 - i0; ++k) diff_words(la[i0 + k], lb[j0 + k], out, counts);
           return;
         }
         std::string del, ins;
         for (size_t i = i0; i < i1; ++i) del += la[i];
         for (size_t j = j0; j < j1; ++j) ins += lb[j];
         if (!ins.empty()) {
           diff_words(del, ins, out, counts);
           return;
         }
         // A block removed whole: keep its tags so it stays a block, words struck out.
         for (const auto& t : tokens(del)) {
           if (is_tag(t) || is_space(t)) { out += t; continue; }
           out += "<del>" + t + "</del>";
           ++counts.deleted;
         }
       });
  return out;
}

}  // namespace

WordDiff diff_html(const std::string& before, const std::string& after) {
  WordDiff d;
  d.html = run_diff(before, after, d);
  return d;
}

}  // namespace congbo
