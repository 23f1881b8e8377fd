// subprocess.h: running a converter made for the job (pandoc, pdftotext)
// with a time limit and a limit on what it may print, its failure in words.
#pragma once

#include <string>
#include <vector>

namespace congbo {

struct ProgramRun {
  bool started = false;    ///< false: the program is not installed (or could not be run)
  bool timed_out = false;  ///< killed at the time limit
  bool too_long = false;   ///< killed at the output limit
  int exit_code = -1;
  std::string out, err;
};

/// Runs argv[0] (looked up in PATH) with argv, no shell, standard input
/// closed; waits at most `seconds` and keeps at most `max_bytes` of output.
ProgramRun run_program(const std::vector<std::string>& argv, int seconds, size_t max_bytes);

}  // namespace congbo
