// view.h: plain data handed to templates (strings, flags, lists, objects).
// Built per page from plain values; templates never see the C++ model.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace congbo {

class View {
 public:
  enum class Type { String, Bool, List, Object };

  View() = default;  ///< an empty object
  View(std::string s) : type_(Type::String), str_(std::move(s)) {}
  View(const char* s) : type_(Type::String), str_(s) {}
  View(bool b) : type_(Type::Bool), flag_(b) {}
  static View list() { View v; v.type_ = Type::List; return v; }

  /// Object member; replaces an earlier one with the same key.
  View& set(const std::string& key, View value);
  /// List item.
  View& push(View value);

  Type type() const { return type_; }
  const std::string& str() const { return str_; }
  bool flag() const { return flag_; }
  const std::vector<View>& items() const { return items_; }
  const std::vector<std::pair<std::string, View>>& members() const { return members_; }
  const View* get(const std::string& key) const;
  /// A hash of everything in the view: two views with the same fingerprint
  /// render to the same page with the same template.
  std::string fingerprint() const;

 private:
  Type type_ = Type::Object;
  std::string str_;
  bool flag_ = false;
  std::vector<View> items_;
  std::vector<std::pair<std::string, View>> members_;
};

}  // namespace congbo
