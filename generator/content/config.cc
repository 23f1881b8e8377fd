// config.cc: site.toml → SiteConfig, with every mistake reported at its line.
#include "config.h"

#include "doc_number.h"

#include <tuple>

#include "field_reader.h"
#include "messages.h"
#include "signing.h"
#include "text.h"
#include "toml_reader.h"

namespace congbo {

std::string SiteConfig::base_path() const {
  size_t scheme = base_url.find("://");
  size_t slash = base_url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  if (slash == std::string::npos) return "/";
  return base_url.substr(slash);
}

std::string SiteConfig::origin() const {
  size_t scheme = base_url.find("://");
  size_t slash = base_url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  return base_url.substr(0, slash);
}

const std::string* SiteConfig::kind_name(const std::string& abbr) const {
  for (const auto& [k, name] : kinds) {
    if (k == abbr) return &name;
  }
  return nullptr;
}

const Issuer* SiteConfig::issuer(const std::string& key) const {
  for (const auto& i : issuers) {
    if (i.key == key) return &i;
  }
  return nullptr;
}

std::string SiteConfig::kind_label(const std::string& abbr) const {
  const std::string* name = kind_name(abbr);
  return name ? *name : abbr;
}

std::string SiteConfig::issuer_label(const std::string& key) const {
  const Issuer* i = issuer(key);
  return i ? i->name : key;
}

namespace {

// [named.KEY]: name (required), aliases, number (a document number), url.
void read_named(FieldReader& r, const std::string& path, Diagnostics& diags, SiteConfig& c) {
  const Value* named = r.raw("named");
  if (!named) return;
  if (named->type != Value::Type::Table) {
    diags.error(path, named->line, named->col, msg::wrong_type("named", msg::type_table(), named->type_name()));
    return;
  }
  for (const auto& [key, v] : named->members) {
    if (v.type != Value::Type::Table) {
      diags.error(path, v.line, v.col, msg::wrong_type("named." + key, msg::type_table(), v.type_name()));
      continue;
    }
    FieldReader nr(v, path, diags, "named." + key + ".");
    NamedDocument d;
    d.key = key;
    if (auto s = nr.string("name", true)) d.name = *s;
    if (auto s = nr.string_list("aliases")) d.aliases = *s;
    if (auto s = nr.string("number")) {
      if (!DocNumber::parse(*s)) {
        auto [line, col] = nr.where("number");
        diags.error(path, line, col, msg::bad_named_number(*s));
      }
      d.number = *s;
    }
    if (auto s = nr.string("url")) d.url = *s;
    nr.finish(msg::unknown_site_key);
    c.named.push_back(std::move(d));
  }
}

}  // namespace

std::optional<SiteConfig> parse_config(std::string_view text, const std::string& path,
                                       Diagnostics& diags) {
  auto root = read_toml(text, path, 1, diags);
  if (!root) return std::nullopt;
  int errors_before = diags.error_count();

  SiteConfig c;
  FieldReader r(*root, path, diags);
  if (auto v = r.string("title", true)) c.title = *v;
  if (auto v = r.string("description")) c.description = *v;
  if (auto v = r.string("base_url", true)) {
    if (!starts_with(*v, "http://") && !starts_with(*v, "https://")) {
      auto [line, col] = r.where("base_url");
      diags.error(path, line, col, msg::bad_base_url(*v));
    }
    c.base_url = *v;
    if (c.base_url.empty() || c.base_url.back() != '/') c.base_url += '/';
  }
  if (auto v = r.string("language")) c.language = *v;
  if (auto v = r.string("committee")) c.committee = *v;
  if (auto v = r.string("theme")) {
    std::tie(c.theme_line, c.theme_col) = r.where("theme");
    // A plain folder name under themes/: "../../x" would load templates
    // and files from outside the site.
    if (v->empty() || *v == "." || *v == ".." ||
        v->find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") != std::string::npos) {
      diags.error(path, c.theme_line, c.theme_col, msg::bad_theme_name(*v));
    } else {
      c.theme = *v;
    }
  }
  if (auto v = r.integer("paginate")) {
    if (*v < 1 || *v > 1000) {
      auto [line, col] = r.where("paginate");
      diags.error(path, line, col, msg::bad_paginate());
    } else {
      c.paginate = static_cast<int>(*v);
    }
  }
  if (auto v = r.integer("attachment_limit_mb")) {
    if (*v < 1 || *v > 500) {
      auto [line, col] = r.where("attachment_limit_mb");
      diags.error(path, line, col, msg::bad_attachment_limit());
    } else {
      c.attachment_limit_mb = static_cast<int>(*v);
    }
  }
  if (auto v = r.string("public_key")) {
    if (!valid_public_key(*v)) {
      auto [line, col] = r.where("public_key");
      diags.error(path, line, col, msg::bad_public_key());
    }
    c.public_key = *v;
  }
  if (const Value* kinds = r.raw("kinds")) {
    if (kinds->type != Value::Type::Table) {
      diags.error(path, kinds->line, kinds->col,
                  msg::wrong_type("kinds", msg::type_table(), kinds->type_name()));
    } else {
      FieldReader kr(*kinds, path, diags, "kinds.");
      for (const auto& [abbr, v] : kinds->members) {
        if (auto name = kr.string(abbr, true)) c.kinds.emplace_back(abbr, *name);
      }
    }
  }
  if (const Value* issuers = r.raw("issuers")) {
    if (issuers->type != Value::Type::Table) {
      diags.error(path, issuers->line, issuers->col,
                  msg::wrong_type("issuers", msg::type_table(), issuers->type_name()));
    } else {
      for (const auto& [key, v] : issuers->members) {
        if (v.type != Value::Type::Table) {
          diags.error(path, v.line, v.col,
                      msg::wrong_type("issuers." + key, msg::type_table(), v.type_name()));
          continue;
        }
        FieldReader ir(v, path, diags, "issuers." + key + ".");
        Issuer i;
        i.key = key;
        if (auto s = ir.string("abbr", true)) i.abbr = *s;
        if (auto s = ir.string("name", true)) i.name = *s;
        if (auto s = ir.string("parent")) i.parent = *s;
        i.header = ir.string_list("header");
        ir.finish(msg::unknown_site_key);
        c.issuers.push_back(std::move(i));
      }
    }
  }
  read_named(r, path, diags, c);
  r.finish(msg::unknown_site_key);
  if (diags.error_count() > errors_before) return std::nullopt;
  return c;
}

}  // namespace congbo
