// record_pages.h: the pages of the committee's records, one family at a
// time — emulation campaigns and their years, commendation decisions and
// their lists, units and their profiles — and what records add to other
// pages (a model's unit and plan, what carries a document out, search
// entries). Each family is a free function over RecordContext.
#pragma once

#include <string>
#include <vector>

#include "history.h"
#include "page_context.h"
#include "records.h"
#include "search_index.h"
#include "view.h"

namespace congbo {

struct RecordContext {
  const PageContext& site;
  const Records& records;
  const Repository* repo;  ///< for the date a data file was last changed; null without git
  Diagnostics& diags;

  /// A page in its layout, and a file (a CSV) beside it.
  void emit(const std::string& url, const std::string& layout, View v) const;
  void write(const std::string& path, const std::string& bytes) const;
  std::string unit_url(const std::string& unit_id) const;  ///< unit_link()
  View plan_view(const RelationEntry& plan, int page) const;  ///< plan_link()
  /// "updated"/"updated_iso" of a data file, from its last commit.
  void set_updated(View& v, const std::string& source) const;
  /// A section's title, and the text of its _index.md as "intro".
  void section_intro(View& v, const std::string& section) const;
  /// A link back to a section's index ("parent_title", "parent_url").
  void section_crumb(View& v, const std::string& section) const;
};

/// /thi-dua/, each campaign's page and each of its years, with their CSVs.
void render_campaign_pages(const RecordContext& cx);
/// /khen-thuong/ with its lists by year and by form, and each decision.
void render_decision_pages(const RecordContext& cx);
/// /don-vi/ with its CSV, and each unit's profile.
void render_unit_pages(const RecordContext& cx);

/// A unit's page, with base path; "" when the unit is unknown.
std::string unit_link(const PageContext& site, const Records& records, const std::string& unit_id);
/// A `plan` field: a link to the page it names (`page` >= 0), or its text.
View plan_link(const PageContext& site, const RelationEntry& plan, int page);
/// The `model` of a model page's view: its unit, year, topic, plan, images.
View model_view(const PageContext& site, const Records& records, const Page& page, int plan_page);
/// Campaigns, decisions and models whose `plan` is the document at `index`.
View carried_out(const PageContext& site, const Records& records, int index);
/// Each campaign, campaign year, decision and unit as a search entry.
void add_record_search(const PageContext& site, const Records& records, std::vector<SearchDocument>& docs);
/// One line of what a unit's page lists year by year: a campaign result, a
/// commendation or a model (the page and the unit's search entry read it).
struct UnitEntry {
  enum Kind { kResult, kAward, kModel } kind;
  int year;
  std::string what, title, url, detail;
  bool good;  ///< the campaign's top grade
  bool sample = false;  ///< from a campaign, decision or model marked as sample data
};
std::vector<UnitEntry> unit_entries(const PageContext& site, const Records& records, const Unit& u);
/// What a model's page shows as its facts (category, unit, year, plan), one line.
std::string model_facts(const Records& records, const Page& page);

}  // namespace congbo
