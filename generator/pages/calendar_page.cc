// calendar_page.cc: deadlines, by date and by campaign year.
#include "calendar_page.h"

#include "deadline.h"
#include "records.h"
#include "sections.h"
#include "views.h"

namespace congbo {
namespace {

constexpr const char* kCalendarUrl = "/thi-dua/lich/";

View unit_list(const RecordContext& cx, const std::vector<std::string>& ids) {
  View list = View::list();
  for (const std::string& id : ids) {
    const Unit* u = cx.records.units.find(id);
    list.push(View().set("name", u ? u->name : id).set("url", cx.unit_url(id)));
  }
  return list;
}

View due_view(const RecordContext& cx, const Campaign& c, const DeadlineDue& due) {
  const Deadline& d = *due.deadline;
  const bool counted = d.kind == Deadline::Kind::Registration || d.kind == Deadline::Kind::Report;
  View v;
  v.set("date", due.date.display())
      .set("iso", due.date.iso())
      .set("year", std::to_string(due.year))
      .set("what", d.name.empty() ? deadline_kind_name(d.kind) : d.name)
      .set("campaign", c.name)
      .set("campaign_url", href(cx.site.config, c.url))
      .set("verb", d.kind == Deadline::Kind::Registration ? "đăng ký" : "báo cáo")
      .set("counted", counted)
      .set("has_missing", !due.missing.empty())
      .set("missing_count", std::to_string(due.missing.size()))
      .set("missing", unit_list(cx, due.missing))
      .set("all_done", counted && due.missing.empty())
      .set("has_late", !due.late.empty())
      .set("late_count", std::to_string(due.late.size()))
      .set("late", unit_list(cx, due.late));
  if (c.year(due.year)) v.set("year_url", href(cx.site.config, campaign_year_url(c, due.year)));
  return v;
}

}  // namespace

std::string calendar_url(const RecordContext& cx) { return href(cx.site.config, kCalendarUrl); }

std::string calendar_script(const RecordContext& cx) {
  return href(cx.site.config, "/js/lich.js") + "?v=" + cx.site.chrome.substr(0, 12);
}

void render_calendar_page(const RecordContext& cx) {
  View items = View::list();
  bool any = false;
  std::vector<std::pair<Date, View>> all;
  for (const Campaign& c : cx.records.campaigns) {
    for (const DeadlineDue& due : deadlines_due(c, cx.records.units)) all.emplace_back(due.date, due_view(cx, c, due));
  }
  std::stable_sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [date, v] : all) items.push(std::move(v)), any = true;
  if (!any) return;
  View v = base_view(cx.site.config, cx.site.nav, kCampaignsSection, kCalendarUrl, "Lịch thi đua");
  v.set("title", "Lịch thi đua")
      .set("parent_title", words::default_section_title(kCampaignsSection))
      .set("parent_url", href(cx.site.config, "/thi-dua/"))
      .set("deadlines", std::move(items))
      .set("script", calendar_script(cx));
  cx.emit(kCalendarUrl, "calendar", std::move(v));
}

View year_deadlines(const RecordContext& cx, const Campaign& c, int year) {
  View items = View::list();
  for (const DeadlineDue& due : deadlines_due(c, cx.records.units)) {
    if (due.year == year) items.push(due_view(cx, c, due));
  }
  return items;
}

}  // namespace congbo
