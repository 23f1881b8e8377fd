// record_pages.h: the pages of the committee's records, one family at a
// time — emulation campaigns and their years, commendation decisions and
// their lists, units and their profiles. Each family is a free function over
// RecordContext, what it reads, and writes through the context's emit()
// (a page in its layout) and write() (a CSV file). Site builds the context;
// the families know nothing else of it.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "campaign.h"
#include "commendation.h"
#include "config.h"
#include "page.h"
#include "sections.h"
#include "unit.h"
#include "view.h"
#include "views.h"

namespace congbo {

/// The addresses of record pages (without the base path): the one place
/// that spells them, read by the renderers, the URL table and the search.
std::string campaign_year_url(const Campaign& c, int year);
std::string decisions_year_url(int year);
std::string decisions_form_url(const std::string& form);
std::string unit_page_url(const std::string& unit_id);

struct RecordContext {
  const SiteConfig& config;
  const std::vector<NavItem>& nav;
  const Units& units;
  const std::vector<Campaign>& campaigns;
  const std::vector<Decision>& decisions;
  const std::vector<Page>& pages;
  const std::vector<int>& campaign_plan;  ///< page of each campaign's plan, or -1
  const std::vector<int>& decision_plan;  ///< page of each decision's plan, or -1
  std::function<std::string(const std::string& unit_id)> unit_url;  ///< with base path; "" when unknown
  std::function<View(const RelationEntry& plan, int page)> plan_view;
  std::function<void(View& v, const std::string& source)> set_updated;  ///< its last commit
  /// A section's title, and the text of its _index.md as "intro".
  std::function<void(View& v, const std::string& section)> section_intro;
  /// A link back to a section's index ("parent_title", "parent_url").
  std::function<void(View& v, const std::string& section)> section_crumb;
  std::function<void(const std::string& url, const std::string& layout, View v)> emit;
  std::function<void(const std::string& path, const std::string& bytes)> write;
};

/// /thi-dua/, each campaign's page and each of its years, with their CSVs.
void render_campaign_pages(const RecordContext& cx);
/// /khen-thuong/ with its lists by year and by form, and each decision.
void render_decision_pages(const RecordContext& cx);
/// /don-vi/ with its CSV, and each unit's profile.
void render_unit_pages(const RecordContext& cx);

}  // namespace congbo
