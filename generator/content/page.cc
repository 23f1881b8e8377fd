// page.cc: front matter schema per section, URL from the file's path.
#include "page.h"

#include <tuple>

#include "doc_number.h"
#include "field_reader.h"
#include "front_matter.h"
#include "messages.h"
#include "sections.h"
#include "text.h"

namespace congbo {
namespace {

bool valid_slug(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

// "content/van-ban/Kế hoạch 51.md" → "/van-ban/ke-hoach-51/"; "_index.md" names its folder.
std::string url_for(const std::string& rel_path, const std::optional<std::string>& slug) {
  std::string inner = rel_path.substr(std::string("content/").size());
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    size_t slash = inner.find('/', start);
    parts.push_back(inner.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  std::string file = parts.back();
  parts.pop_back();
  std::string stem = file.substr(0, file.rfind('.'));
  std::string url = "/";
  for (const auto& dir : parts) url += slugify(dir) + "/";
  if (stem != "_index") url += (slug ? *slug : slugify(stem)) + "/";
  return url;
}

}  // namespace

std::string url_for_path(const std::string& rel_path) { return url_for(rel_path, std::nullopt); }

std::string document_title(const Page& page) {
  return page.is_document ? numbered_title(page.doc.number, page.title) : page.title;
}

std::optional<RelationEntry> read_entry(FieldReader& r, const std::string& key) {
  auto v = r.string(key);
  if (!v) return std::nullopt;
  auto [line, col] = r.where(key);
  return RelationEntry{*v, line, col};
}

std::optional<std::string> decode_text(std::string bytes, const std::string& path,
                                       Diagnostics& diags) {
  if (starts_with(bytes, "\xEF\xBB\xBF")) bytes.erase(0, 3);
  if (auto bad = find_invalid_utf8(bytes)) {
    TextPosition p = position_of(bytes, *bad);
    diags.error(path, p.line, p.col, msg::invalid_utf8());
    return std::nullopt;
  }
  report_control_characters(bytes, path, 1, 1, diags);
  return to_nfc(bytes);
}

namespace {

// A document's fields (content/van-ban/): its number, kind and issuer (as
// site.toml declares them), signer, recipients, relations.
void read_document(FieldReader& r, const std::string& rel_path, const SiteConfig& config, DocumentMeta& d,
                   Diagnostics& diags) {
  if (auto v = r.string("number")) d.number = *v;
  if (auto v = r.string("kind", true)) {
    d.kind = *v;
    if (!config.kind_name(d.kind)) {
      auto [line, col] = r.where("kind");
      diags.error(rel_path, line, col, msg::unknown_kind(d.kind));
    }
  }
  if (auto v = r.string("issuer", true)) {
    d.issuer = *v;
    if (!config.issuer(d.issuer)) {
      auto [line, col] = r.where("issuer");
      diags.error(rel_path, line, col, msg::unknown_issuer(d.issuer));
    }
  }
  if (auto v = r.string("place")) d.place = *v;
  if (auto v = r.string("signer")) d.signer = *v;
  if (auto v = r.string("signer_role")) d.signer_role = *v;
  if (auto v = r.string("authority")) d.authority = *v;
  if (auto v = r.string_list("recipients")) d.recipients = *v;
  if (auto v = r.string_list("fields")) d.fields = *v;
  if (auto v = r.string("period")) d.period = *v;
  if (auto v = r.string("status")) d.status = *v;
  d.effective = r.date("effective");
  d.expires = r.date("expires");
  auto relation = [&](const char* key, std::vector<RelationEntry>& into) {
    const Value* v = r.raw(key);
    if (!v) return;
    if (!v->is_string_list()) {
      diags.error(rel_path, v->line, v->col, msg::wrong_type(key, msg::type_string_list(), v->type_name()));
      return;
    }
    for (const auto& item : v->items) {
      if (!parse_reference(item.str)) {
        diags.error(rel_path, item.line, item.col, msg::bad_reference(key, item.str));
        continue;
      }
      into.push_back({trim(item.str), item.line, item.col});
    }
  };
  for (const Value* t : r.tables("attachments")) {
    FieldReader ar(*t, rel_path, diags, "attachments.");
    Attachment a;
    a.line = t->line;
    a.col = t->col;
    if (auto v = ar.string("file", true)) a.file = *v;
    if (auto v = ar.string("title")) a.title = *v;
    ar.finish(msg::unknown_field);
    if (!a.file.empty()) d.attachments.push_back(std::move(a));
  }
  relation("based_on", d.based_on);
  relation("replaces", d.replaces);
  relation("amends", d.amends);
  std::tie(d.date_line, d.date_col) = r.where("date");
}

// effective and expires against each other and the issue date.
void check_validity_dates(FieldReader& r, const std::string& rel_path, const std::optional<Date>& date,
                          const DocumentMeta& d, Diagnostics& diags) {
  if (d.effective && d.expires && *d.expires <= *d.effective) {
    auto [line, col] = r.where("expires");
    diags.error(rel_path, line, col, msg::expires_before_effective(d.expires->display(), d.effective->display()));
  } else if (date && d.expires && *d.expires <= *date) {
    auto [line, col] = r.where("expires");
    diags.error(rel_path, line, col, msg::expires_before_date(d.expires->display(), date->display()));
  }
  if (date && d.effective && *d.effective < *date) {
    auto [line, col] = r.where("effective");
    diags.warning(rel_path, line, col, msg::effective_before_date(d.effective->display(), date->display()));
  }
}

// An exemplary model's fields (content/mo-hinh/): its unit, year, category,
// plan and images.
void read_model(FieldReader& r, const std::string& rel_path, ModelMeta& m, Diagnostics& diags) {
  if (auto v = r.string("unit", true)) m.unit = *v;
  std::tie(m.unit_line, m.unit_col) = r.where("unit");
  if (auto v = r.integer_in("year", kFirstYear, kLastYear, true)) m.year = static_cast<int>(*v);
  if (auto v = r.string("category", true)) m.category = *v;
  if (auto v = read_entry(r, "plan")) m.plan = *v;
  if (auto v = r.boolean("sample")) m.sample = *v;
  for (const Value* t : r.tables("images")) {
    FieldReader ir(*t, rel_path, diags, "images.");
    ModelImage img;
    img.line = t->line;
    img.col = t->col;
    if (auto v = ir.string("src", true)) img.src = *v;
    if (auto v = ir.string("alt")) img.alt = *v;
    if (auto v = ir.string("caption")) img.caption = *v;
    if (img.alt.empty()) diags.error(rel_path, t->line, t->col, msg::image_without_alt(img.src));
    ir.finish(msg::unknown_field);
    m.images.push_back(std::move(img));
  }
}

}  // namespace

std::string url_for_file(const std::string& rel_path, std::string_view bytes) {
  Diagnostics ignored;
  auto fm = parse_front_matter(bytes, rel_path, ignored);
  const Value* slug = fm ? fm->fields.find("slug") : nullptr;
  if (slug && slug->type == Value::Type::String && valid_slug(slug->str)) return url_for(rel_path, slug->str);
  return url_for_path(rel_path);
}

std::optional<Page> load_page(const std::string& rel_path, std::string bytes,
                              const SiteConfig& config, Diagnostics& diags) {
  auto text = decode_text(std::move(bytes), rel_path, diags);
  if (!text) return std::nullopt;
  auto fm = parse_front_matter(*text, rel_path, diags);
  if (!fm) return std::nullopt;
  int errors_before = diags.error_count();

  Page p;
  p.source = rel_path;
  std::string inner = rel_path.substr(std::string("content/").size());
  size_t slash = inner.find('/');
  p.section = slash == std::string::npos ? "" : inner.substr(0, slash);
  // Only content/_index.md (home) and content/SECTION/_index.md describe lists.
  p.is_index = inner == "_index.md" || inner == p.section + "/_index.md";
  p.markdown = std::move(fm->body);
  p.body_line = fm->body_line;

  FieldReader r(fm->fields, rel_path, diags);
  if (auto v = r.string("title", true)) p.title = *v;
  if (auto v = r.string("description")) p.description = *v;
  p.date = r.date("date");
  if (auto v = r.boolean("draft")) p.draft = *v;
  std::optional<std::string> slug = r.string("slug");
  if (slug && !valid_slug(*slug)) {
    auto [line, col] = r.where("slug");
    diags.error(rel_path, line, col, msg::bad_slug(*slug));
    slug.reset();
  }
  p.url = url_for(rel_path, slug);

  p.is_document = p.section == kDocumentsSection && !p.is_index;
  if (p.is_document) {
    read_document(r, rel_path, config, p.doc, diags);
    check_validity_dates(r, rel_path, p.date, p.doc, diags);
  }
  p.is_model = p.section == kModelsSection && !p.is_index;
  if (p.is_model) {
    read_model(r, rel_path, p.model, diags);
  }
  // Every page's images need alt text: what a screen reader says, and what
  // shows when the file fails to load. Their files are checked in link
  // (images.h). Markdown is parsed for them only when it can hold one.
  if (p.markdown.find("![") != std::string::npos) p.images = find_images(p.markdown, p.body_line);
  for (const auto& img : p.images) {
    if (img.alt.empty()) diags.error(rel_path, img.line, img.col, msg::image_without_alt(img.src));
  }
  r.finish(msg::unknown_field);
  if (diags.error_count() > errors_before) return std::nullopt;
  return p;
}

}  // namespace congbo
