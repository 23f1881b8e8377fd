// page_words.cc: the readers' words (see page_words.h).
#include "page_words.h"

#include <cstdio>
#include <string>

#include "text.h"

namespace congbo::words {

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

std::string date_long(int year, int month, int day) {
  // Official style writes day and month 1–2 with a leading zero ("ngày 05 tháng 02").
  auto two = [](int n) { return n < 10 ? "0" + std::to_string(n) : std::to_string(n); };
  return "ngày " + two(day) + " tháng " + two(month) + " năm " + std::to_string(year);
}

std::string unknown_date() { return "Chưa rõ ngày"; }

std::string page_title_numbered(const std::string& title, int page) {
  return title + " – trang " + std::to_string(page);
}

std::string default_section_title(const std::string& section) {
  if (section == "van-ban") return "Văn bản";
  if (section == "mo-hinh") return "Mô hình, điển hình tiên tiến";
  if (section == "thi-dua") return "Kết quả thi đua";
  if (section == "khen-thuong") return "Khen thưởng";
  if (section == "don-vi") return "Đơn vị";
  if (section == "tin-tuc") return "Tin tức";
  return section;
}

std::string relation_title(int relation, bool incoming) {
  static const char* out[] = {"Căn cứ", "Thay thế cho", "Sửa đổi", "Văn bản được dẫn chiếu"};
  static const char* in[] = {"Được căn cứ bởi", "Bị thay thế bởi", "Bị sửa đổi bởi", "Được dẫn chiếu bởi"};
  return incoming ? in[relation] : out[relation];
}

std::string status_in_force() { return "Còn hiệu lực"; }

std::string status_replaced() { return "Hết hiệu lực"; }

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

std::string old_version_unreadable() {
  return "Phiên bản này có phần thông tin đầu không đọc được, nên được hiển thị nguyên văn.";
}

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

std::string search_title() { return "Tìm kiếm"; }

std::string other_pages() { return "Trang khác"; }

std::string unit_type(int type) {
  switch (type) {
    case 0: return "Đảng bộ cơ sở";
    case 1: return "Chi bộ cơ sở";
    default: return "Chi bộ trực thuộc";
  }
}

std::string no_grade() { return "chưa xếp loại"; }

std::string no_result() { return "không có kết quả"; }

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

std::string decision_summary(size_t recipients) {
  return "Khen thưởng " + std::to_string(recipients) + " tập thể, cá nhân.";
}

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

}  // namespace congbo::words
