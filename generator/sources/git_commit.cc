// git_commit.cc: commits through libgit2.
#include "git_commit.h"

#include <git2.h>

#include <ctime>
#include <memory>

namespace congbo {
namespace {

template <typename T, void (*Free)(T*)>
struct Freer {
  void operator()(T* p) const { Free(p); }
};
template <typename T, void (*Free)(T*)>
using Owned = std::unique_ptr<T, Freer<T, Free>>;

// libgit2 set up for one call, and shut down after it.
struct Library {
  Library() { git_libgit2_init(); }
  ~Library() { git_libgit2_shutdown(); }
};

// The repository holding `site_dir` (searched upward); empty when there is none.
Owned<git_repository, git_repository_free> open_repository(const std::filesystem::path& site_dir) {
  git_repository* raw = nullptr;
  if (git_repository_open_ext(&raw, site_dir.c_str(), 0, nullptr) != 0) return nullptr;
  return Owned<git_repository, git_repository_free>(raw);
}

std::string last_error() {
  const git_error* e = git_error_last();
  return e && e->message ? e->message : "libgit2";
}

// A site-relative path as the repository names it ("site/content/x.md" when
// the site is a sub-folder of the work tree).
std::string repo_path(git_repository* repo, const std::filesystem::path& site_dir, const std::string& rel) {
  const std::filesystem::path workdir = std::filesystem::weakly_canonical(git_repository_workdir(repo));
  const std::filesystem::path site = std::filesystem::weakly_canonical(std::filesystem::absolute(site_dir));
  return (site.lexically_relative(workdir) / rel).lexically_normal().generic_string();
}

}  // namespace

bool init_repository(const std::filesystem::path& dir, std::string* why) {
  Library library;
  git_repository* repo = nullptr;
  const int rc = git_repository_init(&repo, dir.c_str(), 0);
  if (rc != 0 && why) *why = last_error();
  git_repository_free(repo);
  return rc == 0;
}

std::optional<std::string> commit_files(const std::filesystem::path& site_dir, const std::vector<std::string>& paths,
                                        const CommitAuthor& author, const std::string& message, std::string* why) {
  Library library;
  auto fail = [&]() -> std::optional<std::string> {
    if (why) *why = last_error();
    return std::nullopt;
  };
  auto repo = open_repository(site_dir);
  if (!repo) return fail();
  git_index* raw_index = nullptr;
  if (git_repository_index(&raw_index, repo.get()) != 0) return fail();
  Owned<git_index, git_index_free> index(raw_index);
  for (const std::string& rel : paths) {
    const std::string in_repo = repo_path(repo.get(), site_dir, rel);
    const bool present = std::filesystem::exists(site_dir / rel);
    if ((present ? git_index_add_bypath(index.get(), in_repo.c_str())
                 : git_index_remove_bypath(index.get(), in_repo.c_str())) != 0) {
      return fail();
    }
  }
  git_oid tree_id, commit_id;
  if (git_index_write(index.get()) != 0 || git_index_write_tree(&tree_id, index.get()) != 0) return fail();
  git_tree* raw_tree = nullptr;
  if (git_tree_lookup(&raw_tree, repo.get(), &tree_id) != 0) return fail();
  Owned<git_tree, git_tree_free> tree(raw_tree);
  git_signature* raw_sig = nullptr;
  const bool named = !author.name.empty() ? git_signature_now(&raw_sig, author.name.c_str(), author.email.c_str()) == 0
                                          : (git_signature_default(&raw_sig, repo.get()) == 0 ||
                                             git_signature_now(&raw_sig, "congbo", "congbo@localhost") == 0);
  if (!named) return fail();
  Owned<git_signature, git_signature_free> sig(raw_sig);
  git_object* raw_head = nullptr;  // none in a repository without commits
  const bool has_head = git_revparse_single(&raw_head, repo.get(), "HEAD^{commit}") == 0;
  Owned<git_object, git_object_free> head(has_head ? raw_head : nullptr);
  const git_commit* parents[] = {reinterpret_cast<const git_commit*>(head.get())};
  if (git_commit_create(&commit_id, repo.get(), "HEAD", sig.get(), sig.get(), "UTF-8", message.c_str(), tree.get(),
                        has_head ? 1 : 0, parents) != 0) {
    return fail();
  }
  char hex[GIT_OID_HEXSZ + 1];
  git_oid_tostr(hex, sizeof hex, &commit_id);
  return std::string(hex);
}

std::vector<CommitSummary> recent_commits(const std::filesystem::path& site_dir, int count) {
  Library library;
  std::vector<CommitSummary> out;
  auto repo = open_repository(site_dir);
  if (!repo) return out;
  git_revwalk* raw_walk = nullptr;
  if (git_revwalk_new(&raw_walk, repo.get()) != 0) return out;
  Owned<git_revwalk, git_revwalk_free> walk(raw_walk);
  git_revwalk_sorting(walk.get(), GIT_SORT_TIME);
  if (git_revwalk_push_head(walk.get()) != 0) return out;
  git_oid id;
  while (static_cast<int>(out.size()) < count && git_revwalk_next(&id, walk.get()) == 0) {
    git_commit* raw = nullptr;
    if (git_commit_lookup(&raw, repo.get(), &id) != 0) break;
    Owned<git_commit, git_commit_free> commit(raw);
    const git_signature* a = git_commit_author(commit.get());
    const time_t when = static_cast<time_t>(a->when.time + a->when.offset * 60);
    std::tm tm{};
    gmtime_r(&when, &tm);
    char date[32];
    std::strftime(date, sizeof date, "%d/%m/%Y %H:%M", &tm);
    char hex[GIT_OID_HEXSZ + 1];
    git_oid_tostr(hex, sizeof hex, &id);
    const char* summary = git_commit_summary(commit.get());
    out.push_back({hex, a->name ? a->name : "", date, summary ? summary : ""});
  }
  return out;
}

std::vector<std::string> changed_since(const std::filesystem::path& site_dir, const std::string& commit) {
  Library library;
  std::vector<std::string> out;
  auto repo = open_repository(site_dir);
  if (!repo) return out;
  git_object* raw_tree = nullptr;
  if (git_revparse_single(&raw_tree, repo.get(), (commit + "^{tree}").c_str()) != 0) return out;
  Owned<git_object, git_object_free> tree(raw_tree);
  git_diff_options opts = GIT_DIFF_OPTIONS_INIT;
  opts.flags |= GIT_DIFF_INCLUDE_UNTRACKED | GIT_DIFF_RECURSE_UNTRACKED_DIRS;
  git_diff* raw_diff = nullptr;
  if (git_diff_tree_to_workdir_with_index(&raw_diff, repo.get(), reinterpret_cast<git_tree*>(tree.get()), &opts) != 0) return out;
  Owned<git_diff, git_diff_free> diff(raw_diff);
  const std::string prefix = repo_path(repo.get(), site_dir, "");
  for (size_t i = 0; i < git_diff_num_deltas(diff.get()); ++i) {
    std::string path = git_diff_get_delta(diff.get(), i)->new_file.path;
    if (prefix != "." && !prefix.empty()) {
      if (path.rfind(prefix, 0) != 0) continue;  // outside the site's folder
      path = path.substr(prefix.size());
    }
    if (path.rfind("content/", 0) == 0 || path.rfind("static/", 0) == 0 || path == "site.toml") out.push_back(path);
  }
  return out;
}

std::string blob_id(std::string_view bytes) {
  Library library;
  git_oid id;
  git_odb_hash(&id, bytes.data(), bytes.size(), GIT_OBJECT_BLOB);
  char hex[GIT_OID_HEXSZ + 1];
  git_oid_tostr(hex, sizeof hex, &id);
  return hex;
}

}  // namespace congbo
