// table.cc: Table → CSV and → View.
#include "table.h"

#include <cstdlib>
#include <string_view>

namespace congbo {
namespace {

std::string field(const std::string& s) {
  if (s.find_first_of(",\"\r\n;") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// Characters, not bytes: a Vietnamese letter takes two or three.
size_t letters(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool real_number(const std::string& s) {
  if (s.empty()) return false;
  char* end = nullptr;
  std::strtod(s.c_str(), &end);
  return end == s.c_str() + s.size();
}

// A spreadsheet runs a cell that starts with = + - @ (or TAB, CR before
// one) as a formula: a unit named =HYPERLINK(…) would be a link that sends
// the sheet away. Such text gets the usual leading ', which Excel and
// LibreOffice show as nothing; a real number (a score of -5) stays a number.
std::string neutral(const std::string& s, bool numeric) {
  if (s.empty() || std::string_view("=+-@\t\r").find(s[0]) == std::string_view::npos) return s;
  if (numeric && real_number(s)) return s;
  return "'" + s;
}

void line(std::string& out, const std::vector<std::string>& cells) {
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i) out += ',';
    out += field(cells[i]);
  }
  out += "\r\n";
}

View cells_view(const std::vector<TableCell>& cells) {
  View list = View::list();
  for (const TableCell& c : cells) {
    list.push(View()
                  .set("text", c.text)
                  .set("url", c.url)
                  .set("numeric", c.numeric)
                  .set("yes", c.mark == "yes")
                  .set("no", c.mark == "no"));
  }
  return list;
}

}  // namespace

TableCell TableCell::number(std::string text) {
  TableCell c(std::move(text));
  c.numeric = true;
  return c;
}

TableCell TableCell::yes_no(std::string text, bool yes) {
  TableCell c(std::move(text));
  c.mark = yes ? "yes" : "no";
  return c;
}

std::string table_csv(const Table& table) {
  std::string out = "\xEF\xBB\xBF";
  std::vector<std::string> head;
  for (const auto& h : table.head) head.push_back(neutral(h, false));
  line(out, head);
  auto texts = [](const std::vector<TableCell>& cells) {
    std::vector<std::string> t;
    for (const auto& c : cells) t.push_back(neutral(c.text, c.numeric));
    return t;
  };
  for (const auto& row : table.rows) line(out, texts(row));
  if (!table.foot.empty()) line(out, texts(table.foot));
  return out;
}

View table_view(const Table& table, const std::string& csv_url) {
  View head = View::list();
  for (const auto& h : table.head) head.push(View().set("text", h).set("wide", letters(h) > 24));
  View rows = View::list();
  for (const auto& r : table.rows) rows.push(View().set("cells", cells_view(r)));
  View v;
  v.set("caption", table.caption)
      .set("head", std::move(head))
      .set("rows", std::move(rows))
      .set("has_foot", !table.foot.empty())
      .set("foot", cells_view(table.foot))
      .set("csv", csv_url);
  return v;
}

}  // namespace congbo
