// theme.cc: layout lookup with overrides, and Mustache rendering.
#include "theme.h"

#include <kainjow/mustache.hpp>

#include <fstream>
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
    case View::Type::List: {
      mstch::data list(mstch::data::type::list);
      for (const auto& item : v.items()) list.push_back(to_data(item));
      return list;
    }
    case View::Type::Object: {
      mstch::data obj(mstch::data::type::object);
      for (const auto& [k, m] : v.members()) obj.set(k, to_data(m));
      return obj;
    }
  }
  return mstch::data(false);
}

// Resolves {{> name}} to layouts/partials/name.mustache of this theme.
class ThemeContext : public mstch::basic_context<std::string> {
 public:
  ThemeContext(const mstch::data* root, std::function<const std::string*(const std::string&)> find)
      : find_(std::move(find)) {
    inner_.push(root);
  }
  void push(const mstch::data* d) override { inner_.push(d); }
  void pop() override { inner_.pop(); }
  const mstch::data* get(const std::string& name) const override { return inner_.get(name); }
  const mstch::data* get_partial(const std::string& name) const override {
    auto it = partials_.find(name);
    if (it != partials_.end()) return &it->second;
    const std::string* text = find_(name);
    if (!text) return nullptr;
    return &partials_.emplace(name, mstch::data(*text)).first->second;
  }

 private:
  mstch::context<std::string> inner_;
  std::function<const std::string*(const std::string&)> find_;
  mutable std::map<std::string, mstch::data> partials_;
};

}  // namespace

std::optional<Theme> Theme::load(const SourceTree& site, const std::string& name, Diagnostics& diags) {
  Theme t;
  if (name == "default") {
    for (const EmbeddedFile* f = embedded_theme_files(); f->path; ++f) {
      std::string p = f->path;
      if (starts_with(p, "layouts/") && p.size() > kExt.size() &&
          p.compare(p.size() - kExt.size(), kExt.size(), kExt) == 0) {
        std::string key = p.substr(8, p.size() - 8 - kExt.size());
        t.layouts_[key] = {std::string(f->data), "(giao diện mặc định) " + p};
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
      t.layouts_[rel.substr(0, rel.size() - kExt.size())] = {site.read(path).value_or(""), path};
    }
    const std::string stat = root + "static/";
    for (const auto& path : site.list(root + "static")) {
      t.static_[path.substr(stat.size())] = site.read(path).value_or("");
    }
  };

  const std::string theme_dir = "themes/" + name;
  if (site.is_dir(theme_dir)) {
    overlay(theme_dir + "/");
  } else if (name != "default") {
    diags.error("site.toml", 0, 0, msg::theme_missing(name));
    return std::nullopt;
  }
  overlay("");
  return t;
}

std::string Theme::fingerprint() const {
  std::string all;
  for (const auto& [name, t] : layouts_) all += name + '\0' + t.text + '\0';
  for (const auto& [name, data] : static_) all += name + '\0' + data + '\0';
  return stable_hash(all);
}

bool Theme::has(const std::string& layout) const { return layouts_.count(layout) > 0; }

std::string Theme::origin(const std::string& layout) const {
  auto it = layouts_.find(layout);
  return it == layouts_.end() ? "layouts/" + layout + kExt : it->second.origin;
}

std::string Theme::render(const std::string& layout, const View& view, Diagnostics& diags) const {
  auto it = layouts_.find(layout);
  if (it == layouts_.end()) {
    diags.error("layouts/" + layout + kExt, 0, 0, msg::template_missing(layout));
    return "";
  }
  mstch::mustache tmpl(it->second.text);
  if (!tmpl.is_valid()) {
    diags.error(it->second.origin, 0, 0, msg::template_error(layout, tmpl.error_message()));
    return "";
  }
  mstch::data data = to_data(view);
  ThemeContext ctx(&data, [this](const std::string& name) -> const std::string* {
    auto p = layouts_.find("partials/" + name);
    return p == layouts_.end() ? nullptr : &p->second.text;
  });
  std::string out = tmpl.render(ctx);
  if (!tmpl.is_valid()) {
    diags.error(it->second.origin, 0, 0, msg::template_error(layout, tmpl.error_message()));
    return "";
  }
  return out;
}

}  // namespace congbo
