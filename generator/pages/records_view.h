// records_view.h: the computed tables of campaigns and commendations (shown
// on pages and downloaded as CSV) and the charts of targets. Everything here
// is computed from the data; no count or percentage is ever typed.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "campaign.h"
#include "chart.h"
#include "commendation.h"
#include "table.h"
#include "unit.h"

namespace congbo {

/// URL of a unit's profile page, with base path ("" to leave names unlinked).
using UnitLink = std::function<std::string(const std::string& unit_id)>;

/// One year's results: a row per unit with each criterion met, score, grade, note.
Table results_table(const Campaign& c, const YearResults& y, const Units& units, const UnitLink& link);
/// Counts and percentages per grade for one year.
Table grades_table(const Campaign& c, const YearSummary& s);
/// Each target: how many units counted, the share reached, met or not.
Table targets_table(const Campaign& c, const YearSummary& s);
/// Year on year: registered units and the share of each grade, per year.
Table years_table(const Campaign& c, const std::vector<YearSummary>& years);
/// One chart per target, a bar per year.
std::vector<BarChart> target_charts(const Campaign& c, const std::vector<YearSummary>& years);
/// The people and units a decision commends.
Table recipients_table(const Decision& d, const Units& units, const UnitLink& link);

}  // namespace congbo
