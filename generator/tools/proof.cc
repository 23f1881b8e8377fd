// proof.cc: the proof's text format, its log carried from release to release.
#include "proof.h"

#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cstdio>
#include <fstream>
#include <mutex>
#include <thread>
#include <tuple>

#include "output.h"
#include "signing.h"
#include "source_tree.h"
#include "text.h"
#include "workers.h"

namespace fs = std::filesystem;

namespace congbo {
namespace {

constexpr const char* kShardDir = "xac-minh/tep/";

std::string stamp_line(const char* word, const ReleaseStamp& r) {
  return std::string(word) + " " + std::to_string(r.seq) + " " + r.name + " " + r.commit + " " + r.time + "\n";
}

std::vector<std::string_view> lines(std::string_view text) {
  std::vector<std::string_view> out;
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    out.push_back(text.substr(0, nl));
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
  return out;
}

std::optional<int> whole(std::string_view s) {
  int n = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  if (ec != std::errc() || end != s.data() + s.size() || n < 0) return std::nullopt;
  return n;
}

std::vector<std::string_view> words(std::string_view line, size_t most) {
  std::vector<std::string_view> out;
  while (out.size() + 1 < most) {
    const size_t space = line.find(' ');
    if (space == std::string_view::npos) break;
    out.push_back(line.substr(0, space));
    line.remove_prefix(space + 1);
  }
  out.push_back(line);
  return out;
}

std::optional<ReleaseStamp> read_stamp(const std::vector<std::string_view>& w) {
  if (w.size() != 5) return std::nullopt;
  auto seq = whole(w[1]);
  if (!seq) return std::nullopt;
  return ReleaseStamp{*seq, std::string(w[2]), std::string(w[3]), std::string(w[4])};
}

// Hex digits of the shard names: about 500 lines a shard at most.
int prefix_for(size_t entries) {
  int p = 1;
  size_t shards = 16;
  while (p < 4 && entries > shards * 500) ++p, shards *= 16;
  return p;
}

// A shard's lines: "HASH FIRST LAST PATH".
bool read_shard(std::string_view text, std::vector<ProofEntry>& out) {
  for (std::string_view line : lines(text)) {
    if (line.empty()) continue;
    auto w = words(line, 4);
    if (w.size() != 4 || w[0].size() != 64) return false;
    auto first = whole(w[1]), last = whole(w[2]);
    if (!first || !last || w[3].empty()) return false;
    out.push_back({std::string(w[0]), std::string(w[3]), *first, *last});
  }
  return true;
}

// Whether `a` and `b` are one file (a release's file hard-linked from the served one).
bool same_file(const fs::path& a, const fs::path& b) {
  struct stat sa {}, sb {};
  return ::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

// path → SHA-256 of every file the build listed, on all cores. A file
// hard-linked from the served release is the same bytes its proof hashed:
// that hash is kept (on 10,000 documents most of a release is linked).
bool hash_release(const fs::path& release_dir, const fs::path& served_dir, const Proof* previous,
                  const Output::Manifest& listed, std::map<std::string, std::string>& files, std::string* why) {
  std::map<std::string, std::string> served;  // path → hash, in the served release
  if (previous) {
    for (const ProofEntry& e : previous->entries) {
      if (e.last == previous->release.seq) served[e.path] = e.hash;
    }
  }
  std::vector<std::pair<std::string, std::string>> todo;  // path, hash (empty: to compute)
  for (const auto& [path, id] : listed) {
    if (!is_proof_file(path)) todo.push_back({path, ""});
  }
  std::atomic<size_t> next{0};
  std::atomic<bool> failed{false};
  std::mutex mu;
  auto work = [&] {
    for (size_t i = next++; i < todo.size() && !failed; i = next++) {
      auto& [path, hash] = todo[i];
      auto kept = served.find(path);
      if (kept != served.end() && same_file(release_dir / path, served_dir / path)) {
        hash = kept->second;
        continue;
      }
      auto bytes = file_bytes(release_dir / path);
      if (!bytes) {
        std::lock_guard<std::mutex> lock(mu);
        *why = (release_dir / path).string() + ": không đọc được tệp để ghi mã băm";
        failed = true;
        return;
      }
      hash = sha256_hex(*bytes);
    }
  };
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < workers(0, todo.size(), 256); ++t) threads.emplace_back(work);
  work();
  for (auto& t : threads) t.join();
  if (failed) return false;
  for (auto& [path, hash] : todo) files[path] = std::move(hash);
  return true;
}

bool write_whole_file(const fs::path& file, const std::string& text) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  return static_cast<bool>(out);
}

}  // namespace

const ReleaseStamp* Proof::stamp(int seq) const {
  for (const auto& r : log) {
    if (r.seq == seq) return &r;
  }
  return nullptr;
}

std::vector<const ProofEntry*> Proof::find(const std::string& hash) const {
  std::vector<const ProofEntry*> out;
  auto it = std::lower_bound(entries.begin(), entries.end(), hash,
                             [](const ProofEntry& e, const std::string& h) { return e.hash < h; });
  for (; it != entries.end() && it->hash == hash; ++it) out.push_back(&*it);
  return out;
}

bool is_proof_file(const std::string& rel) { return rel == kProofRoot || rel == kProofSignature || starts_with(rel, kShardDir); }

Proof next_proof(const Proof* previous, const ReleaseStamp& release, const std::string& site, const std::string& key,
                 const std::map<std::string, std::string>& files) {
  Proof p;
  p.site = site;
  p.key = key;
  p.release = release;
  p.files = static_cast<int>(files.size());
  if (previous) p.log = previous->log, p.entries = previous->entries;
  p.log.push_back(release);
  // A file still as it was in the release before continues its entry; one
  // new, changed or back after a gap starts one.
  std::map<std::pair<std::string, std::string>, size_t> open;
  for (size_t i = 0; i < p.entries.size(); ++i) {
    if (previous && p.entries[i].last == previous->release.seq) open[{p.entries[i].hash, p.entries[i].path}] = i;
  }
  for (const auto& [path, hash] : files) {
    if (path.find('\n') != std::string::npos) continue;
    auto it = open.find({hash, path});
    if (it != open.end()) p.entries[it->second].last = release.seq;
    else p.entries.push_back({hash, path, release.seq, release.seq});
  }
  std::sort(p.entries.begin(), p.entries.end(), [](const ProofEntry& a, const ProofEntry& b) {
    return std::tie(a.hash, a.path, a.first) < std::tie(b.hash, b.path, b.first);
  });
  return p;
}

std::vector<std::pair<std::string, std::string>> proof_files(const Proof& proof) {
  const int prefix = prefix_for(proof.entries.size());
  std::vector<std::pair<std::string, std::string>> shards;
  for (const ProofEntry& e : proof.entries) {
    const std::string name = std::string(kShardDir) + e.hash.substr(0, prefix) + ".txt";
    if (shards.empty() || shards.back().first != name) shards.push_back({name, ""});
    shards.back().second += e.hash + " " + std::to_string(e.first) + " " + std::to_string(e.last) + " " + e.path + "\n";
  }
  std::string root = "congbo-proof 1\nsite " + proof.site + "\n";
  if (!proof.key.empty()) root += "key " + proof.key + "\n";
  root += stamp_line("release", proof.release) + "files " + std::to_string(proof.files) + "\n";
  for (const ReleaseStamp& r : proof.log) root += stamp_line("log", r);
  root += "prefix " + std::to_string(prefix) + "\n";
  for (const auto& [name, text] : shards) {
    root += "shard " + name.substr(std::string(kShardDir).size(), prefix) + " " + sha256_hex(text) + "\n";
  }
  shards.insert(shards.begin(), {kProofRoot, root});
  return shards;
}

std::optional<Proof> read_proof(const fs::path& dir, std::string* why) {
  auto root = file_bytes(dir / kProofRoot);
  if (!root) {
    *why = "không có " + std::string(kProofRoot) + " (bản này chưa được công bố bằng congbo publish)";
    return std::nullopt;
  }
  Proof p;
  bool header = false, have_release = false;
  for (std::string_view line : lines(*root)) {
    auto w = words(line, 5);
    const std::string_view word = w[0];
    bool ok = true;
    if (line == "congbo-proof 1") header = true;
    else if (word == "site" && w.size() == 2) p.site = std::string(w[1]);
    else if (word == "key" && w.size() == 2) p.key = std::string(w[1]);
    else if (word == "files" && w.size() == 2) p.files = whole(w[1]).value_or(0);
    else if (word == "prefix" || line.empty()) continue;
    else if (word == "release" || word == "log") {
      auto r = read_stamp(w);
      ok = r.has_value();
      if (ok && word == "release") p.release = *r, have_release = true;
      if (ok && word == "log") p.log.push_back(*r);
    } else if (word == "shard" && words(line, 3).size() == 3) {
      auto s = words(line, 3);
      const std::string name = std::string(kShardDir) + std::string(s[1]) + ".txt";
      auto text = file_bytes(dir / name);
      if (!text || sha256_hex(*text) != s[2]) {
        *why = name + (text ? " đã bị sửa: không khớp với mã băm ghi trong " : " bị thiếu, dù có tên trong ") + kProofRoot;
        return std::nullopt;
      }
      if (!read_shard(*text, p.entries)) ok = false;
    } else {
      ok = false;
    }
    if (!ok) {
      *why = std::string(kProofRoot) + " bị hỏng: không đọc được dòng “" + std::string(line.substr(0, 80)) + "”";
      return std::nullopt;
    }
  }
  if (!header || !have_release) {
    *why = std::string(kProofRoot) + " không phải bản ghi công bố của congbo";
    return std::nullopt;
  }
  std::sort(p.entries.begin(), p.entries.end(), [](const ProofEntry& a, const ProofEntry& b) {
    return std::tie(a.hash, a.path, a.first) < std::tie(b.hash, b.path, b.first);
  });
  return p;
}

bool seal_release(const fs::path& release_dir, const fs::path& served_dir, const ReleaseStamp& release,
                  const std::string& site, const SigningKey* key, std::string* why) {
  std::optional<Proof> previous;
  if (!served_dir.empty() && fs::exists(served_dir / kProofRoot)) {
    previous = read_proof(served_dir, why);
    if (!previous) return false;
  }
  const auto listed = Output::read_manifest(release_dir);
  if (!listed) {
    *why = release_dir.string() + ": không đọc được danh sách tệp của bản dựng";
    return false;
  }
  std::map<std::string, std::string> files;
  if (!hash_release(release_dir, served_dir, previous ? &*previous : nullptr, *listed, files, why)) return false;
  const Proof proof = next_proof(previous ? &*previous : nullptr, release, site, key ? key->public_key() : "", files);
  auto out = proof_files(proof);
  if (key) out.push_back({kProofSignature, key->sign(out.front().second) + "\n"});
  for (const auto& [rel, text] : out) {
    std::error_code ec;
    fs::create_directories((release_dir / rel).parent_path(), ec);
    if (!write_whole_file(release_dir / rel, text)) {
      *why = (release_dir / rel).string() + ": không ghi được";
      return false;
    }
  }
  return true;
}

std::string iso_time(const std::string& stamp) {
  if (stamp.size() != 16) return stamp;
  return stamp.substr(0, 4) + "-" + stamp.substr(4, 2) + "-" + stamp.substr(6, 2) + "T" + stamp.substr(9, 2) + ":" +
         stamp.substr(11, 2) + ":" + stamp.substr(13, 2) + "Z";
}

std::string vietnam_time(const std::string& iso) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0;
  if (std::sscanf(iso.c_str(), "%4d-%2d-%2dT%2d:%2d", &y, &mo, &d, &h, &mi) != 5) return iso;
  h += 7;
  if (h >= 24) {
    h -= 24;
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (++d > days[mo - 1] + (mo == 2 && leap)) d = 1, ++mo;
    if (mo > 12) mo = 1, ++y;
  }
  char out[48];
  std::snprintf(out, sizeof out, "%02d:%02d ngày %02d/%02d/%04d", h, mi, d, mo, y);
  return out;
}

}  // namespace congbo
