// model_form.cc: a model's form and its file.
#include "model_form.h"

#include "text.h"

namespace congbo {

std::string model_field_label(const std::string& name) {
  static const std::map<std::string, std::string> labels = {
      {"title", "Tên mô hình"}, {"date", "Ngày đăng"},   {"unit", "Đơn vị"},       {"year", "Năm"},
      {"category", "Chủ đề"},   {"plan", "Thực hiện kế hoạch"}, {"body", "Nội dung"}, {"image", "Ảnh"},
      {"alt", "Mô tả ảnh"},     {"caption", "Chú thích ảnh"}};
  auto it = labels.find(name);
  return it == labels.end() ? name : it->second;
}

ModelForm model_form_from_page(const Page& p) {
  ModelForm f;
  f.title = p.title;
  f.date = p.date ? p.date->display() : "";
  f.unit = p.model.unit;
  f.year = p.model.year ? std::to_string(p.model.year) : "";
  f.category = p.model.category;
  f.plan = p.model.plan.text;
  for (const ModelImage& img : p.model.images) f.images.push_back({img.src, img.alt, img.caption});
  f.body = p.markdown;
  return f;
}

WrittenDocument write_model(const ModelForm& f) {
  WrittenDocument w;
  w.owns = {"title", "date", "unit", "year", "category", "plan", "images"};
  int line = 1;
  w.text = "+++\n";
  auto put = [&](const std::string& field, const std::string& toml_line) {
    ++line;
    w.text += toml_line + "\n";
    w.field_at_line[line] = field;
  };
  auto text_field = [&](const char* key, const std::string& value, bool always = false) {
    if (always || !trim(value).empty()) put(key, std::string(key) + " = " + toml_quoted(trim(value)));
  };
  text_field("title", f.title, true);
  if (auto iso = iso_from_display(f.date); iso && !iso->empty()) put("date", "date = " + *iso);
  text_field("unit", f.unit, true);
  const std::string year = trim(f.year);
  // A year that is not a number is written as text, so the checker says so at its line.
  put("year", "year = " + (!year.empty() && year.find_first_not_of("0123456789") == std::string::npos ? year : toml_quoted(year)));
  text_field("category", f.category, true);
  text_field("plan", f.plan);
  if (!f.images.empty()) {
    put("image-0", "images = [");
    for (size_t i = 0; i < f.images.size(); ++i) {
      const ModelImageForm& img = f.images[i];
      put("image-" + std::to_string(i), "  { src = " + toml_quoted(img.src) + ", alt = " + toml_quoted(trim(img.alt)) +
                                            ", caption = " + toml_quoted(trim(img.caption)) + " },");
    }
    put("image-" + std::to_string(f.images.size() - 1), "]");
  }
  w.text += "+++\n";
  ++line;
  w.body_line = line + 1;
  w.text += file_body(f.body);
  return w;
}

std::string image_type(const std::string& b) {
  if (b.size() >= 8 && b.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0) return "png";
  if (b.size() >= 3 && b.compare(0, 3, "\xFF\xD8\xFF") == 0) return "jpg";
  if (b.size() >= 6 && (b.compare(0, 6, "GIF87a") == 0 || b.compare(0, 6, "GIF89a") == 0)) return "gif";
  if (b.size() >= 12 && b.compare(0, 4, "RIFF") == 0 && b.compare(8, 4, "WEBP") == 0) return "webp";
  return "";
}

}  // namespace congbo
