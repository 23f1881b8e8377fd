// subprocess.cc: fork, exec, poll both pipes, kill at the limits.
#include "subprocess.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>

namespace congbo {

ProgramRun run_program(const std::vector<std::string>& argv, int seconds, size_t max_bytes) {
  ProgramRun run;
  int out[2], err[2], failed[2];
  if (argv.empty() || ::pipe2(out, O_CLOEXEC) != 0 || ::pipe2(err, O_CLOEXEC) != 0 || ::pipe2(failed, O_CLOEXEC) != 0) return run;
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int null = ::open("/dev/null", O_RDONLY);
    ::dup2(null, 0);
    ::dup2(out[1], 1);
    ::dup2(err[1], 2);
    ::execvp(args[0], args.data());
    const char byte = 1;  // exec failed: tell the parent through the close-on-exec pipe
    (void)!::write(failed[1], &byte, 1);
    ::_exit(127);
  }
  ::close(out[1]);
  ::close(err[1]);
  ::close(failed[1]);
  if (pid < 0) {
    ::close(out[0]), ::close(err[0]), ::close(failed[0]);
    return run;
  }
  char byte;
  run.started = ::read(failed[0], &byte, 1) == 0;  // EOF: exec succeeded
  ::close(failed[0]);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  pollfd fds[2] = {{out[0], POLLIN, 0}, {err[0], POLLIN, 0}};
  int open = 2;
  while (open > 0) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
    if (left <= 0) {
      run.timed_out = true;
      break;
    }
    if (::poll(fds, 2, static_cast<int>(left)) < 0) break;
    for (int k = 0; k < 2; ++k) {
      if (fds[k].fd < 0 || !(fds[k].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      char buf[65536];
      const ssize_t n = ::read(fds[k].fd, buf, sizeof buf);
      if (n <= 0) {
        ::close(fds[k].fd);
        fds[k].fd = -1;
        --open;
        continue;
      }
      (k == 0 ? run.out : run.err).append(buf, static_cast<size_t>(n));
    }
    if (run.out.size() + run.err.size() > max_bytes) {
      run.too_long = true;
      break;
    }
  }
  for (auto& f : fds) {
    if (f.fd >= 0) ::close(f.fd);
  }
  if (run.timed_out || run.too_long) ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  if (WIFEXITED(status)) run.exit_code = WEXITSTATUS(status);
  return run;
}

}  // namespace congbo
