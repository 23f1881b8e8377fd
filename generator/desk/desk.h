// desk.h: `congbo soan`, the writers' desk. Office staff log in from a
// browser, write and edit documents through a form, see congbo's own
// preview and checker, and save: the file is written, the site checked, and
// — only without errors — committed in the writer's name with their words.
// cpp-httplib stays in desk.cc.
#pragma once

#include <atomic>
#include <filesystem>
#include <string>

namespace congbo {

struct DeskOptions {
  std::filesystem::path site_dir = ".";
  std::string host = "127.0.0.1";
  int port = 8080;
  std::filesystem::path tls_cert, tls_key;  ///< both set: HTTPS
  std::filesystem::path publish_to;  ///< where `congbo publish --to` puts releases: the list shows what is not published yet
  std::filesystem::path publish_key;  ///< the key the desk's releases are signed with (site.toml's public_key); "" for none
  bool quiet = false;
};

/// Why the desk must not start with these options ("" when it may): away
/// from this machine it needs accounts and HTTPS.
std::string desk_refusal(const DeskOptions& options, bool has_accounts);

/// Serves until `stop` becomes true. Returns the exit status.
int run_desk(const DeskOptions& options, const std::atomic<bool>* stop = nullptr);

/// `congbo soan --add-user`: adds or replaces an account. Returns the exit status.
int add_desk_user(const std::filesystem::path& site_dir, const std::string& login, const std::string& name,
                  const std::string& email, const std::string& role, const std::string& password);

}  // namespace congbo
