// attachment_files.cc: copying attachments out, and PDF first pages through pdftoppm.
#include "attachment_files.h"

#include <fstream>

#include "messages.h"
#include "office_text.h"
#include "subprocess.h"
#include "text.h"

namespace fs = std::filesystem;

namespace congbo {
namespace {

fs::path preview_of(const fs::path& cache_dir, const Attachment& a) { return cache_dir / "trang-dau" / (a.sha256 + ".png"); }

// A PNG's width and height, from its IHDR chunk.
bool png_size(const std::string& png, int* w, int* h) {
  if (png.size() < 24 || png.compare(1, 3, "PNG") != 0) return false;
  auto be = [&](size_t at) {
    return (static_cast<unsigned char>(png[at]) << 24) | (static_cast<unsigned char>(png[at + 1]) << 16) |
           (static_cast<unsigned char>(png[at + 2]) << 8) | static_cast<unsigned char>(png[at + 3]);
  };
  *w = static_cast<int>(be(16));
  *h = static_cast<int>(be(20));
  return *w > 0 && *h > 0;
}

// The first page of `pdf` as a PNG 800 pixels wide, into `png`; false when pdftoppm is missing or fails.
bool first_page(const std::string& pdf, const fs::path& png, bool* missing) {
  std::error_code ec;
  fs::create_directories(png.parent_path(), ec);
  const fs::path in = png.string() + ".tmp.pdf", out = png.string() + ".tmp";
  std::ofstream(in, std::ios::binary) << pdf;
  const ProgramRun run = run_program({"pdftoppm", "-png", "-f", "1", "-l", "1", "-scale-to-x", "800", "-scale-to-y", "-1",
                                      "-singlefile", "--", in.string(), out.string()},
                                     60, 1 << 20);
  fs::remove(in, ec);
  *missing = !run.started;
  if (!run.started || run.exit_code != 0 || run.timed_out) {
    fs::remove(out.string() + ".png", ec);
    return false;
  }
  fs::rename(out.string() + ".png", png, ec);
  return !ec;
}

}  // namespace

std::string attachment_url(const Page& page, const Attachment& a) {
  return a.archived_at.empty() ? page.url + a.file : a.archived_at;
}

std::vector<std::string> attachment_texts(const std::vector<Page>& pages, const SourceTree& source, const fs::path& cache_dir) {
  std::vector<std::string> out(pages.size());
  for (size_t i = 0; i < pages.size(); ++i) {
    for (const Attachment& a : pages[i].doc.attachments) {
      const std::string ext = to_lower(fs::path(a.file).extension().string());
      if (a.sha256.empty() || (ext != ".pdf" && ext != ".docx" && ext != ".odt")) continue;
      const fs::path kept = cache_dir / "van-ban-goc" / (a.sha256 + ".txt");
      auto text = file_bytes(kept);
      if (!text) {
        std::error_code ec;
        fs::create_directories(kept.parent_path(), ec);
        const fs::path copy = kept.string() + ".tmp" + ext;
        if (auto bytes = source.read(a.source)) std::ofstream(copy, std::ios::binary) << *bytes;
        std::string why;
        text = document_text(copy, &why).value_or("");  // a scan: no text, said where it is imported
        fs::remove(copy, ec);
        std::ofstream(kept, std::ios::binary) << *text;
      }
      if (!text->empty()) out[i] += (out[i].empty() ? "" : "\n\n") + *text;
    }
  }
  return out;
}

void make_previews(std::vector<Page>& pages, const SourceTree& source, const fs::path& cache_dir, Diagnostics& diags) {
  bool said = false;
  for (Page& p : pages) {
    for (Attachment& a : p.doc.attachments) {
      if (a.sha256.empty() || !ends_with(to_lower(a.file), ".pdf")) continue;
      const fs::path png = preview_of(cache_dir, a);
      auto bytes = file_bytes(png);
      if (!bytes) {
        bool missing = false;
        auto pdf = source.read(a.source);
        if (pdf && first_page(*pdf, png, &missing)) bytes = file_bytes(png);
        if (missing && !said) {
          diags.note(p.source, msg::no_pdftoppm());
          said = true;
        }
      }
      if (bytes) png_size(*bytes, &a.preview_width, &a.preview_height);
    }
  }
}

void render_attachments(const PageContext& cx, const SourceTree& source, const fs::path& cache_dir, Diagnostics& diags) {
  for (const Page& p : cx.pages) {
    for (const Attachment& a : p.doc.attachments) {
      if (a.sha256.empty()) continue;
      const std::string path = Output::path_for_url(attachment_url(p, a));
      std::string err;
      if (!cx.out.reuse_content(path, "tep|" + a.sha256)) {
        auto bytes = source.read(a.source);
        if (!bytes || !cx.out.write_content(path, "tep|" + a.sha256, *bytes, &err)) diags.error(a.source, 0, 0, err);
      }
      if (!a.preview_width) continue;
      if (!cx.out.reuse_content(path + ".png", "trang-dau|" + a.sha256)) {
        auto png = file_bytes(preview_of(cache_dir, a));
        if (!png || !cx.out.write_content(path + ".png", "trang-dau|" + a.sha256, *png, &err)) diags.error(a.source, 0, 0, err);
      }
    }
  }
}

}  // namespace congbo
