// The theme author's reference (docs/giao-dien.md) names every layout of the
// default theme, the partials it uses and every variable it reads: it
// cannot drift from the templates (scripts/theme-reference rewrites it).
#include <doctest/doctest.h>

#include <filesystem>
#include <regex>
#include <set>

#include "site_fixture.h"

using congbo::testing::read_file;
namespace fs = std::filesystem;

namespace {

// The section of the reference about `layout`: from its heading to the next.
std::string section_of(const std::string& doc, const std::string& layout) {
  const std::string heading = "### `" + layout + "`\n";
  const size_t at = doc.find(heading);
  if (at == std::string::npos) return "";
  const size_t end = doc.find("\n### ", at + heading.size());
  return doc.substr(at, end == std::string::npos ? std::string::npos : end - at);
}

}  // namespace

TEST_CASE("the theme reference lists every layout, its partials and every variable it reads") {
  const fs::path layouts = fs::path(CONGBO_SOURCE_DIR) / "themes/default/layouts";
  const std::string doc = read_file(fs::path(CONGBO_SOURCE_DIR) / "docs/giao-dien.md");
  REQUIRE_FALSE(doc.empty());
  const std::regex tag(R"(\{\{\{?\s*([#^/>&!]?)\s*([^}\s]+?)\s*\}?\}\})");
  std::set<std::string> known;
  for (const auto& e : fs::recursive_directory_iterator(layouts)) {
    if (e.path().extension() != ".mustache") continue;
    std::string name = e.path().lexically_relative(layouts).generic_string();
    name.resize(name.size() - 9);
    known.insert(name);
    const std::string section = section_of(doc, name);
    CHECK_MESSAGE(!section.empty(), "docs/giao-dien.md has no section for layout " << name);
    if (section.empty()) continue;
    const std::string text = read_file(e.path());
    for (std::sregex_iterator m(text.begin(), text.end(), tag), end; m != end; ++m) {
      const std::string kind = (*m)[1], var = (*m)[2];
      if (kind == "/" || kind == "!") continue;
      CHECK_MESSAGE(section.find("`" + var + "`") != std::string::npos,
                    "docs/giao-dien.md, layout " << name << ": " << std::string(kind == ">" ? "partial " : "variable ") << var
                                                 << " is not listed (run scripts/theme-reference)");
    }
  }
  // And nothing listed that is not a layout any more.
  const std::regex heading(R"(\n### `([^`]+)`\n)");
  for (std::sregex_iterator m(doc.begin(), doc.end(), heading), end; m != end; ++m) {
    CHECK_MESSAGE(known.count((*m)[1]), "docs/giao-dien.md lists " << (*m)[1] << ", which is no layout");
  }
  CHECK(known.size() > 30);
}
