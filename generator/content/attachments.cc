// attachments.cc: an attachment's file, its kind, its size and hash.
#include "attachments.h"

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

void check_attachments(std::vector<Page>& pages, const SourceTree& source, Diagnostics& diags) {
  for (Page& p : pages) {
    const std::string folder = p.source.substr(0, p.source.rfind('/') + 1);
    for (Attachment& a : p.doc.attachments) {
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
        diags.error(p.source, a.line, a.col, msg::attachment_too_large(a.source));
        continue;
      }
      a.size = bytes->size();
      a.sha256 = sha256_hex(*bytes);
      if (a.title.empty()) a.title = &a == &p.doc.attachments.front() ? "Văn bản gốc" : a.file;
    }
  }
}

}  // namespace congbo
