// sessions.h: who is logged in to the desk, and who may try again. A session
// is a random token (the cookie) with its own CSRF token, ending after
// `lifetime` without use or at logout. Failed logins are counted per login
// name: from the third each waits longer, after the fifth the login is
// locked for `lockout`.
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace congbo {

struct Session {
  std::string token;  ///< the cookie's value
  std::string login;
  std::string csrf;
  std::string notice;  ///< said once on the next page ("Đã lưu …"), never taken from a URL
  std::chrono::steady_clock::time_point last_used;
};

class Sessions {
 public:
  using Clock = std::chrono::steady_clock;
  explicit Sessions(std::chrono::minutes lifetime = std::chrono::hours(8),
                    std::chrono::minutes lockout = std::chrono::minutes(15))
      : lifetime_(lifetime), lockout_(lockout) {}

  /// A new session for `login`; its token.
  std::string open(const std::string& login);
  /// The session of `token`, renewed; nullopt when unknown or expired.
  std::optional<Session> find(const std::string& token);
  void close(const std::string& token);
  /// A notice for the session's next page; and taking it (once).
  void tell(const std::string& token, std::string notice);
  std::string take_notice(const std::string& token);

  /// How long a login must wait before it may try: zero when it may now.
  Clock::duration wait_for(const std::string& login);
  /// Whether the login is locked out now.
  bool locked(const std::string& login);
  void failed(const std::string& login);
  void succeeded(const std::string& login);

 private:
  struct Attempts {
    int failures = 0;
    Clock::time_point last_failure, locked_until;
  };
  std::mutex mu_;
  std::map<std::string, Session> sessions_;
  std::map<std::string, Attempts> attempts_;
  std::chrono::minutes lifetime_, lockout_;
};

}  // namespace congbo
