// page_words.h: the words readers see on the pages that come from the C++ side:
// titles of lists and browse pages, captions of tables, the rules of a
// campaign in plain words, dates written out.
#pragma once

#include <initializer_list>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "diagnostic.h"

namespace congbo::words {

/// "group.key" → text, as strings.toml writes it ([group] key = "text").
using Table = std::map<std::string, std::string>;

/// themes/default/strings.toml, compiled into the binary (cmake/embed_theme.cmake).
std::string_view builtin_toml();
/// The built-in words.
Table builtin_table();
/// The `{slot}` names a text has: "Năm {year}" → {"year"}.
std::set<std::string> slots(const std::string& text);
/// Applies a strings.toml (a theme's or the site's) over `table`. A key
/// the built-in file lacks, or a slot its text lacks, is a warning at its
/// place; a value that is not text is an error.
void read_overrides(std::string_view toml, const std::string& path, Table& table, Diagnostics& diags);
/// Makes `table` the words every page is written with, from now on (on
/// every thread). Until it is called, the built-in words.
void use(Table table);
/// The word at `key` with its slots filled ("date.year", {{"year", "2021"}}
/// → "Năm 2021"); the key itself when there is none.
std::string text(const std::string& key, std::initializer_list<std::pair<const char*, std::string>> values = {});

/// "a, b và c" (`last_sep` before the last item).
std::string join(const std::vector<std::string>& items, const std::string& last_sep);
/// “name” in quotation marks, unless it already carries them ("Đạt “bốn tốt”").
std::string quoted(const std::string& s);
std::string date_long(int year, int month, int day);  ///< "ngày 21 tháng 10 năm 2020"
std::string unknown_date();
std::string page_title_numbered(const std::string& title, int page);
std::string default_section_title(const std::string& section);
std::string relation_title(int relation, bool incoming);
std::string facet_title(const std::string& facet);     ///< "loai" → "Văn bản theo loại"
std::string facet_short(const std::string& facet);     ///< "loai" → "Loại văn bản"
std::string unknown_year();
std::string cited_title();
std::string old_version_unreadable();
std::string field_label(const std::string& key);
std::string empty_value();
std::string deleted_notice(const std::string& date, const std::string& short_id, const std::string& subject);
std::string search_title();
std::string other_pages();
std::string unit_type(int type);  ///< 0 "Đảng bộ cơ sở", 1 "Chi bộ cơ sở", 2 "Chi bộ trực thuộc"
std::string no_grade();
std::string no_result();
std::string rule_otherwise();
std::string rule_unit_types(const std::vector<std::string>& types);
std::string rule_criteria(int at_least, int total, const std::vector<std::string>& including);
std::string rule_score(double at_least);
std::string rule_children(const std::string& share, const std::string& grade);
std::string rule_join(const std::vector<std::string>& parts);
/// The pieces of a grade's explanation ([explain] in strings.toml).
std::string explain_met(int met, int total);
std::string explain_score(const std::optional<double>& score);
std::string explain_children(int count, int total, const std::string& grade);
std::string explain_need_criteria(int count, const std::string& grade);
std::string explain_missing(const std::vector<std::string>& names);
std::string explain_need_score(double score, const std::string& grade);
std::string explain_need_children(int count, int total, const std::string& grade, const std::string& share);
/// A criterion whose threshold the counts miss.
std::string explain_threshold(const std::string& criterion, int64_t count, int64_t total, const std::string& counted,
                              const std::string& share);
/// A criterion's threshold: "đối với chi bộ, đảng viên … chiếm từ 100% đảng viên được xếp loại".
std::string rule_threshold(const std::string& counted, const std::string& share, const std::string& of,
                           const std::vector<std::string>& types);
/// "<facts> nhưng <why not better> → <grade>"; `why_not` may be empty.
std::string explain_join(const std::vector<std::string>& facts, const std::string& why_not, const std::string& grade);
/// A target's share with its comparison: "từ 15%", "trên 90%".
std::string rule_share(int compare, const std::string& share);
/// A band: "từ 15% đến 20%" (`upper_compare` 3, below: "đến dưới 20%").
std::string rule_band(const std::string& lower, int upper_compare, const std::string& upper);
/// "từ 15% chi bộ cơ sở được chọn làm điểm"
std::string rule_pilot(const std::string& share, const std::vector<std::string>& types);
std::string rule_target(const std::string& share, const std::string& grade, bool or_better,
                        const std::vector<std::string>& types);
/// count/total as a percentage with one decimal and a comma: "85,7%"; "–" when total is 0.
std::string percent(int count, int total);
std::string number(double n);  ///< 92 → "92", 87.5 → "87,5"
std::string results_caption(const std::string& campaign, int year);
std::string grades_caption(int year);
std::string targets_caption(int year);
std::string years_caption(const std::string& campaign);
std::string recipients_caption(const std::string& decision);
std::string registered_total();
std::string committee_decided(const std::string& reason);
/// The note beside a grade a rule kept below what the unit's own criteria give.
std::string grade_lowered(const std::string& explanation);
std::string threshold_label(const std::string& share);
std::string chart_year(int year, const std::string& percent, int count, int total, bool met);
std::string chart_description(const std::string& target, const std::vector<std::string>& years);
std::string comrade(const std::string& name);
std::string collective();
std::string year_title(int year);
std::string campaign_year_title(const std::string& campaign, int year);
std::string sample_notice();
std::string models_facet(const std::string& key);
std::string decision_summary(size_t recipients);
std::string commendation_rule(const std::string& quota, const std::string& grade, int years);
std::string decisions_in_year(int year);
std::string units_caption();
std::string not_registered();
std::string criteria_met(int met, int total);
std::string timeline_result();
std::string timeline_model();
std::string record_campaign();
std::string unit_counts(int results, int awards, int models);

}  // namespace congbo::words
