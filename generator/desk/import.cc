// import.cc: converting, recognising, writing — one file at a time.
#include "import.h"

#include <fstream>
#include <ostream>

#include "config.h"
#include "document_form.h"
#include "official_layout.h"
#include "page.h"
#include "source_tree.h"
#include "subprocess.h"
#include "text.h"

namespace fs = std::filesystem;

namespace congbo {
namespace {

constexpr int kSeconds = 60;                  // a converter taking longer is stopped
constexpr size_t kMaxText = 32u << 20;        // and one printing more than this
constexpr uintmax_t kMaxFile = 64u << 20;     // files larger are not read

// The text of `file`, as Markdown or plain text; nullopt with `why`.
}  // namespace

std::optional<std::string> document_text(const fs::path& file, std::string* why) {
  std::error_code ec;
  if (fs::file_size(file, ec) > kMaxFile) {
    *why = "tệp lớn hơn 64 MB, không đọc";
    return std::nullopt;
  }
  std::string ext = to_lower(file.extension().string());
  if (ext == ".txt" || ext == ".md") {
    auto bytes = file_bytes(file);
    if (!bytes) *why = "không mở được tệp";
    return bytes;
  }
  std::vector<std::string> argv;
  const char* tool = nullptr;
  if (ext == ".docx" || ext == ".odt") {
    tool = "pandoc";
    argv = {"pandoc", "--from", ext == ".docx" ? "docx" : "odt", "--to", "gfm", "--wrap=none", "--", file.string()};
  } else if (ext == ".pdf") {
    tool = "pdftotext";
    argv = {"pdftotext", "-enc", "UTF-8", "-nopgbrk", "--", file.string(), "-"};
  } else {
    *why = "chỉ nhập được tệp .docx, .odt, .pdf, .txt hoặc .md";
    return std::nullopt;
  }
  const ProgramRun run = run_program(argv, kSeconds, kMaxText);
  if (!run.started) *why = std::string("cần chương trình ") + tool + " để đọc loại tệp này (cài bằng scripts/install-deps)";
  else if (run.timed_out) *why = std::string(tool) + " chạy quá 60 giây nên đã bị dừng";
  else if (run.too_long) *why = std::string(tool) + " cho ra quá nhiều chữ (trên 32 MB) nên đã bị dừng";
  else if (run.exit_code != 0) *why = std::string(tool) + " không đọc được tệp: " + trim(run.err.substr(0, 300));
  else if (ext == ".pdf" && trim(run.out).empty()) *why = "tệp PDF không có chữ (bản quét?): không nhập được nội dung, chỉ đính kèm được";
  else return run.out;
  return std::nullopt;
}

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
    const std::string rel = "content/van-ban/" + (stem.empty() ? "van-ban" : stem) + ".md";
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
        diags.error(file.string(), 0, 0, "đã có content/van-ban/" + original + ": không ghi đè");
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
    out << "  đã ghi: " << rel << (original.empty() ? "" : ", kèm bản gốc content/van-ban/" + original)
        << " (xem lại rồi lưu; congbo check báo những gì còn thiếu)\n";
  }
  return all;
}

}  // namespace congbo
