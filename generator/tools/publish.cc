// publish.cc: releases, the atomic switch, rollback, pruning.
#include "publish.h"

#include <stdio.h>
#include <unistd.h>

#include <algorithm>
#include <regex>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <map>
#include <vector>

#include "config.h"
#include "history.h"
#include "proof.h"
#include "signing.h"
#include "cli_words.h"
#include "messages.h"
#include "output.h"
#include "site.h"
#include "source_tree.h"
#include "text.h"

namespace fs = std::filesystem;

namespace congbo {
namespace {

std::string utc_stamp() {
  std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &tm);
  return buf;
}

// Release folders, oldest first (their names begin with a sequence number).
std::vector<std::string> releases(const fs::path& to) {
  std::vector<std::string> out;
  std::error_code ec;
  for (auto& e : fs::directory_iterator(to / "releases", ec)) {
    std::string name = e.path().filename().string();
    if (e.is_directory() && !name.empty() && name[0] != '.') out.push_back(name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string current_release(const fs::path& to) {
  std::error_code ec;
  fs::path target = fs::read_symlink(to / "current", ec);
  return ec ? "" : target.filename().string();
}

}  // namespace

std::optional<std::string> published_commit(const fs::path& to) {
  const std::string name = current_release(to);
  if (name.empty()) return std::nullopt;
  const std::string manifest = file_bytes(to / "releases" / (name + ".json")).value_or("");
  const std::string key = "\"commit\": \"";
  const size_t at = manifest.find(key);
  if (at == std::string::npos) return std::nullopt;
  const size_t end = manifest.find('"', at + key.size());
  return manifest.substr(at + key.size(), end - at - key.size());
}

namespace {

// Points TO/current at releases/NAME: a new symlink renamed over the old
// one, so a reader sees the old release or the new, never neither.
bool switch_to(const fs::path& to, const std::string& name, std::string* err) {
  fs::path tmp = to / (".current.tmp-" + std::to_string(::getpid()));
  std::error_code ec;
  fs::remove(tmp, ec);
  fs::create_symlink(fs::path("releases") / name, tmp, ec);
  if (ec) {
    *err = msg::system_error(ec.value());
    return false;
  }
  if (::rename(tmp.c_str(), (to / "current").c_str()) != 0) {
    *err = msg::system_error(errno);
    fs::remove(tmp, ec);
    return false;
  }
  return true;
}

// The release's manifest, from the output's own list of files: each with
// the hash of its bytes and their count ("HASH:SIZE"). Most files are listed
// with it already; a file the build knew by a key of its inputs ("k:…") or
// of its content ("c:…") is read and hashed here.
void write_manifest(const fs::path& to, const std::string& name, const std::string& ref,
                    const std::string& commit, const std::string& publisher) {
  const fs::path release = to / "releases" / name;
  const auto listed = Output::read_manifest(release).value_or(Output::Manifest{});
  const std::map<std::string, std::string> sorted(listed.begin(), listed.end());  // by path
  std::string files;
  for (auto [path, id] : sorted) {
    if (starts_with(id, "k:") || starts_with(id, "c:")) {
      const std::string bytes = file_bytes(release / path).value_or("");
      id = stable_hash(bytes) + ":" + std::to_string(bytes.size());
    }
    files += std::string(files.empty() ? "" : ",\n    ") + json_string(path) + ": " + json_string(id);
  }
  fs::path tmp = to / "releases" / ("." + name + ".json.tmp");
  {
    std::ofstream out(tmp);
    out << "{\n  \"release\": " << json_string(name) << ",\n  \"ref\": " << json_string(ref.empty() ? "HEAD" : ref)
        << ",\n  \"commit\": " << json_string(commit) << ",\n  \"time\": " << json_string(utc_stamp())
        << ",\n  \"publisher\": " << json_string(publisher)
        << ",\n  \"files\": {\n    " << files << "\n  }\n}\n";
  }
  std::error_code ec;
  fs::rename(tmp, to / "releases" / (name + ".json"), ec);
}

// The archived addresses the served release answers and the new one would
// not: every page under ".../phien-ban/" (versions, comparisons, the history)
// and the page each history belongs to. A damaged or shallow repository, or
// rewritten history, would take them off the public archive; a rename or a
// slug change does not (the old addresses stay, as redirects).
std::vector<std::string> lost_addresses(const fs::path& served, const fs::path& built) {
  auto old_files = Output::read_manifest(served);
  auto new_files = Output::read_manifest(built);
  std::vector<std::string> lost;
  if (!old_files || !new_files) return lost;
  auto keep = [&](const std::string& path) {
    if (!new_files->count(path)) lost.push_back("/" + path.substr(0, path.size() - 10));  // "/van-ban/x/phien-ban/"
  };
  for (const auto& [path, id] : *old_files) {
    const size_t at = path.find("/phien-ban/");
    if (at == std::string::npos || !ends_with(path, "/index.html")) continue;
    keep(path);
    if (path.size() == at + 21) keep(path.substr(0, at + 1) + "index.html");  // ".../phien-ban/index.html": its page
  }
  std::sort(lost.begin(), lost.end());
  return lost;
}

// The key the release is signed with, in *key (none: an unsigned release,
// when site.toml names no public_key and no key file is given). Reports a
// key that is missing, unreadable or not the pair of site.toml's public_key.
bool release_key(const PublishOptions& options, const std::string& public_key, std::optional<SigningKey>* key,
                 Diagnostics& diags) {
  if (options.key_file.empty()) {
    if (!public_key.empty()) diags.error("site.toml", 0, 0, cli::publish_needs_key());
    return public_key.empty();
  }
  std::string why;
  *key = read_signing_key(options.key_file, &why);
  if (!*key) {
    diags.error(options.key_file.string(), 0, 0, why);
    return false;
  }
  if (public_key != (*key)->public_key()) {
    diags.error("site.toml", 0, 0, cli::publish_key_mismatch((*key)->public_key(), public_key));
    return false;
  }
  return true;
}

// site.toml as the tree at `commit` has it ("" when it cannot be read: the build reports that).
SiteConfig config_at(const Repository& repo, const std::string& commit) {
  Diagnostics ignored;
  auto tree = repo.tree_at(commit, ignored);
  const std::string text = tree ? tree->read("site.toml").value_or("") : "";
  return parse_config(text, "site.toml", ignored).value_or(SiteConfig{});
}

// The newest release with a publication record, which the next continues
// (after a rollback that is not the one served: the log keeps what was
// published after it too); empty when there is none.
fs::path last_sealed(const fs::path& to, const std::string& except) {
  auto all = releases(to);
  for (auto it = all.rbegin(); it != all.rend(); ++it) {
    std::error_code ec;
    if (*it != except && fs::exists(to / "releases" / *it / kProofRoot, ec)) return to / "releases" / *it;
  }
  return {};
}

// Keeps the newest `keep` releases and the one served; removes leftovers of
// interrupted publishes.
void prune(const fs::path& to, int keep) {
  std::error_code ec;
  for (auto& e : fs::directory_iterator(to / "releases", ec)) {
    std::string name = e.path().filename().string();
    if (name.size() > 1 && name[0] == '.') fs::remove_all(e.path(), ec);
  }
  auto all = releases(to);
  const std::string served = current_release(to);
  int excess = static_cast<int>(all.size()) - std::max(keep, 1);
  for (int i = 0; i < static_cast<int>(all.size()) && excess > 0; ++i) {
    if (all[i] == served) continue;
    fs::remove_all(to / "releases" / all[i], ec);
    fs::remove(to / "releases" / (all[i] + ".json"), ec);
    --excess;
  }
}

}  // namespace

bool publish(const PublishOptions& options, Diagnostics& diags, PublishReport* report) {
  if (options.to.empty()) {
    diags.error("--to", 0, 0, cli::publish_no_target());
    return false;
  }
  auto repo = Repository::open(options.site_dir, diags);
  if (!repo) {
    if (!diags.has_errors()) diags.error(options.site_dir.string(), 0, 0, cli::publish_needs_repository());
    return false;
  }
  auto commit = repo->commit_id(options.ref, diags);
  if (!commit) return false;
  const SiteConfig config = config_at(*repo, *commit);
  std::optional<SigningKey> key;
  if (!release_key(options, config.public_key, &key, diags)) return false;
  repo.reset();
  // TO/current is publish's own symlink, or nothing yet: anything else (a
  // folder the web server was given before, say) is refused before building.
  std::error_code ec;
  const auto current = fs::symlink_status(options.to / "current", ec);
  if (fs::exists(current) && !fs::is_symlink(current)) {
    diags.error((options.to / "current").string(), 0, 0, cli::publish_current_not_ours());
    return false;
  }

  fs::create_directories(options.to / "releases", ec);
  // "000042-20261123T220709Z-0b602de": the sequence number orders releases
  // even when two are published within the same second.
  long seq = 0;
  for (const auto& r : releases(options.to)) seq = std::max(seq, std::strtol(r.c_str(), nullptr, 10));
  char number[24];
  std::snprintf(number, sizeof number, "%06ld", seq + 1);
  const std::string stamp = utc_stamp();
  const std::string name = std::string(number) + "-" + stamp + "-" + commit->substr(0, 7);
  const std::string served = current_release(options.to);

  BuildOptions build_options;
  build_options.site_dir = options.site_dir;
  build_options.out_dir = options.to / "releases" / name;
  build_options.ref = options.ref.empty() ? *commit : options.ref;
  if (!served.empty()) build_options.reuse_from = options.to / "releases" / served;
  BuildReport built;
  if (!build(build_options, diags, &built)) return false;  // nothing switched
  if (!served.empty() && !options.drop_versions) {
    auto lost = lost_addresses(options.to / "releases" / served, build_options.out_dir);
    if (!lost.empty()) {
      diags.error((options.to / "current").string(), 0, 0, cli::publish_would_lose_versions(lost));
      fs::remove_all(build_options.out_dir, ec);
      return false;
    }
  }

  report->timings = built.timings;
  const auto seal_start = std::chrono::steady_clock::now();
  std::string why;
  if (!seal_release(build_options.out_dir, last_sealed(options.to, name), {static_cast<int>(seq + 1), name, *commit, iso_time(stamp)},
                    config.base_url, key ? &*key : nullptr, &why)) {
    diags.error((options.to / "current").string(), 0, 0, cli::publish_proof_failed(why));
    fs::remove_all(build_options.out_dir, ec);
    return false;
  }
  report->timings.push_back({"seal (hash every file, sign the record)",
                             std::chrono::duration<double>(std::chrono::steady_clock::now() - seal_start).count()});
  write_manifest(options.to, name, options.ref, *commit, options.publisher);
  std::string err;
  if (!switch_to(options.to, name, &err)) {
    diags.error((options.to / "current").string(), 0, 0, cli::publish_switch_failed(err));
    return false;
  }
  prune(options.to, options.keep);
  report->release = name;
  report->commit = *commit;
  report->files = built.files;
  report->reused = built.reused;
  report->signed_release = key.has_value();
  return true;
}

std::vector<ReleaseInfo> release_list(const fs::path& to) {
  static const std::regex field(R"re("(commit|time|publisher)": "((?:[^"\\]|\\.)*)")re");
  std::vector<ReleaseInfo> out;
  const std::string served = current_release(to);
  for (const std::string& name : releases(to)) {
    ReleaseInfo r{name, "", "", "", name == served};
    const std::string head = file_bytes(to / "releases" / (name + ".json")).value_or("").substr(0, 4096);
    for (auto it = std::sregex_iterator(head.begin(), head.end(), field); it != std::sregex_iterator(); ++it) {
      const std::string key = (*it)[1], value = (*it)[2];
      (key == "commit" ? r.commit : key == "time" ? r.time : r.publisher) = value;
    }
    out.push_back(std::move(r));
  }
  std::reverse(out.begin(), out.end());
  return out;
}

bool rollback(const fs::path& to, Diagnostics& diags, PublishReport* report) {
  auto all = releases(to);
  const std::string served = current_release(to);
  auto it = std::find(all.begin(), all.end(), served);
  if (it == all.end() || it == all.begin()) {
    diags.error((to / "current").string(), 0, 0, cli::rollback_nothing());
    return false;
  }
  std::string err;
  if (!switch_to(to, *(it - 1), &err)) {
    diags.error((to / "current").string(), 0, 0, cli::publish_switch_failed(err));
    return false;
  }
  report->release = *(it - 1);
  return true;
}

}  // namespace congbo
