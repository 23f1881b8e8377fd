// office_text.cc: pandoc and pdftotext, run with limits.
#include "office_text.h"

#include "source_tree.h"
#include "subprocess.h"
#include "text.h"

namespace fs = std::filesystem;

namespace congbo {
namespace {

constexpr int kSeconds = 60;                  // a converter taking longer is stopped
constexpr size_t kMaxText = 32u << 20;        // and one printing more than this
constexpr uintmax_t kMaxFile = 64u << 20;     // files larger are not read

}  // namespace

// Word's and ODT's bookmarks come out of pandoc as empty spans
// (<span id="_Toc12" class="anchor"></span>, <span id="anchor"></span>)
// in front of headings; they mark nothing a reader sees.
std::string without_bookmarks(std::string md) {
  const std::string open = "<span id=\"", close = "></span>";
  for (size_t at = md.find(open); at != std::string::npos; at = md.find(open, at)) {
    const size_t end = md.find('>', at);
    if (end != std::string::npos && md.compare(end, close.size(), close) == 0 && md.find('<', at + 1) == end + 1) {
      md.erase(at, end + close.size() - at);
    } else {
      at += open.size();
    }
  }
  return md;
}

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
  else return ext == ".pdf" ? run.out : without_bookmarks(run.out);
  return std::nullopt;
}


}  // namespace congbo
