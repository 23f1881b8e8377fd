// messages.cc: the Vietnamese message catalogue (see messages.h).
#include "messages.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "text.h"

namespace congbo::msg {

std::string control_character(unsigned char code) {
  char hex[8];
  std::snprintf(hex, sizeof hex, "U+%04X", code);
  return std::string("có ký tự điều khiển không nhìn thấy được (") + hex +
         (code == 0x0C ? ", dấu ngắt trang của Word" : "") +
         ") ở đây; ký tự này làm hỏng nguồn tin (feed) và trang, thường do dán từ văn bản khác vào. Hãy xoá nó "
         "(xoá cả chữ trước và sau rồi gõ lại)";
}
std::string out_of_range(const std::string& key, const std::string& min, const std::string& max) {
  return "giá trị của \"" + key + "\" phải từ " + min + " đến " + max;
}
std::string invalid_utf8() {
  return "tệp không phải văn bản UTF-8 hợp lệ (byte sai ở vị trí này); "
         "hãy mở tệp và lưu lại với bảng mã UTF-8";
}
std::string missing_front_matter() {
  return "tệp phải bắt đầu bằng một dòng chỉ có +++ để mở phần thông tin đầu (front matter)";
}
std::string unclosed_front_matter(int open_line) {
  return "không thấy dòng +++ đóng phần thông tin đầu đã mở ở dòng " + std::to_string(open_line);
}
std::string toml_syntax(const std::string& detail) {
  return "cú pháp TOML sai: " + detail;
}
std::string toml_mistake(TomlMistake what, const std::string& detail) {
  const std::string s = toml_syntax("");  // the same opening as any other TOML mistake
  switch (what) {
    case TomlMistake::UnclosedString:
      return s + "chữ chưa được đóng: thiếu dấu nháy " + detail + " ở cuối giá trị (giá trị chữ nằm giữa hai dấu nháy, "
                 "trên cùng một dòng)";
    case TomlMistake::CurlyQuotes:
      return s + "dấu nháy cong “ ” (thường do chép từ Word) không dùng được; hãy gõ lại bằng dấu nháy thẳng \"";
    case TomlMistake::UnquotedText:
      return s + "giá trị chữ phải đặt trong dấu nháy thẳng, ví dụ: title = \"Kế hoạch\"";
    case TomlMistake::UnquotedSlashDate:
      return s + "ngày phải viết theo dạng 2020-10-21, hoặc đặt trong dấu nháy: \"21/10/2020\"";
    case TomlMistake::ColonForEquals:
      return s + "giữa tên trường và giá trị dùng dấu \"=\", không dùng dấu \":\" (ví dụ: title = \"Kế hoạch\")";
    case TomlMistake::BadKey:
      return s + "tên trường chỉ gồm chữ không dấu, chữ số, \"-\" và \"_\", không có khoảng trắng; "
                 "xem các tên trường trong hướng dẫn soạn nội dung";
    case TomlMistake::MissingEquals:
      return s + "thiếu dấu \"=\" giữa tên trường và giá trị (ví dụ: title = \"Kế hoạch\")";
    case TomlMistake::DuplicateKey:
      return s + "trường \"" + detail + "\" được viết hai lần; chỉ giữ một";
    case TomlMistake::BadList:
      return s + "danh sách chưa đúng: các mục cách nhau bằng dấu phẩy và danh sách đóng bằng \"]\", "
                 "ví dụ: [\"Các chi bộ\", \"Lưu Văn phòng\"]";
    case TomlMistake::TextAfterValue:
      return s + "sau giá trị còn chữ thừa; nếu trong chữ có dấu nháy \" thì viết thành \\\" "
                 "hoặc bao cả giá trị bằng dấu nháy đơn: 'Phong trào \"bốn tốt\"'";
    case TomlMistake::BadDate:
      return s + "ngày không có thật; hãy viết theo dạng năm-tháng-ngày, ví dụ 2020-10-21";
    case TomlMistake::UnclosedTable:
      return s + "tên bảng mở bằng \"[\" nhưng chưa đóng bằng \"]\" trên cùng dòng";
    case TomlMistake::Backslash:
      return s + "dấu \\ trong chữ phải viết thành \\\\ (hoặc bao giá trị bằng dấu nháy đơn)";
  }
  return toml_syntax(detail);
}
std::string missing_field(const std::string& field) {
  return "thiếu trường bắt buộc \"" + field + "\"";
}
std::string wrong_type(const std::string& field, const std::string& expected,
                       const std::string& got) {
  return "trường \"" + field + "\" phải là " + expected + ", nhưng ở đây là " + got;
}
std::string empty_field(const std::string& field) {
  return "trường \"" + field + "\" không được để trống";
}
std::string bad_date(const std::string& text) {
  return "\"" + text + "\" không phải là ngày hợp lệ; hãy viết theo dạng 2020-10-21 hoặc 21/10/2020";
}
std::string unknown_field(const std::string& field) {
  return "trường \"" + field + "\" không được hỗ trợ nên bị bỏ qua (viết sai tên trường?)";
}
std::string unknown_site_key(const std::string& key) {
  return "khóa \"" + key + "\" không được hỗ trợ trong site.toml nên bị bỏ qua (viết sai tên khóa?)";
}
std::string unknown_kind(const std::string& kind) {
  return "loại văn bản \"" + kind + "\" chưa được khai báo trong bảng [kinds] của site.toml";
}
std::string unknown_issuer(const std::string& issuer) {
  return "cơ quan ban hành \"" + issuer + "\" chưa được khai báo trong bảng [issuers] của site.toml";
}
std::string duplicate_url(const std::string& url, const std::string& other_path) {
  return "trang này có cùng địa chỉ " + url + " với " + other_path +
         "; hãy đổi tên một trong hai tệp hoặc đặt trường \"slug\" khác nhau";
}
std::string raw_html_removed(const std::string& html) {
  return "mã HTML \"" + html + "\" không được phép nên hiển thị như chữ thường; "
         "chỉ dùng được <sup>, <sub> và <br>";
}
std::string unsafe_link_removed(const std::string& url) {
  return "liên kết \"" + url + "\" không an toàn nên đã bị bỏ";
}
std::string missing_site_toml() {
  return "không tìm thấy tệp site.toml ở thư mục gốc của trang";
}
std::string symlink_outside(const std::string& target) {
  return "liên kết tượng trưng (symlink) này trỏ ra ngoài thư mục trang, tới " + target +
         "; congbo không bao giờ xuất bản tệp ở ngoài trang. Hãy chép tệp cần dùng vào trong trang rồi xoá liên kết";
}
std::string symlink_dangling(const std::string& target) {
  return "liên kết tượng trưng (symlink) này trỏ tới " + target + ", không có trong trang; hãy xoá hoặc sửa liên kết";
}
std::string symlink_loop() {
  return "liên kết tượng trưng (symlink) này trỏ ngược lên một thư mục chứa nó, thành vòng lặp; hãy xoá liên kết";
}
std::string unreadable_file(const std::string& why) {
  return "không đọc được tệp: " + why;
}
std::string system_error(int code) {
  const char* said = nullptr;
  switch (code) {
    case ENOENT: said = "không có tệp hay thư mục này"; break;
    case EACCES: case EPERM: said = "không có quyền"; break;
    case ENOSPC: case EDQUOT: said = "ổ đĩa đã đầy"; break;
    case EROFS: said = "ổ đĩa chỉ cho đọc"; break;
    case EISDIR: said = "đây là thư mục, không phải tệp"; break;
    case ENOTDIR: said = "một phần của đường dẫn không phải thư mục"; break;
    case EEXIST: said = "đã có tệp hay thư mục trùng tên"; break;
    case ENAMETOOLONG: said = "tên tệp quá dài"; break;
    case EIO: said = "lỗi đọc ghi ổ đĩa"; break;
    default: break;
  }
  const std::string system = std::strerror(code);
  return said ? std::string(said) + " (" + system + ")" : system;
}
std::string template_missing(const std::string& name) {
  return "giao diện thiếu mẫu \"" + name + "\"";
}
std::string template_error(const std::string& name, const std::string& detail) {
  return "mẫu giao diện \"" + name + "\" có lỗi: " + detail;
}
std::string output_failed(const std::string& why) {
  return "không ghi được thư mục kết quả: " + why;
}
std::string bad_base_url(const std::string& url) {
  return "base_url \"" + url + "\" phải bắt đầu bằng http:// hoặc https://";
}
std::string bad_paginate() {
  return "paginate phải là số nguyên dương (số mục trên một trang danh sách)";
}
std::string bad_slug(const std::string& slug) {
  return "slug \"" + slug + "\" chỉ được có chữ thường không dấu, chữ số và dấu gạch ngang";
}

std::string type_string() { return "chuỗi chữ (đặt trong dấu nháy kép)"; }
std::string type_string_list() { return "danh sách chuỗi, ví dụ [\"a\", \"b\"]"; }
std::string type_date() { return "ngày"; }
std::string type_integer() { return "số nguyên"; }
std::string type_boolean() { return "true hoặc false"; }
std::string type_table() { return "bảng"; }
std::string type_list() { return "danh sách"; }
std::string type_float() { return "số thực"; }

std::string date_long(int year, int month, int day) {
  // Official style writes day and month 1–2 with a leading zero ("ngày 05 tháng 02").
  auto two = [](int n) { return n < 10 ? "0" + std::to_string(n) : std::to_string(n); };
  return "ngày " + two(day) + " tháng " + two(month) + " năm " + std::to_string(year);
}
std::string unknown_date() { return "Chưa rõ ngày"; }
std::string page_title_numbered(const std::string& title, int page) {
  return title + " – trang " + std::to_string(page);
}

std::string missing_value(const std::string& option) { return "thiếu giá trị hợp lệ cho " + option; }
std::string missing_number(const std::string& option, int min, int max) {
  return missing_value(option) + " (một số từ " + std::to_string(min) + " đến " + std::to_string(max) + ")";
}
std::string unknown_option(const std::string& option) { return "tùy chọn không rõ: " + option; }
std::string unknown_command(const std::string& command) { return "lệnh không rõ: " + command; }
std::string usage() {
  return
      "congbo " CONGBO_VERSION " – dựng trang web công bố văn bản của cấp ủy\n"
      "\n"
      "Cách dùng:\n"
      "  congbo build [--site THƯ_MỤC] [--out THƯ_MỤC] [--ref PHIÊN_BẢN] [--jobs N] [--timings] [--quiet]\n"
      "      Dựng toàn bộ trang vào thư mục kết quả (mặc định THƯ_MỤC_TRANG/public).\n"
      "      Chỉ thay thư mục kết quả khi dựng thành công; khi có lỗi, bản cũ giữ nguyên.\n"
      "      Không có tệp nào thay đổi từ lần dựng trước thì không phải làm gì.\n"
      "  congbo check [--site THƯ_MỤC] [--ref PHIÊN_BẢN]\n"
      "      Đọc và kiểm tra toàn bộ nội dung, không ghi gì.\n"
      "  congbo serve [--site THƯ_MỤC] [--port CỔNG] [--out THƯ_MỤC]\n"
      "      Xem thử trên máy: dựng trang, phục vụ ở http://127.0.0.1:CỔNG/ (mặc định 8000),\n"
      "      theo dõi tệp và dựng lại khi có thay đổi; trang đang mở tự tải lại. Trang vừa\n"
      "      sửa hiện ngay, các trang khác khi dựng lại xong. Lỗi hiện ở cửa sổ lệnh và\n"
      "      ngay trên trang, trong khi bản dựng tốt gần nhất vẫn được phục vụ.\n"
      "  congbo publish [--site THƯ_MỤC] --to THƯ_MỤC [--ref PHIÊN_BẢN] [--keep N] [--drop-versions]\n"
      "      Công bố đúng nội dung đã commit ở PHIÊN_BẢN (mặc định HEAD) thành một bản mới\n"
      "      trong THƯ_MỤC/releases/, rồi chuyển THƯ_MỤC/current sang bản đó trong một bước.\n"
      "      Giữ N bản gần nhất (mặc định 5) để quay lại. Bị ngắt giữa chừng hay dựng lỗi\n"
      "      thì trang đang chạy không đổi. Máy chủ web phục vụ thư mục THƯ_MỤC/current.\n"
      "      Không công bố bản mới nào làm mất phiên bản lưu trữ mà trang đang chạy có\n"
      "      (trừ khi thêm --drop-versions, khi cố ý viết lại lịch sử).\n"
      "  congbo publish --rollback --to THƯ_MỤC\n"
      "      Quay lại bản công bố trước bản đang chạy.\n"
      "  congbo --help       In hướng dẫn này.\n"
      "  congbo --version    In số phiên bản.\n"
      "\n"
      "Tùy chọn:\n"
      "  --site THƯ_MỤC   thư mục gốc của trang, nơi có site.toml (mặc định: thư mục hiện tại)\n"
      "  --out THƯ_MỤC    thư mục kết quả (mặc định: THƯ_MỤC_TRANG/public)\n"
      "  --ref PHIÊN_BẢN  dựng đúng nội dung đã lưu trong kho git ở nhánh, thẻ hoặc commit này,\n"
      "                   bỏ qua các thay đổi chưa commit (cách công bố bản đã duyệt)\n"
      "  --jobs N         dựng trên N luồng song song (mặc định: số nhân máy)\n"
      "  --timings        in thời gian của từng bước dựng trang\n"
      "  --quiet          chỉ in lỗi và cảnh báo\n"
      "\n"
      "Nội dung: content/van-ban/ (văn bản), content/mo-hinh/ (mô hình), content/thi-dua/\n"
      "(phong trào thi đua và kết quả), content/khen-thuong/ (quyết định khen thưởng),\n"
      "content/don-vi.toml (đơn vị); cách viết: docs/huong-dan-soan-noi-dung.md.\n"
      "\n"
      "Lịch sử phiên bản của mỗi văn bản được đọc từ kho git chứa thư mục trang.\n"
      "Kết quả chỉ được thay cả một lần khi dựng xong, không bao giờ dở dang. Bản kết quả\n"
      "cũ được giữ ẩn bên cạnh (.public.congbo-spare) để lần dựng sau chỉ ghi những tệp\n"
      "đã thay đổi; tệp không đổi giữ nguyên. Dấu của lần dựng trước ở THƯ_MỤC_TRANG/.congbo-cache.\n"
      "\n"
      "Mã thoát: 0 thành công, 1 nội dung có lỗi, 2 sai cách dùng.\n"
      "Lỗi được in theo dạng tệp:dòng:cột: error: nội dung lỗi.\n";
}
std::string build_done(int pages, const std::string& out_dir, long ms) {
  return "Đã dựng " + std::to_string(pages) + " trang vào " + out_dir + " trong " +
         std::to_string(ms) + " ms.";
}
std::string check_done(int pages) {
  return "Đã kiểm tra " + std::to_string(pages) + " trang: không có lỗi.";
}
std::string serve_nothing_built_page() {
  return "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<title>Chưa dựng được trang</title>\n</head>\n<body>\n"
         "<main id=\"congbo-chua-dung\" style=\"font:16px/1.5 sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem\">\n"
         "<h1>Chưa dựng được trang</h1>\n"
         "<p>Nội dung đang có lỗi nên trang chưa dựng được lần nào. Lỗi hiện bên dưới và trong cửa sổ lệnh. "
         "Sửa tệp và lưu lại: trang này tự tải lại khi dựng xong.</p>\n"
         "</main>\n</body>\n</html>\n";
}
std::string serve_too_many_connections() { return "Máy chủ xem thử đang bận, hãy thử lại sau giây lát."; }
std::string serve_length_required() { return "Yêu cầu phải cho biết độ dài nội dung (Content-Length)."; }
std::string serve_too_large() { return "Nội dung gửi lên quá lớn."; }
std::string serve_head_too_large() { return "Phần đầu của yêu cầu quá lớn."; }
std::string serve_too_slow() { return "Yêu cầu đến quá chậm nên đã bị ngắt."; }
std::string serve_listening(const std::string& host, int port, const std::string& base_path) {
  return "Xem thử tại http://" + host + ":" + std::to_string(port) + base_path +
         " (Ctrl+C để dừng). Trang tự tải lại khi tệp thay đổi.";
}
std::string serve_port_unavailable(const std::string& host, int port) {
  // The port beside it, within the ports there are (1 to 65535).
  return "không mở được cổng " + std::to_string(port) + " trên " + host +
         " (có thể một congbo serve hay chương trình khác đang dùng cổng này); hãy chọn cổng khác, ví dụ --port " +
         std::to_string(port < 65535 ? port + 1 : port - 1);
}
std::string build_failed(int errors, int warnings, bool had_output) {
  std::string s = "Có " + std::to_string(errors) + " lỗi, " + std::to_string(warnings) +
                  " cảnh báo.";
  if (had_output) s += " Thư mục kết quả cũ được giữ nguyên.";
  return s;
}

}  // namespace congbo::msg

namespace congbo::msg {
std::string theme_missing(const std::string& name) {
  return "không tìm thấy giao diện \"" + name + "\": thư mục themes/" + name +
         " không có hoặc không có tệp nào (cần layouts/ hay static/)";
}
std::string partial_missing(const std::string& name) {
  return "khuôn này gọi phần khuôn {{> " + name + "}} nhưng không có tệp layouts/partials/" + name +
         ".mustache; chỗ đó sẽ trống";
}
std::string bad_theme_name(const std::string& name) {
  return "tên giao diện \"" + name + "\" không hợp lệ: phải là tên một thư mục trong themes/ (chữ không dấu, số, "
         "dấu gạch), không có \"/\" hay \"..\"; hoặc bỏ dòng này để dùng giao diện mặc định";
}
}  // namespace congbo::msg

namespace congbo::msg {
std::string output_not_ours(const std::string& dir) {
  return "thư mục kết quả " + dir +
         " đã có dữ liệu không do congbo tạo ra; congbo không ghi đè lên nó. "
         "Hãy chọn thư mục khác bằng --out hoặc xóa thư mục đó";
}
std::string output_contains_site(const std::string& dir) {
  return "thư mục kết quả " + dir + " chứa cả thư mục trang; hãy chọn thư mục khác bằng --out";
}
std::string output_inside_sources(const std::string& dir, const std::string& source) {
  return "thư mục kết quả " + dir + " nằm trong thư mục " + source +
         "/ của trang, nơi congbo đọc nội dung để dựng; hãy chọn thư mục khác bằng --out";
}
}  // namespace congbo::msg

namespace congbo::msg {
std::string default_section_title(const std::string& section) {
  if (section == "van-ban") return "Văn bản";
  if (section == "mo-hinh") return "Mô hình, điển hình tiên tiến";
  if (section == "thi-dua") return "Kết quả thi đua";
  if (section == "khen-thuong") return "Khen thưởng";
  if (section == "don-vi") return "Đơn vị";
  if (section == "tin-tuc") return "Tin tức";
  return section;
}
std::string reserved_url_owner(const std::string& section) {
  return "trang danh sách của mục content/" + section + "/";
}
}  // namespace congbo::msg

namespace congbo::msg {
std::string bad_reference(const std::string& field, const std::string& text) {
  return "\"" + text + "\" trong \"" + field + "\" không phải số văn bản; hãy viết như "
         "\"51-KH/ĐUK\" hoặc \"51-KH/ĐUK@2021-01-14\"";
}
std::string reference_not_found(const std::string& text) {
  return "không có văn bản " + text + " trên trang; văn bản này sẽ hiện không có liên kết";
}
std::string reference_ambiguous(const std::string& text, const std::string& paths,
                                const std::string& example) {
  return "số " + text + " khớp với nhiều văn bản (" + paths +
         "); hãy ghi thêm ngày ban hành, ví dụ \"" + example + "\"";
}
std::string duplicate_identity(const std::string& number, const std::string& other_path) {
  return "văn bản số " + number + " cùng cơ quan ban hành và cùng ngày đã có ở " + other_path;
}
std::string replacement_cycle(const std::string& chain) {
  return "các văn bản thay thế nhau thành vòng: " + chain;
}
std::string future_date(const std::string& date) {
  return "ngày ban hành " + date + " ở trong tương lai";
}
std::string relation_title(int relation, bool incoming) {
  static const char* out[] = {"Căn cứ", "Thay thế cho", "Sửa đổi", "Văn bản được dẫn chiếu"};
  static const char* in[] = {"Được căn cứ bởi", "Bị thay thế bởi", "Bị sửa đổi bởi", "Được dẫn chiếu bởi"};
  return incoming ? in[relation] : out[relation];
}
std::string status_in_force() { return "Còn hiệu lực"; }
std::string status_replaced() { return "Hết hiệu lực"; }
}  // namespace congbo::msg

namespace congbo::msg {
std::string facet_title(const std::string& facet) {
  if (facet == "loai") return "Văn bản theo loại";
  if (facet == "co-quan") return "Văn bản theo cơ quan ban hành";
  if (facet == "nam") return "Văn bản theo năm ban hành";
  if (facet == "linh-vuc") return "Văn bản theo lĩnh vực";
  return facet;
}
std::string facet_short(const std::string& facet) {
  if (facet == "loai") return "Loại văn bản";
  if (facet == "co-quan") return "Cơ quan ban hành";
  if (facet == "nam") return "Năm ban hành";
  if (facet == "linh-vuc") return "Lĩnh vực";
  return facet;
}
std::string unknown_year() { return "Chưa rõ năm"; }
std::string cited_title() { return "Văn bản được dẫn chiếu chưa có trên trang"; }
}  // namespace congbo::msg

namespace congbo::msg {
std::string no_repository() {
  return "thư mục trang không nằm trong kho git nên trang không có lịch sử phiên bản";
}
std::string broken_repository(const std::string& why) {
  return "không đọc được kho git: " + why;
}
std::string unknown_revision(const std::string& rev) {
  return "không tìm thấy phiên bản \"" + rev + "\" trong kho git (tên nhánh, thẻ hoặc mã commit)";
}
std::string history_failed(const std::string& why) {
  return "không đọc hết được lịch sử trong kho git: " + why;
}
std::string git_object_damaged(const std::string& id, const std::string& why) {
  return "đối tượng git " + id + " bị hỏng (" + why + ")";
}
std::string git_object_truncated() { return "tệp bị cắt cụt hoặc không giải nén được"; }
std::string git_object_garbled() { return "nội dung không khớp với mã của nó"; }
std::string head_unreadable(const std::string& commit, const std::string& why) {
  return "không đọc được lần commit mới nhất (HEAD, " + commit + "): " + why + ". " + repository_repair_hint();
}
std::string parent_unreadable(const std::string& commit, const std::string& why) {
  return "không đọc được lần commit trước " + commit.substr(0, 7) + " (" + why +
         "), nên lịch sử phiên bản không đầy đủ; trang không được dựng để không mất phiên bản nào. " +
         repository_repair_hint();
}
std::string commit_unreadable(const std::string& commit, const std::string& why) {
  return "không đọc được các tệp của lần commit " + commit.substr(0, 7) + " (" + why +
         "), nên lịch sử phiên bản không đầy đủ; trang không được dựng để không mất phiên bản nào. " +
         repository_repair_hint();
}
std::string version_unreadable(const std::string& blob, const std::string& commit, const std::string& why) {
  return "không đọc được phiên bản " + commit.substr(0, 7) + " của tệp này (nội dung " + blob.substr(0, 12) +
         ": " + why + "). " + repository_repair_hint();
}
std::string tree_file_unreadable(const std::string& blob, const std::string& why) {
  return "không đọc được tệp này trong kho git (nội dung " + blob.substr(0, 12) + ": " + why + "). " +
         repository_repair_hint();
}
std::string tree_unreadable(const std::string& rev, const std::string& why) {
  return "không đọc được hết các tệp của phiên bản \"" + rev + "\" trong kho git: " + why + ". " +
         repository_repair_hint();
}
std::string repository_repair_hint() {
  return "Kho git bị hỏng: chạy \"git fsck\" để xem đối tượng nào hỏng, rồi lấy lại kho từ một bản sao lành "
         "(git clone) hoặc từ bản sao lưu";
}
std::string old_version_unreadable() {
  return "Phiên bản này có phần thông tin đầu không đọc được, nên được hiển thị nguyên văn.";
}
}  // namespace congbo::msg

namespace congbo::msg {
std::string field_label(const std::string& key) {
  static const std::pair<const char*, const char*> labels[] = {
      {"title", "Trích yếu"},           {"number", "Số, ký hiệu"},       {"kind", "Loại văn bản"},
      {"issuer", "Cơ quan ban hành"},   {"date", "Ngày ban hành"},       {"place", "Địa danh"},
      {"signer", "Người ký"},           {"signer_role", "Chức vụ người ký"}, {"authority", "Thẩm quyền ký"},
      {"recipients", "Nơi nhận"},       {"fields", "Lĩnh vực"},          {"period", "Giai đoạn"},
      {"status", "Tình trạng"},         {"based_on", "Căn cứ"},          {"replaces", "Thay thế cho"},
      {"amends", "Sửa đổi"},            {"description", "Mô tả"}};
  for (const auto& [k, label] : labels) {
    if (key == k) return label;
  }
  return key;
}
std::string empty_value() { return "(trống)"; }
std::string deleted_notice(const std::string& date, const std::string& short_id, const std::string& subject) {
  return "Văn bản này đã được gỡ khỏi trang ngày " + date + " (lần lưu " + short_id + ": " + subject + ").";
}
}  // namespace congbo::msg

namespace congbo::msg {
std::string search_title() { return "Tìm kiếm"; }
std::string other_pages() { return "Trang khác"; }
std::string reserved_search() { return "trang tìm kiếm /tim-kiem/"; }
}  // namespace congbo::msg

namespace congbo::msg {
std::string publish_needs_repository() {
  return "congbo publish chỉ công bố nội dung đã lưu trong kho git, nhưng thư mục trang không nằm trong kho git nào";
}
std::string publish_no_target() { return "cần chỉ rõ thư mục công bố bằng --to"; }
std::string publish_switch_failed(const std::string& why) {
  return "không chuyển được sang bản mới: " + why + "; trang đang chạy vẫn là bản cũ";
}
std::string publish_would_lose_versions(const std::vector<std::string>& urls) {
  std::string some;
  for (size_t i = 0; i < urls.size() && i < 5; ++i) some += (i ? ", " : "") + urls[i];
  if (urls.size() > 5) some += ", …";
  return "bản mới sẽ làm mất " + std::to_string(urls.size()) +
         " phiên bản lưu trữ mà trang đang chạy vẫn phục vụ (" + some +
         "), nên chưa công bố; trang đang chạy không đổi. Thường là do kho git bị hỏng, là bản sao nông "
         "(shallow clone) hay lịch sử đã bị viết lại. Hãy công bố từ kho đầy đủ; nếu thật sự muốn bỏ các "
         "phiên bản đó, chạy lại với --drop-versions";
}
std::string publish_current_not_ours() {
  return "ở đây đã có một thư mục hay tệp thật, không phải liên kết do congbo publish tạo ra; congbo không ghi đè "
         "nó. Hãy chọn một thư mục công bố khác cho --to, hoặc tự chuyển nội dung đó đi rồi công bố lại";
}
std::string rollback_nothing() { return "không có bản công bố nào trước bản đang chạy để quay lại"; }
std::string publish_done(const std::string& release, const std::string& commit, int files, int reused) {
  return "Đã công bố bản " + release + " (commit " + commit.substr(0, 7) + "): " + std::to_string(files) +
         " tệp, " + std::to_string(reused) + " tệp không đổi dùng lại từ bản trước.";
}
std::string rollback_done(const std::string& release) { return "Đã quay lại bản " + release + "."; }
}  // namespace congbo::msg

namespace congbo::msg {
std::string stage_markdown() { return "Đọc nội dung"; }
std::string stage_pages() { return "Dựng trang và các phiên bản"; }
std::string stage_lists() { return "Danh sách"; }
}  // namespace congbo::msg

namespace congbo::msg {
namespace {
std::string join(const std::vector<std::string>& items, const std::string& last_sep) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? last_sep : ", ";
    out += items[i];
  }
  return out;
}
// A name that already carries quotation marks ("Đạt “bốn tốt”") is not quoted again.
std::string quoted(const std::string& s) { return s.find("“") == std::string::npos ? "“" + s + "”" : s; }
}  // namespace

std::string unit_type(int type) {
  switch (type) {
    case 0: return "Đảng bộ cơ sở";
    case 1: return "Chi bộ cơ sở";
    default: return "Chi bộ trực thuộc";
  }
}
std::string type_table_list() { return "danh sách bảng (mỗi mục một khối [[...]] hoặc { ... })"; }
std::string type_number() { return "số"; }
std::string bad_unit_id(const std::string& id) {
  return "mã đơn vị \"" + id + "\" chỉ được gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ \"cb-ngan-hang-nha-nuoc\"";
}
std::string duplicate_unit(const std::string& id, int other_line) {
  return "mã đơn vị \"" + id + "\" đã dùng cho đơn vị khác ở dòng " + std::to_string(other_line);
}
std::string unknown_unit_type(const std::string& text) {
  return "loại tổ chức \"" + text + "\" không có; dùng \"đảng bộ cơ sở\", \"chi bộ cơ sở\" hoặc \"chi bộ trực thuộc\"";
}
std::string unknown_sector(const std::string& text) {
  return "loại hình \"" + text + "\" không có; dùng \"cơ quan Đảng, đoàn thể\", \"hành chính\", \"sự nghiệp\", "
         "\"doanh nghiệp nhà nước\" hoặc \"doanh nghiệp ngoài nhà nước\"";
}
std::string subcell_needs_parent(const std::string& id) {
  return "chi bộ trực thuộc \"" + id + "\" cần trường parent: mã của đảng bộ cơ sở mà chi bộ trực thuộc";
}
std::string parent_only_for_subcells(const std::string& id) {
  return "chỉ chi bộ trực thuộc mới có parent; \"" + id + "\" trực thuộc thẳng Đảng ủy Khối";
}
std::string unknown_unit(const std::string& id) {
  return "không có đơn vị mã \"" + id + "\" trong content/don-vi.toml";
}
std::string parent_not_committee(const std::string& id) {
  return "đơn vị cấp trên \"" + id + "\" không phải đảng bộ cơ sở";
}
std::string bad_share(const std::string& key, const std::string& text) {
  return key + " = \"" + text + "\" không phải tỉ lệ; viết dạng \"90%\", \"0,3%\" hoặc \"3/4\"";
}
std::string duplicate_rule_id(const std::string& table, const std::string& id) {
  return "mã \"" + id + "\" đã dùng cho một mục [[" + table + "]] khác";
}
std::string criteria_count_out_of_range(long long value, int criteria) {
  return "criteria_at_least = " + std::to_string(value) + " nhưng phong trào chỉ có " + std::to_string(criteria) +
         " tiêu chí";
}
std::string unknown_criterion(const std::string& id) {
  return "không có tiêu chí mã \"" + id + "\" trong các mục [[criteria]] của phong trào";
}
std::string children_rule_incomplete() {
  return "children_grade và children_share phải đi cùng nhau, ví dụ children_grade = \"bon-tot\" và children_share = \"3/4\"";
}
std::string unknown_grade(const std::string& id) {
  return "không có mức xếp loại mã \"" + id + "\" trong các mục [[grade]] của phong trào";
}
std::string otherwise_not_last(const std::string& id) {
  return "mức \"" + id + "\" có otherwise = true nên phải là mục [[grade]] cuối cùng";
}
std::string target_needs_one_bound() {
  return "chỉ tiêu cần đúng một trong các trường above, at_least, below, at_most, ví dụ above = \"90%\"";
}
std::string decision_needs_grade_and_reason() {
  return "xếp loại do cấp ủy quyết định (decided = true) cần ghi cả grade và reason (lý do)";
}
std::string duplicate_year(int year, int other_line) {
  return "kết quả năm " + std::to_string(year) + " đã có ở dòng " + std::to_string(other_line);
}
std::string graded_twice(const std::string& unit, int year, int other_line) {
  return "đơn vị \"" + unit + "\" đã có kết quả năm " + std::to_string(year) + " ở dòng " + std::to_string(other_line);
}
std::string missing_score(const std::string& unit) {
  return "đơn vị \"" + unit + "\" cần điểm (score): phong trào này xếp loại theo thang điểm";
}
std::string grade_contradicts(const std::string& unit, const std::string& stated, const std::string& computed,
                              const std::string& why) {
  std::string s = "đơn vị \"" + unit + "\" ghi xếp loại " + quoted(stated) + " nhưng theo quy tắc của phong trào là " +
                  quoted(computed);
  if (!why.empty()) s += " (" + why + ")";
  return s + "; nếu cấp ủy đã quyết định khác, ghi thêm decided = true và reason = \"lý do\"";
}
std::string no_grade() { return "chưa xếp loại"; }
std::string no_result() { return "không có kết quả"; }
std::string no_recipients() { return "quyết định chưa có ai được khen; thêm ít nhất một mục [[recipients]]"; }
std::string unknown_campaign(const std::string& id) {
  return "không có phong trào thi đua \"" + id + "\"; tên phải trùng tên tệp trong content/thi-dua/ (không có .toml)";
}
std::string over_quota(int count, const std::string& quota, int registered, int year, int limit) {
  return "quyết định khen " + std::to_string(count) + " tập thể, vượt mức " + quota + " của " + std::to_string(registered) +
         " đơn vị đăng ký năm " + std::to_string(year) + " (tối đa " + std::to_string(limit) + ")";
}
std::string below_standard(const std::string& unit, const std::string& grade, int years, int year, int failing_year,
                           const std::string& got) {
  std::string need = years > 1 ? std::to_string(years) + " năm liền đến năm " + std::to_string(year)
                               : "năm " + std::to_string(year);
  return "đơn vị \"" + unit + "\" chưa đạt tiêu chuẩn khen thưởng: cần " + quoted(grade) + " trở lên " + need +
         ", nhưng năm " + std::to_string(failing_year) + " " + got;
}
std::string unknown_plan(const std::string& text) {
  return "không tìm thấy văn bản \"" + text + "\"; ghi số ký hiệu (\"51-KH/ĐUK\") hoặc đường dẫn tệp trong content/ "
         "không có .md (\"van-ban/51-kh-duk\")";
}
std::string image_without_alt(const std::string& src) {
  return "ảnh " + src + " chưa có lời mô tả (alt); người đọc dùng trình đọc màn hình cần biết ảnh nói gì";
}
std::string image_missing(const std::string& src) {
  return "không có tệp ảnh " + src + " trong thư mục static/ của trang";
}
std::string image_outside(const std::string& src) {
  return "đường dẫn ảnh " + src + " đi ra ngoài thư mục static/ của trang; ảnh phải nằm trong static/ "
         "(ví dụ /anh/ten-anh.jpg là tệp static/anh/ten-anh.jpg)";
}
std::string rule_otherwise() { return "các trường hợp còn lại"; }
std::string rule_unit_types(const std::vector<std::string>& types) { return "đối với " + join(types, " và "); }
std::string rule_criteria(int at_least, int total, const std::vector<std::string>& including) {
  std::string s;
  if (at_least >= 0) {
    s = at_least == total ? "đạt cả " + std::to_string(total) + " tiêu chí" : "đạt ít nhất " + std::to_string(at_least) + " tiêu chí";
  } else {
    s = "đạt tiêu chí";
  }
  if (!including.empty()) {
    std::vector<std::string> q;
    for (const auto& n : including) q.push_back(quoted(n));
    s += (at_least >= 0 ? ", trong đó có " : " ") + join(q, " và ");
  }
  return s;
}
std::string rule_score(double at_least) { return "từ " + number(at_least) + " điểm trở lên"; }
std::string rule_children(const std::string& share, const std::string& grade) {
  return "có ít nhất " + share + " chi bộ trực thuộc đạt " + quoted(grade) + " trở lên";
}
std::string rule_join(const std::vector<std::string>& parts) {
  std::string s = join(parts, "; ");
  size_t first = 1;  // bytes of the first letter
  while (first < s.size() && (static_cast<unsigned char>(s[first]) & 0xC0) == 0x80) ++first;
  return s.empty() ? s : to_upper(s.substr(0, first)) + s.substr(first);
}
std::string rule_target(int compare, const std::string& share, const std::string& grade, bool or_better,
                        const std::vector<std::string>& types) {
  static const char* words[] = {"từ ", "trên ", "không quá ", "dưới "};
  std::string who = types.empty() ? "đơn vị đăng ký" : join(types, " và ");
  return std::string(words[compare]) + share + " " + who + " đạt " + quoted(grade) + (or_better ? " trở lên" : "");
}
std::string percent(int count, int total) {
  if (total == 0) return "–";
  long long tenths = (static_cast<long long>(count) * 1000 + total / 2) / total;
  std::string s = std::to_string(tenths / 10);
  if (tenths % 10) s += "," + std::to_string(tenths % 10);
  return s + "%";
}
std::string number(double n) {
  long long tenths = static_cast<long long>(n * 10 + (n >= 0 ? 0.5 : -0.5));
  std::string s = std::to_string(tenths / 10);
  if (tenths % 10) s += "," + std::to_string(std::llabs(tenths % 10));
  return s;
}
}  // namespace congbo::msg

namespace congbo::msg {
std::string results_caption(const std::string& campaign, int year) {
  return "Kết quả năm " + std::to_string(year) + " – " + campaign;
}
std::string grades_caption(int year) { return "Số lượng, tỉ lệ theo xếp loại năm " + std::to_string(year); }
std::string targets_caption(int year) { return "Kết quả so với chỉ tiêu năm " + std::to_string(year); }
std::string years_caption(const std::string& campaign) { return "So sánh qua các năm – " + campaign; }
std::string recipients_caption(const std::string& decision) { return "Danh sách khen thưởng – " + decision; }
std::string registered_total() { return "Tổng số đơn vị đăng ký"; }
std::string committee_decided(const std::string& reason) { return "Cấp ủy quyết định: " + reason + "."; }
std::string threshold_label(const std::string& share) { return "Chỉ tiêu " + share; }
std::string chart_year(int year, const std::string& percent, int count, int total, bool met) {
  return "năm " + std::to_string(year) + ": " + percent + " (" + std::to_string(count) + "/" + std::to_string(total) +
         ", " + (met ? "đạt" : "chưa đạt") + ")";
}
std::string chart_description(const std::string& target, const std::vector<std::string>& years) {
  return "Chỉ tiêu: " + target + ". " + join(years, "; ") + ".";
}
std::string comrade(const std::string& name) { return "Đồng chí " + name; }
std::string collective() { return "Tập thể"; }
std::string year_title(int year) { return "Năm " + std::to_string(year); }
std::string campaign_year_title(const std::string& campaign, int year) {
  return campaign + " – năm " + std::to_string(year);
}
std::string sample_notice() {
  return "Dữ liệu mẫu để minh họa cách trang hoạt động, không phải kết quả thật của đơn vị nào.";
}
std::string models_facet(const std::string& key) {
  if (key == "nam") return "Mô hình theo năm";
  if (key == "chu-de") return "Mô hình theo chủ đề";
  if (key == "don-vi") return "Mô hình theo đơn vị";
  return key;
}
}  // namespace congbo::msg
namespace congbo::msg {
std::string decision_summary(size_t recipients) {
  return "Khen thưởng " + std::to_string(recipients) + " tập thể, cá nhân.";
}
}  // namespace congbo::msg
namespace congbo::msg {
std::string commendation_rule(const std::string& quota, const std::string& grade, int years) {
  std::vector<std::string> parts;
  if (!quota.empty()) parts.push_back("số lượng khen thưởng không quá " + quota + " số đơn vị đăng ký");
  if (!grade.empty()) {
    parts.push_back("đơn vị được khen phải đạt " + quoted(grade) + " trở lên" +
                    (years > 1 ? " " + std::to_string(years) + " năm liền" : ""));
  }
  return rule_join(parts) + ".";
}
std::string decisions_in_year(int year) { return "Khen thưởng năm " + std::to_string(year); }
std::string units_caption() { return "Danh sách tổ chức cơ sở đảng và chi bộ trực thuộc"; }
std::string not_registered() { return "Không đăng ký"; }
std::string criteria_met(int met, int total) {
  return "đạt " + std::to_string(met) + "/" + std::to_string(total) + " tiêu chí";
}
std::string timeline_result() { return "Kết quả thi đua"; }
std::string timeline_model() { return "Mô hình"; }
std::string record_campaign() { return "Phong trào thi đua"; }
std::string unit_counts(int results, int awards, int models) {
  return std::to_string(results) + " kết quả thi đua, " + std::to_string(awards) + " lần được khen thưởng, " +
         std::to_string(models) + " mô hình";
}
}  // namespace congbo::msg

namespace congbo::msg {
std::string build_up_to_date(const std::string& out_dir, long ms) {
  return "Không có gì thay đổi từ lần dựng trước: " + out_dir + " vẫn đúng (kiểm tra trong " + std::to_string(ms) + " ms).";
}
}  // namespace congbo::msg
