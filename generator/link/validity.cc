// validity.cc: a document's force over time, from its dates and the documents that change it.
#include "validity.h"

#include <algorithm>

#include "page_words.h"

namespace congbo {
namespace {

std::optional<Date> start_of(const Page& p) { return p.doc.effective ? p.doc.effective : p.date; }

bool applies(const ForceChange& c, const Date& day) { return !c.from || *c.from <= day; }

}  // namespace

ForceTimeline force_timeline(const std::vector<Page>& pages, int index, const DocumentLinks& links) {
  const Page& page = pages[index];
  ForceTimeline t;
  t.start = start_of(page);
  t.by_hand = page.doc.status;
  auto add = [&](int by, Force force) {
    std::optional<Date> from = start_of(pages[by]);
    if (from && t.start && *from < *t.start) from = t.start;
    t.changes.push_back({from, force, {by}});
  };
  for (int i : links.in[kAmends]) add(i, Force::PartlyInForce);
  for (int i : links.in[kReplaces]) add(i, Force::NotInForce);
  if (page.doc.expires) t.changes.push_back({page.doc.expires, Force::NotInForce, {}});
  std::stable_sort(t.changes.begin(), t.changes.end(), [](const ForceChange& a, const ForceChange& b) {
    return a.from.value_or(Date{}) < b.from.value_or(Date{});
  });
  return t;
}

Force ForceTimeline::at(const Date& day) const {
  if (start && day < *start) return Force::NotYet;
  Force force = Force::InForce;
  for (const ForceChange& c : changes) {
    if (applies(c, day)) force = std::max(force, c.force);
  }
  return force;
}

std::vector<const ForceChange*> ForceTimeline::reasons(const Date& day) const {
  const Force force = at(day);
  std::vector<const ForceChange*> out;
  for (const ForceChange& c : changes) {
    if (applies(c, day) && c.force == force) out.push_back(&c);
  }
  return out;
}

std::vector<std::pair<std::optional<Date>, Force>> ForceTimeline::points() const {
  std::vector<std::pair<std::optional<Date>, Force>> out;
  if (!by_hand.empty()) return out;
  if (start) out.push_back({start, Force::InForce});
  Force so_far = Force::InForce;
  for (const ForceChange& c : changes) {
    so_far = std::max(so_far, c.force);
    out.push_back({c.from, so_far});
  }
  return out;
}

std::vector<std::string> statuses_today(const std::vector<Page>& pages, const Relations& rel) {
  std::vector<std::string> out(pages.size());
  for (int i = 0; i < static_cast<int>(pages.size()); ++i) {
    if (!pages[i].is_document || pages[i].is_index) continue;
    const ForceTimeline t = force_timeline(pages, i, rel.by_page[i]);
    out[i] = t.by_hand.empty() ? force_name(t.at(rel.today)) : t.by_hand;
  }
  return out;
}

std::string force_name(Force force) {
  switch (force) {
    case Force::NotYet: return words::text("status.not_yet");
    case Force::InForce: return words::text("status.in_force");
    case Force::PartlyInForce: return words::text("status.partly");
    case Force::NotInForce: return words::text("status.replaced");
  }
  return "";
}

std::string force_schema(Force force) {
  switch (force) {
    case Force::NotYet: return "";
    case Force::InForce: return "https://schema.org/InForce";
    case Force::PartlyInForce: return "https://schema.org/PartiallyInForce";
    case Force::NotInForce: return "https://schema.org/NotInForce";
  }
  return "";
}

}  // namespace congbo
