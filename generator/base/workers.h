// workers.h: how many threads a step uses, so that --jobs holds for every
// pool (rendering, the history walk, the search index), not only some.
#pragma once

#include <cstddef>

namespace congbo {

/// `jobs` (--jobs) when given, else one per core.
unsigned jobs_or_cores(int jobs);

/// Threads for a step of `tasks` independent pieces: `jobs` (--jobs; 0 or
/// less: one per core), but no more than one per `per_thread` pieces, and at
/// least one.
unsigned workers(int jobs, std::size_t tasks, std::size_t per_thread = 1);

}  // namespace congbo
