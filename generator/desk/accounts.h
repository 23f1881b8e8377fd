// accounts.h: who may use the writers' desk. Accounts live in
// SITE/.congbo/tai-khoan.toml — outside content/, so never published, in a
// folder that git ignores (its own .gitignore) — each with an Argon2id
// password hash (libsodium; libsodium stays in accounts.cc).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "diagnostic.h"

namespace congbo {

struct Account {
  std::string login, name, email;
  std::string role = "soan";  ///< "soan": writes and commits; "xuat-ban": also publishes
  std::string hash;           ///< crypto_pwhash_str's text
};

class Accounts {
 public:
  /// SITE/.congbo/tai-khoan.toml
  static std::filesystem::path file_for(const std::filesystem::path& site_dir);
  /// Reads the accounts file; none is no accounts. Reports a damaged file.
  static Accounts load(const std::filesystem::path& site_dir, Diagnostics& diags);

  /// Adds (or replaces) an account with `password` hashed. False with the
  /// reason in `why` for a bad login, a short password or an unknown role.
  bool add(Account account, const std::string& password, std::string* why);
  /// Writes the file atomically (and the folder's .gitignore).
  bool save(const std::filesystem::path& site_dir, std::string* why) const;

  /// The account whose password this is; nullptr otherwise. Takes as long
  /// for an unknown login as for a known one.
  const Account* verify(const std::string& login, const std::string& password) const;
  const Account* find(const std::string& login) const;
  bool empty() const { return accounts_.empty(); }

 private:
  std::vector<Account> accounts_;
};

/// A random token of `bytes` bytes, as hex (session ids, CSRF tokens).
std::string random_token(size_t bytes = 32);
/// Whether two secrets are equal, in a time that does not tell how much of them is.
bool same_secret(const std::string& a, const std::string& b);

}  // namespace congbo
