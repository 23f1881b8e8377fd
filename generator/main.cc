// main.cc: the congbo command: parse arguments, run a command, print
// diagnostics, set the exit status (0 ok, 1 content errors, 2 usage).
#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <termios.h>
#include <unistd.h>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "cli_words.h"
#include "desk.h"
#include "import.h"
#include "scaffold.h"
#include "publish.h"
#include "remote_publish.h"
#include "serve.h"
#include "signing.h"
#include "site.h"
#include "verify.h"

namespace {

int usage_error(const std::string& what) {
  std::cerr << "congbo: " << what << "\n\n" << congbo::cli::usage();
  return 2;
}

// Walks a command's options; value() and number() read the word after one.
class Args {
 public:
  explicit Args(const std::vector<std::string>& args) : args_(args) {}
  bool next(std::string* option) {
    if (++i_ >= args_.size()) return false;
    *option = args_[i_];
    return true;
  }
  std::optional<std::string> value() {
    if (i_ + 1 >= args_.size()) return std::nullopt;
    return args_[++i_];
  }
  /// The next word as a whole number in [min, max] ("8abc", "-3", "99999"
  /// for a port: nullopt).
  std::optional<int> number(int min, int max) {
    auto v = value();
    if (!v) return std::nullopt;
    int n = 0;
    const char* end = v->data() + v->size();
    auto [stop, ec] = std::from_chars(v->data(), end, n);
    if (ec != std::errc() || stop != end || n < min || n > max) return std::nullopt;
    return n;
  }

 private:
  const std::vector<std::string>& args_;
  size_t i_ = 0;  // args_[0] is the command
};


void print(const congbo::Diagnostics& diags) {
  for (const auto& d : diags.sorted()) std::cerr << d.format() << "\n";
}

std::atomic<bool> g_stop{false};

// congbo build|check [--site DIR] [--out DIR] [--ref REV] [--jobs N] [--timings] [--quiet]
int run_build(const std::string& command, const std::vector<std::string>& words) {
  congbo::BuildOptions options;
  options.write = command == "build";
  bool quiet = false, timings = false;
  Args args(words);
  std::string a;
  while (args.next(&a)) {
    if (a == "--site" || a == "--ref" || (a == "--out" && options.write)) {
      auto v = args.value();
      if (!v) return usage_error(congbo::cli::missing_value(a));
      if (a == "--site") options.site_dir = *v;
      if (a == "--out") options.out_dir = *v;
      if (a == "--ref") options.ref = *v;
    } else if (a == "--jobs" || a == "-j") {
      auto n = args.number(1, 1024);
      if (!n) return usage_error(congbo::cli::missing_number(a, 1, 1024));
      options.jobs = *n;
    } else if (a == "--timings") {
      timings = true;
    } else if (a == "--quiet" || a == "-q") {
      quiet = true;
    } else {
      return usage_error(congbo::cli::unknown_option(a));
    }
  }

  // Progress: a bar on a terminal; one line per stage in CI or a log; nothing with --quiet.
  const bool terminal = ::isatty(2) && !std::getenv("CI");
  if (!quiet) {
    options.progress = [terminal](const std::string& stage, int done, int total) {
      if (terminal) {
        const int width = 30, filled = total ? done * width / total : width;
        int letters = 0;  // pad by characters, not bytes: Vietnamese letters take several
        for (unsigned char c : stage) letters += (c & 0xC0) != 0x80;
        std::string label = stage + std::string(std::max(0, 20 - letters), ' ');
        std::fprintf(stderr, "\r%s [%s%s] %d/%d", label.c_str(), std::string(filled, '#').c_str(),
                     std::string(width - filled, '-').c_str(), done, total);
        if (done == total) std::fputc('\n', stderr);
      } else if (done == total) {
        std::fprintf(stderr, "%s: %d\n", stage.c_str(), total);
      }
    };
  }
  auto start = std::chrono::steady_clock::now();
  congbo::Diagnostics diags;
  congbo::BuildReport report;
  bool ok = congbo::build(options, diags, &report);
  print(diags);
  std::filesystem::path out = options.out_dir.empty() ? options.site_dir / "public" : options.out_dir;
  if (!ok) {
    std::error_code ec;
    bool had_output = options.write && std::filesystem::exists(out, ec);
    std::cerr << congbo::cli::build_failed(diags.error_count(), diags.warning_count(), had_output) << "\n";
    return 1;
  }
  if (timings) {
    for (const auto& [stage, seconds] : report.timings) std::fprintf(stderr, "%8.3f s  %s\n", seconds, stage.c_str());
  }
  if (!quiet) {
    long ms = static_cast<long>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                    std::chrono::steady_clock::now() - start).count());
    std::cout << (!options.write        ? congbo::cli::check_done(report.pages, diags.warning_count())
                  : report.up_to_date ? congbo::cli::build_up_to_date(out.string(), ms)
                                      : congbo::cli::build_done(report.pages, out.string(), ms))
              << "\n";
  }
  return 0;
}

// congbo serve [--site DIR] [--port N] [--out DIR] [--listen ADDR] [--quiet]
int run_serve(const std::vector<std::string>& words) {
  congbo::ServeOptions options;
  Args args(words);
  std::string a;
  while (args.next(&a)) {
    if (a == "--site" || a == "--out" || a == "--listen") {
      auto v = args.value();
      if (!v) return usage_error(congbo::cli::missing_value(a));
      if (a == "--site") options.site_dir = *v;
      if (a == "--out") options.out_dir = *v;
      if (a == "--listen") options.host = *v;
    } else if (a == "--port") {
      auto n = args.number(1, 65535);
      if (!n) return usage_error(congbo::cli::missing_number(a, 1, 65535));
      options.port = *n;
    } else if (a == "--quiet" || a == "-q") {
      options.quiet = true;
    } else {
      return usage_error(congbo::cli::unknown_option(a));
    }
  }
  // Ctrl+C stops the server cleanly, so its temporary output is removed.
  std::signal(SIGINT, [](int) { g_stop = true; });
  std::signal(SIGTERM, [](int) { g_stop = true; });
  return congbo::serve(options, &g_stop);
}

// congbo publish [--site DIR] --to DIR|USER@HOST:/DIR [--ssh-config F] [--ref REV] [--keep N] [--drop-versions] [--quiet]
// congbo publish --rollback --to DIR|USER@HOST:/DIR
int run_publish(const std::vector<std::string>& words) {
  congbo::PublishOptions options;
  bool back = false, quiet = false, timings = false;
  Args args(words);
  std::string a;
  if (const char* key = std::getenv("CONGBO_PUBLISH_KEY")) options.key_file = key;
  while (args.next(&a)) {
    if (a == "--site" || a == "--to" || a == "--ref" || a == "--key" || a == "--ssh-config") {
      auto v = args.value();
      if (!v) return usage_error(congbo::cli::missing_value(a));
      if (a == "--ssh-config") options.ssh_config = *v;
      if (a == "--site") options.site_dir = *v;
      if (a == "--to") options.to = *v;
      if (a == "--ref") options.ref = *v;
      if (a == "--key") options.key_file = *v;
    } else if (a == "--keep") {
      auto n = args.number(1, 1000);
      if (!n) return usage_error(congbo::cli::missing_number(a, 1, 1000));
      options.keep = *n;
    } else if (a == "--rollback") {
      back = true;
    } else if (a == "--drop-versions") {
      options.drop_versions = true;
    } else if (a == "--timings") {
      timings = true;
    } else if (a == "--quiet" || a == "-q") {
      quiet = true;
    } else {
      return usage_error(congbo::cli::unknown_option(a));
    }
  }
  if (options.to.empty()) return usage_error(congbo::cli::publish_no_target());
  congbo::Diagnostics diags;
  congbo::PublishReport report;
  bool ok = back ? congbo::rollback(options, diags, &report) : congbo::publish(options, diags, &report);
  print(diags);
  if (!ok) {
    std::cerr << congbo::cli::build_failed(diags.error_count(), diags.warning_count(), false) << "\n";
    return 1;
  }
  if (timings) {
    for (const auto& [stage, seconds] : report.timings) std::fprintf(stderr, "%8.3f s  %s\n", seconds, stage.c_str());
  }
  if (!quiet) {
    std::cout << (back ? congbo::cli::rollback_done(report.release)
                       : congbo::cli::publish_done(report.release, report.commit, report.files, report.reused,
                                                 report.signed_release))
              << "\n";
  }
  return 0;
}

// congbo import FILE... [--site DIR] [--section DIR] [--dry-run]
int run_import(const std::vector<std::string>& words) {
  congbo::ImportOptions options;
  Args args(words);
  std::string a;
  while (args.next(&a)) {
    if (a == "--site") {
      auto v = args.value();
      if (!v) return usage_error(congbo::cli::missing_value(a));
      options.site_dir = *v;
    } else if (a == "--section") {
      auto v = args.value();
      if (!v) return usage_error(congbo::cli::missing_value(a));
      if (std::string why = congbo::section_refusal(*v); !why.empty()) return usage_error(why);
      options.section = *v;
    } else if (a == "--dry-run") {
      options.dry_run = true;
    } else if (!a.empty() && a[0] == '-') {
      return usage_error(congbo::cli::unknown_option(a));
    } else {
      options.files.push_back(a);
    }
  }
  if (options.files.empty()) return usage_error("cách dùng: congbo import TỆP... [--site THƯ_MỤC] [--section van-ban] [--dry-run]");
  congbo::Diagnostics diags;
  const bool ok = congbo::import_documents(options, std::cout, diags);
  print(diags);
  return ok ? 0 : 1;
}

// congbo keygen FILE
int run_keygen(const std::vector<std::string>& words) {
  if (words.size() != 2 || words[1].empty() || words[1][0] == '-') return usage_error("cách dùng: congbo keygen TỆP_KHÓA");
  std::string why;
  auto key = congbo::create_key_file(words[1], &why);
  if (!key) {
    std::cerr << words[1] << ": error: " << why << "\n";
    return 1;
  }
  std::cout << "Đã tạo khóa ký ở " << words[1] << ". Giữ kín tệp này và sao lưu ở nơi an toàn:\n"
            << "ai có nó thì ký được thay Ban; mất nó thì phải đổi khóa.\n\n"
            << "Thêm dòng này vào phần đầu site.toml (trước dòng [ ] đầu tiên) rồi commit, để người\n"
            << "đọc kiểm được chữ ký:\n"
            << "public_key = \"" << key->public_key() << "\"\n\n"
            << "Công bố có ký: congbo publish --to THƯ_MỤC --key " << words[1] << "\n";
  return 0;
}

// congbo verify TARGET [--against DIR] [--site DIR] [--public-key KEY]
int run_verify(const std::vector<std::string>& words) {
  congbo::VerifyOptions options;
  Args args(words);
  std::string a;
  while (args.next(&a)) {
    if (a == "--against" || a == "--site" || a == "--public-key") {
      auto v = args.value();
      if (!v) return usage_error(congbo::cli::missing_value(a));
      if (a == "--against") options.against = *v;
      if (a == "--site") options.site_dir = *v;
      if (a == "--public-key") options.public_key = *v;
    } else if (!a.empty() && a[0] == '-') {
      return usage_error(congbo::cli::unknown_option(a));
    } else if (!options.target.empty()) {
      return usage_error("mỗi lần chỉ xác minh một tệp hay một thư mục");
    } else {
      options.target = a;
    }
  }
  if (options.target.empty()) return usage_error("cách dùng: congbo verify TỆP|THƯ_MỤC [--against THƯ_MỤC]");
  congbo::Diagnostics diags;
  const bool ok = congbo::verify(options, std::cout, diags);
  print(diags);
  return ok ? 0 : 1;
}

// The password for --add-user: from standard input, one line (so scripts can
// make accounts), asked for without echo when standard input is a terminal.
std::string read_password() {
  const bool tty = ::isatty(STDIN_FILENO);
  termios old{};
  if (tty) {
    std::cerr << "Mật khẩu: " << std::flush;
    tcgetattr(STDIN_FILENO, &old);
    termios quiet = old;
    quiet.c_lflag &= ~ECHO;
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string password;
  std::getline(std::cin, password);
  if (tty) {
    tcsetattr(STDIN_FILENO, TCSANOW, &old);
    std::cerr << "\n";
  }
  if (!password.empty() && password.back() == '\r') password.pop_back();
  return password;
}

// congbo soan [--site DIR] [--port N] [--listen ADDR] [--tls-cert F --tls-key F] [--quiet]
// congbo soan --add-user LOGIN --name "HỌ TÊN" [--email E] [--role soan|xuat-ban]
int run_desk(const std::vector<std::string>& words) {
  congbo::DeskOptions options;
  std::string add, name, email, role;
  Args args(words);
  std::string a;
  if (const char* key = std::getenv("CONGBO_PUBLISH_KEY")) options.publish_key = key;
  while (args.next(&a)) {
    if (a == "--site" || a == "--listen" || a == "--tls-cert" || a == "--tls-key" || a == "--add-user" ||
        a == "--name" || a == "--email" || a == "--role" || a == "--publish-to" || a == "--publish-key") {
      auto v = args.value();
      if (!v) return usage_error(congbo::cli::missing_value(a));
      if (a == "--site") options.site_dir = *v;
      if (a == "--listen") options.host = *v;
      if (a == "--tls-cert") options.tls_cert = *v;
      if (a == "--tls-key") options.tls_key = *v;
      if (a == "--add-user") add = *v;
      if (a == "--name") name = *v;
      if (a == "--email") email = *v;
      if (a == "--role") role = *v;
      if (a == "--publish-to") options.publish_to = *v;
      if (a == "--publish-key") options.publish_key = *v;
      if (a == "--publish-to" && congbo::remote_target(*v)) return usage_error(congbo::cli::desk_publish_local_only());
    } else if (a == "--port") {
      auto n = args.number(1, 65535);
      if (!n) return usage_error(congbo::cli::missing_number(a, 1, 65535));
      options.port = *n;
    } else if (a == "--quiet" || a == "-q") {
      options.quiet = true;
    } else {
      return usage_error(congbo::cli::unknown_option(a));
    }
  }
  if (!add.empty()) return congbo::add_desk_user(options.site_dir, add, name, email, role, read_password());
  std::signal(SIGINT, [](int) { g_stop = true; });
  std::signal(SIGTERM, [](int) { g_stop = true; });
  return congbo::run_desk(options, &g_stop);
}

// congbo new van-ban|mo-hinh|trang [TITLE] [--site DIR]
int run_new(const std::vector<std::string>& words) {
  std::filesystem::path site = ".";
  std::vector<std::string> plain;
  for (size_t i = 1; i < words.size(); ++i) {
    if (words[i] == "--site" && i + 1 < words.size()) site = words[++i];
    else plain.push_back(words[i]);
  }
  if (plain.empty() || plain.size() > 2) return usage_error("cách dùng: congbo new van-ban|mo-hinh|trang [\"TRÍCH YẾU\"]");
  return congbo::new_content(site, plain[0], plain.size() > 1 ? plain[1] : "");
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return usage_error("thiếu lệnh (build, check, serve, publish, soan, new, init, import, keygen hoặc verify)");
  for (const auto& a : args) {
    if (a == "--help" || a == "-h") {
      std::cout << congbo::cli::usage_of(args[0]);
      return 0;
    }
    if (a == "--version") {
      std::cout << "congbo " << CONGBO_VERSION << "\n";
      return 0;
    }
  }
  const std::string& command = args[0];
  if (command == "build" || command == "check") return run_build(command, args);
  if (command == "serve") return run_serve(args);
  if (command == "publish") return run_publish(args);
  if (command == "soan") return run_desk(args);
  if (command == "new") return run_new(args);
  if (command == "keygen") return run_keygen(args);
  if (command == "import") return run_import(args);
  if (command == "verify") return run_verify(args);
  if (command == "init") {
    if (args.size() != 2) return usage_error("cách dùng: congbo init THƯ_MỤC");
    return congbo::init_site(args[1]);
  }
  std::cerr << "congbo: " << congbo::cli::unknown_command(command) << "\n";
  return 2;
}
