// config.h: the site's settings from site.toml.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "diagnostic.h"
#include "named_citation.h"

namespace congbo {

/// An issuing body: the key used in front matter, the abbreviation used in
/// document numbers ("ĐUK"), its full name, and the body above it, which the
/// official header prints on the first line ("ĐẢNG BỘ TỈNH BẾN TRE").
struct Issuer {
  std::string key, abbr, name, parent;
  /// The lines naming it at the head of its documents, as they print them
  /// ("ĐẢNG ỦY KHỐI", "CƠ QUAN - DOANH NGHIỆP TỈNH"); empty when its
  /// documents state none. Not given: its name in capitals.
  std::optional<std::vector<std::string>> header;
};

struct SiteConfig {
  std::string title;
  std::string description;
  std::string base_url;      ///< "https://example.vn/sub/", always ends with '/'
  std::string language = "vi";
  std::string committee;     ///< the committee that publishes the site
  std::string theme = "default";
  int theme_line = 0, theme_col = 0;  ///< where site.toml names it, for messages about it
  int paginate = 10;         ///< items per list page
  /// "ed25519:…": the key publish signs each release with (congbo keygen);
  /// "" when releases are not signed. The site shows it at /xac-minh/.
  std::string public_key;
  /// Attachments larger than this are warned of (slow on a phone); at most 500.
  int attachment_limit_mb = 20;
  std::vector<std::pair<std::string, std::string>> kinds;  ///< "KH" → "Kế hoạch"
  std::vector<Issuer> issuers;
  std::vector<NamedDocument> named;  ///< [named.KEY]: documents cited by name (named_citation.h)

  /// Path part of base_url: "/" or "/sub/". Every internal link starts with it.
  std::string base_path() const;
  /// "https://example.vn", no trailing slash.
  std::string origin() const;
  const std::string* kind_name(const std::string& abbr) const;
  const Issuer* issuer(const std::string& key) const;
  /// The kind's full name, or the abbreviation itself when undeclared.
  std::string kind_label(const std::string& abbr) const;
  /// The issuer's full name, or the key itself when undeclared.
  std::string issuer_label(const std::string& key) const;
};

/// Reads site.toml's text. Errors and unknown-key warnings go to `diags`.
std::optional<SiteConfig> parse_config(std::string_view text, const std::string& path,
                                       Diagnostics& diags);

}  // namespace congbo
