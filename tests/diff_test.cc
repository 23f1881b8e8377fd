// What changed between versions, marked word by word inside the rendered text.
#include <doctest/doctest.h>

#include "diff.h"

using namespace congbo;

TEST_CASE("the edit script is minimal and replays one sequence into the other") {
  std::vector<uint64_t> a = {1, 2, 3, 4, 5}, b = {1, 3, 4, 9, 5};
  auto ops = diff_sequences(a, b);
  int equal = 0, ins = 0, del = 0;
  for (auto op : ops) (op == EditOp::Equal ? equal : op == EditOp::Insert ? ins : del)++;
  CHECK(equal == 4);
  CHECK(ins == 1);
  CHECK(del == 1);
  CHECK(diff_sequences({}, {}).empty());
  CHECK(diff_sequences({1}, {}) == std::vector<EditOp>{EditOp::Delete});
}

TEST_CASE("a changed target is marked word by word, not as a whole line") {
  std::string before = "<p>Hàng năm, trên 80% đảng viên hoàn thành tốt nhiệm vụ.</p>\n";
  std::string after = "<p>Hàng năm, trên 90% đảng viên hoàn thành tốt nhiệm vụ.</p>\n";
  CHECK(diff_html(before, after).html ==
        "<p>Hàng năm, trên <del>80%</del><ins>90%</ins> đảng viên hoàn thành tốt nhiệm vụ.</p>\n");
}

TEST_CASE("unchanged paragraphs pass through — added and removed paragraphs are marked") {
  std::string before = "<h2 id=\"i\">I. MỤC ĐÍCH</h2>\n<p>Giữ nguyên.</p>\n<p>Đoạn bị bỏ.</p>\n";
  std::string after = "<h2 id=\"i\">I. MỤC ĐÍCH</h2>\n<p>Giữ nguyên.</p>\n<p>Đoạn mới thêm.</p>\n<p>Thêm nữa.</p>\n";
  auto diff = diff_html(before, after);
  const std::string& d = diff.html;
  CHECK(d.rfind("<h2 id=\"i\">I. MỤC ĐÍCH</h2>\n<p>Giữ nguyên.</p>\n", 0) == 0);
  CHECK(d.find("<p>Đoạn <del>bị bỏ.</del><ins>mới thêm.</ins></p>") != std::string::npos);
  CHECK(d.find("<ins>Thêm nữa.</ins>") != std::string::npos);
  CHECK(diff.inserted == 4);
  CHECK(diff.deleted == 2);
}

TEST_CASE("a paragraph removed whole keeps its block and strikes its words") {
  std::string d = diff_html("<p>Một.</p>\n<p>Hai ba.</p>\n", "<p>Một.</p>\n").html;
  CHECK(d == "<p>Một.</p>\n<p><del>Hai</del> <del>ba.</del></p>\n");
}

TEST_CASE("markup changes never produce unbalanced tags") {
  std::string d = diff_html("<p>chữ thường</p>\n", "<p><em>chữ</em> thường</p>\n").html;
  CHECK(d == "<p><em>chữ</em> thường</p>\n");
}

namespace {
// A paragraph of `words` words, each drawn from a seeded sequence.
std::string paragraph(int words, unsigned seed) {
  std::string p = "<p>";
  for (int i = 0; i < words; ++i) {
    seed = seed * 1103515245u + 12345u;
    p += (i ? " " : "") + std::string("từ") + std::to_string(seed % 5000);
  }
  return p + "</p>\n";
}
}  // namespace

TEST_CASE("a body rewritten whole reads as replaced, and the search for edits stops at its bound") {
  std::string before, after;
  for (int i = 0; i < 20; ++i) before += paragraph(150, i + 1);
  for (int i = 0; i < 23; ++i) after += paragraph(150, i + 1000);
  auto diff = diff_html(before, after);
  CHECK(diff.inserted == 23 * 150);
  CHECK(diff.deleted == 20 * 150);
  // the new version's markup as it is: every block there, in order
  CHECK(diff.html.find("<p><ins>") != std::string::npos);
  // an edit script past the bound is "delete all, insert all"
  std::vector<uint64_t> a(3000), b(3000);
  for (int i = 0; i < 3000; ++i) { a[i] = i; b[i] = 100000 + i; }
  auto ops = diff_sequences(a, b, 50);
  CHECK(ops.size() == 6000);
  CHECK(ops.front() == EditOp::Delete);
  CHECK(ops.back() == EditOp::Insert);
}

TEST_CASE("paragraphs edited in place are each diffed with their own counterpart") {
  std::string before = "<p>Một hai ba bốn.</p>\n<p>Năm sáu bảy tám.</p>\n<p>Chín mười.</p>\n";
  std::string after = "<p>Một hai BA bốn.</p>\n<p>Năm sáu BẢY tám.</p>\n<p>Chín mười một.</p>\n";
  auto d = diff_html(before, after);
  CHECK(d.html == "<p>Một hai <del>ba</del><ins>BA</ins> bốn.</p>\n<p>Năm sáu <del>bảy</del><ins>BẢY</ins> tám.</p>\n"
                  "<p>Chín <del>mười.</del><ins>mười một.</ins></p>\n");
  CHECK(d.inserted == 4);
  CHECK(d.deleted == 3);
}

TEST_CASE("a paragraph rewritten with other words reads as replaced, not as its few common words kept") {
  // Two different sentences of a plan sharing only "của", "và", "cán bộ", "đảng viên".
  const std::string before =
      "<p>Tăng cường công tác kiểm tra của cấp ủy đối với việc thực hiện nhiệm vụ chính trị và rèn luyện "
      "đạo đức của cán bộ, đảng viên trong toàn Đảng bộ, nhất là người đứng đầu cơ quan, đơn vị.</p>\n";
  const std::string after =
      "<p>Đẩy mạnh phong trào thi đua yêu nước gắn với học tập và làm theo tư tưởng Hồ Chí Minh của "
      "cán bộ, đảng viên, công chức, viên chức và người lao động ở các doanh nghiệp trong tỉnh.</p>\n";
  const WordDiff d = diff_html(before, after);
  CHECK(d.html.rfind("<del>Tăng cường", 0) == 0);  // one deletion, then the new paragraph
  CHECK(d.html.find("đơn vị.</del><p><ins>Đẩy mạnh") != std::string::npos);
  // not "… gắn</ins> với <del>…</del><ins>…</ins> của cán bộ, đảng <del>…": a few common words kept between changes
  CHECK(d.html.find("</ins> với <del>") == std::string::npos);
  CHECK(d.html.find("</ins> người <del>") == std::string::npos);
  SUBCASE("a paragraph with a few words changed is still marked word by word") {
    const std::string edited =
        "<p>Tăng cường công tác kiểm tra, giám sát của cấp ủy đối với việc thực hiện nhiệm vụ chính trị và rèn luyện "
        "đạo đức của cán bộ, đảng viên trong toàn Đảng bộ, nhất là người đứng đầu cơ quan, đơn vị.</p>\n";
    const WordDiff w = diff_html(before, edited);
    CHECK(w.inserted == 3);  // "tra," "giám" "sát" for "tra"
    CHECK(w.deleted == 1);
  }
}
