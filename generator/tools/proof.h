// proof.h: what a release proves — every file the committee ever published,
// with its SHA-256, in which releases, under a signature.
//
// publish writes into each release, beside the pages:
//   xac-minh/ban-cong-bo.txt     the root (format below), signed
//   xac-minh/ban-cong-bo.sig     base64 Ed25519 signature of the root's exact bytes
//   xac-minh/tep/<prefix>.txt    "HASH FIRST LAST PATH" per line, by hash: the
//                                file PATH with SHA-256 HASH was in releases
//                                FIRST to LAST (sequence numbers)
// The root names the site, the public key, this release, the publication
// log (every release so far) and the SHA-256 of each shard, so one
// signature covers them all. The log is cumulative: a page from a release
// long pruned still verifies, and says which release it came from. A
// reader's browser fetches the root, its signature and one shard.
//
//   congbo-proof 1
//   site https://example.vn/
//   key ed25519:…                         (no line: an unsigned release)
//   release 12 000012-20261201T100000Z-abc1234 <commit> 2026-12-01T10:00:00Z
//   files 4321                            (in this release)
//   log 1 000001-… <commit> <time>        (oldest first; the last is this release)
//   prefix 2                              (hex digits of the shard names)
//   shard 00 <sha256 of xac-minh/tep/00.txt>
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace congbo {

struct ReleaseStamp {
  int seq = 0;
  std::string name, commit, time;  ///< time as "2026-12-01T10:00:00Z"
};

struct ProofEntry {
  std::string hash, path;  ///< path inside the release, '/'-separated
  int first = 0, last = 0;
};

struct Proof {
  std::string site, key;  ///< key "" when the release is not signed
  ReleaseStamp release;
  int files = 0;
  std::vector<ReleaseStamp> log;   ///< oldest first, ending with `release`
  std::vector<ProofEntry> entries; ///< sorted by hash, then path, then first

  const ReleaseStamp* stamp(int seq) const;
  /// The entries for one file's bytes (none: the committee never published them).
  std::vector<const ProofEntry*> find(const std::string& hash) const;
};

/// Where the proof lives inside a release, and whether `rel` is one of its files.
inline constexpr const char* kProofRoot = "xac-minh/ban-cong-bo.txt";
inline constexpr const char* kProofSignature = "xac-minh/ban-cong-bo.sig";
bool is_proof_file(const std::string& rel);

/// The proof of a release holding `files` (path → SHA-256), continuing `previous`'s log.
Proof next_proof(const Proof* previous, const ReleaseStamp& release, const std::string& site,
                 const std::string& key, const std::map<std::string, std::string>& files);

/// The proof's files: release-relative path → bytes (root first; no signature).
std::vector<std::pair<std::string, std::string>> proof_files(const Proof& proof);

/// Reads the proof of the release at `dir`, checking every shard against the
/// root's hash of it (not the signature: signature_valid() on the root's
/// bytes, kProofRoot). nullopt with `why` (Vietnamese) when it is missing or damaged.
std::optional<Proof> read_proof(const std::filesystem::path& dir, std::string* why);

/// "20261201T100000Z" (a release name's stamp) → "2026-12-01T10:00:00Z".
std::string iso_time(const std::string& stamp);
/// "2026-12-01T10:00:00Z" → "17:00 ngày 01/12/2026" (Vietnam's time, UTC+7).
std::string vietnam_time(const std::string& iso);

}  // namespace congbo

namespace congbo {

struct SigningKey;

/// Writes the proof of the release at `release_dir` (every file its build
/// listed, hashed), continuing the log of the release at `served_dir` (the
/// last one sealed; none: empty), signed with `key` (nullptr: unsigned). False with `why` when the
/// served release's proof is damaged (its log would be lost) or a file cannot be read or written.
bool seal_release(const std::filesystem::path& release_dir, const std::filesystem::path& served_dir,
                  const ReleaseStamp& release, const std::string& site, const SigningKey* key, std::string* why);

}  // namespace congbo
