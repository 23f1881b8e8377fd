// campaign.h: an emulation campaign (content/thi-dua/<id>.toml): its rules
// (rules.h) and its results, year by year. Grades and every count and
// percentage are computed here from the criteria each unit met, never typed.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "date.h"
#include "deadline.h"
#include "diagnostic.h"
#include "page.h"
#include "rules.h"
#include "unit.h"

namespace congbo {

struct UnitResult {
  std::string unit;               ///< unit id
  bool registered = true;         ///< registered for the campaign that year
  std::vector<std::string> met;   ///< criteria ids, as written
  Counts counts;                  ///< counts = { dang-vien = 12, … }, in the file's order
  std::optional<double> score;
  std::string stated;             ///< grade written in the file, if any
  bool decided = false;           ///< the committee decided the grade itself…
  std::string reason;             ///< …for this reason
  std::string note;
  bool pilot = false;             ///< chosen to pilot the campaign ("làm điểm") that year
  std::optional<Date> registered_on;  ///< when it registered, for the registration deadline
  std::optional<Date> reported_on;    ///< when it reported, for the report deadline
  std::string computed;           ///< what the rules give (link step)
  std::string grade;              ///< final: `stated` when decided, else `computed`
  std::string explanation;        ///< why the rules give `computed`, in words (Rules::explain)
  /// Criteria `met` lists whose threshold the counts miss (link step): not met.
  std::vector<std::string> short_of;
  /// A rule beyond its own criteria (its cells' share, a count's threshold)
  /// kept it below the grade its criteria alone give; `explanation` says why.
  bool lowered = false;
  int line = 0, col = 0;
  int decided_line = 0, decided_col = 0;

  /// Listed as met and not short of a threshold.
  bool meets(const std::string& criterion) const;
  int met_count() const;
  std::optional<int64_t> count(const std::string& id) const;
};

struct YearResults {
  int year = 0;
  std::optional<Date> date;       ///< when the results were announced
  std::vector<UnitResult> units;  ///< in the file's order
  int line = 0, col = 0;
};

/// Computed for one year: counts per grade and how the targets came out.
struct YearSummary {
  struct TargetOutcome {
    const Target* target = nullptr;
    int count = 0, total = 0;
    bool met = false;
  };
  int year = 0;
  int listed = 0, registered = 0;
  std::vector<int> per_grade;  ///< parallel to Rules::grades
  int ungraded = 0;            ///< registered, but no grade applies
  std::vector<TargetOutcome> targets;
};

struct Campaign {
  std::string id;       ///< file name without .toml: "chi-bo-bon-tot"
  std::string source;   ///< "content/thi-dua/chi-bo-bon-tot.toml"
  std::string url;      ///< "/thi-dua/chi-bo-bon-tot/"
  std::string name, description, period;
  RelationEntry plan;   ///< the plan that launched it: a number or a content path
  bool sample = false;  ///< sample data, said so on every page
  Rules rules;
  std::vector<Deadline> deadlines;  ///< its calendar ([[deadline]])
  std::vector<YearResults> years;  ///< oldest first

  /// Reads a campaign file. Errors go to `diags`; returns nullopt on a syntax error.
  static std::optional<Campaign> load(const std::string& text, const std::string& path, Diagnostics& diags);
  /// Link step: checks every row against the units and the rules and fills in
  /// the grades (cells before the đảng bộ that needs their share).
  void grade(const Units& units, Diagnostics& diags);

  const YearResults* year(int y) const;
  const UnitResult* result(int year, const std::string& unit) const;
  YearSummary summary(const YearResults& y, const Units& units) const;
};

}  // namespace congbo
