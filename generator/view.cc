// view.cc: see view.h.
#include "view.h"

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

const View* View::get(const std::string& key) const {
  for (const auto& [k, v] : members_) {
    if (k == key) return &v;
  }
  return nullptr;
}

}  // namespace congbo
