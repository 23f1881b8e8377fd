// document_form.cc: a document's form and its file.
#include "document_form.h"

#include <cstdio>

#include "text.h"

namespace congbo {
namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = trim(text.substr(start, end - start));
    if (!line.empty()) out.push_back(line);
    start = end + 1;
  }
  return out;
}

std::string joined(const std::vector<std::string>& items) {
  std::string s;
  for (const auto& i : items) s += (s.empty() ? "" : "\n") + i;
  return s;
}

std::string joined(const std::vector<RelationEntry>& items) {
  std::string s;
  for (const auto& i : items) s += (s.empty() ? "" : "\n") + i.text;
  return s;
}

}  // namespace

std::string toml_quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  }
  return out + "\"";
}

std::string file_body(const std::string& text) {
  std::string lf;
  for (char c : text) {
    if (c != '\r') lf += c;
  }
  if (!lf.empty() && lf.back() != '\n') lf += '\n';
  return lf;
}

const std::vector<std::string>& document_field_names() {
  static const std::vector<std::string> names = {"title",      "number",     "kind",   "issuer",  "date",
                                                 "effective",  "expires",
                                                 "place",      "authority",  "signer_role", "signer", "recipients",
                                                 "fields",     "based_on",   "replaces", "amends", "body"};
  return names;
}

std::string* document_field(DocumentForm& f, const std::string& name) {
  std::string* all[] = {&f.title,  &f.number,  &f.kind,        &f.issuer, &f.date, &f.effective, &f.expires, &f.place, &f.authority,
                        &f.signer_role, &f.signer, &f.recipients, &f.fields, &f.based_on, &f.replaces, &f.amends, &f.body};
  const auto& names = document_field_names();
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i] == name) return all[i];
  }
  return nullptr;
}

std::string document_field_label(const std::string& name) {
  static const std::map<std::string, std::string> labels = {
      {"title", "Trích yếu"},         {"number", "Số, ký hiệu"},        {"kind", "Loại văn bản"},
      {"issuer", "Cơ quan ban hành"}, {"date", "Ngày ban hành"},        {"place", "Địa danh"},
      {"effective", "Ngày có hiệu lực"}, {"expires", "Ngày hết hiệu lực"},
      {"authority", "Thẩm quyền ký"}, {"signer_role", "Chức vụ người ký"}, {"signer", "Người ký"},
      {"recipients", "Nơi nhận"},     {"fields", "Lĩnh vực"},           {"based_on", "Căn cứ"},
      {"replaces", "Thay thế cho"},   {"amends", "Sửa đổi"},            {"body", "Nội dung"}};
  auto it = labels.find(name);
  return it == labels.end() ? name : it->second;
}

DocumentForm form_from_page(const Page& p) {
  DocumentForm f;
  f.title = p.title;
  f.number = p.doc.number;
  f.kind = p.doc.kind;
  f.issuer = p.doc.issuer;
  f.date = p.date ? p.date->display() : "";
  f.effective = p.doc.effective ? p.doc.effective->display() : "";
  f.expires = p.doc.expires ? p.doc.expires->display() : "";
  f.place = p.doc.place;
  f.authority = p.doc.authority;
  f.signer_role = p.doc.signer_role;
  f.signer = p.doc.signer;
  f.recipients = joined(p.doc.recipients);
  f.fields = joined(p.doc.fields);
  f.based_on = joined(p.doc.based_on);
  f.replaces = joined(p.doc.replaces);
  f.amends = joined(p.doc.amends);
  f.body = p.markdown;
  return f;
}

std::optional<std::string> iso_from_display(const std::string& date) {
  const std::string d = trim(date);
  if (d.empty()) return std::string();
  int day = 0, month = 0, year = 0;
  char tail = 0;
  if (std::sscanf(d.c_str(), "%d/%d/%d%c", &day, &month, &year, &tail) != 3) return std::nullopt;
  static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1930 || year > 2100 || month < 1 || month > 12 || day < 1 || day > days[month - 1]) return std::nullopt;
  if (month == 2 && day == 29 && !(year % 4 == 0 && (year % 100 != 0 || year % 400 == 0))) return std::nullopt;
  char iso[48];
  std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, month, day);
  return std::string(iso);
}

WrittenDocument write_document(const DocumentForm& f) {
  WrittenDocument w;
  w.owns = document_field_names();
  w.owns.pop_back();  // "body"
  int line = 1;
  w.text = "+++\n";
  auto put = [&](const char* field, const std::string& toml_line) {
    ++line;
    w.text += toml_line + "\n";
    w.field_at_line[line] = field;
  };
  auto text_field = [&](const char* key, const std::string& value, bool always = false) {
    if (always || !trim(value).empty()) put(key, std::string(key) + " = " + toml_quoted(trim(value)));
  };
  auto list_field = [&](const char* key, const std::string& value) {
    std::vector<std::string> items = lines_of(value);
    if (items.empty()) return;
    std::string s = std::string(key) + " = [";
    for (size_t i = 0; i < items.size(); ++i) s += (i ? ", " : "") + toml_quoted(items[i]);
    put(key, s + "]");
  };
  text_field("title", f.title, true);
  text_field("number", f.number);
  text_field("kind", f.kind, true);
  text_field("issuer", f.issuer, true);
  if (auto iso = iso_from_display(f.date); iso && !iso->empty()) put("date", "date = " + *iso);
  if (auto iso = iso_from_display(f.effective); iso && !iso->empty()) put("effective", "effective = " + *iso);
  if (auto iso = iso_from_display(f.expires); iso && !iso->empty()) put("expires", "expires = " + *iso);
  text_field("place", f.place);
  text_field("authority", f.authority);
  text_field("signer_role", f.signer_role);
  text_field("signer", f.signer);
  list_field("recipients", f.recipients);
  list_field("fields", f.fields);
  list_field("based_on", f.based_on);
  list_field("replaces", f.replaces);
  list_field("amends", f.amends);
  if (!f.original.empty()) {
    w.owns.push_back("attachments");
    put("body", "attachments = [{ file = " + toml_quoted(f.original) + ", title = \"Văn bản gốc\" }]");
  }
  w.text += "+++\n";
  ++line;
  w.body_line = line + 1;
  w.text += file_body(f.body);
  return w;
}

std::string field_for_line(const WrittenDocument& doc, int line) {
  if (line >= doc.body_line) return "body";
  auto it = doc.field_at_line.find(line);
  return it == doc.field_at_line.end() ? "" : it->second;
}

}  // namespace congbo
