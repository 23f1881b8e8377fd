// git_fixture.h: makes fixture git repositories with libgit2, commit by
// commit, with fixed authors and times so tests are repeatable.
#pragma once

#include <git2.h>

#include <filesystem>
#include <string>

namespace congbo::testing {

class GitFixture {
 public:
  explicit GitFixture(const std::filesystem::path& dir) {
    git_libgit2_init();
    git_repository_init(&repo_, dir.c_str(), 0);
  }
  ~GitFixture() {
    git_repository_free(repo_);
    git_libgit2_shutdown();
  }

  /// Commits the whole working tree as it is (new, changed and removed files).
  /// `day` is days after 2024-01-01, so versions have distinct, known dates.
  std::string commit(const std::string& message, int day, const std::string& author = "Văn phòng Đảng ủy") {
    git_index* index = nullptr;
    git_repository_index(&index, repo_);
    const char* all = "*";
    git_strarray paths = {const_cast<char**>(&all), 1};
    git_index_add_all(index, &paths, 0, nullptr, nullptr);
    git_index_update_all(index, &paths, nullptr, nullptr);
    git_index_write(index);
    git_oid tree_id, commit_id;
    git_index_write_tree(&tree_id, index);
    git_index_free(index);
    git_tree* tree = nullptr;
    git_tree_lookup(&tree, repo_, &tree_id);
    git_signature* sig = nullptr;
    git_signature_new(&sig, author.c_str(), "vp@example.vn", 1704067200 + day * 86400 + 3600, 7 * 60);
    git_commit* parent = nullptr;
    git_oid head;
    int parents = git_reference_name_to_id(&head, repo_, "HEAD") == 0 ? 1 : 0;
    if (parents) git_commit_lookup(&parent, repo_, &head);
    const git_commit* parent_list[] = {parent};
    git_commit_create(&commit_id, repo_, "HEAD", sig, sig, nullptr, message.c_str(), tree, parents, parent_list);
    if (parent) git_commit_free(parent);
    git_signature_free(sig);
    git_tree_free(tree);
    char buf[GIT_OID_HEXSZ + 1];
    git_oid_tostr(buf, sizeof buf, &commit_id);
    return buf;
  }

  /// The loose object file of what `spec` names ("HEAD~2:content/van-ban/51.md",
  /// "HEAD~2^{tree}"), to damage it as a failing disk or a bad copy would.
  std::filesystem::path object_file(const std::string& spec) {
    git_object* obj = nullptr;
    if (git_revparse_single(&obj, repo_, spec.c_str()) != 0) return {};
    char buf[GIT_OID_HEXSZ + 1];
    git_oid_tostr(buf, sizeof buf, git_object_id(obj));
    git_object_free(obj);
    const std::string id = buf;
    return std::filesystem::path(git_repository_path(repo_)) / "objects" / id.substr(0, 2) / id.substr(2);
  }

 private:
  git_repository* repo_ = nullptr;
};

}  // namespace congbo::testing
