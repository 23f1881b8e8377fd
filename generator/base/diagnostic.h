// diagnostic.h: errors and warnings as values, each with the place it is about.
// Every pipeline step appends to a Diagnostics list; only main() prints them.
#pragma once

#include <string>
#include <vector>

namespace congbo {

enum class Severity { Note, Warning, Error };

struct Diagnostic {
  std::string path;  ///< as the user would type it, relative to the site root
  int line = 0;      ///< 1-based; 0 when the whole file is meant
  int col = 0;       ///< 1-based, in characters (not bytes)
  Severity severity = Severity::Error;
  std::string message;

  /// "path:line:col: error: message", the form editors and CI understand;
  /// "note: message" for a notice about no file in particular.
  std::string format() const;
};

class Diagnostics {
 public:
  void error(std::string path, int line, int col, std::string message);
  void warning(std::string path, int line, int col, std::string message);
  void note(std::string path, std::string message);
  void add(Diagnostic d) { items_.push_back(std::move(d)); }
  void append(const Diagnostics& other);

  bool has_errors() const;
  int error_count() const;
  int warning_count() const;
  const std::vector<Diagnostic>& items() const { return items_; }
  /// Sorted by path, line, column: the order a writer fixes them in.
  std::vector<Diagnostic> sorted() const;

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace congbo
