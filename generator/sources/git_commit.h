// git_commit.h: writing to the repository — what the writers' desk does when
// a writer saves: the files they changed, committed in their name with their
// message on the current branch. libgit2 stays in git_commit.cc.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace congbo {

struct CommitAuthor {
  std::string name, email;
};

/// Makes `dir` a git repository (nothing happens to one that is already).
bool init_repository(const std::filesystem::path& dir, std::string* why);

/// Commits the working copy of `paths` (relative to `site_dir`; a path with
/// no file is removed) on the branch HEAD names, with `author` as author and
/// committer. The repository may hold the site in a sub-folder. Returns the
/// new commit's id, or nullopt with the reason in `why`. An author with no
/// name is the one git's configuration names (user.name, user.email).
std::optional<std::string> commit_files(const std::filesystem::path& site_dir, const std::vector<std::string>& paths,
                                        const CommitAuthor& author, const std::string& message, std::string* why);

struct CommitSummary {
  std::string id, author, date, subject;  ///< date as dd/mm/yyyy hh:mm, in the committer's zone
};

/// The newest `count` commits from HEAD, newest first (none without commits).
std::vector<CommitSummary> recent_commits(const std::filesystem::path& site_dir, int count);

/// The site's files (site-relative) that differ between `commit` and the
/// working copy: changed by later commits or not committed yet.
std::vector<std::string> changed_since(const std::filesystem::path& site_dir, const std::string& commit);

/// The id git gives a file of these bytes: two versions of a file are the
/// same exactly when their ids are.
std::string blob_id(std::string_view bytes);

}  // namespace congbo
