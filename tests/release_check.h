// release_check.h: what "a whole release is served" means, checked on the
// folder a web server serves (here, or the test's SSH server's).
#pragma once

#include <doctest/doctest.h>

#include <filesystem>
#include <sstream>
#include <string>

#include "site_fixture.h"
#include "text.h"

namespace congbo::testing {

/// A plan's file with just its title, for publishing tests.
inline std::string titled_plan(const std::string& title) {
  return "+++\ntitle = \"" + title + "\"\nkind = \"KH\"\nissuer = \"duk\"\n+++\nNội dung của " + title + ".\n";
}

inline std::string served(const std::filesystem::path& to) {
  return std::filesystem::read_symlink(to / "current").filename().string();
}

/// Every file the output lists is there, and the release's manifest gives
/// the hash of its bytes.
inline void check_release_whole(const std::filesystem::path& to) {
  const std::string name = served(to);
  std::string manifest = read_file(to / "releases" / (name + ".json"));
  REQUIRE_MESSAGE(!manifest.empty(), name);
  std::istringstream lines(read_file(to / "releases" / name / ".congbo-output"));
  std::string line;
  std::getline(lines, line);
  int files = 0;
  while (std::getline(lines, line)) {
    const std::string path = line.substr(line.find(' ') + 1);
    const std::string bytes = read_file(to / "releases" / name / path);
    const std::string entry = json_string(path) + ": " + json_string(stable_hash(bytes) + ":" + std::to_string(bytes.size()));
    CHECK_MESSAGE(manifest.find(entry) != std::string::npos, path);
    ++files;
  }
  CHECK(files > 5);
}

}  // namespace congbo::testing
