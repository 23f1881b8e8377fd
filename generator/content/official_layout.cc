// official_layout.cc: the parts of an official layout, found line by line.
#include "official_layout.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>

#include "doc_number.h"
#include "text.h"

namespace congbo {
namespace {

// A line as its words read: Markdown emphasis, heading marks, escapes and
// surrounding spaces taken away ("## **KẾ HOẠCH**" → "KẾ HOẠCH").
std::string plain(std::string_view line) {
  std::string s(trim(line));
  size_t hashes = s.find_first_not_of('#');
  if (hashes != std::string::npos && hashes > 0 && hashes < s.size() && s[hashes] == ' ') s = s.substr(hashes + 1);
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) continue;  // "\*" → "*"
    if (s[i] == '*' && (i + 1 < s.size() && s[i + 1] == '*')) { ++i; continue; }
    out += s[i];
  }
  return trim(out);
}

// The folded words of `s` ("Đảng ủy Khối" → dang, uy, khoi).
std::vector<std::string> words_of(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : fold(s) + " ") {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) cur += c;
    else if (!cur.empty()) out.push_back(std::move(cur)), cur.clear();
  }
  return out;
}

bool blank(std::string_view line) { return trim(line).empty(); }

// Written in capitals (at least one letter, none in lower case).
bool capitals(const std::string& s) {
  return !s.empty() && to_upper(s) == s && to_lower(s) != s;
}

std::string capitalised(const std::string& s);
std::string sentence_case(const std::string& s) { return capitalised(to_lower(s)); }

// The first letter in upper case, the rest as written ("thi đua …" → "Thi đua …").
std::string capitalised(const std::string& s) {
  size_t n = s.empty() ? 0 : 1;
  while (n < s.size() && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) ++n;
  return to_upper(s.substr(0, n)) + s.substr(n);
}

// Begins with a letter in lower case ("và đội ngũ …", "về việc …").
bool starts_lower(const std::string& s) {
  size_t n = s.empty() ? 0 : 1;
  while (n < s.size() && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) ++n;
  const std::string first = s.substr(0, n);
  return !first.empty() && to_lower(first) == first && to_upper(first) != first;
}

// The words a document's body opens with ("Thực hiện …", "Căn cứ …"), or
// "Nơi nhận": where a PDF's text, with no blank line, leaves the trích yếu.
bool body_opening(const std::string& line) {
  if (starts_lower(line)) return false;
  const std::string f = fold(line);
  for (const char* w : {"thuc hien ", "can cu ", "de ", "nham ", "quan triet ", "trien khai ", "thi hanh ", "tiep tuc ",
                        "tren co so ", "sau khi ", "theo ", "qua ", "ngay ", "noi nhan"}) {
    if (f.rfind(w, 0) == 0) return true;
  }
  return false;
}

// "PHÓ BÍ THƯ" → "Phó Bí thư", as the offices write the roles.
std::string role_words(const std::string& caps) {
  static const std::map<std::string, std::string> roles = {
      {"bi thu", "Bí thư"}, {"pho bi thu", "Phó Bí thư"}, {"pho bi thu thuong truc", "Phó Bí thư Thường trực"},
      {"chanh van phong", "Chánh Văn phòng"}, {"pho chanh van phong", "Phó Chánh Văn phòng"},
      {"truong ban", "Trưởng ban"}, {"pho truong ban", "Phó Trưởng ban"}, {"chu nhiem", "Chủ nhiệm"},
      {"pho chu nhiem", "Phó Chủ nhiệm"}};
  auto it = roles.find(fold(caps));
  return it != roles.end() ? it->second : sentence_case(caps);
}

// "Bến Tre, ngày 21 tháng 10 năm 2020": the place (maybe none) and the day.
bool date_line(const std::string& s, std::string* place, std::optional<Date>* date) {
  const std::string f = fold(s);
  const size_t at = f.find("ngay ");
  if (at == std::string::npos || f.find(" thang ") == std::string::npos || f.find(" nam ") == std::string::npos) return false;
  int d = 0, m = 0, y = 0;
  if (std::sscanf(f.c_str() + at, "ngay %d thang %d nam %d", &d, &m, &y) != 3) return false;
  if (!Date::valid(y, m, d)) return false;
  *date = Date{y, m, d};
  // The place is what stands before "ngày" in the line as written; folding
  // keeps the byte count of ASCII only, so find "ngày" in the original.
  const size_t written = s.find("ngày");
  std::string before = trim(s.substr(0, written == std::string::npos ? 0 : written));
  while (!before.empty() && (before.back() == ',' || before.back() == ' ')) before.pop_back();
  *place = before;
  return true;
}

bool party_motto(const std::string& s) { return fold(s) == "dang cong san viet nam"; }
bool recipients_heading(const std::string& s) { return fold(s).rfind("noi nhan", 0) == 0; }
bool authority_line(const std::string& s) {
  const std::string f = fold(s);
  for (const char* p : {"t/m ", "k/t ", "t/l ", "tm. ", "kt. ", "tl. ", "tm ", "kt "}) {
    if (f.rfind(p, 0) == 0) return true;
  }
  return false;
}

// "I. MỤC ĐÍCH", "II - NỘI DUNG", "III- TỔ CHỨC": a part of the document.
bool roman_heading(const std::string& s) {
  size_t i = 0;
  while (i < s.size() && std::string("IVXL").find(s[i]) != std::string::npos) ++i;
  if (i == 0 || i >= s.size()) return false;
  const std::string rest = trim(s.substr(i));
  return (rest[0] == '.' || rest[0] == '-') && capitals(s);
}

// The body as Markdown: parts as "##" headings, paragraphs split by a page
// break ("…về xây" / "dựng Đảng…") joined again.
// "<sup>(1)</sup> Thực hiện theo…": a footnote's text as a text export
// leaves it, at the foot of its page; its number, or 0.
int footnote_number(const std::string& line, size_t* text_at) {
  int n = 0, used = 0;
  if (std::sscanf(line.c_str(), "<sup>(%d)</sup>%n", &n, &used) != 1 || used == 0) return 0;
  *text_at = static_cast<size_t>(used);
  return n;
}

// "…của Tỉnh ủy<sup>(1)</sup>." → "…của Tỉnh ủy[^1].", for the notes that have a text.
std::string footnote_marks(std::string body, const std::map<int, std::string>& notes) {
  for (const auto& [n, text] : notes) {
    const std::string mark = "<sup>(" + std::to_string(n) + ")</sup>";
    for (size_t at = body.find(mark); at != std::string::npos; at = body.find(mark, at)) {
      body.replace(at, mark.size(), "[^" + std::to_string(n) + "]");
    }
  }
  return body;
}

std::string body_markdown(const std::vector<std::string>& lines, size_t from, size_t to) {
  std::vector<std::string> paras;
  std::map<int, std::string> notes;  // footnotes, taken out of the flow (a page's foot cuts a paragraph too)
  for (size_t i = from; i < to; ++i) {
    const std::string& raw = lines[i];
    size_t text_at = 0;
    if (const int n = footnote_number(trim(raw), &text_at)) {
      notes[n] = trim(trim(raw).substr(text_at));
      continue;
    }
    if (blank(raw)) {
      if (!paras.empty() && !paras.back().empty()) paras.push_back("");
      continue;
    }
    const std::string p = plain(raw);
    if (paras.empty() && (p.find_first_not_of("-*_ ") == std::string::npos)) continue;  // a rule under the title
    std::string line = roman_heading(p) ? "## " + p : std::string(trim(raw));
    // A paragraph cut by a page break: no closing mark, the next begins in lower case.
    if (paras.size() >= 2 && paras.back().empty()) {
      const std::string& prev = paras[paras.size() - 2];
      const char last = prev.empty() ? '.' : prev.back();
      const bool open = std::isalpha(static_cast<unsigned char>(last)) || (static_cast<unsigned char>(last) & 0x80) || last == ',';
      const bool lower = to_lower(line.substr(0, 1)) == line.substr(0, 1) && std::islower(static_cast<unsigned char>(line[0]));
      if (open && lower && prev.rfind("#", 0) != 0) {
        paras.pop_back();
        paras.back() += " " + line;
        continue;
      }
    }
    // A page-break fragment: the end of the paragraph before, repeated on the next page.
    if (paras.size() >= 2 && paras.back().empty() && ends_with(paras[paras.size() - 2], line) && line.size() > 12) continue;
    if (!paras.empty() && !paras.back().empty()) paras.back() += "\n" + line;
    else if (!paras.empty()) paras.back() = line;
    else paras.push_back(line);
  }
  std::string out;
  for (const std::string& p : paras) {
    if (p.empty()) continue;
    out += (out.empty() ? "" : "\n") + p + "\n";
  }
  // Real Markdown footnotes: the marks point at them, the page lists them at its end.
  out = footnote_marks(std::move(out), notes);
  for (const auto& [n, text] : notes) out += "\n[^" + std::to_string(n) + "]: " + text + "\n";
  return out;
}

// A table as pandoc writes one it cannot draw in Markdown (the header and
// the signature are two-column tables in most Word files): each cell's
// paragraphs become lines, a blank line after each cell, tags dropped.
std::string table_lines(const std::string& html) {
  std::string out;
  for (size_t i = 0; i < html.size();) {
    if (html[i] != '<') {
      if (html.compare(i, 6, "&nbsp;") == 0) out += ' ', i += 6;
      else if (html.compare(i, 5, "&amp;") == 0) out += '&', i += 5;
      else if (html.compare(i, 4, "&lt;") == 0) out += '<', i += 4;
      else if (html.compare(i, 4, "&gt;") == 0) out += '>', i += 4;
      else if (html.compare(i, 6, "&quot;") == 0) out += '"', i += 6;
      else out += html[i] == '\n' ? ' ' : html[i], ++i;
      continue;
    }
    const size_t close = html.find('>', i);
    if (close == std::string::npos) break;
    const std::string tag = to_lower(html.substr(i + 1, close - i - 1));
    if (tag == "/p" || tag.rfind("br", 0) == 0 || tag == "/li" || tag == "/div") out += '\n';
    else if (tag == "/td" || tag == "/th" || tag == "/tr") out += "\n\n";
    i = close + 1;
  }
  return out;
}

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> lines;
  std::string cur;
  for (char c : text) {
    if (c == '\r') continue;
    if (c == '\n') {
      lines.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) lines.push_back(cur);
  return lines;
}

// The lines of `text`, tables pandoc left as HTML opened into lines.
std::vector<std::string> split(std::string_view text) {
  std::vector<std::string> out;
  std::string table;
  for (const std::string& line : split_lines(text)) {
    if (table.empty() && line.find("<table") == std::string::npos) {
      out.push_back(line);
      continue;
    }
    table += line + "\n";
    if (line.find("</table>") == std::string::npos) continue;
    // Only the layout's own tables (header, recipients and signature) are
    // opened; a table of the body stays as pandoc wrote it.
    const std::string opened = table_lines(table);
    const std::string f = fold(opened);
    const bool layout = f.find("dang cong san viet nam") != std::string::npos || f.find("noi nhan") != std::string::npos ||
                        f.find("t/m ") != std::string::npos || f.find("k/t ") != std::string::npos;
    for (const std::string& cell : layout ? split_lines(opened) : split_lines(table)) out.push_back(cell);
    table.clear();
  }
  if (!table.empty()) out.push_back(table);
  return out;
}

// The header above the kind: the issuing body's lines, "Số …", the date line.
void read_header(const std::vector<std::string>& lines, size_t kind_at, const SiteConfig& config,
                 RecognizedDocument& doc) {
  std::string caps;
  for (size_t i = 0; i < kind_at; ++i) {
    const std::string p = plain(lines[i]);
    if (p.empty() || p == "*" || party_motto(p)) continue;
    if (fold(p).rfind("so", 0) == 0 && DocNumber::parse(p)) {
      doc.number = trim(p.substr(p.find_first_of("0123456789")));  // "Số: 05 -KH/ĐUK" → "05 -KH/ĐUK"
    } else if (date_line(p, &doc.place, &doc.date)) {
    } else if (i + 1 < kind_at && fold(p).find("ngay ") != std::string::npos &&
               date_line(p + " " + plain(lines[i + 1]), &doc.place, &doc.date)) {
      ++i;  // the date line wrapped in a narrow cell: "… năm" / "2020"
    } else if (capitals(p)) {
      caps += (caps.empty() ? "" : " ") + p;
    }
  }
  doc.issuer_written = caps;
  // The issuer every word of whose name (and of its parent line) the header
  // has — the header splits "Đảng bộ tỉnh Bến Tre / Đảng ủy Khối …" over
  // lines and cells — the one with most words; else the one abbreviation of the number.
  const std::vector<std::string> header = words_of(caps);
  size_t best = 0;
  for (const Issuer& is : config.issuers) {
    const std::vector<std::string> name = words_of(is.name + " " + is.parent);
    const bool all = !name.empty() && std::all_of(name.begin(), name.end(), [&](const std::string& w) {
      return std::find(header.begin(), header.end(), w) != header.end();
    });
    if (all && name.size() > best) {
      doc.issuer = is.key;
      best = name.size();
    }
  }
  if (doc.issuer.empty()) {
    auto n = DocNumber::parse(doc.number);
    std::vector<std::string> keys;
    for (const Issuer& is : config.issuers) {
      if (n && fold(is.abbr) == fold(n->issuer)) keys.push_back(is.key);
    }
    if (keys.size() == 1) doc.issuer = keys[0];
    else if (keys.size() > 1) doc.notes.push_back("số ký hiệu khớp với nhiều cơ quan trong site.toml; hãy chọn cơ quan ban hành");
    else if (!caps.empty()) doc.notes.push_back("cơ quan “" + caps + "” không có trong [issuers] của site.toml");
  }
}

// From the end: the signature block (authority, role, name) and "Nơi nhận".
// Returns where the body ends.
size_t read_footer(const std::vector<std::string>& lines, size_t body_from, RecognizedDocument& doc) {
  size_t end = lines.size();
  size_t recipients_at = end;
  for (size_t i = end; i-- > body_from;) {
    if (recipients_heading(plain(lines[i]))) {
      recipients_at = i;
      break;
    }
  }
  // The signature: after the recipients, or the last lines when there are none.
  size_t sig_from = end;
  for (size_t i = (recipients_at < end ? recipients_at : body_from); i < end; ++i) {
    const std::string p = plain(lines[i]);
    if (authority_line(p)) {
      sig_from = i;
      break;
    }
  }
  if (sig_from < end) {
    std::vector<std::string> sig;
    for (size_t i = sig_from; i < end; ++i) {
      const std::string p = plain(lines[i]);
      if (!p.empty()) sig.push_back(p);
    }
    doc.authority = sig[0];
    if (sig.size() >= 3 && capitals(sig[1])) doc.signer_role = role_words(sig[1]);
    if (sig.size() >= 2 && !capitals(sig.back())) doc.signer = sig.back();
  } else if (recipients_at < end) {
    // No authority line: a name alone after the recipients is the signer.
    for (size_t i = end; i-- > recipients_at;) {
      const std::string p = plain(lines[i]);
      if (p.empty()) continue;
      if (!capitals(p) && p[0] != '-' && i > recipients_at + 1 && blank(lines[i - 1])) doc.signer = p, sig_from = i;
      break;
    }
  }
  if (recipients_at < end) {
    for (size_t i = recipients_at + 1; i < std::min(sig_from, end); ++i) {
      std::string p = plain(lines[i]);
      if (p.empty()) {
        if (!doc.recipients.empty() && i + 1 < end && blank(lines[i + 1])) break;
        continue;
      }
      const bool item = p[0] == '-' || p.rfind("–", 0) == 0;
      if (item) p = trim(p.substr(p[0] == '-' ? 1 : 3));
      if (item || doc.recipients.empty()) doc.recipients.push_back(p);
      else doc.recipients.back() += " " + p;  // an item carried over to the next line
    }
    for (std::string& r : doc.recipients) {
      while (!r.empty() && (r.back() == ',' || r.back() == '.' || r.back() == ';')) r.pop_back();
    }
  }
  return std::min(recipients_at, sig_from);
}

}  // namespace

RecognizedDocument recognize_layout(std::string_view text, const SiteConfig& config) {
  RecognizedDocument doc;
  const std::vector<std::string> lines = split(text);
  // The kind in capitals, near the top: "KẾ HOẠCH".
  size_t kind_at = lines.size();
  for (size_t i = 0; i < lines.size() && i < 60 && kind_at == lines.size(); ++i) {
    const std::string p = plain(lines[i]);
    for (const auto& [abbr, name] : config.kinds) {
      if (capitals(p) && fold(p) == fold(name)) {
        doc.kind = abbr;
        kind_at = i;
        break;
      }
    }
  }
  size_t body_from = 0;
  if (kind_at < lines.size()) {
    read_header(lines, kind_at, config, doc);
    // The trích yếu: the lines after the kind, up to a blank line.
    size_t i = kind_at + 1;
    while (i < lines.size() && blank(lines[i])) ++i;
    std::string title;
    for (; i < lines.size() && !blank(lines[i]) && !(!title.empty() && body_opening(plain(lines[i]))); ++i) {
      title += (title.empty() ? "" : " ") + plain(lines[i]);
    }
    // A trích yếu typed as one paragraph per line (Word's Enter): the next
    // paragraph going on in lower case is more of it; the body never begins so.
    for (size_t next = i; !title.empty() && next < lines.size(); i = next) {
      while (next < lines.size() && blank(lines[next])) ++next;
      if (next >= lines.size() || !starts_lower(plain(lines[next])) || title.back() == ':' || title.back() == '.') break;
      for (; next < lines.size() && !blank(lines[next]); ++next) title += " " + plain(lines[next]);
    }
    doc.title = capitalised(title);
    body_from = i;
  }
  const size_t body_to = read_footer(lines, body_from, doc);
  doc.body = body_markdown(lines, body_from, body_to);
  auto need = [&](bool found, const char* what) {
    if (!found) doc.missing.push_back(what);
  };
  need(!doc.number.empty(), "số, ký hiệu");
  need(!doc.kind.empty(), "loại văn bản (tên loại viết hoa, như KẾ HOẠCH)");
  need(!doc.issuer.empty(), "cơ quan ban hành");
  need(doc.date.has_value(), "ngày ban hành");
  need(!doc.place.empty(), "địa danh");
  need(!doc.title.empty(), "trích yếu");
  need(!doc.signer.empty(), "người ký");
  need(!doc.recipients.empty(), "nơi nhận");
  return doc;
}

}  // namespace congbo
