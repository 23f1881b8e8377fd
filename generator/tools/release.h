// release.h: making one release of a committed revision, wherever it will
// be served (a folder here, or a server reached over SSH): built into its
// own folder, checked against the release served now so no archived address
// is lost, sealed with its proof, and its manifest written beside it.
// Switching the web server to it is the caller's: publish.h, remote_publish.h.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "diagnostic.h"
#include "publish.h"
#include "signing.h"

namespace congbo {

/// The revision to publish, with what its site.toml asks of a release.
struct ReleaseSource {
  std::string commit;    ///< full id
  std::string base_url;  ///< site.toml's, for the proof
  std::optional<SigningKey> key;  ///< none: an unsigned release
};
/// Reads REV's commit and site.toml and the signing key; reports a missing
/// repository, an unknown revision, a missing or mismatched key.
std::optional<ReleaseSource> release_source(const PublishOptions& options, Diagnostics& diags);

/// Where a new release is made and what it follows.
struct ReleasePlace {
  std::filesystem::path releases;    ///< the folder the release and its manifest are written into
  std::string current;               ///< how to name the served link in messages ("/srv/web/current")
  std::string served;                ///< the release served now; "" for none
  std::filesystem::path served_dir;  ///< its output list and proof, here; "" for none
  std::filesystem::path reuse_from;  ///< a whole copy of it to hard-link unchanged files from; "" for none
  std::filesystem::path sealed_dir;  ///< the last release with a publication record; "" for none
  long last_seq = 0;                 ///< the highest sequence number among the releases
};

/// Builds, checks, seals and lists the release in place.releases; its name
/// ("000042-20261123T220709Z-0b602de"), or nullopt with the reason in diags
/// and nothing left behind.
std::optional<std::string> make_release(const PublishOptions& options, const ReleaseSource& source,
                                        const ReleasePlace& place, Diagnostics& diags, PublishReport* report);

/// Release folders in `releases`, oldest first (their names begin with a sequence number).
std::vector<std::string> release_names(const std::filesystem::path& releases);

/// The sequence number a release's name begins with.
long release_seq(const std::string& name);

}  // namespace congbo
