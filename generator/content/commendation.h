// commendation.h: a commendation decision (content/khen-thuong/<id>.toml) and
// its recipients, checked against the campaign it rests on: the quota of
// registered units and the standard each awarded unit must have met.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "campaign.h"
#include "date.h"
#include "diagnostic.h"
#include "page.h"
#include "unit.h"

namespace congbo {

struct Recipient {
  std::string unit;         ///< the unit awarded, or the individual's unit
  std::string name, role;   ///< set for an individual; empty for a collective
  std::string achievement;
  int line = 0, col = 0;    ///< of `unit`
  bool individual() const { return !name.empty(); }
};

struct Decision {
  std::string id, source, url;  ///< "qd-125-2024", "content/khen-thuong/….toml", "/khen-thuong/qd-125-2024/"
  std::string number;           ///< "125-QĐ/ĐUK"
  std::optional<Date> date;
  std::string issuer;           ///< key of site.toml's [issuers]
  std::string form;             ///< "Giấy khen", "Bằng khen", "Cờ thi đua"…
  std::string title;            ///< what it is for
  std::string campaign;         ///< id of the campaign it rests on, if any
  int year = 0;                 ///< the campaign year it rewards (default: the decision's year)
  RelationEntry plan;           ///< the plan it rests on, if any
  bool sample = false;
  std::vector<Recipient> recipients;
  int campaign_line = 0, campaign_col = 0;

  static std::optional<Decision> load(const std::string& text, const std::string& path,
                                      const SiteConfig& config, Diagnostics& diags);
  /// Link step: units exist; within the campaign's quota; every unit awarded met the standard.
  void check(const Units& units, const std::vector<Campaign>& campaigns, Diagnostics& diags) const;
  int collective_count() const;
};

}  // namespace congbo
