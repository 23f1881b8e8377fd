// release.cc: one release built, checked against the served one, sealed, listed.
#include "release.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <map>

#include "cli_words.h"
#include "config.h"
#include "history.h"
#include "output.h"
#include "proof.h"
#include "publication_log.h"
#include "site.h"
#include "source_tree.h"
#include "text.h"

namespace fs = std::filesystem;

namespace congbo {

std::vector<std::string> release_names(const fs::path& releases) {
  std::vector<std::string> out;
  std::error_code ec;
  for (auto& e : fs::directory_iterator(releases, ec)) {
    std::string name = e.path().filename().string();
    if (e.is_directory() && !name.empty() && name[0] != '.') out.push_back(name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

long release_seq(const std::string& name) { return std::strtol(name.c_str(), nullptr, 10); }

namespace {

std::string utc_stamp() {
  std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &tm);
  return buf;
}

// The release's manifest, from the output's own list of files: each with
// the hash of its bytes and their count ("HASH:SIZE"). Most files are listed
// with it already; a file the build knew by a key of its inputs ("k:…") or
// of its content ("c:…") is read and hashed here.
void write_manifest(const fs::path& releases, const std::string& name, const std::string& ref,
                    const std::string& commit, const std::string& publisher) {
  const fs::path release = releases / name;
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
  fs::path tmp = releases / ("." + name + ".json.tmp");
  {
    std::ofstream out(tmp);
    out << "{\n  \"release\": " << json_string(name) << ",\n  \"ref\": " << json_string(ref.empty() ? "HEAD" : ref)
        << ",\n  \"commit\": " << json_string(commit) << ",\n  \"time\": " << json_string(utc_stamp())
        << ",\n  \"publisher\": " << json_string(publisher)
        << ",\n  \"files\": {\n    " << files << "\n  }\n}\n";
  }
  std::error_code ec;
  fs::rename(tmp, releases / (name + ".json"), ec);
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

// "000042-20261123T220709Z-0b602de": the sequence number orders releases
// even when two are published within the same second.
std::string release_name(long seq, const std::string& stamp, const std::string& commit) {
  char number[24];
  std::snprintf(number, sizeof number, "%06ld", seq);
  return std::string(number) + "-" + stamp + "-" + commit.substr(0, 7);
}

}  // namespace

std::optional<ReleaseSource> release_source(const PublishOptions& options, Diagnostics& diags) {
  auto repo = Repository::open(options.site_dir, diags);
  if (!repo) {
    if (!diags.has_errors()) diags.error(options.site_dir.string(), 0, 0, cli::publish_needs_repository());
    return std::nullopt;
  }
  auto commit = repo->commit_id(options.ref, diags);
  if (!commit) return std::nullopt;
  const SiteConfig config = config_at(*repo, *commit);
  ReleaseSource source{*commit, config.base_url, std::nullopt};
  if (!release_key(options, config.public_key, &source.key, diags)) return std::nullopt;
  return source;
}

std::optional<std::string> make_release(const PublishOptions& options, const ReleaseSource& source,
                                        const ReleasePlace& place, Diagnostics& diags, PublishReport* report) {
  const std::string stamp = utc_stamp();
  const std::string name = release_name(place.last_seq + 1, stamp, source.commit);
  BuildOptions build_options;
  build_options.site_dir = options.site_dir;
  build_options.out_dir = place.releases / name;
  build_options.ref = options.ref.empty() ? source.commit : options.ref;
  build_options.reuse_from = place.reuse_from;
  // The publication log continues the last sealed release's.
  if (!place.sealed_dir.empty()) {
    build_options.publication_log = read_publication_log(file_bytes(place.sealed_dir / kPublicationLogFile).value_or(""));
  }
  build_options.publication_log.push_back({static_cast<int>(place.last_seq + 1), iso_time(stamp), source.commit, options.publisher});
  BuildReport built;
  if (!build(build_options, diags, &built)) return std::nullopt;  // nothing switched
  std::error_code ec;
  if (!place.served_dir.empty() && !options.drop_versions) {
    auto lost = lost_addresses(place.served_dir, build_options.out_dir);
    if (!lost.empty()) {
      diags.error(place.current, 0, 0, cli::publish_would_lose_versions(lost));
      fs::remove_all(build_options.out_dir, ec);
      return std::nullopt;
    }
  }
  report->timings = built.timings;
  const auto seal_start = std::chrono::steady_clock::now();
  std::string why;
  const ReleaseStamp release{static_cast<int>(place.last_seq + 1), name, source.commit, iso_time(stamp)};
  if (!seal_release(build_options.out_dir, place.sealed_dir, release, source.base_url,
                    source.key ? &*source.key : nullptr, &why)) {
    diags.error(place.current, 0, 0, cli::publish_proof_failed(why));
    fs::remove_all(build_options.out_dir, ec);
    return std::nullopt;
  }
  report->timings.push_back({"seal (hash every file, sign the record)",
                             std::chrono::duration<double>(std::chrono::steady_clock::now() - seal_start).count()});
  write_manifest(place.releases, name, options.ref, source.commit, options.publisher);
  report->commit = source.commit;
  report->files = built.files;
  report->reused = built.reused;
  report->signed_release = source.key.has_value();
  return name;
}

}  // namespace congbo
