// decision_form.h: a commendation decision (content/khen-thuong/<id>.toml)
// as the desk's form edits it: its fields and its recipients, one row each
// (a unit, or a person with role and unit). The file is written in the
// sample's own shape, its opening comments kept.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "commendation.h"
#include "results_form.h"

namespace congbo {

struct RecipientRow {
  std::string unit, name, role, achievement;
};

struct DecisionForm {
  std::string number, date, issuer, form, title, campaign, year, plan;  ///< date dd/mm/yyyy, as typed
  bool sample = false;  ///< kept from the file (no field)
  std::vector<RecipientRow> recipients;
};

DecisionForm decision_form_from(const Decision& d, const std::string& plan_text);
/// Posted: fields by name; recipients "nhan-N-unit", "-name", "-role", "-achievement" for N = 1…"so-dong"; empty rows left out.
DecisionForm read_decision_form(const FieldLookup& field);
/// The file: `old`'s opening comment lines, then the fields and the
/// recipients; `rows` receives each recipient block's lines → its row (0-based).
std::string write_decision(const DecisionForm& f, const std::string& old, std::map<int, int>* rows);

}  // namespace congbo
