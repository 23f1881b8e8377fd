// theme.cc: layout lookup with overrides, and Mustache rendering.
#include "theme.h"

#include <kainjow/mustache.hpp>

#include <fstream>
#include <set>
#include <unordered_map>
#include <sstream>

#include "embedded_theme.h"
#include "messages.h"
#include "text.h"

namespace fs = std::filesystem;
namespace mstch = kainjow::mustache;

namespace congbo {
namespace {

const std::string kExt = ".mustache";

mstch::data to_data(const View& v) {
  switch (v.type()) {
    case View::Type::String:
      // An empty string is "absent but present": false, so sections skip it and
      // lookups do not fall through to an outer value of the same name.
      if (v.str().empty()) return mstch::data(false);
      return mstch::data(v.str());
    case View::Type::Bool:
      return mstch::data(v.flag());
    // Children are moved in, not copied: kainjow's set() and push_back()
    // take a copy, and a copy of a subtree at every level above it made this
    // conversion cost as much as the rendering.
    case View::Type::List: {
      mstch::data list(mstch::data::type::list);
      // The list is ours and not const; kainjow only gives it out as const.
      auto& items = const_cast<mstch::basic_list<std::string>&>(list.list_value());
      items.reserve(v.items().size());
      for (const auto& item : v.items()) items.push_back(to_data(item));
      return list;
    }
    case View::Type::Object: {
      mstch::data obj(mstch::data::type::object);
      for (const auto& [k, m] : v.members()) obj[k] = to_data(m);
      return obj;
    }
  }
  return mstch::data(false);
}

// Replaces every {{> name}} with the text of layouts/partials/name.mustache,
// recursively, so each template is parsed once rather than each partial at
// every inclusion (kainjow parses partials when it meets them).
// `missing` collects the partials named and not found (kainjow would render
// nothing in their place, silently).
std::string inline_partials(const std::string& text, const std::map<std::string, std::string>& partials,
                            std::set<std::string>& missing, int depth = 0) {
  if (depth > 8) {
    missing.insert("(quá 8 lớp lồng nhau)");
    return text;
  }
  std::string out;
  size_t pos = 0;
  while (true) {
    size_t open = text.find("{{>", pos);
    if (open == std::string::npos) break;
    size_t close = text.find("}}", open);
    if (close == std::string::npos) break;
    std::string name = trim(text.substr(open + 3, close - open - 3));
    out.append(text, pos, open - pos);
    auto it = partials.find("partials/" + name);
    if (it != partials.end()) out += inline_partials(it->second, partials, missing, depth + 1);
    else missing.insert(name);
    pos = close + 2;
  }
  out.append(text, pos, std::string::npos);
  return out;
}

}  // namespace

std::optional<Theme> Theme::load(const SourceTree& site, const std::string& name, int line, int col,
                                 Diagnostics& diags) {
  Theme t;
  {  // the built-in default first: a theme replaces what it has, the rest stays
    for (const EmbeddedFile* f = embedded_theme_files(); f->path; ++f) {
      std::string p = f->path;
      if (starts_with(p, "layouts/") && p.size() > kExt.size() &&
          p.compare(p.size() - kExt.size(), kExt.size(), kExt) == 0) {
        std::string key = p.substr(8, p.size() - 8 - kExt.size());
        t.layouts_[key] = {std::string(f->data), "(giao diện mặc định) " + p, "", true, ""};
      } else if (starts_with(p, "static/")) {
        t.static_[p.substr(7)] = std::string(f->data);
      }
    }
  }

  auto overlay = [&](const std::string& root) {
    const std::string layouts = root + "layouts/";
    for (const auto& path : site.list(root + "layouts")) {
      std::string rel = path.substr(layouts.size());
      if (rel.size() <= kExt.size() || rel.compare(rel.size() - kExt.size(), kExt.size(), kExt)) continue;
      t.layouts_[rel.substr(0, rel.size() - kExt.size())] = {site.read(path).value_or(""), path, "", true, ""};
    }
    const std::string stat = root + "static/";
    for (const auto& path : site.list(root + "static")) {
      t.static_[path.substr(stat.size())] = site.read(path).value_or("");
    }
    const std::string strings = root + "strings.toml";
    if (site.exists(strings)) {
      if (auto bytes = site.read(strings)) words::read_overrides(*bytes, strings, t.words_, diags);
    }
  };
  t.words_ = words::builtin_table();

  const std::string theme_dir = "themes/" + name;
  if (name != "default" && (!site.is_dir(theme_dir) || site.list(theme_dir).empty())) {
    diags.error("site.toml", line, col, msg::theme_missing(name));
    return std::nullopt;
  }
  if (site.is_dir(theme_dir)) overlay(theme_dir + "/");
  overlay("");
  t.compile(diags);
  return t;
}

// Every template is compiled here, when the theme is loaded, so `check`
// (which renders nothing) finds a broken one just as `build` does.
void Theme::compile(Diagnostics& diags) {
  std::map<std::string, std::string> texts;
  for (const auto& [name, t] : layouts_) texts[name] = t.text;
  for (auto& [name, t] : layouts_) {
    std::set<std::string> missing;
    t.compiled = inline_partials(t.text, texts, missing);
    t.compiled_hash = std::hash<std::string>{}(t.compiled);
    mstch::mustache check(t.compiled);
    t.valid = check.is_valid();
    t.error = check.error_message();
    if (!t.valid) diags.error(t.origin, 0, 0, msg::template_error(name, t.error));
    for (const auto& partial : missing) diags.warning(t.origin, 0, 0, msg::partial_missing(partial));
  }
}

const Theme::Template* Theme::find(const std::string& layout, Diagnostics& diags) const {
  auto it = layouts_.find(layout);
  if (it == layouts_.end()) {
    diags.error("layouts/" + layout + kExt, 0, 0, msg::template_missing(layout));
    return nullptr;
  }
  if (!it->second.valid) {
    diags.error(it->second.origin, 0, 0, msg::template_error(layout, it->second.error));
    return nullptr;
  }
  return &it->second;
}

std::string Theme::fingerprint() const {
  std::string all;
  for (const auto& [name, t] : layouts_) all += name + '\0' + t.text + '\0';
  for (const auto& [name, data] : static_) all += name + '\0' + data + '\0';
  for (const auto& [key, text] : words_) all += key + '\0' + text + '\0';
  return stable_hash(all);
}

bool Theme::has(const std::string& layout) const { return layouts_.count(layout) > 0; }

namespace {

// kainjow's own escaping: the same entities (' as "&apos;").
std::string escape_html(const std::string& s) { return html_escape(s, "&apos;"); }

// kainjow's templates keep state while rendering, so each thread renders
// with its own parsed copy, made once per thread and template text. (Found
// by the text, not its address: a later Theme may reuse the address; by its
// hash made once, then the text compared, rather than hashed per page.)
mstch::mustache& parsed(const std::string& compiled, size_t hash) {
  thread_local std::unordered_multimap<size_t, std::pair<std::string, std::unique_ptr<mstch::mustache>>> mine;
  auto [from, to] = mine.equal_range(hash);
  for (auto it = from; it != to; ++it) {
    if (it->second.first == compiled) return *it->second.second;
  }
  auto tmpl = std::make_unique<mstch::mustache>(compiled);
  tmpl->set_custom_escape(escape_html);
  return *mine.emplace(hash, std::make_pair(compiled, std::move(tmpl)))->second.second;
}

std::string render_with(const std::string& origin, const std::string& layout, mstch::mustache& tmpl,
                        const mstch::data& data, Diagnostics& diags) {
  // Into one string, not kainjow's ostringstream (whose str() copies the page once more).
  std::string out;
  out.reserve(16384);
  tmpl.render(data, [&out](const std::string& piece) { out += piece; });
  if (!tmpl.is_valid()) {
    diags.error(origin, 0, 0, msg::template_error(layout, tmpl.error_message()));
    return "";
  }
  return out;
}

}  // namespace

std::string Theme::render(const std::string& layout, const View& view, Diagnostics& diags) const {
  const Template* t = find(layout, diags);
  if (!t) return "";
  return render_with(t->origin, layout, parsed(t->compiled, t->compiled_hash), to_data(view), diags);
}

std::string Theme::render_page(const std::string& layout, const View& view, Diagnostics& diags) const {
  const Template* t = find(layout, diags);
  const Template* base = find("base", diags);
  if (!t || !base) return "";
  mstch::data data = to_data(view);
  std::string body = render_with(t->origin, layout, parsed(t->compiled, t->compiled_hash), data, diags);
  data["body"] = std::move(body);  // set() would copy it
  return render_with(base->origin, "base", parsed(base->compiled, base->compiled_hash), data, diags);
}

}  // namespace congbo
