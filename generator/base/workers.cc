// workers.cc: see workers.h.
#include "workers.h"

#include <algorithm>
#include <thread>

namespace congbo {

unsigned jobs_or_cores(int jobs) { return jobs > 0 ? static_cast<unsigned>(jobs) : std::max(1u, std::thread::hardware_concurrency()); }

unsigned workers(int jobs, std::size_t tasks, std::size_t per_thread) {
  const std::size_t want = jobs_or_cores(jobs);
  const std::size_t useful = tasks / std::max<std::size_t>(1, per_thread) + 1;
  return static_cast<unsigned>(std::max<std::size_t>(1, std::min(want, useful)));
}

}  // namespace congbo
