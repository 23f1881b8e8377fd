// records.h: the committee's records beside its documents — units
// (content/don-vi.toml), emulation campaigns (content/thi-dua/*.toml) and
// commendation decisions (content/khen-thuong/*.toml) — as load reads them
// and link checks, grades and ties them to the plans they carry out. Their
// pages are record_pages.h; this file also spells their addresses.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "campaign.h"
#include "commendation.h"
#include "config.h"
#include "diagnostic.h"
#include "page.h"
#include "relations.h"
#include "source_tree.h"
#include "unit.h"

namespace congbo {

struct Records {
  Units units;
  std::vector<Campaign> campaigns;
  std::vector<Decision> decisions;   ///< newest first after link_records()
  std::vector<int> campaign_plan, decision_plan;  ///< page of each one's plan, or -1 (link)
  std::vector<int> model_plan;       ///< by page index: the page a model's plan names, or -1 (link)

  /// The page the model at `index` names as its plan, or -1.
  int model_plan_of(int index) const;
};

/// Reads the data files; every file is read even after an error.
Records load_records(const SourceTree& source, const SiteConfig& config, Diagnostics& diags);

/// Grades each campaign, checks each decision against units and campaigns,
/// checks each model's unit, and finds the page each `plan` names (a
/// content path such as "van-ban/51-kh-duk", or a document number).
void link_records(Records& records, const std::vector<Page>& pages, const DocumentIndex& index, Diagnostics& diags);

/// The addresses of record pages (without the base path): the one place
/// that spells them, read by the renderers, the URL table and the search.
std::string campaign_year_url(const Campaign& c, int year);
std::string decisions_year_url(int year);
std::string decisions_form_url(const std::string& form);
std::string unit_page_url(const std::string& unit_id);
/// Every record page's address and its section, for the URL table.
std::vector<std::pair<std::string, std::string>> record_urls(const Records& records);

}  // namespace congbo
