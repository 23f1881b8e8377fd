// git_loose.h: reading git's loose objects so that a damaged one is an error,
// never a hang. Private to the libgit2 wrapper (history.cc): the only other
// header that names a libgit2 type.
//
// Why: libgit2 1.5 (Debian 12) loops for ever inflating a truncated loose
// object (libgit2 issue #7342, fixed upstream in 2026), and any read may meet
// one: a commit, a tree, a blob for rename detection. A backend placed before
// libgit2's own reads each loose object whole, checks it against its id, and
// hands it over; packed objects pass through to libgit2 untouched.
#pragma once

struct git_repository;

namespace congbo {

/// Puts the guard in front of `repo`'s object database. Returns libgit2's
/// error code (0 on success).
int guard_loose_objects(git_repository* repo);

}  // namespace congbo
