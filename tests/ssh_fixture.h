// ssh_fixture.h: an SSH server of the test's own on 127.0.0.1 (Debian
// openssh-server), with a host key and a client key made for it, and the
// client configuration (`Host web`) that reaches it: what a web server
// reached by `congbo publish --to web:/FOLDER` is, minus the network.
#pragma once

#include <netinet/in.h>
#include <pwd.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "site_fixture.h"

namespace congbo::testing {

class SshServer {
 public:
  SshServer() {
    const auto d = keys_.dir();
    if (std::system(("ssh-keygen -q -t ed25519 -N '' -f " + (d / "host").string() + " && ssh-keygen -q -t ed25519 -N '' -f " +
                     (d / "client").string()).c_str()) != 0) {
      why_ = "ssh-keygen không chạy được (cài openssh-client: scripts/install-deps)";
      return;
    }
    port_ = free_port();
    keys_.file("sshd_config", "ListenAddress 127.0.0.1\nPort " + std::to_string(port_) + "\nHostKey " + (d / "host").string() +
                                  "\nPidFile " + (d / "sshd.pid").string() + "\nAuthorizedKeysFile " + (d / "client.pub").string() +
                                  "\nPasswordAuthentication no\nKbdInteractiveAuthentication no\nUsePAM no\nStrictModes no\n"
                                  "PermitRootLogin prohibit-password\nMaxStartups 50\n");
    keys_.file("known_hosts", "[127.0.0.1]:" + std::to_string(port_) + " " + read_file(d / "host.pub"));
    keys_.file("ssh_config", "Host web\n  HostName 127.0.0.1\n  Port " + std::to_string(port_) + "\n  User " + user() +
                                 "\n  IdentityFile " + (d / "client").string() + "\n  IdentitiesOnly yes\n  UserKnownHostsFile " +
                                 (d / "known_hosts").string() + "\n  StrictHostKeyChecking yes\n");
    if (::geteuid() == 0) std::filesystem::create_directories("/run/sshd");  // sshd's privilege separation folder
    pid_ = ::fork();
    if (pid_ == 0) {
      ::execl("/usr/sbin/sshd", "/usr/sbin/sshd", "-D", "-f", (d / "sshd_config").c_str(), "-E", (d / "sshd.log").c_str(),
              static_cast<char*>(nullptr));
      ::_exit(127);
    }
    for (int i = 0; i < 100 && !ready(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    if (!ready()) why_ = "sshd không khởi động được (cài openssh-server: scripts/install-deps): " + read_file(d / "sshd.log");
  }
  ~SshServer() {
    if (pid_ > 0) {
      ::kill(pid_, SIGTERM);
      ::waitpid(pid_, nullptr, 0);
    }
  }
  bool ok() const { return why_.empty(); }
  const std::string& why() const { return why_; }
  std::filesystem::path config() const { return keys_.dir() / "ssh_config"; }
  int port() const { return port_; }

 private:
  static int free_port() {
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t n = sizeof a;
    ::bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a);
    ::getsockname(s, reinterpret_cast<sockaddr*>(&a), &n);
    ::close(s);
    return ntohs(a.sin_port);
  }
  static std::string user() {
    const passwd* pw = ::getpwuid(::geteuid());
    return pw ? pw->pw_name : "root";
  }
  bool ready() const {
    return std::system(("ssh -F " + config().string() + " -o BatchMode=yes -o ConnectTimeout=2 web true >/dev/null 2>&1").c_str()) == 0;
  }
  TempSite keys_;
  int port_ = 0;
  pid_t pid_ = -1;
  std::string why_;
};

}  // namespace congbo::testing
