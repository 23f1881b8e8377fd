// named_citation.cc: the named forms (see named_citation.h). Each form is
// tried only where its first words stand, so a long text costs a few
// substring searches, not a regular expression over all of it.
#include "named_citation.h"

#include <algorithm>
#include <regex>
#include <set>

#include "text.h"

namespace congbo {
namespace {

// Roman numerals as keys write them: "XIII" → "xiii".
std::string lower_ascii(std::string s) {
  for (char& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return s;
}

struct Form {
  std::regex pattern;  ///< from the anchor on, ECMAScript, on UTF-8 bytes
  /// key and name from the match
  std::string (*key)(const std::smatch&);
  std::string (*name)(const std::smatch&);
  bool local = false;  ///< a province's or a bloc's own congress: scoped to the citing issuer
};

const std::vector<Form>& resolution_forms() {
  static const std::string roman = "([IVXL]+)(?![A-Za-z])";
  static const std::vector<Form> forms = {
      // "khóa XII", "(khóa XII)", "khóa XI, XII" (both cited; the second one in m[3])
      {std::regex("^Nghị quyết (?:Hội nghị )?(?:lần thứ )?(?:Ban Chấp hành )?Trung ương (\\d+),? \\(?kh(?:óa|oá|oa) " + roman +
                  "(?:,? (?:và )?([IVXL]+)(?![A-Za-z]))?"),
       [](const std::smatch& m) { return "nq-tw-" + m[1].str() + "-" + lower_ascii(m[2].str()); },
       [](const std::smatch& m) { return "Nghị quyết Trung ương " + m[1].str() + " khóa " + m[2].str(); }},
      {std::regex("^Nghị quyết Đại hội (?:đại biểu )?(?:Đảng )?(?:toàn quốc )?(?:lần thứ )?" + roman + " của Đảng"),
       [](const std::smatch& m) { return "nq-dai-hoi-" + lower_ascii(m[1].str()); },
       [](const std::smatch& m) { return "Nghị quyết Đại hội đại biểu toàn quốc lần thứ " + m[1].str() + " của Đảng"; }},
      {std::regex("^Nghị quyết Đại hội (?:đại biểu )?(?:Đảng )?toàn quốc lần thứ " + roman),
       [](const std::smatch& m) { return "nq-dai-hoi-" + lower_ascii(m[1].str()); },
       [](const std::smatch& m) { return "Nghị quyết Đại hội đại biểu toàn quốc lần thứ " + m[1].str() + " của Đảng"; }},
      {std::regex("^Nghị quyết Đại hội (?:đại biểu )?(?:Đảng bộ tỉnh lần thứ " + roman + "|" + roman + " Đảng bộ tỉnh)"),
       [](const std::smatch& m) { return "nq-dai-hoi-tinh-" + lower_ascii(m[1].matched ? m[1].str() : m[2].str()); },
       [](const std::smatch& m) { return "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ " + (m[1].matched ? m[1].str() : m[2].str()); },
       true},
      {std::regex("^Nghị quyết Đại hội (?:đại biểu )?Đảng bộ Khối[^,.;:\\n]{0,60}? lần thứ " + roman),
       [](const std::smatch& m) { return "nq-dai-hoi-khoi-" + lower_ascii(m[1].str()); },
       [](const std::smatch& m) { return "Nghị quyết Đại hội Đảng bộ Khối lần thứ " + m[1].str(); },
       true},
  };
  return forms;
}

// The charters cited by their name alone.
struct Charter {
  const char* written;
  const char* key;
  const char* name;
};
constexpr Charter kCharters[] = {
    {"Điều lệ Đảng", "dieu-le-dang", "Điều lệ Đảng Cộng sản Việt Nam"},
    {"Hiến pháp", "hien-phap", "Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam"},
};

// A declared document written so, or named so by a form: it takes over
// (its name, number and address).
const NamedDocument* declared_as(const std::vector<NamedDocument>& declared, const std::string& a, const std::string& b) {
  const std::string fa = fold(a), fb = fold(b);
  for (const NamedDocument& d : declared) {
    if (fold(d.name) == fa || fold(d.name) == fb) return &d;
    for (const auto& alias : d.aliases) {
      if (fold(alias) == fa || fold(alias) == fb) return &d;
    }
  }
  return nullptr;
}

NamedCitation citation(std::string key, std::string name, size_t begin, size_t end, const NamedDocument* d) {
  if (d) return {"named:" + d->key, d->name, d->number, d->url, "", begin, end};
  return {std::move(key), std::move(name), "", "", "", begin, end};
}

// `text` starts a word at `at`: not inside "xHiến pháp".
bool word_start(std::string_view text, size_t at) {
  if (at == 0) return true;
  const unsigned char c = static_cast<unsigned char>(text[at - 1]);
  return !(std::isalnum(c) || c >= 0x80);
}

void find_forms(std::string_view text, const std::vector<NamedDocument>& declared, const std::string& issuer,
                std::vector<NamedCitation>& out) {
  static const std::string anchor = "Nghị quyết ";
  for (size_t at = text.find(anchor); at != std::string_view::npos; at = text.find(anchor, at + 1)) {
    const std::string window(text.substr(at, 200));
    for (const Form& f : resolution_forms()) {
      std::smatch m;
      if (!std::regex_search(window, m, f.pattern, std::regex_constants::match_continuous)) continue;
      const std::string name = f.name(m);
      const std::string key = f.key(m) + (f.local ? "@" + issuer : "");
      const size_t end = at + static_cast<size_t>(m.length(0));
      out.push_back(citation(key, name, at, end, declared_as(declared, name, m.str(0))));
      if (f.local && out.back().key == key) out.back().scope = issuer;
      if (m.size() > 3 && m[3].matched) {  // "khóa XI, XII": the same resolution number of the next term too
        const std::string second = "Nghị quyết Trung ương " + m[1].str() + " khóa " + m[3].str();
        out.push_back(citation("nq-tw-" + m[1].str() + "-" + lower_ascii(m[3].str()), second, end, end,
                               declared_as(declared, second, second)));
      }
      break;
    }
  }
  for (const Charter& c : kCharters) {
    const std::string_view w = c.written;
    for (size_t at = text.find(w); at != std::string_view::npos; at = text.find(w, at + 1)) {
      if (word_start(text, at)) out.push_back(citation(c.key, c.name, at, at + w.size(), declared_as(declared, c.name, c.written)));
    }
  }
}

void find_declared(std::string_view text, const std::vector<NamedDocument>& declared, std::vector<NamedCitation>& out) {
  for (const NamedDocument& d : declared) {
    std::vector<std::string> spellings = d.aliases;
    spellings.push_back(d.name);
    for (const std::string& s : spellings) {
      if (s.empty()) continue;
      for (size_t at = text.find(s); at != std::string_view::npos; at = text.find(s, at + 1)) {
        if (word_start(text, at)) out.push_back(citation("", "", at, at + s.size(), &d));
      }
    }
  }
}

}  // namespace

std::vector<NamedCitation> find_named_citations(std::string_view text, const std::vector<NamedDocument>& declared,
                                                const std::string& issuer) {
  std::vector<NamedCitation> all;
  find_declared(text, declared, all);
  find_forms(text, declared, issuer, all);
  // The longest at each place first; then what overlaps a kept one goes, and each document is kept once.
  std::sort(all.begin(), all.end(), [](const NamedCitation& a, const NamedCitation& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  std::vector<NamedCitation> out;
  std::set<std::string> seen;
  size_t covered = 0;
  for (NamedCitation& c : all) {
    if (!out.empty() && c.begin < covered) continue;
    covered = c.end;
    if (seen.insert(c.key).second) out.push_back(std::move(c));
  }
  return out;
}

}  // namespace congbo
