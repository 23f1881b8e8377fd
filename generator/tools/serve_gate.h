// serve_gate.h: the front door of `congbo serve`. It owns the public port,
// reads each request whole within a time limit and a size limit, and only
// then hands it to the HTTP server behind it (cpp-httplib, on a loopback port
// of its own), relaying the answer back.
//
// Why a gate: Debian's cpp-httplib (0.11) is a compiled library whose limits
// cannot be changed. It times out one read at a time, so a client sending a
// byte a second holds a worker for ever; it reads a whole 1 MB header before
// refusing it; it gives every connection a worker of a small pool for as long
// as the connection lasts, so eight open reload channels stopped all other
// requests; and it listens with a backlog of 5. The gate answers 408, 431,
// 413 and 503 itself, at once, and lets through only requests that are here.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace congbo {

struct GateLimits {
  /// A request's head, and its body, must arrive within this (else 408).
  std::chrono::milliseconds request_time{10000};
  std::size_t head_bytes = 32 * 1024;    ///< request line and headers (else 431)
  std::size_t body_bytes = 16u << 20;    ///< a request's body (else 413)
  /// A reader that takes nothing of an answer for this long is let go.
  std::chrono::milliseconds stalled{30000};
  int connections = 512;  ///< open at once; more are answered 503 at once
};

class Gate {
 public:
  explicit Gate(GateLimits limits = {}) : limits_(limits) {}
  ~Gate();
  Gate(const Gate&) = delete;
  Gate& operator=(const Gate&) = delete;

  /// Binds `host`:`port` (SO_REUSEADDR only: a second serve on the port is
  /// refused, a restarted one gets it back at once). False when taken.
  bool bind(const std::string& host, int port);
  /// Accepts until stop(), relaying each whole request to 127.0.0.1:`inner_port`.
  void run(int inner_port);
  /// Makes run() end, once every connection it took is closed (within a
  /// fraction of a second: each waits in short ticks); join its thread after.
  void stop();

 private:
  void handle(int client, int inner_port);
  void work(int inner_port);

  GateLimits limits_;
  int listen_fd_ = -1;
  std::atomic<bool> stopping_{false};
  // Connections are handled on threads kept for the next one: a thread
  // made and ended per connection cost more than serving the page (its
  // stack unmapped each time, with a TLB flush on every core).
  std::mutex mu_;
  std::condition_variable work_;
  std::deque<int> waiting_;  ///< accepted, not yet taken by a thread
  std::vector<std::thread> threads_;
  int idle_ = 0, busy_ = 0;
};

}  // namespace congbo
