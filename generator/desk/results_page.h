// results_page.h: the HTML of a campaign year's grid at the desk — one row
// per unit, a box per criterion, the grade the rules give with why, the
// committee's own decision and its reason, and the counts and targets. Plain
// view structs in, HTML out; the live updates come from /_soan/thi-dua.js.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "desk_pages.h"

namespace congbo {

struct GridRow {
  std::string unit, name, type;  ///< id, name, "Chi bộ trực thuộc"
  int depth = 0;                 ///< 1: a cell of the đảng bộ above it
  bool listed = false;           ///< in the file for this year
  bool registered = false;
  bool pilot = false;            ///< chosen to pilot the campaign ("làm điểm")
  std::vector<bool> met;         ///< parallel to GridPage::criteria
  std::vector<std::string> counts;  ///< parallel to GridPage::counts
  std::string score, decided, reason, note;
  std::string registered_on, reported_on;  ///< dd/mm/yyyy
  std::string grade, explanation;  ///< what the rules give now
  FieldMessages messages;
};

/// One line of the counts: "Hoàn thành tốt nhiệm vụ: 12 (60,0%)", or a target and whether it is met.
struct GridSummaryLine {
  std::string text;
  int met = -1;  ///< targets: 1 met, 0 missed; -1 a count
};

struct CampaignYearItem {
  std::string campaign, name;
  std::vector<int> years;
};

struct GridPage {
  FormPage page;  ///< csrf, writer, file, opened, message, notices
  std::string campaign, campaign_name;
  int year = 0;
  std::string date;  ///< dd/mm/yyyy
  std::vector<std::pair<std::string, std::string>> criteria, counts, grades;  ///< id → name
  bool scored = false;
  bool pilots = false;  ///< the campaign counts pilot units (or a row is one): a "Làm điểm" column
  std::vector<GridRow> rows;
  std::vector<GridSummaryLine> summary;
};

std::string grid_page(const GridPage& page);
/// The campaigns and their years, each a link to its grid, and a new year.
std::string campaigns_page(const std::vector<CampaignYearItem>& items, const std::string& writer, const std::string& csrf);

}  // namespace congbo
