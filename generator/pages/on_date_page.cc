// on_date_page.cc: /van-ban/ngay/ and its data, by issue year.
#include "on_date_page.h"

#include <algorithm>
#include <map>

#include "markdown.h"
#include "page_words.h"
#include "sections.h"
#include "text.h"
#include "validity.h"

namespace congbo {
namespace {

std::string day(const std::optional<Date>& d) { return d ? d->iso() : ""; }

// One document's entry: what the list shows, when it was on the site, its
// versions and its force over time.
std::string entry(const Page& p, const std::string& url, const FileHistory& history, const std::string& removed,
                  const std::vector<std::pair<std::optional<Date>, Force>>& force, bool has_start, const SiteConfig& config) {
  const auto versions = archive_versions(history);
  std::string v = "[", f = "[";
  for (const Version* x : versions) {
    v += std::string(v.size() > 1 ? "," : "") + "[" + json_string(x->date.iso()) + "," + json_string(x->short_id) + "]";
  }
  bool first_point = true;
  for (const auto& [from, force_now] : force) {
    // [from, status]; the start, when the document has one, marked [from, status, 1].
    f += std::string(f.size() > 1 ? "," : "") + "[" + json_string(day(from)) + "," + json_string(force_name(force_now)) +
         (first_point && has_start ? ",1" : "") + "]";
    first_point = false;
  }
  const std::string first = versions.empty() ? "" : versions.back()->date.iso();
  return "{\"u\":" + json_string(href(config, url)) + ",\"n\":" + json_string(p.doc.number) +
         ",\"t\":" + json_string(markdown_inline_plain(p.title)) + ",\"k\":" + json_string(config.kind_label(p.doc.kind)) +
         ",\"d\":" + json_string(day(p.date)) + ",\"a\":" + json_string(first) + ",\"g\":" + json_string(removed) +
         ",\"v\":" + v + "],\"f\":" + f + "]}";
}

std::string year_of(const Page& p) { return p.date ? std::to_string(p.date->year) : ""; }

}  // namespace

void render_on_date(const OnDateContext& cx, Diagnostics& diags) {
  const PageContext& site = cx.site;
  std::map<std::string, std::vector<std::pair<std::string, std::string>>, std::greater<>> years;  // year → (date, entry)
  for (int i = 0; i < static_cast<int>(site.pages.size()); ++i) {
    const Page& p = site.pages[i];
    if (!p.is_document || p.is_index) continue;
    const ForceTimeline t = force_timeline(site.pages, i, cx.relations.by_page[i]);
    years[year_of(p)].push_back({day(p.date), entry(p, p.url, cx.history_of(i), "", t.points(), t.start.has_value(), site.config)});
  }
  for (const DeletedPage& d : cx.deleted) {
    if (d.history.versions.size() < 2 || d.history.path.rfind("content/van-ban/", 0) != 0) continue;
    Page p;  // what the removed file said is not read again: its title and number from its page
    p.title = d.title;
    years[""].push_back({"", entry(p, d.url, d.history, d.history.versions.front().date.iso(), {}, false, site.config)});
  }
  if (years.empty()) return;
  std::string index = "[";
  for (auto& [year, items] : years) {
    std::sort(items.begin(), items.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::string json = "[";
    for (const auto& [date, e] : items) json += std::string(json.size() > 1 ? ",\n" : "") + e;
    write_file(site, std::string(kOnDateUrl).substr(1) + (year.empty() ? "khong-ro" : year) + ".json", json + "]", diags);
    if (!year.empty()) index += std::string(index.size() > 1 ? "," : "") + "[" + year + "," + std::to_string(items.size()) + "]";
  }
  if (years.count("")) index += std::string(index.size() > 1 ? "," : "") + "[\"\"," + std::to_string(years[""].size()) + "]";
  write_file(site, std::string(kOnDateUrl).substr(1) + "nam.json", index + "]", diags);

  View v = base_view(site.config, site.nav, kDocumentsSection, kOnDateUrl, words::text("on_date.title"));
  v.set("title", words::text("on_date.title"))
      .set("data", href(site.config, kOnDateUrl))
      .set("browse_url", href(site.config, "/van-ban/"))
      .set("script", href(site.config, "/js/ngay.js") + "?v=" + site.chrome.substr(0, 12));
  emit(site, kOnDateUrl, "on_date", std::move(v), diags);
}

}  // namespace congbo
