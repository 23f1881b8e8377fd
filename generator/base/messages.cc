// messages.cc: the writer's diagnostics (see messages.h).
#include "messages.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "page_words.h"
#include "text.h"

namespace congbo::msg {

using words::quoted;

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
    case TomlMistake::InlineTableLines:
      return s + "một mục trong dấu ngoặc nhọn { … } phải viết trọn trên một dòng; hãy nối các dòng của nó lại, "
                 "hoặc viết mục đó thành một bảng [[…]] riêng (xem hướng dẫn soạn nội dung)";
    case TomlMistake::BadInlineTable:
      return s + "mục trong dấu ngoặc nhọn chưa đúng: các trường cách nhau bằng dấu phẩy, không có dấu phẩy trước \"}\", "
                 "ví dụ: { unit = \"cb-xo-so\", grade = \"tot\" }";
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

std::string expires_before_effective(const std::string& expires, const std::string& effective) {
  return "ngày hết hiệu lực (expires = " + expires + ") phải sau ngày có hiệu lực (effective = " + effective + ")";
}

std::string expires_before_date(const std::string& expires, const std::string& date) {
  return "ngày hết hiệu lực (expires = " + expires + ") phải sau ngày ban hành (" + date + ")";
}

std::string effective_before_date(const std::string& effective, const std::string& date) {
  return "ngày có hiệu lực (effective = " + effective + ") trước ngày ban hành (" + date +
         "): văn bản có hiệu lực hồi tố? Nếu gõ nhầm, hãy sửa lại";
}

std::string attachment_not_beside(const std::string& file, const std::string& folder) {
  return "tệp đính kèm \"" + file + "\" phải là tên một tệp nằm cạnh tệp văn bản (trong " + folder + ")";
}

std::string attachment_kind_unknown(const std::string& file) {
  return "tệp đính kèm \"" + file + "\" không thuộc loại đăng được (PDF, Word, Excel, OpenDocument, PowerPoint, ảnh JPEG/PNG, ZIP)";
}

std::string attachment_missing(const std::string& source) {
  return "không có tệp đính kèm " + source + " (đặt tệp cạnh tệp văn bản, đúng tên ghi ở đây)";
}

std::string attachment_too_large(const std::string& source, size_t mb) {
  return "tệp đính kèm " + source + " lớn hơn " + std::to_string(mb) + " MB: không đăng được; hãy nén hoặc tách nhỏ";
}

std::string attachment_over_limit(const std::string& source, int mb) {
  return "tệp đính kèm " + source + " lớn hơn " + std::to_string(mb) +
         " MB (attachment_limit_mb trong site.toml): người đọc trên điện thoại sẽ tải lâu; nên nén hoặc tách nhỏ";
}

std::string attachment_not_its_kind(const std::string& source, const std::string& kind) {
  return "tệp đính kèm " + source + " không phải tệp " + kind + " như đuôi tên của nó (đổi tên nhầm, hay tệp hỏng?)";
}

std::string attachment_twice(const std::string& file) {
  return "tệp đính kèm \"" + file + "\" đã được ghi ở trên: mỗi tệp chỉ ghi một lần";
}

std::string bad_attachment_limit() {
  return "attachment_limit_mb phải là số nguyên từ 1 đến 500 (MB)";
}

std::string no_pdftoppm() {
  return "chưa cài pdftoppm (poppler-utils, cài bằng scripts/install-deps) nên trang không có ảnh trang đầu của tệp PDF đính kèm";
}

std::string bad_public_key() {
  return "public_key phải là khóa công khai do lệnh congbo keygen in ra, dạng \"ed25519:…\" (44 ký tự sau dấu hai chấm)";
}

std::string unknown_word(const std::string& key) {
  return "không có chữ nào mang tên \"" + key + "\" trong bảng chữ của giao diện (themes/default/strings.toml); dòng này bị bỏ qua";
}

std::string unknown_word_slot(const std::string& key, const std::string& slot) {
  return "\"" + key + "\" không có chỗ điền {" + slot + "}: congbo sẽ để nguyên \"{" + slot + "}\" trên trang";
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

std::string reserved_url_owner(const std::string& section) {
  return "trang danh sách của mục content/" + section + "/";
}

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

std::string reserved_search() { return "trang tìm kiếm /tim-kiem/"; }
std::string reserved_on_date() { return "trang văn bản như ngày /van-ban/ngay/"; }
std::string reserved_verify() { return "trang xác minh bản công bố /xac-minh/ (congbo publish ghi bản ghi công bố vào đó)"; }

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
  return "chỉ tiêu cần một mức: một trong above, at_least, below, at_most (ví dụ above = \"90%\"), hoặc một khoảng "
         "gồm một mức dưới (at_least hay above) và một mức trên (at_most hay below), ví dụ at_least = \"15%\", "
         "at_most = \"20%\" cho “15 - 20%”";
}

std::string unknown_count(const std::string& id) {
  return "không có số liệu mã \"" + id + "\" trong các mục [[count]] của phong trào";
}

std::string threshold_of_itself(const std::string& id) {
  return "count và of cùng là \"" + id + "\": tỉ lệ phải là của một số liệu trên một số liệu khác";
}

std::string counts_missing(const std::string& criterion, const std::vector<std::string>& names,
                           const std::vector<std::string>& ids) {
  std::string list, keys;
  for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
  for (const auto& id : ids) keys += (keys.empty() ? "" : ", ") + id + " = …";
  return "tiêu chí “" + criterion + "” được ghi là đạt nhưng thiếu số liệu để kiểm tra ngưỡng của tiêu chí: " + list +
         " (trong tệp: counts = { " + keys + " }); hãy ghi số, hoặc bỏ đánh dấu tiêu chí";
}

std::string count_exceeds(const std::string& id, long long count, const std::string& of, long long total) {
  return id + " = " + std::to_string(count) + " lớn hơn " + of + " = " + std::to_string(total);
}

std::string bad_named_number(const std::string& number) {
  return "number = \"" + number + "\" không phải số ký hiệu văn bản (ví dụ \"37-QĐ/TW\"); bỏ trường này nếu văn bản không có số";
}

std::string target_band_reversed(const std::string& lower, const std::string& upper) {
  return "khoảng chỉ tiêu ngược: mức dưới " + lower + " lớn hơn mức trên " + upper;
}

std::string decision_needs_grade_and_reason() {
  return "xếp loại do cấp ủy quyết định (decided = true) cần ghi cả grade và reason (lý do)";
}

std::string unknown_deadline_kind(const std::string& kind) {
  return "loại hạn \"" + kind + "\" không có; dùng \"dang-ky\" (đăng ký), \"bao-cao\" (báo cáo), \"so-ket\" (sơ kết) hoặc \"tong-ket\" (tổng kết)";
}

std::string deadline_needs_date() {
  return "hạn cần date = NĂM-THÁNG-NGÀY (một lần) hoặc each_year = \"ngày/tháng\" (hằng năm), chỉ một trong hai";
}

std::string bad_day_month(const std::string& text) {
  return "\"" + text + "\" không phải ngày/tháng (ví dụ \"15/11\")";
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

std::string image_unreadable(const std::string& path) {
  return "không đọc được ảnh static/" + path + " (tệp hỏng, hoặc không đúng là JPEG, PNG, WebP như tên của nó); "
         "ảnh được đăng nguyên như đã gửi, không có bản nhỏ cho điện thoại";
}

std::string image_missing(const std::string& src) {
  return "không có tệp ảnh " + src + " trong thư mục static/ của trang";
}

std::string image_outside(const std::string& src) {
  return "đường dẫn ảnh " + src + " đi ra ngoài thư mục static/ của trang; ảnh phải nằm trong static/ "
         "(ví dụ /anh/ten-anh.jpg là tệp static/anh/ten-anh.jpg)";
}

}  // namespace congbo::msg
