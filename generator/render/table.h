// table.h: a table of computed results, shown on a page and downloaded as CSV
// from the same data, so the two never disagree.
#pragma once

#include <string>
#include <vector>

#include "view.h"

namespace congbo {

struct TableCell {
  TableCell(std::string text = {}, std::string url = {}) : text(std::move(text)), url(std::move(url)) {}
  static TableCell number(std::string text);           ///< right-aligned
  static TableCell yes_no(std::string text, bool yes);  ///< marked as met or not

  std::string text;
  std::string url;        ///< a link, with the base path already applied
  bool numeric = false;   ///< right-aligned
  std::string mark;       ///< "yes" / "no" for a criterion met or not, a target met or not
};

struct Table {
  std::string caption;
  std::vector<std::string> head;
  std::vector<std::vector<TableCell>> rows;
  std::vector<TableCell> foot;  ///< a totals row, if any
};

/// CSV as Excel opens Vietnamese correctly: UTF-8 with a byte-order mark,
/// CRLF line ends, fields quoted when they hold a comma, quote or line break;
/// text that a spreadsheet would run as a formula (=, +, -, @ first) starts
/// with ' so it stays text.
std::string table_csv(const Table& table);
/// The view the "table" partial renders; `csv_url` offers the download.
View table_view(const Table& table, const std::string& csv_url);

}  // namespace congbo
