// cache.h: rendered output kept between builds, keyed by a hash of
// everything it depends on (e.g. a version's blob id, the theme, the
// settings). Entries never go stale: a changed input is a different key.
#pragma once

#include <atomic>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace congbo {

class Cache {
 public:
  Cache() = default;  ///< disabled: every get() misses, put() does nothing
  explicit Cache(std::filesystem::path dir) : dir_(std::move(dir)) {}
  // Safe to use from several rendering threads at once.

  std::optional<std::string> get(const std::string& key) const;
  /// Stores atomically (write to a temporary file, rename), so a killed
  /// build never leaves a half-written entry. Failures are ignored: the
  /// cache only saves time.
  void put(const std::string& key, std::string_view data) const;

  int hits() const { return hits_.load(); }

 private:
  std::filesystem::path path_of(const std::string& key) const;
  std::filesystem::path dir_;
  mutable std::atomic<int> hits_{0};
};

}  // namespace congbo
