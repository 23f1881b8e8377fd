// remote_publish.h: publishing to a web server that is another machine,
// reached over SSH, with the guarantees of publish.h:
//
//   1. ask the server (ssh) which release it serves and which it keeps;
//   2. fetch the served release's file list and proof, to check that no
//      archived address would be lost and to continue the publication log;
//   3. build and seal the new release here, in a temporary folder;
//   4. send it (rsync) into releases/.NAME.partial on the server, unchanged
//      files hard-linked there from the served release (--link-dest), then
//      its manifest;
//   5. on the server: rename both into place, point a new symlink at the
//      release and rename it over `current` (atomic), prune old releases.
//
// Killed or cut off at any moment, the server still serves the old release
// whole (or, after step 5's rename, the new one whole); what was left is
// cleared by the next publish. The server needs a POSIX shell, coreutils
// and rsync; the account's SSH key is the client's own (or --ssh-config's).
#pragma once

#include <optional>
#include <string>

#include "diagnostic.h"
#include "publish.h"

namespace congbo {

struct RemoteTarget {
  std::string host;   ///< "user@host" or "host" (a name from the SSH config)
  std::string path;   ///< the folder on the server, absolute
  std::string error;  ///< why the address is not usable ("" when it is)
};

/// "USER@HOST:/srv/web" → the server and folder; nullopt for a folder on
/// this machine. A malformed address comes back with its `error`.
std::optional<RemoteTarget> remote_target(const std::string& to);

bool publish_remote(const PublishOptions& options, const RemoteTarget& target, Diagnostics& diags,
                    PublishReport* report);
bool rollback_remote(const PublishOptions& options, const RemoteTarget& target, Diagnostics& diags,
                     PublishReport* report);

}  // namespace congbo
