// chart.h: bar charts drawn at build time as inline SVG, readable without
// JavaScript; the page puts the same figures in a table beside each one.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace congbo {

struct ChartBar {
  std::string label;   ///< "2024"
  int count = 0, total = 0;
  std::string value;   ///< "92,3%", printed at the bar's end
  std::optional<bool> met;  ///< colours the bar when a target applies
};

struct BarChart {
  std::string id;      ///< unique on the page, for aria references
  std::string title, description;
  std::vector<ChartBar> bars;
  std::optional<double> threshold;  ///< 0..1: a dashed line at the target…
  std::optional<double> upper;      ///< …and one at a band's upper bound ("15 - 20%")
  std::string threshold_label;      ///< "Chỉ tiêu: trên 90%"
};

/// Horizontal bars, one per row, scaled 0–100%. Accessible name and
/// description from `title` and `description`.
std::string bar_chart_svg(const BarChart& chart);

}  // namespace congbo
