// validity.h: whether a document is in force, as the Vietnamese document
// portals show it, on any day.
//
// A document is "Chưa có hiệu lực" before it takes effect (`effective`, or
// else its date), then "Còn hiệu lực"; "Hết hiệu lực một phần" once a
// document amending it (amends) has taken effect; "Hết hiệu lực" once one
// replacing it (replaces) has, or from its own `expires`. A status written by
// hand (`status`) is shown instead, on every day.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "date.h"
#include "page.h"
#include "relations.h"

namespace congbo {

enum class Force { NotYet, InForce, PartlyInForce, NotInForce };

/// One change of a document's force: from `from` on (unset: from its start,
/// the changing document having no date), because of `by` (pages that
/// amended or replaced it; none: its own dates).
struct ForceChange {
  std::optional<Date> from;
  Force force = Force::InForce;
  std::vector<int> by;
};

struct ForceTimeline {
  std::optional<Date> start;         ///< effective, else the document's date
  std::vector<ForceChange> changes;  ///< by date, after the start
  std::string by_hand;               ///< the hand-written status, if any

  Force at(const Date& day) const;
  /// The changes in force on `day` that made its force what it is (the
  /// amendments of a partly expired document, the replacement of an expired one).
  std::vector<const ForceChange*> reasons(const Date& day) const;
  /// Where the force changes: the start (in force), then each change with the
  /// force from then on (unset date: from the start). Empty for a status
  /// written by hand, or a document with no date and nothing changing it.
  std::vector<std::pair<std::optional<Date>, Force>> points() const;
};

ForceTimeline force_timeline(const std::vector<Page>& pages, int index, const DocumentLinks& links);

/// Each page's status on `rel.today` as readers see it (the hand-written one
/// where there is one); "" for pages that are not documents.
std::vector<std::string> statuses_today(const std::vector<Page>& pages, const Relations& rel);

/// "Còn hiệu lực"… (strings.toml's [status]).
std::string force_name(Force force);
/// schema.org's legislationLegalForce: https://schema.org/InForce…; "" before it takes effect.
std::string force_schema(Force force);

}  // namespace congbo
