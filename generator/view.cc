// view.cc: see view.h.
#include "view.h"

#include "text.h"

namespace congbo {

View& View::set(const std::string& key, View value) {
  for (auto& [k, v] : members_) {
    if (k == key) {
      v = std::move(value);
      return *this;
    }
  }
  members_.emplace_back(key, std::move(value));
  return *this;
}

View& View::push(View value) {
  items_.push_back(std::move(value));
  return *this;
}

namespace {

void feed(const View& v, StableHasher& h) {
  // Type tags and lengths keep different shapes from hashing alike.
  switch (v.type()) {
    case View::Type::String:
      h.add("s" + std::to_string(v.str().size()) + ":");
      h.add(v.str());
      break;
    case View::Type::Bool:
      h.add(v.flag() ? "t" : "f");
      break;
    case View::Type::List:
      h.add("l" + std::to_string(v.items().size()) + "[");
      for (const auto& item : v.items()) feed(item, h);
      h.add("]");
      break;
    case View::Type::Object:
      h.add("o" + std::to_string(v.members().size()) + "{");
      for (const auto& [k, m] : v.members()) {
        h.add(k + "=");
        feed(m, h);
      }
      h.add("}");
      break;
  }
}

}  // namespace

std::string View::fingerprint() const {
  StableHasher h;
  feed(*this, h);
  return h.hex();
}

const View* View::get(const std::string& key) const {
  for (const auto& [k, v] : members_) {
    if (k == key) return &v;
  }
  return nullptr;
}

}  // namespace congbo
