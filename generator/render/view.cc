// view.cc: see view.h.
#include "view.h"

#include <cstdint>

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

// A type tag and a count, as 9 bytes (no string built per node: this ran
// for every node of every page's view).
void mark(StableHasher& h, char tag, size_t n) {
  char b[9] = {tag};
  for (int i = 0; i < 8; ++i) b[1 + i] = static_cast<char>((static_cast<uint64_t>(n) >> (8 * i)) & 0xFF);
  h.add(std::string_view(b, sizeof b));
}

void feed(const View& v, StableHasher& h) {
  // Type tags and lengths keep different shapes from hashing alike.
  switch (v.type()) {
    case View::Type::String:
      mark(h, 's', v.str().size());
      h.add(v.str());
      break;
    case View::Type::Bool:
      h.add(v.flag() ? "t" : "f");
      break;
    case View::Type::List:
      mark(h, 'l', v.items().size());
      for (const auto& item : v.items()) feed(item, h);
      break;
    case View::Type::Object:
      mark(h, 'o', v.members().size());
      for (const auto& [k, m] : v.members()) {
        mark(h, 'k', k.size());
        h.add(k);
        feed(m, h);
      }
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
