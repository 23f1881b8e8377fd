// publication_log.cc: the log's file and its view.
#include "publication_log.h"

#include <cstdio>
#include <cstdlib>


namespace congbo {

std::vector<PublicationEntry> read_publication_log(std::string_view tsv) {
  std::vector<PublicationEntry> log;
  for (size_t at = 0, end; at < tsv.size(); at = end + 1) {
    end = tsv.find('\n', at);
    if (end == std::string_view::npos) end = tsv.size();
    const std::string_view line = tsv.substr(at, end - at);
    std::vector<std::string> f;
    size_t from = 0;
    for (size_t tab; (tab = line.find('\t', from)) != std::string_view::npos; from = tab + 1) f.emplace_back(line.substr(from, tab - from));
    f.emplace_back(line.substr(from));
    if (f.size() != 4) continue;
    const int seq = std::atoi(f[0].c_str());
    if (seq <= 0 || f[1].size() != 20 || f[2].empty()) continue;
    log.push_back({seq, f[1], f[2], f[3]});
  }
  return log;
}

std::string publication_log_text(const std::vector<PublicationEntry>& log) {
  std::string out;
  for (const PublicationEntry& e : log) {
    std::string who = e.publisher;
    for (char& c : who) {
      if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    }
    out += std::to_string(e.seq) + "\t" + e.time + "\t" + e.commit + "\t" + who + "\n";
  }
  return out;
}

namespace {

// "2026-12-03T14:50:54Z" → "03/12/2026 21:50" (UTC+7, Vietnam has no summer time).
std::string vietnam_time(const std::string& utc) {
  int y, mo, d, h, mi, s;
  if (std::sscanf(utc.c_str(), "%d-%d-%dT%d:%d:%dZ", &y, &mo, &d, &h, &mi, &s) != 6) return utc;
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  h += 7;
  if (h >= 24) {
    h -= 24;
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (++d > days[mo - 1] + (mo == 2 && leap)) d = 1, ++mo;
    if (mo > 12) mo = 1, ++y;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d %02d:%02d", d, mo, y, h, mi);
  return buf;
}

}  // namespace

View publication_log_view(const std::vector<PublicationEntry>& log) {
  View list = View::list();
  for (auto it = log.rbegin(); it != log.rend(); ++it) {
    View e;
    e.set("seq", std::to_string(it->seq))
        .set("time", vietnam_time(it->time))
        .set("time_iso", it->time)
        .set("commit", it->commit.substr(0, 7))
        .set("publisher", it->publisher);
    list.push(std::move(e));
  }
  return list;
}

void render_publication_log(const PageContext& cx, const std::vector<PublicationEntry>& log, Diagnostics& diags) {
  if (!log.empty()) write_file(cx, kPublicationLogFile, publication_log_text(log), diags);
}

}  // namespace congbo
