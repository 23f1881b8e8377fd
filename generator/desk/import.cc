// import.cc: converting, recognising, writing — one file at a time.
#include "import.h"

#include <fstream>
#include <ostream>

#include "config.h"
#include "document_form.h"
#include "office_text.h"
#include "official_layout.h"
#include "page.h"
#include "sections.h"
#include "source_tree.h"
#include "text.h"

namespace fs = std::filesystem;

namespace congbo {
namespace {

std::optional<SiteConfig> site_config_at(const fs::path& site, Diagnostics& diags) {
  auto text = file_bytes(site / "site.toml");
  if (!text) {
    diags.error((site / "site.toml").string(), 0, 0, "không có site.toml: chạy lệnh trong thư mục trang, hoặc thêm --site");
    return std::nullopt;
  }
  return parse_config(*text, "site.toml", diags);
}

}  // namespace

std::string section_refusal(const std::string& section) {
  const std::string docs = kDocumentsSection;
  const std::string why = "--section phải là " + docs + " hoặc một thư mục trong đó (ví dụ " + docs +
                          "/2020), viết thường, không dấu, nối bằng '-': chỉ tệp trong content/" + docs +
                          " mới là văn bản";
  if (section != docs && section.rfind(docs + "/", 0) != 0) return why;
  char prev = '/';
  for (char c : section) {
    const bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!word && !(c == '/' && prev != '/')) return why;  // no '..', '\\', empty folder
    prev = c;
  }
  return prev == '/' ? why : "";
}

DocumentForm form_from_recognized(const RecognizedDocument& d) {
  DocumentForm f;
  f.title = d.title;
  f.number = d.number;
  f.kind = d.kind;
  f.issuer = d.issuer;
  f.date = d.date ? d.date->display() : "";
  f.place = d.place;
  f.authority = d.authority;
  f.signer_role = d.signer_role;
  f.signer = d.signer;
  for (const auto& r : d.recipients) f.recipients += (f.recipients.empty() ? "" : "\n") + r;
  f.body = d.body;
  return f;
}

std::vector<std::string> recognition_summary(const RecognizedDocument& d, const SiteConfig& config) {
  std::vector<std::string> out;
  auto row = [&](const char* label, const std::string& value) {
    if (!value.empty()) out.push_back(std::string(label) + ": " + value);
  };
  row("Số, ký hiệu", d.number);
  row("Loại văn bản", d.kind.empty() ? "" : config.kind_label(d.kind));
  row("Cơ quan ban hành", d.issuer.empty() ? "" : config.issuer_label(d.issuer));
  row("Địa danh", d.place);
  row("Ngày ban hành", d.date ? d.date->display() : "");
  row("Trích yếu", d.title);
  row("Thẩm quyền ký", d.authority);
  row("Chức vụ người ký", d.signer_role);
  row("Người ký", d.signer);
  row("Nơi nhận", d.recipients.empty() ? "" : std::to_string(d.recipients.size()) + " nơi");
  for (const auto& m : d.missing) out.push_back("không tìm thấy: " + m);
  for (const auto& n : d.notes) out.push_back("lưu ý: " + n);
  return out;
}

namespace {

void report(std::ostream& out, const fs::path& file, const RecognizedDocument& d, const SiteConfig& config) {
  out << file.string() << "\n";
  for (const std::string& line : recognition_summary(d, config)) out << "  " << line << "\n";
}

}  // namespace

bool import_documents(const ImportOptions& o, std::ostream& out, Diagnostics& diags) {
  if (std::string why = section_refusal(o.section); !why.empty()) {
    diags.error("--section", 0, 0, why + " (không nhận '" + o.section + "')");
    return false;
  }
  auto config = site_config_at(o.site_dir, diags);
  if (!config) return false;
  bool all = true;
  for (const fs::path& file : o.files) {
    std::string why;
    auto text = document_text(file, &why);
    if (!text) {
      diags.error(file.string(), 0, 0, why);
      all = false;
      continue;
    }
    const RecognizedDocument doc = recognize_layout(*text, *config);
    report(out, file, doc, *config);
    std::string stem = slugify(!doc.number.empty() ? doc.number : !doc.title.empty() ? doc.title : file.stem().string());
    if (stem.size() > 60) stem = stem.substr(0, stem.rfind('-', 60));  // a title's first words
    const std::string folder = "content/" + o.section + "/";
    const std::string rel = folder + (stem.empty() ? "van-ban" : stem) + ".md";
    const fs::path target = o.site_dir / rel;
    std::error_code ec;
    if (fs::exists(target, ec)) {
      diags.error(file.string(), 0, 0, "đã có " + rel + ": không ghi đè; hãy xem tệp đó, hoặc đổi tên nó trước khi nhập lại");
      all = false;
      continue;
    }
    if (o.dry_run) {
      out << "  sẽ ghi: " << rel << " (chưa ghi gì: --dry-run)\n";
      continue;
    }
    fs::create_directories(target.parent_path(), ec);
    WrittenDocument w = write_document(form_from_recognized(doc));
    // The imported file is published with the document, as its original
    // (not a Markdown file: that would be read as another page).
    const std::string ext = to_lower(file.extension().string());
    const std::string original = ext == ".md" ? "" : fs::path(rel).stem().string() + ext;
    if (!original.empty()) {
      if (fs::exists(target.parent_path() / original, ec)) {
        diags.error(file.string(), 0, 0, "đã có " + folder + original + ": không ghi đè");
        all = false;
        continue;
      }
      fs::copy_file(file, target.parent_path() / original, ec);
      if (!ec) {
        w.text.insert(w.text.find("\n+++\n") + 1, "attachments = [{ file = " + toml_quoted(original) + ", title = \"Văn bản gốc\" }]\n");
      }
    }
    std::ofstream f(target, std::ios::binary);
    f << w.text;
    f.close();
    if (!f) {
      diags.error(rel, 0, 0, "không ghi được tệp");
      all = false;
      continue;
    }
    out << "  đã ghi: " << rel << (original.empty() ? "" : ", kèm bản gốc " + folder + original)
        << " (xem lại rồi lưu; congbo check báo những gì còn thiếu)\n";
  }
  return all;
}

}  // namespace congbo
