// publish.h: putting a reviewed revision on the public site, safely.
//
//   TO/releases/<seq>-<time>-<commit>/       one complete build per publish
//                                            (TO: a folder here, or USER@HOST:/FOLDER: remote_publish.h)
//   TO/releases/<seq>-<time>-<commit>.json   its manifest: ref, commit, time, files and hashes
//   TO/current -> releases/…        the release the web server serves
//   releases/<…>/xac-minh/ban-cong-bo.*  its signed proof (proof.h): every
//                                    file's SHA-256 and the publication log
//
// A release is built (exactly the tree at REV) into a temporary directory
// and renamed into releases/ only when complete; then `current` is switched
// by renaming a new symlink over it, which is atomic. A publish killed at any
// moment leaves the previous release served and intact; a failing build
// never switches. Unchanged files are hard-linked from the current release.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "diagnostic.h"

namespace congbo {

struct PublishOptions {
  std::filesystem::path site_dir = ".";
  std::filesystem::path to;  ///< the folder the web server's document root points into (TO/current)
  std::string ref;           ///< branch, tag or commit; "" for HEAD
  int keep = 5;              ///< releases kept for rollback (the one served is always kept)
  /// Publish even when the new release lacks archived versions the served
  /// one has (history rewritten on purpose); refused otherwise.
  bool drop_versions = false;
  /// The secret key the release is signed with (congbo keygen); needed when
  /// site.toml has public_key, and must be that key's pair.
  std::filesystem::path key_file;
  std::string publisher;  ///< who publishes (the desk's account name), kept in the release's manifest
  /// For a `to` of USER@HOST:/FOLDER (remote_publish.h): the SSH client
  /// configuration to use (ssh -F); empty for the client's own (~/.ssh/config).
  std::filesystem::path ssh_config;
};

struct PublishReport {
  std::string release;   ///< the release now served
  std::string commit;    ///< full id
  int files = 0, reused = 0;
  bool signed_release = false;  ///< its proof carries a signature
  std::vector<std::pair<std::string, double>> timings;  ///< the build's stages, then the seal's
};

bool publish(const PublishOptions& options, Diagnostics& diags, PublishReport* report);

/// The commit TO/current was published from (its manifest's); nullopt when
/// nothing is published there yet.
std::optional<std::string> published_commit(const std::filesystem::path& to);

/// A release as its manifest tells it.
struct ReleaseInfo {
  std::string name, commit, time, publisher;  ///< publisher "" when published from the command line
  bool served = false;
};
/// The releases kept in TO, newest first.
std::vector<ReleaseInfo> release_list(const std::filesystem::path& to);

/// Switches options.to's current back to the release before it (on the
/// server for USER@HOST:/FOLDER). Reports when there is none.
bool rollback(const PublishOptions& options, Diagnostics& diags, PublishReport* report);

}  // namespace congbo
