// diagnostic.cc: formatting and collecting diagnostics.
#include "diagnostic.h"

#include <algorithm>
#include <tuple>

namespace congbo {

std::string Diagnostic::format() const {
  if (severity == Severity::Note) return (path.empty() ? "" : path + ": ") + "note: " + message;
  std::string out = path;
  if (line > 0) {
    out += ":" + std::to_string(line);
    out += ":" + std::to_string(col > 0 ? col : 1);
  }
  out += severity == Severity::Error ? ": error: " : ": warning: ";
  out += message;
  return out;
}

void Diagnostics::error(std::string path, int line, int col, std::string message) {
  items_.push_back({std::move(path), line, col, Severity::Error, std::move(message)});
}

void Diagnostics::warning(std::string path, int line, int col, std::string message) {
  items_.push_back({std::move(path), line, col, Severity::Warning, std::move(message)});
}

void Diagnostics::note(std::string path, std::string message) {
  items_.push_back({std::move(path), 0, 0, Severity::Note, std::move(message)});
}

void Diagnostics::append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

int Diagnostics::error_count() const {
  return static_cast<int>(std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) {
    return d.severity == Severity::Error;
  }));
}

int Diagnostics::warning_count() const {
  return static_cast<int>(std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) {
    return d.severity == Severity::Warning;
  }));
}

std::vector<Diagnostic> Diagnostics::sorted() const {
  std::vector<Diagnostic> out = items_;
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.path, a.line, a.col) < std::tie(b.path, b.line, b.col);
  });
  return out;
}

}  // namespace congbo
