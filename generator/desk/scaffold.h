// scaffold.h: `congbo new` and `congbo init`, for people at a terminal — a
// new file from the same templates the desk writes, and a new site ready to
// build, in its own git repository.
#pragma once

#include <filesystem>
#include <string>

namespace congbo {

/// `congbo new van-ban|mo-hinh|trang [TITLE]`: writes the file (never over
/// one that exists) and prints its path. Returns the exit status.
int new_content(const std::filesystem::path& site_dir, const std::string& what, const std::string& title);

/// `congbo init DIR`: site.toml, content/, .gitignore and a first commit, in
/// a folder that is empty or missing. Returns the exit status.
int init_site(const std::filesystem::path& dir);

}  // namespace congbo
