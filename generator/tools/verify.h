// verify.h: congbo verify — is this page, or this whole release, exactly
// what the committee published, and when?
//
// The trust anchor is the site's public key (site.toml's public_key, or one
// given); the release's proof (proof.h) must carry a valid signature by it.
// A file is found by its SHA-256 alone, so a page saved from the site (curl,
// wget, "Lưu trang" with HTML only) verifies wherever it is kept, and one
// from an earlier release names that release.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <string>

#include "diagnostic.h"

namespace congbo {

struct VerifyOptions {
  std::filesystem::path target;   ///< a file, or a release's folder (or publish's --to folder)
  std::filesystem::path against;  ///< the release whose proof a file is checked with; empty: the folder holding the file
  std::filesystem::path site_dir = ".";  ///< whose site.toml names the public key
  std::string public_key;         ///< instead of site.toml's
};

/// Prints what it found to `out`; false (with errors in `diags`) when the
/// target is not what was published, or cannot be checked.
bool verify(const VerifyOptions& options, std::ostream& out, Diagnostics& diags);

}  // namespace congbo
