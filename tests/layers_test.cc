// The layers of generator/ (README's map) hold: a file includes headers of
// its own folder and of the folders before it, never of one after it.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <regex>
#include <vector>

#include "site_fixture.h"

using congbo::testing::read_file;
namespace fs = std::filesystem;

TEST_CASE("generator's folders are layers: nothing includes a header of a later one") {
  const std::vector<std::string> layers = {"base", "sources", "content", "link", "render", "pages", "site", "tools", "desk"};
  const fs::path root = fs::path(CONGBO_SOURCE_DIR) / "generator";
  std::map<std::string, size_t> layer_of;  // header → its layer
  for (size_t i = 0; i < layers.size(); ++i) {
    for (const auto& e : fs::directory_iterator(root / layers[i])) layer_of[e.path().filename().string()] = i;
  }
  const std::regex include(R"re(#include "([^"]+)")re");
  int files = 0;
  for (size_t i = 0; i < layers.size(); ++i) {
    for (const auto& e : fs::directory_iterator(root / layers[i])) {
      const std::string text = read_file(e.path());
      ++files;
      for (std::sregex_iterator m(text.begin(), text.end(), include), end; m != end; ++m) {
        auto it = layer_of.find((*m)[1]);
        if (it == layer_of.end()) continue;
        CHECK_MESSAGE(it->second <= i, layers[i] << "/" << e.path().filename().string() << " includes "
                                                 << layers[it->second] << "/" << it->first);
      }
    }
  }
  CHECK(files > 60);
}
