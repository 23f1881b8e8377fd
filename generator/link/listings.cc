// listings.cc: orders and counts for lists.
#include "listings.h"
#include "validity.h"

#include <algorithm>
#include <map>

#include "page_words.h"
#include "sections.h"
#include "text.h"

namespace congbo {

std::string BrowseUrls::kind(const SiteConfig& config, const std::string& kind) {
  return "/van-ban/loai/" + slugify(config.kind_label(kind)) + "/";
}
std::string BrowseUrls::issuer(const std::string& key) { return "/van-ban/co-quan/" + slugify(key) + "/"; }
std::string BrowseUrls::year(const std::optional<Date>& date) {
  return "/van-ban/nam/" + (date ? std::to_string(date->year) : std::string("chua-ro")) + "/";
}
std::string BrowseUrls::field(const std::string& field) { return "/van-ban/linh-vuc/" + slugify(field) + "/"; }
std::string BrowseUrls::cited() { return "/van-ban/dan-chieu/"; }

const Section* Listings::section(const std::string& name) const {
  for (const Section& s : sections) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

namespace {

class ListingBuilder {
 public:
  ListingBuilder(const std::vector<Page>& pages, const SiteConfig& config, const Units& units, const RecordCounts& records,
                 const std::vector<std::string>& statuses)
      : pages(pages), config(config), units(units), records(records), statuses(statuses) {}
  void sections();
  void browse();
  Listings out;

 private:
  void add_facet(const std::string& section, const std::string& key, std::map<std::string, FacetGroup>& groups);
  const std::vector<Page>& pages;
  const SiteConfig& config;
  const Units& units;
  const RecordCounts records;
  const std::vector<std::string>& statuses;
};

// Sections whose index pages list records (campaigns, decisions, units), not pages.
bool record_section(const std::string& name) {
  return name == kCampaignsSection || name == kAwardsSection || name == kUnitsSection;
}

// Sections readers expect first, in this order; others follow by name.
int section_rank(const std::string& name) {
  const auto* end = std::end(kSectionOrder);
  const auto* it = std::find_if(std::begin(kSectionOrder), end, [&](const char* s) { return name == s; });
  return static_cast<int>(it - std::begin(kSectionOrder));
}

void ListingBuilder::sections() {
  std::map<std::string, int> by_name;
  for (int i = 0; i < static_cast<int>(pages.size()); ++i) {
    const Page& p = pages[i];
    if (p.section.empty()) {
      if (p.is_index) out.home_index = i;
      continue;
    }
    auto [it, inserted] = by_name.emplace(p.section, static_cast<int>(out.sections.size()));
    if (inserted) {
      out.sections.push_back({p.section, "/" + slugify(p.section) + "/", words::default_section_title(p.section), -1, {}});
    }
    Section& s = out.sections[it->second];
    if (p.is_index) {
      s.index_page = i;
      s.title = p.title;
    } else {
      s.pages.push_back(i);
    }
  }
  // Records make their own sections, with or without an _index.md.
  const std::pair<const char*, size_t> made[] = {
      {kCampaignsSection, records.campaigns}, {kAwardsSection, records.decisions}, {kUnitsSection, records.units}};
  for (const auto& [name, count] : made) {
    if (count == 0) continue;
    auto [it, inserted] = by_name.emplace(name, static_cast<int>(out.sections.size()));
    if (inserted) out.sections.push_back({name, std::string("/") + name + "/", words::default_section_title(name), -1, {}});
    out.sections[it->second].count = static_cast<int>(count);
  }
  std::sort(out.sections.begin(), out.sections.end(), [](const Section& a, const Section& b) {
    return std::make_pair(section_rank(a.name), a.name) < std::make_pair(section_rank(b.name), b.name);
  });
  for (auto& s : out.sections) {
    s.pages = newest_first(pages, std::move(s.pages));
    if (!record_section(s.name)) s.count = static_cast<int>(s.pages.size());
    out.nav.push_back({s.title, s.url, s.name});
    if (record_section(s.name)) continue;  // site_records.cc renders their index pages
    Listing l;
    l.url = s.url;
    l.title = s.title;
    l.section = s.name;
    l.intro_page = s.index_page;
    l.pages = s.pages;
    l.show_facets = s.name == kDocumentsSection || s.name == kModelsSection;
    out.listings.push_back(std::move(l));
  }
}

void ListingBuilder::add_facet(const std::string& section, const std::string& key, std::map<std::string, FacetGroup>& groups) {
  Facet f;
  f.section = section;
  f.key = key;
  f.url = "/" + section + "/" + key + "/";
  f.title = section == kDocumentsSection ? words::facet_title(key) : words::models_facet(key);
  std::vector<std::pair<std::string, FacetGroup*>> sorted;
  for (auto& [url, g] : groups) sorted.emplace_back(url, &g);
  std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
    return a.second->order < b.second->order;
  });
  for (auto& [url, g] : sorted) {
    Listing l;
    l.url = url;
    l.title = g->title;
    l.section = section;
    l.parent_title = f.title;
    l.parent_url = f.url;
    l.pages = newest_first(pages, g->pages);
    f.listings.push_back(static_cast<int>(out.listings.size()));
    out.listings.push_back(std::move(l));
  }
  out.facets.push_back(std::move(f));
}

// Browse pages for models (by year, topic and unit) and for documents (by
// kind, issuer, year and field).
void ListingBuilder::browse() {
  // Exemplary models: by year, topic and unit.
  if (const Section* models = out.section(kModelsSection)) {
    std::map<std::string, FacetGroup> years, topics, by_unit;
    for (int i : models->pages) {
      const Page& p = pages[i];
      if (!p.is_model) continue;
      auto& y = years["/mo-hinh/nam/" + std::to_string(p.model.year) + "/"];
      y.title = words::year_title(p.model.year);
      y.order = -p.model.year;
      y.pages.push_back(i);
      auto& t = topics["/mo-hinh/chu-de/" + slugify(p.model.category) + "/"];
      t.title = p.model.category;
      t.pages.push_back(i);
      auto& u = by_unit["/mo-hinh/don-vi/" + p.model.unit + "/"];
      const Unit* unit = units.find(p.model.unit);
      u.title = unit ? unit->name : p.model.unit;
      u.order = units.index(p.model.unit);
      u.pages.push_back(i);
    }
    add_facet(kModelsSection, "nam", years);
    add_facet(kModelsSection, "chu-de", topics);
    add_facet(kModelsSection, "don-vi", by_unit);
  }

  auto docs = std::find_if(out.sections.begin(), out.sections.end(), [](const Section& s) { return s.name == kDocumentsSection; });
  if (docs == out.sections.end()) return;

  std::map<std::string, FacetGroup> kinds, issuers, years, fields, force;
  // In force first, then partly, not yet, no longer; a status written by hand after them.
  const std::string order[] = {force_name(Force::InForce), force_name(Force::PartlyInForce), force_name(Force::NotYet),
                               force_name(Force::NotInForce)};
  for (int i : docs->pages) {
    const Page& p = pages[i];
    if (!p.is_document) continue;
    if (i < static_cast<int>(statuses.size()) && !statuses[i].empty()) {
      auto& st = force["/van-ban/hieu-luc/" + slugify(statuses[i]) + "/"];
      st.title = statuses[i];
      st.order = static_cast<int>(std::find(std::begin(order), std::end(order), statuses[i]) - std::begin(order));
      st.pages.push_back(i);
    }
    // Order: as declared in site.toml for kinds and issuers, newest year first, fields by name.
    int kind_order = 0;
    for (const auto& [abbr, name] : config.kinds) {
      if (abbr == p.doc.kind) break;
      ++kind_order;
    }
    auto& k = kinds[BrowseUrls::kind(config, p.doc.kind)];
    k.title = config.kind_label(p.doc.kind);
    k.order = kind_order;
    k.pages.push_back(i);

    int issuer_order = 0;
    for (const auto& is : config.issuers) {
      if (is.key == p.doc.issuer) break;
      ++issuer_order;
    }
    auto& is = issuers[BrowseUrls::issuer(p.doc.issuer)];
    is.title = config.issuer_label(p.doc.issuer);
    is.order = issuer_order;
    is.pages.push_back(i);

    auto& y = years[BrowseUrls::year(p.date)];
    y.title = p.date ? words::year_title(p.date->year) : words::unknown_year();
    y.order = p.date ? -p.date->year : 1;  // newest first, unknown last
    y.pages.push_back(i);

    for (const auto& field : p.doc.fields) {
      auto& f = fields[BrowseUrls::field(field)];
      f.title = field;
      f.pages.push_back(i);
    }
  }
  int n = 0;
  for (auto& [url, f] : fields) f.order = n++;
  add_facet(kDocumentsSection, "loai", kinds);
  add_facet(kDocumentsSection, "co-quan", issuers);
  add_facet(kDocumentsSection, "nam", years);
  add_facet(kDocumentsSection, "linh-vuc", fields);
  add_facet(kDocumentsSection, "hieu-luc", force);
}

}  // namespace

Listings link_listings(const std::vector<Page>& pages, const SiteConfig& config, const Units& units,
                       const RecordCounts& records, const std::vector<std::string>& statuses) {
  ListingBuilder b(pages, config, units, records, statuses);
  b.sections();
  b.browse();
  return std::move(b.out);
}

int list_page_count(const Listing& l, int per_page) {
  return std::max<int>(1, (static_cast<int>(l.pages.size()) + per_page - 1) / per_page);
}

std::vector<int> newest_first(const std::vector<Page>& pages, std::vector<int> indices) {
  std::stable_sort(indices.begin(), indices.end(), [&](int a, int b) {
    const Page& x = pages[a];
    const Page& y = pages[b];
    if (x.date.has_value() != y.date.has_value()) return x.date.has_value();  // undated last
    if (x.date && *x.date != *y.date) return *x.date > *y.date;
    return x.title < y.title;
  });
  return indices;
}

std::vector<int> all_listed(const std::vector<Section>& sections, const std::vector<Page>& pages) {
  std::vector<int> all;
  for (const Section& s : sections) all.insert(all.end(), s.pages.begin(), s.pages.end());
  return newest_first(pages, std::move(all));
}

}  // namespace congbo
