// --jobs holds for every pool of threads, not only the rendering one.
#include <doctest/doctest.h>

#include <thread>

#include "workers.h"

using namespace congbo;

TEST_CASE("--jobs sets every pool's threads — without it, one per core — never more than the work needs") {
  CHECK(workers(1, 1000) == 1);
  CHECK(workers(3, 1000) == 3);
  CHECK(workers(3, 1000, 64) == 3);  // the history walk: 1,000 commits, 64 a thread at least
  CHECK(workers(8, 100, 64) == 2);
  CHECK(workers(8, 0) == 1);
  CHECK(workers(0, 1000) == std::max(1u, std::thread::hardware_concurrency()));
  CHECK(jobs_or_cores(5) == 5);
  CHECK(jobs_or_cores(0) == std::max(1u, std::thread::hardware_concurrency()));
}
