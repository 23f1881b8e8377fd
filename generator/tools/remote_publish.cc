// remote_publish.cc: ssh for the server's state and its switch, rsync for the files.
#include "remote_publish.h"

#include <stdlib.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <chrono>
#include <filesystem>
#include <regex>
#include <sstream>
#include <vector>

#include "cli_words.h"
#include "release.h"
#include "source_tree.h"
#include "subprocess.h"
#include "text.h"

namespace fs = std::filesystem;

namespace congbo {

std::optional<RemoteTarget> remote_target(const std::string& to) {
  static const std::regex address(R"(^((?:[A-Za-z0-9._][A-Za-z0-9._-]*@)?[A-Za-z0-9][A-Za-z0-9.-]*):(.*)$)");
  static const std::regex folder(R"(^/[A-Za-z0-9._/~+-]*$)");
  std::smatch m;
  if (!std::regex_match(to, m, address)) return std::nullopt;
  RemoteTarget t{m[1], m[2], ""};
  while (t.path.size() > 1 && t.path.back() == '/') t.path.pop_back();
  const std::string p = t.path + "/";
  if (!std::regex_match(t.path, folder) || p.find("/../") != std::string::npos || p.find("/./") != std::string::npos ||
      t.path == "/") {
    t.error = cli::remote_bad_folder(t.path);
  }
  return t;
}

namespace {

// Everything said to the server is built here: one shell script per step,
// the folder single-quoted (remote_target allows no quote in it).
std::string quoted(const std::string& s) { return "'" + s + "'"; }

struct Remote {
  const RemoteTarget& target;
  std::string ssh_config;  ///< "" for the client's own
  std::string control;     ///< the socket one SSH connection is shared through (every step after the first
                           ///< skips the handshake); "" for none

  std::vector<std::string> ssh_words() const {
    std::vector<std::string> w = {"ssh"};
    if (!ssh_config.empty()) w.insert(w.end(), {"-F", ssh_config});
    w.insert(w.end(), {"-o", "BatchMode=yes", "-o", "ConnectTimeout=20", "-o", "ServerAliveInterval=15", "-o",
                       "ServerAliveCountMax=4"});
    if (!control.empty()) {
      w.insert(w.end(), {"-o", "ControlMaster=auto", "-o", "ControlPath=" + control, "-o", "ControlPersist=20"});
    }
    return w;
  }
  /// Closes the shared connection.
  void close() const {
    if (control.empty()) return;
    auto w = ssh_words();
    w.insert(w.end(), {"-O", "exit", "--", target.host});
    run_program(w, 10, 1 << 16);
  }
  // rsync -e takes the command as one string; quotes keep a path whole.
  std::string rsync_shell() const {
    std::string s;
    for (const std::string& w : ssh_words()) s += (s.empty() ? "" : " ") + (w.find(' ') == std::string::npos ? w : quoted(w));
    return s;
  }
  ProgramRun run(const std::string& script, int seconds) const {
    auto w = ssh_words();
    w.insert(w.end(), {"--", target.host, script});
    return run_program(w, seconds, 1 << 20);
  }
  ProgramRun rsync(std::vector<std::string> args, int seconds) const {
    args.insert(args.begin(), {"rsync", "-e", rsync_shell()});
    return run_program(args, seconds, 1 << 20);
  }
  std::string at(const std::string& sub) const { return target.host + ":" + target.path + "/" + sub; }
};

// What went wrong with a program run, in words: not installed, timed out,
// cut off, or its own last message (ssh and rsync say it in English).
bool ran(const ProgramRun& run, const std::string& program, const std::string& where, Diagnostics& diags) {
  if (run.started && !run.timed_out && !run.too_long && run.exit_code == 0) return true;
  std::string detail = trim(run.err);
  if (detail.size() > 400) detail = "…" + detail.substr(detail.size() - 400);
  if (!run.started) diags.error(where, 0, 0, cli::remote_program_missing(program));
  else if (run.timed_out) diags.error(where, 0, 0, cli::remote_timed_out(program));
  else if (program == "ssh" && run.exit_code == 255) diags.error(where, 0, 0, cli::remote_unreachable(detail));
  else diags.error(where, 0, 0, cli::remote_failed(program, run.exit_code, detail));
  return false;
}

// The server's folder as it is now.
struct ServerState {
  bool not_ours = false, has_rsync = true;
  std::string served;
  std::vector<std::string> releases, sealed;  ///< oldest first; those with a publication record
};

bool read_state(const Remote& remote, const std::string& where, ServerState* state, Diagnostics& diags) {
  const std::string p = quoted(remote.target.path);
  const std::string script =
      "command -v rsync >/dev/null 2>&1 || { echo no-rsync; exit 0; }\n"
      "mkdir -p -- " + p + "/releases && cd -- " + p + " || exit 3\n"
      "if [ -L current ]; then echo \"served $(basename \"$(readlink current)\")\";\n"
      "elif [ -e current ]; then echo not-ours; exit 0; fi\n"
      "for d in releases/*; do [ -d \"$d\" ] && [ ! -L \"$d\" ] || continue; r=${d#releases/}\n"
      "  if [ -f \"$d/xac-minh/ban-cong-bo.txt\" ]; then echo \"sealed $r\"; else echo \"release $r\"; fi; done\n";
  const ProgramRun run = remote.run(script, 60);
  if (!ran(run, "ssh", where, diags)) return false;
  static const std::regex release_name(R"(^[A-Za-z0-9_][A-Za-z0-9._-]*$)");  // as release.cc names them
  std::istringstream lines(run.out);
  for (std::string line; std::getline(lines, line);) {
    const size_t sp = line.find(' ');
    const std::string word = line.substr(0, sp), value = sp == std::string::npos ? "" : line.substr(sp + 1);
    if (!value.empty() && !std::regex_match(value, release_name)) continue;  // not one of ours: neither linked nor pruned by name
    if (word == "no-rsync") state->has_rsync = false;
    if (word == "not-ours") state->not_ours = true;
    if (word == "served") state->served = value;
    if (word == "release" || word == "sealed") state->releases.push_back(value);
    if (word == "sealed") state->sealed.push_back(value);
  }
  std::sort(state->releases.begin(), state->releases.end());
  std::sort(state->sealed.begin(), state->sealed.end());
  return true;
}

// A temporary folder here for the SSH connection's socket and what is
// fetched, removed when done (a killed publish leaves it in /tmp).
struct Staging {
  fs::path dir;
  Staging() {
    std::string name = (fs::temp_directory_path() / "congbo-publish-XXXXXX").string();
    if (::mkdtemp(name.data())) dir = name;
  }
  ~Staging() {
    std::error_code ec;
    if (!dir.empty()) fs::remove_all(dir, ec);
  }
};

// The last release sent to this server, kept beside the site
// (.congbo-cache/publish/HOST_FOLDER/last): the next build takes its
// unchanged files from it and the seal their hashes, as a publish to a folder
// here does from the served release. Used only while the server still serves
// that release; the new one is built in new/, on the same disk, so the build
// can hard-link from it.
struct SentCopy {
  fs::path dir;

  SentCopy(const PublishOptions& options, const RemoteTarget& target) {
    std::string slug = target.host + target.path;
    for (char& c : slug) {
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-') c = '_';
    }
    dir = options.site_dir / ".congbo-cache" / "publish" / slug;
  }
  fs::path last() const { return dir / "last"; }
  std::string name() const { return trim(file_bytes(dir / "last.name").value_or("")); }
  /// An empty new/ (what a killed publish left there is dropped); "" when it cannot be made.
  fs::path fresh() const {
    std::error_code ec;
    fs::remove_all(dir / "new", ec);
    fs::create_directories(dir / "new", ec);
    return ec ? fs::path() : dir / "new";
  }
  /// The release just sent becomes the copy.
  void keep(const fs::path& release, const std::string& release_name) const {
    std::error_code ec;
    fs::remove(dir / "last.name", ec);
    fs::remove_all(last(), ec);
    fs::rename(release, last(), ec);
    if (!ec) std::ofstream(dir / "last.name") << release_name << "\n";
    fs::remove_all(dir / "new", ec);
  }
};

// Brings a release's file list and proof from the server into `into`.
bool fetch_record(const Remote& remote, const std::string& release, const fs::path& into, const std::string& where,
                  Diagnostics& diags) {
  std::error_code ec;
  fs::create_directories(into, ec);
  auto run = remote.rsync({"-rl", "--include=/.congbo-output", "--include=/xac-minh/***", "--exclude=*",
                           remote.at("releases/" + release + "/"), into.string() + "/"},
                          600);
  return ran(run, "rsync", where, diags);
}

// "Number of regular files transferred: 1,234" from rsync --stats.
int files_sent(const std::string& stats) {
  static const std::regex line(R"(Number of regular files transferred: ([0-9,]+))");
  std::smatch m;
  if (!std::regex_search(stats, m, line)) return -1;
  std::string digits = m[1];
  digits.erase(std::remove(digits.begin(), digits.end(), ','), digits.end());
  return std::atoi(digits.c_str());
}

// Sends releases/NAME and its manifest under names the server's listing
// skips (".NAME.partial"), unchanged files hard-linked from the served one.
bool send_release(const Remote& remote, const fs::path& releases, const std::string& name, const std::string& served,
                  const std::string& where, int* sent, Diagnostics& diags) {
  std::vector<std::string> args = {"-rlp", "--chmod=D755,F644", "--checksum", "--stats"};
  if (!served.empty()) args.push_back("--link-dest=../" + served);
  args.insert(args.end(), {(releases / name).string() + "/", remote.at("releases/." + name + ".partial/")});
  auto run = remote.rsync(args, 3600);
  if (!ran(run, "rsync", where, diags)) return false;
  *sent = files_sent(run.out);
  run = remote.rsync({"-p", "--chmod=F644", (releases / (name + ".json")).string(), remote.at("releases/." + name + ".json.partial")}, 600);
  return ran(run, "rsync", where, diags);
}

// On the server: the release and its manifest renamed into place, then
// `current` switched by renaming a new symlink over it; then old releases
// pruned (the newest `keep` and the one served are kept) with leftovers of
// interrupted publishes.
bool switch_release(const Remote& remote, const std::string& name, int keep, const std::string& where,
                    Diagnostics& diags) {
  const std::string p = quoted(remote.target.path), n = quoted(name);
  const std::string script =
      "cd -- " + p + " || exit 3\n"
      "mv -T -- releases/." + name + ".partial releases/" + n + " || exit 4\n"
      "mv -T -- releases/." + name + ".json.partial releases/" + n + ".json || exit 4\n"
      "ln -sfn releases/" + n + " .current.tmp-" + n + " && mv -T -- .current.tmp-" + n + " current || exit 5\n"
      "rm -rf -- releases/.[!.]* .current.tmp-* 2>/dev/null\n"
      "served=$(basename \"$(readlink current)\"); n=0\n"
      "for d in releases/*; do [ -d \"$d\" ] && n=$((n+1)); done\n"
      "excess=$((n - " + std::to_string(std::max(keep, 1)) + "))\n"
      "for d in releases/*; do [ \"$excess\" -gt 0 ] || break; [ -d \"$d\" ] || continue\n"
      "  [ \"${d#releases/}\" = \"$served\" ] && continue; rm -rf -- \"$d\" \"$d.json\"; excess=$((excess-1)); done\n"
      "exit 0\n";
  return ran(remote.run(script, 600), "ssh", where, diags);
}

// Where the new release is made and what it follows: the served release's
// file list and proof from the copy kept here when it is that release, else
// fetched from the server (then every file is built and hashed afresh).
bool plan_release(const Remote& remote, const ServerState& state, const SentCopy& copy, const fs::path& staging,
                  const std::string& where, ReleasePlace* place, Diagnostics& diags) {
  place->releases = copy.fresh();
  if (place->releases.empty()) {
    diags.error(copy.dir.string(), 0, 0, cli::remote_no_staging());
    return false;
  }
  place->current = where;
  place->served = state.served;
  for (const auto& r : state.releases) place->last_seq = std::max(place->last_seq, release_seq(r));
  const bool have_copy = !state.served.empty() && copy.name() == state.served && fs::is_directory(copy.last());
  if (have_copy) {
    place->served_dir = place->reuse_from = copy.last();
  } else if (!state.served.empty()) {
    place->served_dir = staging / "served";
    if (!fetch_record(remote, state.served, place->served_dir, where, diags)) return false;
  }
  if (state.sealed.empty()) return true;
  if (state.sealed.back() == state.served) {
    place->sealed_dir = place->served_dir;
    return true;
  }
  place->sealed_dir = staging / "sealed";
  return fetch_record(remote, state.sealed.back(), place->sealed_dir, where, diags);
}

// The server's folder and the SSH configuration's path can be said to ssh
// and rsync as they are.
bool usable(const PublishOptions& options, const RemoteTarget& target, Diagnostics& diags) {
  if (!target.error.empty()) diags.error(options.to.string(), 0, 0, target.error);
  else if (options.ssh_config.string().find('\'') != std::string::npos) {
    diags.error(options.ssh_config.string(), 0, 0, cli::remote_bad_ssh_config());
  } else {
    return true;
  }
  return false;
}

}  // namespace

bool publish_remote(const PublishOptions& options, const RemoteTarget& target, Diagnostics& diags,
                    PublishReport* report) {
  const std::string where = target.host + ":" + target.path + "/current";
  if (!usable(options, target, diags)) return false;
  auto source = release_source(options, diags);
  if (!source) return false;
  Staging staging;
  if (staging.dir.empty()) {
    diags.error(fs::temp_directory_path().string(), 0, 0, cli::remote_no_staging());
    return false;
  }
  const Remote remote{target, options.ssh_config.string(), (staging.dir / "ssh").string()};
  struct Closing {
    const Remote& r;
    ~Closing() { r.close(); }
  } closing{remote};
  const auto start = std::chrono::steady_clock::now();
  ServerState state;
  if (!read_state(remote, where, &state, diags)) return false;
  if (!state.has_rsync) diags.error(where, 0, 0, cli::remote_program_missing("rsync (trên máy chủ)"));
  if (state.not_ours) diags.error(where, 0, 0, cli::publish_current_not_ours());
  if (diags.has_errors()) return false;
  const SentCopy copy(options, target);
  ReleasePlace place;
  if (!plan_release(remote, state, copy, staging.dir, where, &place, diags)) return false;
  const double asked = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  auto name = make_release(options, *source, place, diags, report);
  if (!name) return false;
  report->timings.insert(report->timings.begin(), {"ask the server (ssh), fetch the served proof", asked});

  const auto send_start = std::chrono::steady_clock::now();
  int sent = -1;
  if (!send_release(remote, place.releases, *name, state.served, where, &sent, diags)) return false;
  const auto switch_start = std::chrono::steady_clock::now();
  if (!switch_release(remote, *name, options.keep, where, diags)) return false;
  const auto end = std::chrono::steady_clock::now();
  report->timings.push_back({"send (rsync)", std::chrono::duration<double>(switch_start - send_start).count()});
  report->timings.push_back({"switch and prune (ssh)", std::chrono::duration<double>(end - switch_start).count()});
  report->release = *name;
  if (sent >= 0) report->reused = std::max(0, report->files - sent);
  copy.keep(place.releases / *name, *name);
  return true;
}

bool rollback_remote(const PublishOptions& options, const RemoteTarget& target, Diagnostics& diags,
                     PublishReport* report) {
  const std::string where = target.host + ":" + target.path + "/current";
  if (!usable(options, target, diags)) return false;
  const Remote remote{target, options.ssh_config.string(), ""};
  const std::string script =
      "cd -- " + quoted(target.path) + " || exit 3\n"
      "served=$(basename \"$(readlink current 2>/dev/null)\"); prev=; found=\n"
      "for d in releases/*; do [ -d \"$d\" ] || continue; r=${d#releases/}\n"
      "  if [ \"$r\" = \"$served\" ]; then found=1; break; fi; prev=$r; done\n"
      "[ -n \"$found\" ] && [ -n \"$prev\" ] || { echo none; exit 0; }\n"
      "ln -sfn \"releases/$prev\" .current.tmp-back && mv -T -- .current.tmp-back current || exit 5\n"
      "echo \"switched $prev\"\n";
  const ProgramRun run = remote.run(script, 60);
  if (!ran(run, "ssh", where, diags)) return false;
  const size_t at = run.out.find("switched ");
  if (at == std::string::npos) {
    diags.error(where, 0, 0, cli::rollback_nothing());
    return false;
  }
  report->release = trim(run.out.substr(at + 9));
  return true;
}

}  // namespace congbo
