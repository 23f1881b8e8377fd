// rules.h: a campaign's rules as data, not C++. The small vocabulary a campaign
// file uses (see docs/huong-dan-soan-noi-dung.md, "Quy tắc"):
//   [[criteria]]  the criteria units are judged on (the "four goods"), each
//                 with optional [[criteria.threshold]]: "100% đảng viên hoàn thành
//                 tốt nhiệm vụ trở lên" — a share of one [[count]] in another,
//                 computed from the counts each result row gives
//   [[count]]     what a row counts (counts = { dang-vien = 12, … })
//   [[grade]]     grades, best first; a unit gets the first whose conditions all hold:
//                 criteria_at_least, criteria_include, score_at_least, unit_types,
//                 children_grade + children_share ("3/4" of its cells), or otherwise = true
//   [[target]]    "trên 90% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên":
//                 grade (or_better = false for that grade only), unit_types, and
//                 one of above / at_least / below / at_most, or a band "15 - 20%":
//                 a lower one (at_least / above) with an upper one (at_most / below)
//   [commendation] quota of registered units, grade needed, years_running
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "diagnostic.h"
#include "field_reader.h"
#include "unit.h"
#include "value.h"

namespace congbo {

/// An exact share: "3/4", "90%", "0,3%". Compared in integers, never rounded.
struct Share {
  int64_t num = 0, den = 1;
  std::string text;  ///< as written, for messages and pages

  static std::optional<Share> parse(const std::string& text);
  /// count/total compared with this share: -1 below, 0 equal, 1 above.
  int compare(int64_t count, int64_t total) const;
  /// The largest count out of `total` that stays within this share.
  int64_t limit(int64_t total) const;
};

/// Something a result row counts: "đảng viên được xếp loại".
struct Count {
  std::string id, name;
  int line = 0, col = 0;
};

/// A share bound: "at least 90%", "more than 3/4", "at most 20%".
struct Bound {
  enum class Compare { AtLeast, Above, AtMost, Below };
  Compare compare = Compare::AtLeast;
  Share share;
  /// Whether `count` of `total` keeps within this bound (nothing counted
  /// meets no lower bound and every upper one).
  bool holds(int64_t count, int64_t total) const;
};

/// A threshold inside a criterion: the criterion is met only when `count`
/// makes the bound (or band) of `of`, for the unit types named.
struct Threshold {
  std::string count, of;             ///< Count ids
  Bound bound;
  std::optional<Bound> upper;
  std::vector<UnitType> unit_types;  ///< empty: every unit
  int line = 0, col = 0;
  bool applies_to(UnitType t) const;
};

struct Criterion {
  std::string id, name;
  std::vector<Threshold> thresholds;
};

/// A grade's conditions; every one that is set must hold.
struct Condition {
  int criteria_at_least = -1;
  std::vector<std::string> criteria_include;
  std::optional<double> score_at_least;
  std::vector<UnitType> unit_types;  ///< empty: any unit
  std::string children_grade;        ///< with children_share: that share of its cells
  std::optional<Share> children_share;
};

struct Grade {
  std::string id, name;
  Condition when;
  bool otherwise = false;  ///< given when no grade above applies
  int line = 0, col = 0;
};

struct Target {
  using Bound = congbo::Bound;
  using Compare = Bound::Compare;
  std::string name;
  std::string grade;
  bool pilot = false;           ///< counts the units chosen to pilot ("làm điểm") instead of a grade
  bool or_better = true;        ///< counts units with `grade` or better ("trở lên")
  Bound bound;                       ///< the lower one of a band, or the only one
  std::optional<Bound> upper;        ///< a band's upper bound: "15 - 20%" is at_least 15%, at_most 20%
  std::vector<UnitType> unit_types;  ///< empty: every registered unit
  int line = 0, col = 0;
};

struct CommendationRule {
  std::optional<Share> quota;  ///< of the units registered that year
  std::string grade;           ///< the standard: this grade or better…
  int years_running = 1;       ///< …in this many years up to the award's year
};

/// What is known of one unit in one year, for grading.
struct Facts {
  UnitType type = UnitType::Cell;
  std::vector<std::string> met;             ///< criteria ids, those whose thresholds hold
  std::vector<std::string> short_of;        ///< listed as met, but a threshold fails: why, in words
  std::optional<double> score;
  std::vector<std::string> children_grades; ///< grades of its cells that year
};

/// Counts a row gives, by Count id.
using Counts = std::vector<std::pair<std::string, int64_t>>;
std::optional<int64_t> count_in(const Counts& counts, const std::string& id);

/// Whether a rule naming `types` (empty: every kind) is for a unit of type `t`.
bool covers(const std::vector<UnitType>& types, UnitType t);

struct Rules {
  std::vector<Count> counts;
  std::vector<Criterion> criteria;
  std::vector<Grade> grades;  ///< best first
  std::vector<Target> targets;
  CommendationRule commendation;

  /// Reads [[criteria]], [[grade]], [[target]] and [commendation] through
  /// the campaign file's reader, reporting each mistake at its line.
  static Rules read(FieldReader& file, const std::string& path, Diagnostics& diags);

  const Grade* grade(const std::string& id) const;
  const Criterion* criterion(const std::string& id) const;
  const Count* count(const std::string& id) const;
  /// A criterion's thresholds for this kind of unit against the row's
  /// counts: "" when all hold, else the first that fails in words ("11/12
  /// đảng viên hoàn thành tốt nhiệm vụ trở lên, cần từ 100%"). Counts the
  /// thresholds need but the row lacks go to `missing`.
  std::string falls_short(const Criterion& c, UnitType type, const Counts& counts,
                          std::vector<std::string>* missing) const;
  std::string describe(const Threshold& t) const;
  /// Position in the order (0 = best), or -1.
  int rank(const std::string& grade_id) const;
  /// `grade_id` is `bar` or better.
  bool at_least(const std::string& grade_id, const std::string& bar) const;
  /// True when any grade is decided by a score (a score is then required).
  bool uses_score() const;
  /// The grade the rules give, or "" when none applies.
  std::string evaluate(const Facts& facts) const;
  /// Why these facts give `given` (what evaluate() returned), in words:
  /// what the unit did and, when a better grade applies to it, the first of
  /// that grade's conditions it misses — "đạt 4/4 tiêu chí nhưng chỉ 2/4 chi
  /// bộ trực thuộc đạt “bốn tốt” (cần 3/4) → Hoàn thành tốt nhiệm vụ".
  std::string explain(const Facts& facts, const std::string& given) const;
  /// The grade's conditions in plain words: "đạt ít nhất 3 tiêu chí, trong đó có …".
  std::string describe(const Grade& g) const;
  std::string describe(const Target& t) const;
};

}  // namespace congbo
