// named_citation.h: documents a text cites by name, not by number — the
// forms Party documents use for the Party's own resolutions and charters
// ("Nghị quyết Trung ương 4 khóa XII", "Nghị quyết Đại hội XIII của Đảng",
// "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX", "Điều lệ Đảng", "Hiến pháp"),
// and the names a site declares in site.toml ([named.KEY]: name, aliases,
// optional number and url).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace congbo {

/// A document site.toml names ([named.KEY]).
struct NamedDocument {
  std::string key;
  std::string name;                  ///< as readers see it in lists
  std::vector<std::string> aliases;  ///< other ways texts write it, exactly
  std::string number;                ///< "37-QĐ/TW" when it has one: then it is that document
  std::string url;                   ///< where to read it, when known
};

struct NamedCitation {
  /// The document's identity: "nq-tw-4-xii", "dieu-le-dang"; for a local
  /// congress ("Đảng bộ tỉnh lần thứ XX") it ends with "@" and the citing
  /// document's issuer, since each province has its own.
  std::string key;
  std::string name;     ///< as lists show it: "Nghị quyết Trung ương 4 khóa XII"
  std::string number;   ///< a declared document's number, else ""
  std::string url;      ///< a declared document's address, else ""
  std::string scope;    ///< a local congress's: the citing issuer, whose own congress it is
  size_t begin = 0, end = 0;  ///< byte range in the text
};

/// Every named citation in `text`, in order, each once per distinct key.
/// `issuer` is the citing document's issuer key (for local congresses).
std::vector<NamedCitation> find_named_citations(std::string_view text, const std::vector<NamedDocument>& declared,
                                                const std::string& issuer);

}  // namespace congbo
