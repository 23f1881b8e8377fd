// history.cc: libgit2 behind Repository. Every git_* pointer is owned by a
// unique_ptr with libgit2's free function and never leaves this file.
#include "history.h"

#include <git2.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <mutex>
#include <unordered_map>
#include <set>
#include <sstream>
#include <thread>

#include "git_loose.h"
#include "git_packs.h"
#include "workers.h"
#include "messages.h"
#include "text.h"

namespace fs = std::filesystem;

namespace congbo {
namespace {

template <typename T, void (*Free)(T*)>
struct Deleter {
  void operator()(T* p) const { if (p) Free(p); }
};
using RepoPtr = std::unique_ptr<git_repository, Deleter<git_repository, git_repository_free>>;
using CommitPtr = std::unique_ptr<git_commit, Deleter<git_commit, git_commit_free>>;
using TreePtr = std::unique_ptr<git_tree, Deleter<git_tree, git_tree_free>>;
using DiffPtr = std::unique_ptr<git_diff, Deleter<git_diff, git_diff_free>>;
using BlobPtr = std::unique_ptr<git_blob, Deleter<git_blob, git_blob_free>>;
using ObjectPtr = std::unique_ptr<git_object, Deleter<git_object, git_object_free>>;
using EntryPtr = std::unique_ptr<git_tree_entry, Deleter<git_tree_entry, git_tree_entry_free>>;

std::string last_error() {
  const git_error* e = git_error_last();
  return e && e->message ? e->message : "lỗi không rõ";
}

std::string hex(const git_oid* oid) {
  char buf[GIT_OID_HEXSZ + 1];
  git_oid_tostr(buf, sizeof buf, oid);
  return buf;
}

// What HEAD names, for a message when that commit cannot be read.
std::string head_id(git_repository* repo) {
  git_oid id;
  return git_reference_name_to_id(&id, repo, "HEAD") == 0 ? hex(&id) : "HEAD";
}

// Objects rebuilt from deltas kept per repository handle (git_packs.h): a
// file's versions and the content folder's trees, one commit to the next.
constexpr size_t kKeptBases = size_t(6) << 20;

// Opens the repository at `git_dir` with the loose-object guard and the pack reader in front.
RepoPtr open_guarded(const char* git_dir) {
  git_repository* raw = nullptr;
  if (git_repository_open(&raw, git_dir) != 0) return nullptr;
  RepoPtr repo(raw);
  if (guard_loose_objects(repo.get()) != 0) return nullptr;
  (void)read_packs_with_bases_kept(repo.get(), kKeptBases);  // without it, libgit2 reads them (slower)
  return repo;
}

// The object `spec` names, peeled to `type` (a commit, a tree); nullptr if none.
ObjectPtr resolve(git_repository* repo, const std::string& spec, git_object_t type) {
  git_object* obj = nullptr;
  if (git_revparse_single(&obj, repo, spec.c_str()) != 0) return nullptr;
  ObjectPtr o(obj);
  git_object* peeled = nullptr;
  if (git_object_peel(&peeled, o.get(), type) != 0) return nullptr;
  return ObjectPtr(peeled);
}

std::optional<std::string> blob_bytes(git_repository* repo, const git_oid* id) {
  git_blob* b = nullptr;
  if (git_blob_lookup(&b, repo, id) != 0) return std::nullopt;
  BlobPtr blob(b);
  return std::string(static_cast<const char*>(git_blob_rawcontent(blob.get())),
                     static_cast<size_t>(git_blob_rawsize(blob.get())));
}

// libgit2 is set up once for the process and left so until it ends: each
// set-up parses the system's CA certificates (288 of them, ~5 ms; libgit2
// is built with mbedTLS), and a build opens the repository twice (the
// build stamp, then the load), with a teardown in between when each
// Repository set it up and tore it down itself.
struct Libgit2 {
  static void ensure() { static Libgit2* once = new Libgit2; (void)once; }

 private:
  Libgit2() {
    git_libgit2_init();
    // Trees stay out of the object cache (libgit2 keeps only those under
    // 4 KiB): the walk reads each version of the content folder once and
    // hands it on as the next commit's parent itself. Caching them (up to
    // 64 MiB per handle) made the walk no faster and its peak 100+ MB higher.
    git_libgit2_opts(GIT_OPT_SET_CACHE_MAX_SIZE, static_cast<ssize_t>(64) << 20);
    // Do not hash every object again on reading to check it against its id,
    // as git itself does not (it checks on fsck and when objects arrive).
    // With the check, reading 1,000 versions of a 10,000-entry content folder
    // took 1.9 s, 1.6 s of it hashing half a gigabyte of trees; without, 0.3 s.
    git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
  }
};

// Commit time in the committer's own zone: what the office saw on its clock.
void set_time(Version& v, const git_time& when) {
  std::time_t t = static_cast<std::time_t>(when.time + when.offset * 60);
  std::tm tm{};
  gmtime_r(&t, &tm);
  v.date = {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
  char buf[64];
  int off = when.offset;
  char sign = off < 0 ? '-' : '+';
  off = off < 0 ? -off : off;
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", tm.tm_year + 1900, tm.tm_mon + 1,
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, sign, off / 60, off % 60);
  v.time = buf;
}

// Every file in `tree` as (path with `prefix` removed → blob id), in one walk.
// Looking entries up one by one re-reads large trees each time: libgit2 does
// not cache tree objects over 4 KiB, and a folder of 10,000 documents is 600.
// Symbolic links (mode 120000) are left out: their blob is the link's text.
// False when a folder of the tree cannot be read.
bool blob_ids(git_tree* tree, const std::string& prefix, std::map<std::string, git_oid>& out,
              std::map<std::string, git_oid>* links = nullptr) {
  struct Ctx { std::map<std::string, git_oid>* out; const std::string* prefix; std::map<std::string, git_oid>* links; };
  Ctx ctx{&out, &prefix, links};
  return git_tree_walk(tree, GIT_TREEWALK_PRE,
                [](const char* root, const git_tree_entry* e, void* payload) -> int {
                  auto* c = static_cast<Ctx*>(payload);
                  std::string path = std::string(root) + git_tree_entry_name(e);
                  if (git_tree_entry_type(e) == GIT_OBJECT_TREE) {
                    // descend only into the site's folder
                    std::string dir = path + "/";
                    bool inside = dir.compare(0, c->prefix->size(), *c->prefix) == 0 ||
                                  c->prefix->compare(0, dir.size(), dir) == 0;
                    return inside ? 0 : 1;
                  }
                  if (git_tree_entry_type(e) == GIT_OBJECT_BLOB && path.compare(0, c->prefix->size(), *c->prefix) == 0) {
                    if (git_tree_entry_filemode(e) == GIT_FILEMODE_LINK) {
                      if (c->links) (*c->links)[path.substr(c->prefix->size())] = *git_tree_entry_id(e);
                    } else {
                      (*c->out)[path.substr(c->prefix->size())] = *git_tree_entry_id(e);
                    }
                  }
                  return 0;
                },
                &ctx) == 0;
}

// The tree at REV, a SourceTree for `build --ref`. A committed symbolic
// link is followed when it leads to a file or folder of the site, as it is
// in the working copy, and is otherwise an error; never published as the
// text it holds.
class GitTreeSource : public SourceTree {
 public:
  GitTreeSource(git_repository* repo, TreePtr tree, const std::string& prefix, const std::string& rev)
      : repo_(repo), tree_(std::move(tree)) {
    std::map<std::string, git_oid> links;  // their blobs hold the link text
    if (!blob_ids(tree_.get(), prefix, files_, &links)) problem(rev, msg::tree_unreadable(rev, last_error()));
    follow_links(links);
  }

  std::optional<std::string> read(const std::string& rel) const override {
    auto it = files_.find(rel);
    if (it == files_.end()) return std::nullopt;
    auto bytes = blob_bytes(repo_, &it->second);
    if (!bytes) problem(rel, msg::tree_file_unreadable(hex(&it->second), last_error()));
    return bytes;
  }
  bool exists(const std::string& rel) const override { return files_.count(rel) > 0; }
  bool is_dir(const std::string& rel) const override {
    std::string dir = rel.empty() || rel.back() == '/' ? rel : rel + "/";
    auto it = files_.lower_bound(dir);
    return it != files_.end() && it->first.compare(0, dir.size(), dir) == 0;
  }
  std::vector<std::string> list(const std::string& rel_dir) const override {
    std::string dir = rel_dir.empty() || rel_dir.back() == '/' ? rel_dir : rel_dir + "/";
    std::vector<std::string> out;
    for (auto it = files_.lower_bound(dir); it != files_.end() && it->first.compare(0, dir.size(), dir) == 0; ++it) {
      out.push_back(it->first);
    }
    return out;  // std::map keeps them sorted
  }

 private:
  // Each link becomes the file (or the folder's files) it names. A link to
  // a link is taken once that one is; a few rounds settle any real chain,
  // and what is left leads out of the site, nowhere, or round in a loop.
  void follow_links(const std::map<std::string, git_oid>& links) {
    std::map<std::string, std::string> targets;  // link → its target, site-relative
    for (const auto& [link, id] : links) {
      const std::string text = blob_bytes(repo_, &id).value_or("");
      auto target = link_target(link, text);
      if (!target) {
        problem(link, msg::symlink_outside(text));
        continue;
      }
      targets[link] = *target;
    }
    for (int round = 0; round < 8 && !targets.empty(); ++round) {
      for (auto t = targets.begin(); t != targets.end();) {
        t = take(t->first, t->second) ? targets.erase(t) : std::next(t);
      }
    }
    for (const auto& [link, target] : targets) problem(link, msg::symlink_dangling(target));
  }

  bool take(const std::string& link, const std::string& target) {
    if (auto f = files_.find(target); f != files_.end()) {
      files_[link] = f->second;
      return true;
    }
    const std::string dir = target + "/";
    if (link.compare(0, dir.size(), dir) == 0) return false;  // a folder holding the link: a loop
    std::vector<std::pair<std::string, git_oid>> found;
    for (auto f = files_.lower_bound(dir); f != files_.end() && f->first.compare(0, dir.size(), dir) == 0; ++f) {
      found.emplace_back(link + "/" + f->first.substr(dir.size()), f->second);
    }
    for (auto& [path, id] : found) files_[path] = id;
    return !found.empty();
  }

  git_repository* repo_;
  TreePtr tree_;
  std::map<std::string, git_oid> files_;
};

}  // namespace

struct Repository::Impl {
  Impl() { Libgit2::ensure(); }
  RepoPtr repo;
  std::string prefix;  ///< the site's folder inside the repository, "" or "site/"
  std::map<std::string, FileHistory> files;  ///< by latest path
  TreePtr head_tree;
  std::once_flag head_once;
  std::optional<std::map<std::string, git_oid>> head_files;  ///< read on first use
  std::mutex mu;  ///< libgit2 objects are not to be shared between threads unguarded
  /// Old versions read once are kept, to a bound: the link step reads some
  /// (a version's slug: redirect_pages.h) that the archive renders later.
  std::unordered_map<std::string, std::string> read_blobs;
  size_t read_bytes = 0;
  static constexpr size_t kKeepBytes = 64u << 20;

  std::optional<TreePtr> tree_of(const std::string& rev, Diagnostics& diags, bool* unborn) {
    *unborn = false;
    ObjectPtr tree = resolve(repo.get(), rev.empty() ? "HEAD" : rev, GIT_OBJECT_TREE);
    if (!tree) {
      if (rev.empty() && git_repository_head_unborn(repo.get()) == 1) {  // no commits yet
        *unborn = true;
      } else if (rev.empty()) {
        diags.error(".git", 0, 0, msg::head_unreadable(head_id(repo.get()), last_error()));
      } else {
        diags.error(rev, 0, 0, msg::unknown_revision(rev));
      }
      return std::nullopt;
    }
    return TreePtr(reinterpret_cast<git_tree*>(tree.release()));
  }
};

Repository::Repository() : impl_(std::make_unique<Impl>()) {}
Repository::~Repository() = default;

std::unique_ptr<Repository> Repository::open(const fs::path& site_dir, Diagnostics& diags) {
  std::unique_ptr<Repository> r(new Repository());
  git_repository* raw = nullptr;
  std::error_code ec;
  fs::path abs = fs::weakly_canonical(fs::absolute(site_dir), ec);
  int rc = git_repository_open_ext(&raw, abs.c_str(), 0, nullptr);
  if (rc == GIT_ENOTFOUND) return nullptr;
  if (rc != 0) {
    diags.error(site_dir.string(), 0, 0, msg::broken_repository(last_error()));
    return nullptr;
  }
  r->impl_->repo.reset(raw);
  if (guard_loose_objects(raw) != 0) {
    diags.error(site_dir.string(), 0, 0, msg::broken_repository(last_error()));
    return nullptr;
  }
  (void)read_packs_with_bases_kept(raw, kKeptBases);
  const char* workdir = git_repository_workdir(raw);
  if (!workdir) return nullptr;  // a bare repository has no site folder
  fs::path wd = fs::weakly_canonical(fs::path(workdir), ec);
  std::string rel = fs::relative(abs, wd, ec).generic_string();
  r->impl_->prefix = (rel.empty() || rel == ".") ? "" : rel + "/";
  bool unborn = false;
  if (auto t = r->impl_->tree_of("", diags, &unborn)) r->impl_->head_tree = std::move(*t);
  if (diags.has_errors()) return nullptr;
  return r;
}

namespace {

// One commit's changes to the content folder, as the diff against its first
// parent gave them; paths relative to the repository.
struct CommitChanges {
  Version base;  ///< the commit's facts, shared by every file it changed
  struct Change {
    git_delta_t status;
    std::string old_path, new_path, blob;
  };
  std::vector<Change> changes;
  bool boundary = false;  ///< its parent is not in this copy (a shallow clone)
  bool failed = false;    ///< the diff failed: history stops here
  std::string error, commit;  ///< why, and the commit it was reading
};

// The files that differ between two trees, as git's diff without rename
// detection names them, paths relative to the trees.
struct TreeChanges {
  std::vector<CommitChanges::Change> list;
  bool added = false, deleted = false;
};

// Reads trees for a walk from newest to oldest commit, keeping those read
// for one commit until the next is done: a folder that changed is the new
// side of one comparison and the old side of the next, and a large one
// costs a millisecond to read.
class TreeReader {
 public:
  explicit TreeReader(git_repository* repo) : repo_(repo) {}

  /// The tree, valid until next_commit() is called twice; null if unreadable.
  git_tree* get(const git_oid* id) {
    for (auto& [have, tree] : now_) {
      if (git_oid_equal(&have, id)) return tree.get();
    }
    for (auto& [have, tree] : before_) {
      if (git_oid_equal(&have, id) && tree) return now_.emplace_back(have, std::move(tree)).second.get();
    }
    git_tree* t = nullptr;
    if (git_tree_lookup(&t, repo_, id) != 0) return nullptr;
    return now_.emplace_back(*id, TreePtr(t)).second.get();
  }
  void next_commit() { before_ = std::move(now_), now_.clear(); }

 private:
  git_repository* repo_;
  std::vector<std::pair<git_oid, TreePtr>> now_, before_;  // a few each: searched in order
};

// An entry on one side only: its file, or every file under its folder, is
// added or deleted. False when an object cannot be read.
bool one_side(TreeReader& trees, const git_tree_entry* e, const std::string& dir, git_delta_t status,
              TreeChanges& out) {
  std::string path = dir + git_tree_entry_name(e);
  if (git_tree_entry_type(e) == GIT_OBJECT_TREE) {
    const git_tree* t = trees.get(git_tree_entry_id(e));
    if (!t) return false;
    for (size_t i = 0; i < git_tree_entrycount(t); ++i) {
      if (!one_side(trees, git_tree_entry_byindex(t, i), path + "/", status, out)) return false;
    }
    return true;
  }
  (status == GIT_DELTA_ADDED ? out.added : out.deleted) = true;
  out.list.push_back({status, path, path, status == GIT_DELTA_ADDED ? hex(git_tree_entry_id(e)) : ""});
  return true;
}

// Compares `old_tree` with `new_tree` (either may be null: empty) in one
// pass over their entries, which git keeps sorted, going into a subtree only
// when its id differs.
bool compare_trees(TreeReader& trees, const git_tree* old_tree, const git_tree* new_tree, const std::string& dir,
                   TreeChanges& out) {
  const size_t old_n = old_tree ? git_tree_entrycount(old_tree) : 0;
  const size_t new_n = new_tree ? git_tree_entrycount(new_tree) : 0;
  size_t a = 0, b = 0;
  while (a < old_n || b < new_n) {
    const git_tree_entry* o = a < old_n ? git_tree_entry_byindex(old_tree, a) : nullptr;
    const git_tree_entry* n = b < new_n ? git_tree_entry_byindex(new_tree, b) : nullptr;
    // git's order: a folder sorts as if its name ended in '/'.
    // (A file and a folder of the same name therefore never meet here: one
    // is deleted, the other added.)
    const int cmp = !o ? 1 : !n ? -1 : git_tree_entry_cmp(o, n);
    if (cmp < 0) {
      if (!one_side(trees, o, dir, GIT_DELTA_DELETED, out)) return false;
      ++a;
      continue;
    }
    if (cmp > 0) {
      if (!one_side(trees, n, dir, GIT_DELTA_ADDED, out)) return false;
      ++b;
      continue;
    }
    ++a, ++b;
    const bool same = git_oid_equal(git_tree_entry_id(o), git_tree_entry_id(n)) &&
                      git_tree_entry_filemode(o) == git_tree_entry_filemode(n);
    if (same) continue;
    if (git_tree_entry_type(n) == GIT_OBJECT_TREE) {
      const git_tree* ot = trees.get(git_tree_entry_id(o));
      const git_tree* nt = ot ? trees.get(git_tree_entry_id(n)) : nullptr;
      if (!nt || !compare_trees(trees, ot, nt, dir + git_tree_entry_name(n) + "/", out)) return false;
      continue;
    }
    std::string path = dir + git_tree_entry_name(n);
    out.list.push_back({GIT_DELTA_MODIFIED, path, path, hex(git_tree_entry_id(n))});
  }
  return true;
}

// The content/ subtree of a commit's tree, or nullptr when it has none;
// `readable` turns false when a tree on the way cannot be read.
git_tree* content_tree(TreeReader& trees, git_commit* c, const std::string& content_dir, bool& readable) {
  git_tree* root = nullptr;
  if (!c) return nullptr;
  if (git_commit_tree(&root, c) != 0) return readable = false, nullptr;
  TreePtr root_ptr(root);
  git_tree_entry* raw = nullptr;
  if (int rc = git_tree_entry_bypath(&raw, root, content_dir.c_str()); rc != 0) {
    // No such entry is an answer; a folder on the way that cannot be read is not.
    const git_error* e = git_error_last();
    if (rc != GIT_ENOTFOUND || !e || e->klass != GIT_ERROR_TREE) readable = false;
    return nullptr;
  }
  EntryPtr entry(raw);
  if (git_tree_entry_type(entry.get()) != GIT_OBJECT_TREE) return nullptr;
  git_tree* t = trees.get(git_tree_entry_id(entry.get()));
  if (!t) readable = false;
  return t;
}

// Diffs commits[from, to) against their first parents, into out[from, to).
// Only the content/ subtrees are compared: no pathspec matching over the
// whole tree, and a commit that leaves content/ alone costs one id
// comparison. A tree is read once: as the parent's, then as the commit's.
void diff_commits(const std::string& git_dir, const std::vector<git_oid>& commits, const std::set<std::string>& shallow,
                  const std::string& content_dir, size_t from, size_t to, std::vector<CommitChanges>& out) {
  RepoPtr repo = open_guarded(git_dir.c_str());  // each thread its own: libgit2 objects are not shared between threads
  if (!repo) {
    for (size_t i = from; i < to; ++i) out[i].failed = true, out[i].error = last_error();
    return;
  }
  TreeReader trees(repo.get());
  for (size_t i = from; i < to; ++i) {
    CommitChanges& c = out[i];
    git_commit* cm = nullptr;
    if (git_commit_lookup(&cm, repo.get(), &commits[i]) != 0) {
      c.failed = true, c.error = last_error(), c.commit = hex(&commits[i]);
      return;
    }
    CommitPtr commit(cm);
    const std::string id = hex(&commits[i]);
    c.boundary = shallow.count(id) > 0 || i + 1 == commits.size();
    CommitPtr parent;
    if (i + 1 < commits.size()) {
      git_commit* pc = nullptr;
      if (git_commit_lookup(&pc, repo.get(), &commits[i + 1]) != 0) {
        c.failed = true, c.error = last_error(), c.commit = id;
        return;
      }
      parent.reset(pc);
    }
    const bool root = !parent && git_commit_parentcount(commit.get()) == 0;
    trees.next_commit();
    bool readable = true;
    git_tree* tree = content_tree(trees, commit.get(), content_dir, readable);
    git_tree* parent_tree = content_tree(trees, parent.get(), content_dir, readable);
    if (!readable) {
      c.failed = true, c.error = last_error(), c.commit = id;
      return;
    }
    bool same = tree && parent_tree && git_oid_equal(git_tree_id(tree), git_tree_id(parent_tree));
    if (same || (!tree && !parent_tree)) continue;
    // Most commits revise files in place: compare the two trees entry by
    // entry (a subtree only when its id differs). libgit2's diff, with its
    // rename detection, only for a commit that adds and deletes files, which
    // may be a rename. Reading the trees is then most of the cost.
    TreeChanges changes;
    if (!compare_trees(trees, parent_tree, tree, "", changes)) {
      c.failed = true, c.error = last_error(), c.commit = id;
      return;
    }
    if (changes.added && changes.deleted) {
      git_diff_options opts = GIT_DIFF_OPTIONS_INIT;
      git_diff* d = nullptr;
      if (git_diff_tree_to_tree(&d, repo.get(), parent_tree, tree, &opts) != 0) {
        c.failed = true, c.error = last_error(), c.commit = id;
        return;
      }
      DiffPtr diff(d);
      git_diff_find_options find = GIT_DIFF_FIND_OPTIONS_INIT;
      find.flags = GIT_DIFF_FIND_RENAMES;
      if (git_diff_find_similar(diff.get(), &find) != 0) {  // it reads the blobs to compare them
        c.failed = true, c.error = last_error(), c.commit = id;
        return;
      }
      changes.list.clear();
      for (size_t k = 0; k < git_diff_num_deltas(diff.get()); ++k) {
        const git_diff_delta* delta = git_diff_get_delta(diff.get(), k);
        changes.list.push_back({delta->status, delta->old_file.path ? delta->old_file.path : "",
                                delta->new_file.path ? delta->new_file.path : "", hex(&delta->new_file.id)});
      }
    }

    c.base.commit = id;
    c.base.short_id = id.substr(0, 7);
    const git_signature* author = git_commit_author(commit.get());
    c.base.author = author && author->name ? author->name : "";
    set_time(c.base, git_commit_committer(commit.get())->when);
    const char* summary = git_commit_summary(commit.get());
    c.base.subject = summary ? summary : "";
    if (root) c.boundary = false;  // truly the first commit, not a cut-off copy
    for (auto& change : changes.list) {
      if (!change.old_path.empty()) change.old_path = content_dir + "/" + change.old_path;
      if (!change.new_path.empty()) change.new_path = content_dir + "/" + change.new_path;
      c.changes.push_back(std::move(change));
    }
  }
}

// The history cache (.congbo-cache/history): what the last walk found, for
// the commit it started from. A build at the same commit reads it instead of
// walking; a build at a later commit walks only the commits since. Text, one
// record a line, fields separated by tabs (escaped in free text):
//   congbo-history 2 / head ID / prefix P / shallow HASH / seq N (the head's)
//   C id date time author subject seq    a commit, numbered from 0
//   F key truncated                      a file's history, then its versions:
//   V commit-number blob path deleted
std::string escape_field(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\\') out += "\\\\";
    else if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else out += c;
  }
  return out;
}

std::string unescape_field(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      char c = s[++i];
      out += c == 't' ? '\t' : c == 'n' ? '\n' : c;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> out(1);
  for (char c : line) {
    if (c == '\t') out.emplace_back();
    else out.back() += c;
  }
  return out;
}

struct CachedHistory {
  std::string head, prefix, shallow;
  long head_seq = 0;
  std::map<std::string, FileHistory> files;
};

std::optional<CachedHistory> read_cache(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::string line;
  if (!std::getline(in, line) || line != "congbo-history 2") return std::nullopt;
  CachedHistory c;
  std::string head_seq;
  for (auto* field : {&c.head, &c.prefix, &c.shallow, &head_seq}) {
    if (!std::getline(in, line)) return std::nullopt;
    size_t space = line.find(' ');
    *field = space == std::string::npos ? "" : line.substr(space + 1);
  }
  c.head_seq = std::strtol(head_seq.c_str(), nullptr, 10);
  std::vector<Version> commits;
  FileHistory* current = nullptr;
  while (std::getline(in, line)) {
    auto f = split_tabs(line);
    if (f[0] == "C" && f.size() == 7) {
      Version v;
      v.commit = f[1];
      v.short_id = v.commit.substr(0, 7);
      auto d = Date::parse(f[2]);
      if (!d) return std::nullopt;
      v.date = *d;
      v.time = f[3];
      v.author = unescape_field(f[4]);
      v.subject = unescape_field(f[5]);
      v.seq = std::strtol(f[6].c_str(), nullptr, 10);
      commits.push_back(std::move(v));
    } else if (f[0] == "F" && f.size() == 3) {
      std::string key = unescape_field(f[1]);
      current = &c.files[key];
      current->path = key;
      current->truncated = f[2] == "1";
    } else if (f[0] == "V" && f.size() == 5 && current) {
      size_t k = std::strtoul(f[1].c_str(), nullptr, 10);
      if (k >= commits.size()) return std::nullopt;
      Version v = commits[k];
      v.blob = f[2];
      v.path = unescape_field(f[3]);
      v.deleted = f[4] == "1";
      current->versions.push_back(std::move(v));
    } else {
      return std::nullopt;  // not what this version of congbo writes: walk again
    }
  }
  return c;
}

void write_cache(const fs::path& file, const CachedHistory& c) {
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  std::string text = "congbo-history 2\nhead " + c.head + "\nprefix " + c.prefix + "\nshallow " + c.shallow +
                     "\nseq " + std::to_string(c.head_seq) + "\n";
  std::map<std::string, size_t> numbers;
  std::string files;
  for (const auto& [key, h] : c.files) {
    files += "F\t" + escape_field(key) + "\t" + (h.truncated ? "1" : "0") + "\n";
    for (const Version& v : h.versions) {
      auto [it, added] = numbers.emplace(v.commit, numbers.size());
      if (added) {
        text += "C\t" + v.commit + "\t" + v.date.iso() + "\t" + v.time + "\t" + escape_field(v.author) + "\t" +
                escape_field(v.subject) + "\t" + std::to_string(v.seq) + "\n";
      }
      files += "V\t" + std::to_string(it->second) + "\t" + v.blob + "\t" + escape_field(v.path) + "\t" +
               (v.deleted ? "1" : "0") + "\n";
    }
  }
  fs::path tmp = file;
  tmp += ".tmp" + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << text << files;
    if (!out) return;  // only a cache: the next build walks again
  }
  fs::rename(tmp, file, ec);
  if (ec) fs::remove(tmp, ec);
}

}  // namespace

namespace {

// Commits whose parents this copy does not have (a shallow clone), and the
// file that says so, whose hash keys the cache.
struct Shallow {
  std::set<std::string> ids;
  std::string text;
};

Shallow read_shallow(git_repository* repo) {
  Shallow s;
  std::ifstream in(fs::path(git_repository_path(repo)) / "shallow");
  std::string line;
  while (std::getline(in, line)) s.ids.insert(line), s.text += line + '\n';
  return s;
}

// The first-parent chain from `start`, newest first, to the first commit,
// a shallow clone's edge, or `known` (the commit the cache was made at).
// Commit objects are small, so this is quick. A parent this copy should
// have and cannot read is an error: the history would end there with no word.
bool first_parents(CommitPtr commit, const std::set<std::string>& shallow, const std::string* known,
                   std::vector<git_oid>& chain, Diagnostics& diags) {
  while (commit) {
    const std::string id = hex(git_commit_id(commit.get()));
    chain.push_back(*git_commit_id(commit.get()));
    if (known && id == *known) break;
    if (shallow.count(id) || git_commit_parentcount(commit.get()) == 0) break;
    git_commit* p = nullptr;
    if (git_commit_parent(&p, commit.get(), 0) != 0) {
      diags.error(".git", 0, 0, msg::parent_unreadable(id, last_error()));
      return false;
    }
    commit.reset(p);
  }
  return true;
}

// The changes of chain[0, count), each commit against its first parent: the
// cost of the walk, and each commit's independent, so shared out between threads.
std::vector<CommitChanges> changes_of(const std::string& git_dir, const std::vector<git_oid>& chain, size_t count,
                                      const std::set<std::string>& shallow, const std::string& content_dir, int jobs) {
  std::vector<CommitChanges> found(count);
  const size_t threads = workers(jobs, found.size(), 64);
  std::vector<std::thread> pool;
  for (size_t w = 0; w < threads; ++w) {
    size_t from = found.size() * w / threads, to = found.size() * (w + 1) / threads;
    pool.emplace_back([&, from, to] { diff_commits(git_dir, chain, shallow, content_dir, from, to, found); });
  }
  for (auto& t : pool) t.join();
  return found;
}

// Files each version under the path its file has now, following renames
// back from the newest commit.
class VersionFiler {
 public:
  VersionFiler(const std::string& prefix, std::map<std::string, FileHistory>& files) : prefix_(prefix), files_(files) {}

  /// False (reported) when the commit could not be read.
  bool file(const CommitChanges& c, Diagnostics& diags) {
    if (c.failed) {
      diags.error(".git", 0, 0, msg::commit_unreadable(c.commit, c.error));
      return false;
    }
    for (const auto& change : c.changes) {
      Version v = c.base;
      if (change.status == GIT_DELTA_DELETED) {
        v.deleted = true;
        v.path = site_rel(change.old_path);
        const std::string key = add(change.old_path, std::move(v));
        alias_[change.old_path] = key;
        continue;
      }
      // Every file has versions: pages (.md), data files (.toml: campaigns,
      // decisions, units) and the files pages publish (attachments, whose
      // replacement is a new version of their page). Only pages keep a page
      // once deleted (Repository::deleted).
      v.blob = change.blob;
      v.path = site_rel(change.new_path);
      const std::string key = add(change.new_path, std::move(v));
      if (change.status == GIT_DELTA_RENAMED) alias_[change.old_path] = key;  // older versions had the old name
      if (c.boundary) files_[key].truncated = true;  // "added" here only because older commits are missing
    }
    return true;
  }

  /// The versions the cache knew, after the new ones, under the name each file has now.
  void add_known(const std::map<std::string, FileHistory>& known) {
    for (const auto& [key, old] : known) {
      FileHistory& h = history(latest(prefix_ + key));
      h.versions.insert(h.versions.end(), old.versions.begin(), old.versions.end());
      h.truncated = h.truncated || old.truncated;
    }
  }

 private:
  std::string site_rel(const std::string& p) const { return p.substr(prefix_.size()); }
  std::string latest(const std::string& p) const {
    auto it = alias_.find(p);
    return it == alias_.end() ? site_rel(p) : it->second;
  }
  FileHistory& history(const std::string& key) {
    FileHistory& h = files_[key];
    if (h.path.empty()) h.path = key;
    return h;
  }
  std::string add(const std::string& path, Version v) {
    std::string key = latest(path);
    history(key).versions.push_back(std::move(v));
    return key;
  }

  const std::string& prefix_;
  std::map<std::string, FileHistory>& files_;
  std::map<std::string, std::string> alias_;  ///< path at this point in history → latest path
};

}  // namespace

bool Repository::read_history(const std::string& rev, Diagnostics& diags, const fs::path& cache_file, int jobs) {
  Impl& m = *impl_;
  // Handles of its own: the walk may run on a thread beside reads through
  // m.repo, and libgit2 objects are not shared between threads.
  RepoPtr walker = open_guarded(git_repository_path(m.repo.get()));
  if (!walker) {
    diags.error(".git", 0, 0, msg::history_failed(last_error()));
    return false;
  }
  git_repository* repo = walker.get();
  ObjectPtr start = resolve(repo, rev.empty() ? "HEAD" : rev, GIT_OBJECT_COMMIT);
  if (!start) {
    if (rev.empty() && git_repository_head_unborn(repo) == 1) return true;  // no commits yet: no history
    if (rev.empty()) diags.error(".git", 0, 0, msg::head_unreadable(head_id(repo), last_error()));
    else diags.error(rev, 0, 0, msg::unknown_revision(rev));
    return false;
  }
  const Shallow shallow = read_shallow(repo);
  const std::string head = hex(git_object_id(start.get()));
  std::optional<CachedHistory> cached;
  if (!cache_file.empty()) cached = read_cache(cache_file);
  if (cached && (cached->prefix != m.prefix || cached->shallow != stable_hash(shallow.text))) cached.reset();
  if (cached && cached->head == head) {  // nothing committed since: no walk at all
    m.files = std::move(cached->files);
    return true;
  }
  std::vector<git_oid> chain;
  CommitPtr first(reinterpret_cast<git_commit*>(start.release()));
  if (!first_parents(std::move(first), shallow.ids, cached ? &cached->head : nullptr, chain, diags)) return false;
  // With the cache, the last commit of the chain only serves as the parent of the one before.
  const bool from_cache = cached && !chain.empty() && hex(&chain.back()) == cached->head;
  auto found = changes_of(git_repository_path(repo), chain, from_cache ? chain.size() - 1 : chain.size(),
                                shallow.ids, m.prefix + "content", jobs);
  // Numbered from the oldest commit read (or the one the cache ends at).
  const long base = from_cache ? cached->head_seq : 0;
  for (size_t i = 0; i < found.size(); ++i) found[i].base.seq = base + static_cast<long>(chain.size() - 1 - i);
  VersionFiler filer(m.prefix, m.files);
  for (const CommitChanges& c : found) {
    if (!filer.file(c, diags)) {  // nothing is kept: a build on part of the history would drop versions
      m.files.clear();
      return false;
    }
  }
  if (from_cache) filer.add_known(cached->files);
  if (!cache_file.empty()) {
    write_cache(cache_file, {head, m.prefix, stable_hash(shallow.text), base + static_cast<long>(chain.size()) - 1, m.files});
  }
  return true;
}

const FileHistory* Repository::history(const std::string& rel) const {
  auto it = impl_->files.find(rel);
  if (it == impl_->files.end() || it->second.versions.empty() || it->second.versions.front().deleted) return nullptr;
  return &it->second;
}

std::vector<const FileHistory*> Repository::deleted() const {
  std::vector<const FileHistory*> out;
  for (const auto& [path, h] : impl_->files) {
    if (ends_with(path, ".md") && !h.versions.empty() && h.versions.front().deleted && h.versions.size() > 1) {
      out.push_back(&h);
    }
  }
  return out;
}

const FileHistory* Repository::any_history(const std::string& rel) const {
  auto it = impl_->files.find(rel);
  return it == impl_->files.end() ? nullptr : &it->second;
}

const Version* Repository::version_at(const std::string& rel, long seq) const {
  const FileHistory* h = any_history(rel);
  if (!h) return nullptr;
  for (const Version& v : h->versions) {  // newest first
    if (v.seq <= seq) return v.deleted ? nullptr : &v;
  }
  return nullptr;
}

std::optional<std::string> Repository::blob(const std::string& id, std::string* why) const {
  std::lock_guard<std::mutex> lock(impl_->mu);  // rendering threads read old versions
  if (auto kept = impl_->read_blobs.find(id); kept != impl_->read_blobs.end()) return kept->second;
  git_oid oid;
  std::optional<std::string> bytes;
  if (git_oid_fromstr(&oid, id.c_str()) == 0) bytes = blob_bytes(impl_->repo.get(), &oid);
  if (!bytes && why) *why = last_error();
  if (bytes && impl_->read_bytes + bytes->size() <= Impl::kKeepBytes) {
    impl_->read_bytes += bytes->size();
    impl_->read_blobs.emplace(id, *bytes);
  }
  return bytes;
}

void Repository::verify_versions(Diagnostics& diags) const {
  for (const auto& [path, h] : impl_->files) {
    for (const Version& v : h.versions) {
      std::string why;
      if (!v.deleted && !blob(v.blob, &why)) {
        diags.error(path, 0, 0, msg::version_unreadable(v.blob, v.commit, why));
        break;  // one message a file
      }
    }
  }
}

bool Repository::changed_since_head(const std::string& rel, const std::string& bytes) const {
  if (!impl_->head_tree) return true;
  // Read on first use, once, though pages are loaded on several threads.
  std::call_once(impl_->head_once, [&] {
    std::map<std::string, git_oid> files;
    blob_ids(impl_->head_tree.get(), impl_->prefix, files);  // an unreadable folder: its files count as changed
    impl_->head_files = std::move(files);
  });
  auto it = impl_->head_files->find(rel);
  if (it == impl_->head_files->end()) return true;
  git_oid oid;
  if (git_odb_hash(&oid, bytes.data(), bytes.size(), GIT_OBJECT_BLOB) != 0) return true;
  return git_oid_cmp(&oid, &it->second) != 0;
}

std::optional<std::string> Repository::commit_id(const std::string& rev, Diagnostics& diags) const {
  std::string spec = rev.empty() ? "HEAD" : rev;
  ObjectPtr commit = resolve(impl_->repo.get(), spec, GIT_OBJECT_COMMIT);
  if (!commit) {
    diags.error(spec, 0, 0, msg::unknown_revision(spec));
    return std::nullopt;
  }
  return hex(git_object_id(commit.get()));
}

std::unique_ptr<SourceTree> Repository::tree_at(const std::string& rev, Diagnostics& diags) const {
  bool unborn = false;
  auto tree = impl_->tree_of(rev, diags, &unborn);
  if (!tree) {
    if (unborn) diags.error(rev, 0, 0, msg::unknown_revision(rev.empty() ? "HEAD" : rev));
    return nullptr;
  }
  return std::make_unique<GitTreeSource>(impl_->repo.get(), std::move(*tree), impl_->prefix, rev.empty() ? "HEAD" : rev);
}

}  // namespace congbo
