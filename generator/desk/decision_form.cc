// decision_form.cc: a decision's form, read and written.
#include "decision_form.h"

#include "date.h"
#include "document_form.h"
#include "text.h"
#include "toml_blocks.h"

namespace congbo {

DecisionForm decision_form_from(const Decision& d, const std::string& plan_text) {
  DecisionForm f{d.number, d.date ? d.date->display() : "", d.issuer, d.form, d.title, d.campaign,
                 d.year ? std::to_string(d.year) : "", plan_text, d.sample, {}};
  for (const Recipient& r : d.recipients) f.recipients.push_back({r.unit, r.name, r.role, r.achievement});
  return f;
}

DecisionForm read_decision_form(const FieldLookup& field) {
  DecisionForm f;
  f.number = trim(field("number"));
  f.date = trim(field("date"));
  f.issuer = trim(field("issuer"));
  f.form = trim(field("form"));
  f.title = trim(field("title"));
  f.campaign = trim(field("campaign"));
  f.year = trim(field("year"));
  f.plan = trim(field("plan"));
  const int rows = std::min(std::atoi(field("so-dong").c_str()), 2000);
  for (int n = 1; n <= rows; ++n) {
    const std::string p = "nhan-" + std::to_string(n) + "-";
    RecipientRow r{trim(field(p + "unit")), trim(field(p + "name")), trim(field(p + "role")), trim(field(p + "achievement"))};
    if (!r.unit.empty() || !r.name.empty() || !r.achievement.empty()) f.recipients.push_back(std::move(r));
  }
  return f;
}

std::string write_decision(const DecisionForm& f, const std::string& old, std::map<int, int>* rows) {
  std::string out;
  for (const std::string& line : file_lines(old)) {
    if (line.empty() || line[0] != '#') break;
    out += line + "\n";
  }
  auto put = [&](const char* key, const std::string& v) {
    if (!v.empty()) out += std::string(key) + " = " + toml_quoted(v) + "\n";
  };
  put("number", f.number);
  const auto day = Date::parse(f.date);
  out += "date = " + (day ? day->iso() : toml_quoted(f.date)) + "\n";  // not a day: the checker says so at this line
  put("issuer", f.issuer);
  put("form", f.form);
  put("title", f.title);
  put("campaign", f.campaign);
  if (!f.year.empty()) out += "year = " + (f.year.find_first_not_of("0123456789") == std::string::npos ? f.year : toml_quoted(f.year)) + "\n";
  put("plan", f.plan);
  if (f.sample) out += "sample = true\n";
  int line = static_cast<int>(std::count(out.begin(), out.end(), '\n')) + 1;
  for (size_t i = 0; i < f.recipients.size(); ++i) {
    const RecipientRow& r = f.recipients[i];
    std::string block = "\n[[recipients]]\nunit = " + toml_quoted(r.unit) + "\n";
    if (!r.name.empty()) block += "name = " + toml_quoted(r.name) + "\n";
    if (!r.role.empty()) block += "role = " + toml_quoted(r.role) + "\n";
    if (!r.achievement.empty()) block += "achievement = " + toml_quoted(r.achievement) + "\n";
    const int count = static_cast<int>(std::count(block.begin(), block.end(), '\n'));
    if (rows) {
      for (int n = line + 1; n < line + count; ++n) (*rows)[n] = static_cast<int>(i);
    }
    line += count;
    out += block;
  }
  return out;
}

}  // namespace congbo
