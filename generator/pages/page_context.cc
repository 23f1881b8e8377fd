// page_context.cc: writing pages through the output.
#include "page_context.h"

#include "text.h"

namespace congbo {

const Section* PageContext::section(const std::string& name) const {
  for (const Section& s : sections) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

std::string chrome_hash(const std::string& config_text, const Theme& theme, const std::vector<NavItem>& nav) {
  std::string words;
  for (const auto& n : nav) words += n.title + '|' + n.url + '|';
  return stable_hash(std::string(CONGBO_VERSION) + '|' + config_text + '|' + theme.fingerprint() + '|' + words);
}

std::string compose(const PageContext& cx, const std::string& layout, View view, Diagnostics& diags) {
  return cx.theme.render_page(layout, view, diags);
}

void emit(const PageContext& cx, const std::string& url, const std::string& layout, View view, Diagnostics& diags) {
  const std::string path = Output::path_for_url(url);
  const std::string key = stable_hash(layout + '|' + cx.chrome + '|' + view.fingerprint());
  if (cx.out.reuse(path, key)) return;
  std::string err;
  if (!cx.out.write_keyed(path, key, compose(cx, layout, std::move(view), diags), &err)) diags.error(url, 0, 0, err);
}

void write_file(const PageContext& cx, const std::string& path, std::string_view data, Diagnostics& diags) {
  std::string err;
  if (!cx.out.write(path, data, &err)) diags.error(path, 0, 0, err);
}

}  // namespace congbo
