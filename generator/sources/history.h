// history.h: the site's history from git (the only user of libgit2).
// History is read once: one walk from HEAD (or --ref) along first parents,
// one tree diff per commit (shared out between threads), giving every
// content file its list of versions; pages then look theirs up.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "date.h"
#include "diagnostic.h"
#include "source_tree.h"

namespace congbo {

struct Version {
  std::string commit;     ///< full id
  std::string short_id;   ///< first 7 hex digits: the version's permanent URL part
  Date date;              ///< commit date, in the committer's zone
  std::string time;       ///< ISO 8601 with zone, for <time datetime>
  std::string author;
  std::string subject;    ///< first line of the commit message
  std::string blob;       ///< the file's blob id; empty for a deletion
  std::string path;       ///< site-relative path of the file in this version
  bool deleted = false;
  /// Its commit's place on the first-parent chain (0: the oldest commit read;
  /// larger is newer): orders the versions of different files.
  long seq = 0;
};

struct FileHistory {
  std::string path;               ///< latest path (for deleted files: the path it was deleted at)
  std::vector<Version> versions;  ///< newest first
  bool truncated = false;         ///< a shallow clone: older history is not in this copy
};

class Repository {
 public:
  ~Repository();
  Repository(const Repository&) = delete;
  Repository& operator=(const Repository&) = delete;

  /// Opens the repository containing `site_dir`, searching upward. Returns
  /// nullptr when there is none (not an error); reports a broken repository.
  static std::unique_ptr<Repository> open(const std::filesystem::path& site_dir, Diagnostics& diags);

  /// Walks history from `rev` ("" for HEAD) once. Reports a REV that does
  /// not exist. A repository without commits has no history. May run on
  /// another thread while this thread calls tree_at(), changed_since_head()
  /// and commit_id(); call history() and deleted() only after it returned.
  /// With `cache_file`, what a walk finds is kept there: at the same commit
  /// the next call reads it instead of walking, at a later one it walks only
  /// the commits since.
  /// The commits are compared on `jobs` threads (0: one per core).
  bool read_history(const std::string& rev, Diagnostics& diags, const std::filesystem::path& cache_file = {},
                    int jobs = 0);

  /// History of the file now at `rel` (site-relative), or nullptr.
  const FileHistory* history(const std::string& rel) const;
  /// Pages (.md) whose newest change is their deletion.
  std::vector<const FileHistory*> deleted() const;
  /// Any content file's history (attachments and images too), also when it
  /// has since been removed, or nullptr.
  const FileHistory* any_history(const std::string& rel) const;
  /// The version of the file at `rel` (its path now, or when removed) that
  /// was in the tree at the commit numbered `seq` (Version::seq); nullptr
  /// when the file was not there then.
  const Version* version_at(const std::string& rel, long seq) const;
  /// A blob's bytes by id; nullopt, with libgit2's reason in `why`, when it
  /// cannot be read (a damaged repository).
  std::optional<std::string> blob(const std::string& id, std::string* why = nullptr) const;
  /// Reads every version the archive keeps, reporting each that cannot be
  /// read at its file: what `check` does instead of rendering them.
  void verify_versions(Diagnostics& diags) const;
  /// Whether `bytes`, the working copy of `rel`, differs from the file in HEAD.
  bool changed_since_head(const std::string& rel, const std::string& bytes) const;
  /// The full id of the commit `rev` names ("" for HEAD); reports an unknown REV.
  std::optional<std::string> commit_id(const std::string& rev, Diagnostics& diags) const;
  /// The site's files as they are in the tree at `rev`. Reports an unknown REV.
  std::unique_ptr<SourceTree> tree_at(const std::string& rev, Diagnostics& diags) const;

 private:
  Repository();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace congbo
