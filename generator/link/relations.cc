// relations.cc: resolution and the two-way relationship graph.
#include "relations.h"

#include <algorithm>
#include <functional>
#include <map>

#include "messages.h"
#include "text.h"

namespace congbo {

DocumentIndex::DocumentIndex(const std::vector<Page>& pages) : pages_(pages) {
  for (int i = 0; i < static_cast<int>(pages.size()); ++i) {
    if (!pages[i].is_document || pages[i].doc.number.empty()) continue;
    if (auto n = DocNumber::parse(pages[i].doc.number)) by_key_.emplace_back(n->key(), i);
  }
  std::sort(by_key_.begin(), by_key_.end());
}

namespace {

bool shares_abbreviation(const Page& referrer, const DocNumber& cited) {
  const auto own = DocNumber::parse(referrer.doc.number);
  return own && fold(own->issuer) == fold(cited.issuer);
}

}  // namespace

DocumentIndex::Result DocumentIndex::resolve(const DocNumber& number, const std::optional<Date>& date,
                                             int from) const {
  Result r;
  const std::string key = number.key();
  std::vector<int> candidates;
  for (auto it = std::lower_bound(by_key_.begin(), by_key_.end(), std::make_pair(key, -1));
       it != by_key_.end() && it->first == key; ++it) {
    if (it->second == from) continue;
    if (date && pages_[it->second].date != date) continue;
    candidates.push_back(it->second);
  }
  if (candidates.empty()) return r;

  const Page* referrer = from >= 0 ? &pages_[from] : nullptr;
  std::vector<int> own;
  for (int c : candidates) {
    if (referrer && pages_[c].doc.issuer == referrer->doc.issuer) own.push_back(c);
  }
  // Another committee's document only when it is the one and only match,
  // and not when the referrer's own number has the same abbreviation: an
  // undated "05-KH/ĐUK" in a Đảng ủy Khối's document is that committee's own,
  // not another Đảng ủy Khối's that happens to be on the site.
  if (own.empty() && !date && referrer && shares_abbreviation(*referrer, number)) return r;
  const std::vector<int>& pool = own.empty() ? candidates : own;
  if (pool.size() == 1) {
    r.status = Status::Found;
    r.page = pool[0];
    return r;
  }
  if (!own.empty() && !date && referrer && referrer->date) {
    int best = -1;
    bool tie = false;
    for (int c : pool) {
      const auto& d = pages_[c].date;
      if (!d || *d > *referrer->date) continue;
      if (best < 0 || *d > *pages_[best].date) {
        best = c;
        tie = false;
      } else if (*d == *pages_[best].date) {
        tie = true;
      }
    }
    if (best >= 0 && !tie) {
      r.status = Status::Found;
      r.page = best;
      return r;
    }
  }
  r.status = Status::Ambiguous;
  r.candidates = pool;
  return r;
}

namespace {

// In Party numbering QĐ stands for both Quy định and Quyết định: the name
// written before the number says which ("Quy định số 4842-QĐ/TU"). Other
// abbreviations have one name, the site's.
std::string shared_kind_name(const std::string& abbr, const std::string& written) {
  if (fold(abbr) != "qd") return "";
  const std::string said = fold(written);
  for (const char* name : {"Quy định", "Quyết định"}) {
    const std::string n = fold(name);
    if (said.size() >= n.size() && said.compare(said.size() - n.size(), std::string::npos, n) == 0) return name;
  }
  return "";
}

struct Collector {
  // (key, date) → index into external; undated citations merge into a dated
  // group afterwards when exactly one exists for the same number.
  std::map<std::pair<std::string, std::string>, int> index;
  std::vector<ExternalDocument> docs;

  int add(const DocNumber& number, const std::string& written, const std::optional<Date>& date, int page,
          const std::string& kind_written) {
    auto k = std::make_pair(number.key(), date ? date->iso() : "");
    auto [it, inserted] = index.emplace(k, static_cast<int>(docs.size()));
    if (inserted) {
      ExternalDocument e;
      e.number = written;
      e.key = number.key();
      e.date = date;
      e.kind = number.kind;
      e.kind_written = shared_kind_name(number.kind, kind_written);
      e.anchor = slugify(e.key + (date ? "-" + date->iso() : ""));
      docs.push_back(std::move(e));
    }
    auto& cited = docs[it->second].cited_by;
    if (std::find(cited.begin(), cited.end(), page) == cited.end()) cited.push_back(page);
    return it->second;
  }

  int add_named(const NamedCitation& n, int page) {
    auto [it, inserted] = index.emplace(std::make_pair("ten:" + n.key, std::string()), static_cast<int>(docs.size()));
    if (inserted) {
      ExternalDocument e;
      e.key = "ten:" + n.key;
      e.number = n.number;
      e.name = n.name;
      e.url = n.url;
      e.scope = n.scope;
      e.anchor = slugify("ten-" + n.key);
      docs.push_back(std::move(e));
    }
    auto& cited = docs[it->second].cited_by;
    if (std::find(cited.begin(), cited.end(), page) == cited.end()) cited.push_back(page);
    return it->second;
  }
};

std::string paths_of(const std::vector<Page>& pages, const std::vector<int>& idx) {
  std::string s;
  for (int i : idx) s += (s.empty() ? "" : ", ") + pages[i].source;
  return s;
}

}  // namespace

namespace {

// Links each relation and citation to the page it names, or to a document
// not on the site; each cited once per page.
struct Linker {
  Linker(const std::vector<Page>& pages, Relations& rel) : index(pages), rel(rel) {}

  DocumentIndex::Result link(int from, Relation kind, const DocNumber& number, const std::string& written,
                             const std::optional<Date>& date, const std::string& kind_written = "") {
    auto r = index.resolve(number, date, from);
    Related rd;
    rd.written = written;
    rd.date = date;
    auto& out = rel.by_page[from].out[kind];
    if (r.status == DocumentIndex::Status::Found) {
      rd.page = r.page;
      for (const auto& o : out) {
        if (o.page == r.page) return r;  // cited twice: listed once
      }
      rel.by_page[r.page].in[kind].push_back(from);
    } else {
      rd.external = external.add(number, written, date, from, kind_written);
      for (const auto& o : out) {
        if (o.external == rd.external) return r;
      }
    }
    out.push_back(std::move(rd));
    return r;
  }

  // A document cited by name: the page of its declared number when the site
  // has it, else the named document in the list of those cited.
  void link_named(int from, const NamedCitation& n) {
    if (auto number = DocNumber::parse(n.number)) {
      if (index.resolve(*number, std::nullopt, from).status == DocumentIndex::Status::Found) {
        link(from, kCites, *number, n.number, std::nullopt);
        return;
      }
    }
    Related rd;
    rd.written = n.name;
    rd.external = external.add_named(n, from);
    auto& out = rel.by_page[from].out[kCites];
    for (const auto& o : out) {
      if (o.external == rd.external) return;
    }
    out.push_back(std::move(rd));
  }

  DocumentIndex index;
  Relations& rel;
  Collector external;
};

// A document dated in the future, or one whose number, issuer and date
// another document already has.
void check_document(const std::vector<Page>& pages, int i, const Date& today, std::map<std::string, int>& identities,
                    Diagnostics& diags) {
  const Page& p = pages[i];
  if (p.date && *p.date > today) {
    diags.warning(p.source, p.doc.date_line, p.doc.date_col, msg::future_date(p.date->display()));
  }
  if (auto n = DocNumber::parse(p.doc.number)) {
    std::string id = p.doc.issuer + "|" + n->key() + "|" + (p.date ? p.date->iso() : "");
    auto [it, inserted] = identities.emplace(id, i);
    if (!inserted) diags.warning(p.source, 1, 1, msg::duplicate_identity(p.doc.number, pages[it->second].source));
  }
}

// based_on, replaces and amends as written in the front matter; then the
// numbers the text cites.
void link_page(Linker& l, const std::vector<Page>& pages, const std::vector<NamedDocument>& named, int i,
               Diagnostics& diags) {
  const Page& p = pages[i];
  const std::pair<Relation, const std::vector<RelationEntry>*> declared[] = {
      {kBasedOn, &p.doc.based_on}, {kReplaces, &p.doc.replaces}, {kAmends, &p.doc.amends}};
  for (const auto& [kind, entries] : declared) {
    for (const auto& e : *entries) {
      auto ref = parse_reference(e.text);  // validated when the page was loaded
      std::string shown = e.text.substr(0, e.text.find('@'));
      auto r = l.link(i, kind, ref->number, trim(shown), ref->date);
      if (r.status == DocumentIndex::Status::NotFound) {
        diags.warning(p.source, e.line, e.col, msg::reference_not_found(e.text));
      } else if (r.status == DocumentIndex::Status::Ambiguous) {
        // Suggest the spelling that picks the first candidate.
        const auto& d = pages[r.candidates.front()].date;
        std::string example = shown + "@" + (d ? d->iso() : std::string("2021-01-14"));
        diags.warning(p.source, e.line, e.col, msg::reference_ambiguous(e.text, paths_of(pages, r.candidates), example));
      }
    }
  }
  for (const auto& c : find_citations(p.markdown)) l.link(i, kCites, c.number, c.written, c.date, c.kind_written);
  for (const auto& n : find_named_citations(p.markdown, named, p.doc.issuer)) l.link_named(i, n);
}

// Undated mentions of a number cited elsewhere with exactly one date are
// that document: merged into it, in the list and in every page's links.
void merge_external(const Collector& external, Relations& rel) {
  std::map<std::string, std::vector<int>> dated_by_key;
  for (int e = 0; e < static_cast<int>(external.docs.size()); ++e) {
    if (external.docs[e].date) dated_by_key[external.docs[e].key].push_back(e);
  }
  std::vector<int> remap(external.docs.size());
  for (int e = 0; e < static_cast<int>(external.docs.size()); ++e) {
    remap[e] = e;
    const auto& d = external.docs[e];
    auto it = dated_by_key.find(d.key);
    if (!d.date && it != dated_by_key.end() && it->second.size() == 1) remap[e] = it->second[0];
  }
  std::vector<int> final_index(external.docs.size(), -1);
  for (int e = 0; e < static_cast<int>(external.docs.size()); ++e) {
    if (remap[e] != e) continue;
    final_index[e] = static_cast<int>(rel.external.size());
    rel.external.push_back(external.docs[e]);
  }
  for (int e = 0; e < static_cast<int>(external.docs.size()); ++e) {
    if (remap[e] == e) continue;
    auto& into = rel.external[final_index[remap[e]]].cited_by;
    for (int page : external.docs[e].cited_by) {
      if (std::find(into.begin(), into.end(), page) == into.end()) into.push_back(page);
    }
  }
  for (auto& links : rel.by_page) {
    for (auto& list : links.out) {
      for (auto& r : list) {
        if (r.external >= 0) r.external = final_index[remap[r.external]];
      }
      // merging may have made two entries the same document
      std::vector<Related> unique;
      for (auto& r : list) {
        bool dup = std::any_of(unique.begin(), unique.end(), [&](const Related& u) {
          return (r.page >= 0 && u.page == r.page) || (r.external >= 0 && u.external == r.external);
        });
        if (!dup) unique.push_back(r);
      }
      list = std::move(unique);
    }
  }
  for (auto& e : rel.external) std::sort(e.cited_by.begin(), e.cited_by.end());
}

// Replacement cycles: depth-first search over "replaces", reporting each cycle once.
void report_replacement_cycles(const std::vector<Page>& pages, const Relations& rel, Diagnostics& diags) {
  std::vector<int> state(pages.size(), 0);  // 0 new, 1 on the current path, 2 done
  std::vector<int> path;
  std::function<void(int)> visit = [&](int v) {
    state[v] = 1;
    path.push_back(v);
    for (const auto& r : rel.by_page[v].out[kReplaces]) {
      if (r.page < 0) continue;
      if (state[r.page] == 1) {
        auto from = std::find(path.begin(), path.end(), r.page);
        std::string chain;
        for (auto it = from; it != path.end(); ++it) chain += pages[*it].doc.number + " → ";
        chain += pages[r.page].doc.number;
        const Page& first = pages[r.page];
        int line = first.doc.replaces.empty() ? 1 : first.doc.replaces.front().line;
        int col = first.doc.replaces.empty() ? 1 : first.doc.replaces.front().col;
        diags.warning(first.source, line, col, msg::replacement_cycle(chain));
      } else if (state[r.page] == 0) {
        visit(r.page);
      }
    }
    path.pop_back();
    state[v] = 2;
  };
  for (int v = 0; v < static_cast<int>(pages.size()); ++v) {
    if (state[v] == 0) visit(v);
  }
}

}  // namespace

Relations link_documents(const std::vector<Page>& pages, const Date& today, Diagnostics& diags,
                         const std::vector<NamedDocument>& named) {
  Relations rel;
  rel.by_page.resize(pages.size());
  rel.today = today;
  Linker linker(pages, rel);
  std::map<std::string, int> identities;
  for (int i = 0; i < static_cast<int>(pages.size()); ++i) {
    if (!pages[i].is_document) continue;
    check_document(pages, i, today, identities, diags);
    link_page(linker, pages, named, i, diags);
  }
  merge_external(linker.external, rel);
  report_replacement_cycles(pages, rel, diags);
  return rel;
}

}  // namespace congbo
