// serve_gate.cc: see serve_gate.h. Plain sockets and poll(); one thread per
// open connection, each ended by a deadline or by stop().
#include "serve_gate.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <optional>
#include <thread>

#include "cli_words.h"
#include "text.h"

namespace congbo {
namespace {

using Clock = std::chrono::steady_clock;
constexpr int kTick = 200;  // ms: how often a waiting connection looks at stop()

// Waits for `events` on `fd` until `deadline`; false on time out or stop.
bool wait_for(int fd, short events, Clock::time_point deadline, const std::atomic<bool>& stopping) {
  while (!stopping) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) return false;
    pollfd p{fd, events, 0};
    const int n = ::poll(&p, 1, static_cast<int>(std::min<long long>(left, kTick)));
    if (n > 0) return true;
    if (n < 0 && errno != EINTR) return false;
  }
  return false;
}

bool send_all(int fd, const char* data, size_t size, std::chrono::milliseconds stalled,
              const std::atomic<bool>& stopping) {
  while (size > 0) {
    if (!wait_for(fd, POLLOUT, Clock::now() + stalled, stopping)) return false;
    const ssize_t n = ::send(fd, data, size, MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n < 0 && (errno == EAGAIN || errno == EINTR)) continue;
    if (n <= 0) return false;
    data += n, size -= static_cast<size_t>(n);
  }
  return true;
}

// The gate's own answer to a request it refuses. A client may still be
// sending (a 1 MB head): closing with its bytes unread makes the kernel
// reset the connection, and the client can lose the answer with it. So,
// unless `linger` is false (the accept thread must not wait), the gate
// says it is done writing and reads what is still coming, for a moment.
void answer(int fd, int status, const char* reason, const std::string& text, const std::atomic<bool>& stopping,
            bool linger = true) {
  const std::string body = text + "\n";
  const std::string head = "HTTP/1.1 " + std::to_string(status) + " " + reason +
                           "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: " +
                           std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n";
  const std::string all = head + body;
  if (!send_all(fd, all.data(), all.size(), std::chrono::milliseconds(1000), stopping) || !linger) return;
  ::shutdown(fd, SHUT_WR);
  const auto until = Clock::now() + std::chrono::milliseconds(500);
  char buf[65536];
  for (size_t drained = 0; drained < (size_t(4) << 20) && wait_for(fd, POLLIN, until, stopping);) {
    const ssize_t n = ::recv(fd, buf, sizeof buf, MSG_DONTWAIT);
    if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) break;  // the client has closed
    if (n > 0) drained += static_cast<size_t>(n);
  }
}

std::string ascii_lower(std::string s) {
  for (char& c : s) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return s;
}

// The value of header `name` (lower case, with its colon) in a request head;
// `lower` is the head in lower case, made once for all the headers asked for.
std::optional<std::string> header(const std::string& head, const std::string& lower, const std::string& name) {
  const size_t at = lower.find("\r\n" + name);
  if (at == std::string::npos) return std::nullopt;
  const size_t from = at + 2 + name.size(), to = lower.find("\r\n", from);
  return trim(head.substr(from, to - from));
}

int connect_inner(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

}  // namespace

Gate::~Gate() {
  stop();
  if (listen_fd_ >= 0) ::close(listen_fd_);
}

bool Gate::bind(const std::string& host, int port) {
  addrinfo hints{}, *found = nullptr;
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_NUMERICSERV | AI_PASSIVE;
  if (::getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found) != 0) return false;
  for (addrinfo* a = found; a && listen_fd_ < 0; a = a->ai_next) {
    const int fd = ::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol);
    if (fd < 0) continue;
    int yes = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    if (::bind(fd, a->ai_addr, a->ai_addrlen) == 0 && ::listen(fd, 511) == 0) {
      listen_fd_ = fd;
    } else {
      ::close(fd);
    }
  }
  ::freeaddrinfo(found);
  return listen_fd_ >= 0;
}

void Gate::run(int inner_port) {
  while (!stopping_) {
    pollfd p{listen_fd_, POLLIN, 0};
    if (::poll(&p, 1, kTick) <= 0) continue;
    const int client = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
    if (client < 0) continue;
    std::unique_lock<std::mutex> lock(mu_);
    if (busy_ + static_cast<int>(waiting_.size()) >= limits_.connections) {
      lock.unlock();
      answer(client, 503, "Service Unavailable", cli::serve_too_many_connections(), stopping_, false);
      ::close(client);
      continue;
    }
    waiting_.push_back(client);
    if (idle_ < static_cast<int>(waiting_.size())) threads_.emplace_back([this, inner_port] { work(inner_port); });
    lock.unlock();
    work_.notify_one();
  }
  work_.notify_all();
  for (auto& t : threads_) t.join();  // each ends its connection within a tick of stop()
  threads_.clear();
}

void Gate::work(int inner_port) {
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    ++idle_;
    work_.wait(lock, [this] { return stopping_ || !waiting_.empty(); });
    --idle_;
    if (waiting_.empty()) return;  // stopping, nothing left
    const int client = waiting_.front();
    waiting_.pop_front();
    ++busy_;
    lock.unlock();
    handle(client, inner_port);
    ::close(client);
    lock.lock();
    --busy_;
  }
}

void Gate::stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  work_.notify_all();
}

// One request: its head and body read whole within the limits, then sent
// on, and the answer relayed back until either side closes. The server
// behind closes after each answer, so the next request comes through here.
void Gate::handle(int client, int inner_port) {
  const auto deadline = Clock::now() + limits_.request_time;
  std::string request;
  size_t head_end = std::string::npos;
  std::optional<size_t> length;
  char buf[65536];
  for (;;) {
    if (head_end == std::string::npos) {
      const size_t at = request.find("\r\n\r\n");
      if (at != std::string::npos) {
        head_end = at + 4;
        const std::string head = request.substr(0, head_end), lower = ascii_lower(head);
        if (header(head, lower, "transfer-encoding:")) {
          return answer(client, 411, "Length Required", cli::serve_length_required(), stopping_);
        }
        auto cl = header(head, lower, "content-length:");
        length = cl && !cl->empty() && cl->find_first_not_of("0123456789") == std::string::npos && cl->size() < 12
                     ? std::stoull(*cl) : 0;
        if (*length > limits_.body_bytes) return answer(client, 413, "Payload Too Large", cli::serve_too_large(), stopping_);
        if (*length > 0 && ascii_lower(header(head, lower, "expect:").value_or("")) == "100-continue") {
          const char cont[] = "HTTP/1.1 100 Continue\r\n\r\n";
          send_all(client, cont, sizeof cont - 1, limits_.stalled, stopping_);
        }
      } else if (request.size() > limits_.head_bytes) {
        return answer(client, 431, "Request Header Fields Too Large", cli::serve_head_too_large(), stopping_);
      }
    }
    if (head_end != std::string::npos && request.size() >= head_end + *length) break;
    if (!wait_for(client, POLLIN, deadline, stopping_)) {
      if (!request.empty() && !stopping_) answer(client, 408, "Request Timeout", cli::serve_too_slow(), stopping_);
      return;
    }
    const ssize_t n = ::recv(client, buf, sizeof buf, MSG_DONTWAIT);
    if (n < 0 && (errno == EAGAIN || errno == EINTR)) continue;
    if (n <= 0) return;  // gone
    request.append(buf, static_cast<size_t>(n));
  }
  const int inner = connect_inner(inner_port);
  if (inner < 0) return answer(client, 503, "Service Unavailable", cli::serve_too_many_connections(), stopping_);
  if (send_all(inner, request.data(), head_end + *length, limits_.stalled, stopping_)) {
    for (;;) {  // the answer, back to the reader; anything more the reader sends is not read
      pollfd p[2] = {{inner, POLLIN, 0}, {client, POLLRDHUP, 0}};
      const int ready = ::poll(p, 2, kTick);
      if (stopping_ && ready == 0) break;
      if (ready < 0 && errno != EINTR) break;
      if (p[1].revents & (POLLRDHUP | POLLHUP | POLLERR)) break;  // the reader went away
      if (!(p[0].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      const ssize_t n = ::recv(inner, buf, sizeof buf, MSG_DONTWAIT);
      if (n < 0 && (errno == EAGAIN || errno == EINTR)) continue;
      if (n <= 0 || !send_all(client, buf, static_cast<size_t>(n), limits_.stalled, stopping_)) break;
    }
  }
  ::close(inner);
}

}  // namespace congbo
