// publish.cc: releases, the atomic switch, rollback, pruning.
#include "publish.h"

#include <stdio.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <regex>
#include <vector>

#include "cli_words.h"
#include "messages.h"
#include "proof.h"
#include "release.h"
#include "remote_publish.h"
#include "source_tree.h"
#include "text.h"

namespace fs = std::filesystem;

namespace congbo {
namespace {

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

// The newest release with a publication record, which the next continues
// (after a rollback that is not the one served: the log keeps what was
// published after it too); empty when there is none.
fs::path last_sealed(const fs::path& to) {
  auto all = release_names(to / "releases");
  for (auto it = all.rbegin(); it != all.rend(); ++it) {
    std::error_code ec;
    if (fs::exists(to / "releases" / *it / kProofRoot, ec)) return to / "releases" / *it;
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
  auto all = release_names(to / "releases");
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
  if (auto remote = remote_target(options.to.string())) return publish_remote(options, *remote, diags, report);
  auto source = release_source(options, diags);
  if (!source) return false;
  // TO/current is publish's own symlink, or nothing yet: anything else (a
  // folder the web server was given before, say) is refused before building.
  const fs::path to = options.to;
  std::error_code ec;
  const auto current = fs::symlink_status(to / "current", ec);
  if (fs::exists(current) && !fs::is_symlink(current)) {
    diags.error((to / "current").string(), 0, 0, cli::publish_current_not_ours());
    return false;
  }
  fs::create_directories(to / "releases", ec);
  ReleasePlace place;
  place.releases = to / "releases";
  place.current = (to / "current").string();
  place.served = current_release(to);
  for (const auto& r : release_names(place.releases)) place.last_seq = std::max(place.last_seq, release_seq(r));
  if (!place.served.empty()) place.served_dir = place.reuse_from = place.releases / place.served;
  place.sealed_dir = last_sealed(to);
  auto name = make_release(options, *source, place, diags, report);
  if (!name) return false;
  std::string err;
  if (!switch_to(to, *name, &err)) {
    diags.error(place.current, 0, 0, cli::publish_switch_failed(err));
    return false;
  }
  prune(to, options.keep);
  report->release = *name;
  return true;
}

std::vector<ReleaseInfo> release_list(const fs::path& to) {
  static const std::regex field(R"re("(commit|time|publisher)": "((?:[^"\\]|\\.)*)")re");
  std::vector<ReleaseInfo> out;
  const std::string served = current_release(to);
  for (const std::string& name : release_names(to / "releases")) {
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

bool rollback(const PublishOptions& options, Diagnostics& diags, PublishReport* report) {
  if (auto remote = remote_target(options.to.string())) return rollback_remote(options, *remote, diags, report);
  const fs::path& to = options.to;
  auto all = release_names(to / "releases");
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
