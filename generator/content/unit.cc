// unit.cc: content/don-vi.toml → Units, each mistake reported at its line.
#include "unit.h"

#include "field_reader.h"
#include "messages.h"
#include "page_words.h"
#include "text.h"
#include "toml_reader.h"

namespace congbo {

std::optional<UnitType> parse_unit_type(const std::string& text) {
  const std::string s = slugify(text);
  if (s == "dang-bo-co-so") return UnitType::PartyCommittee;
  if (s == "chi-bo-co-so") return UnitType::Cell;
  if (s == "chi-bo-truc-thuoc") return UnitType::SubCell;
  return std::nullopt;
}

std::string unit_type_name(UnitType t) { return words::unit_type(static_cast<int>(t)); }

const std::vector<std::string>& unit_sectors() {
  static const std::vector<std::string> sectors = {
      "Cơ quan Đảng, đoàn thể", "Hành chính", "Sự nghiệp", "Doanh nghiệp nhà nước",
      "Doanh nghiệp ngoài nhà nước"};
  return sectors;
}

const Unit* Units::find(const std::string& id) const {
  int i = index(id);
  return i < 0 ? nullptr : &units_[i];
}

int Units::index(const std::string& id) const {
  for (size_t i = 0; i < units_.size(); ++i) {
    if (units_[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

std::vector<int> Units::children(const std::string& id) const {
  std::vector<int> out;
  for (size_t i = 0; i < units_.size(); ++i) {
    if (units_[i].parent == id) out.push_back(static_cast<int>(i));
  }
  return out;
}

Units Units::load(const std::string& text, const std::string& path, Diagnostics& diags) {
  Units units;
  units.path_ = path;
  auto root = read_toml(text, path, 1, diags);
  if (!root) return units;
  FieldReader top(*root, path, diags);
  const std::vector<const Value*> tables = top.tables("unit");
  if (auto v = top.boolean("sample")) units.sample_ = *v;
  top.finish(msg::unknown_field);
  for (const Value* table : tables) {
    const Value& t = *table;
    FieldReader r(t, path, diags);
    Unit u;
    u.line = t.line;
    u.col = t.col;
    if (auto v = r.string("id", true)) {
      u.id = *v;
      auto [line, col] = r.where("id");
      if (slugify(u.id) != u.id) {
        diags.error(path, line, col, msg::bad_unit_id(u.id));
      } else if (const Unit* other = units.find(u.id)) {
        diags.error(path, line, col, msg::duplicate_unit(u.id, other->line));
      }
      u.line = line;
      u.col = col;
    }
    if (auto v = r.string("name", true)) u.name = *v;
    if (auto v = r.boolean("sample")) u.sample = *v;
    if (auto v = r.string("type", true)) {
      if (auto t2 = parse_unit_type(*v)) {
        u.type = *t2;
      } else {
        auto [line, col] = r.where("type");
        diags.error(path, line, col, msg::unknown_unit_type(*v));
      }
    }
    if (auto v = r.string("sector")) {
      bool found = false;
      for (const auto& s : unit_sectors()) {
        if (slugify(s) == slugify(*v)) {
          u.sector = s;
          found = true;
        }
      }
      if (!found) {
        auto [line, col] = r.where("sector");
        diags.error(path, line, col, msg::unknown_sector(*v));
      }
    }
    if (auto v = r.string("parent")) u.parent = *v;
    if (auto v = r.string("description")) u.description = *v;
    r.finish(msg::unknown_field);
    units.units_.push_back(std::move(u));
  }
  // Parents are checked once every unit is known, so order in the file does not matter.
  for (const Unit& u : units.units_) {
    const Value* t = nullptr;
    for (const Value* item : tables) {
      const Value* id = item->find("id");
      if (id && id->str == u.id) t = item;
    }
    const Value* pv = t ? t->find("parent") : nullptr;
    int line = pv ? pv->line : u.line, col = pv ? pv->col : u.col;
    if (u.type == UnitType::SubCell && u.parent.empty()) {
      diags.error(path, u.line, u.col, msg::subcell_needs_parent(u.id));
    } else if (!u.parent.empty()) {
      const Unit* p = units.find(u.parent);
      if (u.type != UnitType::SubCell) {
        diags.error(path, line, col, msg::parent_only_for_subcells(u.id));
      } else if (!p) {
        diags.error(path, line, col, msg::unknown_unit(u.parent));
      } else if (p->type != UnitType::PartyCommittee) {
        diags.error(path, line, col, msg::parent_not_committee(u.parent));
      }
    }
  }
  return units;
}

}  // namespace congbo
