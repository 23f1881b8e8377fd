// sessions.cc: sessions and failed logins, in memory (a restart logs everyone out).
#include "sessions.h"

#include <utility>

#include "accounts.h"

namespace congbo {

std::string Sessions::open(const std::string& login) {
  std::lock_guard<std::mutex> lock(mu_);
  std::string token = random_token();
  sessions_[token] = {token, login, random_token(), "", Clock::now()};
  return token;
}

std::optional<Session> Sessions::find(const std::string& token) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = sessions_.find(token);
  if (it == sessions_.end()) return std::nullopt;
  if (Clock::now() - it->second.last_used > lifetime_) {
    sessions_.erase(it);
    return std::nullopt;
  }
  it->second.last_used = Clock::now();
  return it->second;
}

void Sessions::close(const std::string& token) {
  std::lock_guard<std::mutex> lock(mu_);
  sessions_.erase(token);
}

void Sessions::tell(const std::string& token, std::string notice) {
  std::lock_guard<std::mutex> lock(mu_);
  if (auto it = sessions_.find(token); it != sessions_.end()) it->second.notice = std::move(notice);
}

std::string Sessions::take_notice(const std::string& token) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = sessions_.find(token);
  if (it == sessions_.end()) return "";
  return std::exchange(it->second.notice, std::string());
}

Sessions::Clock::duration Sessions::wait_for(const std::string& login) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = attempts_.find(login);
  if (it == attempts_.end() || it->second.failures < 3) return Clock::duration::zero();
  const auto delay = std::chrono::seconds(std::min(it->second.failures - 2, 3));
  const auto ready = it->second.last_failure + delay;
  return ready > Clock::now() ? ready - Clock::now() : Clock::duration::zero();
}

bool Sessions::locked(const std::string& login) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = attempts_.find(login);
  return it != attempts_.end() && it->second.locked_until > Clock::now();
}

void Sessions::failed(const std::string& login) {
  std::lock_guard<std::mutex> lock(mu_);
  Attempts& a = attempts_[login];
  ++a.failures;
  a.last_failure = Clock::now();
  if (a.failures >= 5) {
    a.locked_until = Clock::now() + lockout_;
    a.failures = 0;
  }
}

void Sessions::succeeded(const std::string& login) {
  std::lock_guard<std::mutex> lock(mu_);
  attempts_.erase(login);
}

}  // namespace congbo
