// attachments.cc: an attachment's file, its kind, its size and hash.
#include "attachments.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "messages.h"
#include "signing.h"
#include "text.h"

namespace congbo {

std::string attachment_kind(const std::string& file) {
  static const std::map<std::string, std::string> kinds = {
      {"pdf", "PDF"},  {"docx", "Word"}, {"doc", "Word"},         {"odt", "OpenDocument"}, {"xlsx", "Excel"},
      {"xls", "Excel"}, {"ods", "OpenDocument"}, {"pptx", "PowerPoint"}, {"jpg", "ảnh JPEG"}, {"jpeg", "ảnh JPEG"},
      {"png", "ảnh PNG"}, {"txt", "văn bản thô"}, {"zip", "ZIP"}};
  const size_t dot = file.rfind('.');
  auto it = dot == std::string::npos ? kinds.end() : kinds.find(to_lower(file.substr(dot + 1)));
  return it == kinds.end() ? "" : it->second;
}

namespace {

// Whether `bytes` begin as a file named `file` must: a PDF with %PDF-, a
// Word, Excel or OpenDocument file as a ZIP or an old Office file, an image
// with its signature. Plain text and unknown kinds are not checked.
bool bytes_match(const std::string& file, const std::string& bytes) {
  const std::string ext = to_lower(file.substr(file.rfind('.') + 1));
  auto starts = [&](std::string_view magic) { return bytes.compare(0, magic.size(), magic) == 0; };
  if (ext == "pdf") return starts("%PDF-");
  if (ext == "docx" || ext == "xlsx" || ext == "pptx" || ext == "odt" || ext == "ods" || ext == "zip") return starts("PK\x03\x04");
  if (ext == "doc" || ext == "xls") return starts("\xD0\xCF\x11\xE0");
  if (ext == "jpg" || ext == "jpeg") return starts("\xFF\xD8\xFF");
  if (ext == "png") return starts("\x89PNG");
  return true;
}

}  // namespace

void check_attachments(std::vector<Page>& pages, const SourceTree& source, int limit_mb, Diagnostics& diags) {
  for (Page& p : pages) {
    const std::string folder = p.source.substr(0, p.source.rfind('/') + 1);
    std::vector<std::string> seen;
    for (Attachment& a : p.doc.attachments) {
      if (std::find(seen.begin(), seen.end(), a.file) != seen.end()) {
        diags.error(p.source, a.line, a.col, msg::attachment_twice(a.file));
        a.sha256.clear();
        continue;
      }
      seen.push_back(a.file);
      // A plain name, or a folder beside: never "..", never absolute, never a hidden file.
      const bool safe = !a.file.empty() && a.file[0] != '/' && a.file[0] != '.' && a.file.find("..") == std::string::npos &&
                        a.file.find('\\') == std::string::npos && a.file.find("/.") == std::string::npos;
      if (!safe) {
        diags.error(p.source, a.line, a.col, msg::attachment_not_beside(a.file, folder));
        continue;
      }
      if (attachment_kind(a.file).empty() || ends_with(to_lower(a.file), ".md")) {
        diags.error(p.source, a.line, a.col, msg::attachment_kind_unknown(a.file));
        continue;
      }
      a.source = folder + a.file;
      auto bytes = source.read(a.source);
      if (!bytes) {
        diags.error(p.source, a.line, a.col, msg::attachment_missing(a.source));
        continue;
      }
      if (bytes->size() > kMaxAttachment) {
        diags.error(p.source, a.line, a.col, msg::attachment_too_large(a.source, kMaxAttachment >> 20));
        continue;
      }
      if (!bytes_match(a.file, *bytes)) {
        diags.error(p.source, a.line, a.col, msg::attachment_not_its_kind(a.source, attachment_kind(a.file)));
        continue;
      }
      if (bytes->size() > static_cast<size_t>(limit_mb) << 20) {
        diags.warning(p.source, a.line, a.col, msg::attachment_over_limit(a.source, limit_mb));
      }
      a.size = bytes->size();
      a.sha256 = sha256_hex(*bytes);
      if (a.title.empty()) a.title = &a == &p.doc.attachments.front() ? "Văn bản gốc" : a.file;
    }
  }
}

std::string size_words(size_t bytes) {
  char buf[32];
  if (bytes >= 1000 * 1000) std::snprintf(buf, sizeof buf, "%.1f MB", bytes / 1e6);
  else std::snprintf(buf, sizeof buf, "%zu kB", std::max<size_t>(1, (bytes + 500) / 1000));
  std::string s = buf;
  for (char& c : s) c = c == '.' ? ',' : c;
  return s;
}

}  // namespace congbo
