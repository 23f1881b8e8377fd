// main.cc: the congbo command: parse arguments, run the pipeline, print
// diagnostics, set the exit status (0 ok, 1 content errors, 2 usage).
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "messages.h"
#include "publish.h"
#include "serve.h"
#include "site.h"

namespace {

int usage_error(const std::string& what) {
  std::cerr << "congbo: " << what << "\n\n" << congbo::msg::usage();
  return 2;
}

std::atomic<bool> g_stop{false};

// congbo serve [--site DIR] [--port N] [--out DIR] [--quiet]
int run_serve(const std::vector<std::string>& args) {
  congbo::ServeOptions options;
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&]() -> const std::string* { return i + 1 < args.size() ? &args[++i] : nullptr; };
    const std::string* v = nullptr;
    if (a == "--site" && (v = value())) {
      options.site_dir = *v;
    } else if (a == "--out" && (v = value())) {
      options.out_dir = *v;
    } else if (a == "--port" && (v = value())) {
      try {
        options.port = std::stoi(*v);
      } catch (...) {
        return usage_error("--port cần một số");
      }
    } else if (a == "--quiet" || a == "-q") {
      options.quiet = true;
    } else {
      return usage_error("tùy chọn không rõ hoặc thiếu giá trị: " + a);
    }
  }
  // Ctrl+C stops the server cleanly, so its temporary output is removed.
  std::signal(SIGINT, [](int) { g_stop = true; });
  std::signal(SIGTERM, [](int) { g_stop = true; });
  return congbo::serve(options, &g_stop);
}

void print(const congbo::Diagnostics& diags) {
  for (const auto& d : diags.sorted()) std::cerr << d.format() << "\n";
}

// congbo publish [--site DIR] --to DIR [--ref REV] [--keep N] [--quiet]
// congbo publish --rollback --to DIR
int run_publish(const std::vector<std::string>& args) {
  congbo::PublishOptions options;
  bool back = false, quiet = false;
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&]() -> const std::string* { return i + 1 < args.size() ? &args[++i] : nullptr; };
    const std::string* v = nullptr;
    if (a == "--site" && (v = value())) {
      options.site_dir = *v;
    } else if (a == "--to" && (v = value())) {
      options.to = *v;
    } else if (a == "--ref" && (v = value())) {
      options.ref = *v;
    } else if (a == "--keep" && (v = value())) {
      try {
        options.keep = std::stoi(*v);
      } catch (...) {
        return usage_error("--keep cần một số");
      }
    } else if (a == "--rollback") {
      back = true;
    } else if (a == "--quiet" || a == "-q") {
      quiet = true;
    } else {
      return usage_error("tùy chọn không rõ hoặc thiếu giá trị: " + a);
    }
  }
  if (options.to.empty()) return usage_error(congbo::msg::publish_no_target());
  congbo::Diagnostics diags;
  congbo::PublishReport report;
  bool ok = back ? congbo::rollback(options.to, diags, &report) : congbo::publish(options, diags, &report);
  print(diags);
  if (!ok) {
    std::cerr << congbo::msg::build_failed(diags.error_count(), diags.warning_count(), false) << "\n";
    return 1;
  }
  if (!quiet) {
    std::cout << (back ? congbo::msg::rollback_done(report.release)
                       : congbo::msg::publish_done(report.release, report.commit, report.files, report.reused))
              << "\n";
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return usage_error("thiếu lệnh (build hoặc check)");
  for (const auto& a : args) {
    if (a == "--help" || a == "-h") {
      std::cout << congbo::msg::usage();
      return 0;
    }
    if (a == "--version") {
      std::cout << "congbo " << CONGBO_VERSION << "\n";
      return 0;
    }
  }

  const std::string command = args[0];
  if (command == "publish") return run_publish(args);
  if (command == "serve") return run_serve(args);
  if (command != "build" && command != "check") return usage_error("lệnh không rõ: " + command);

  congbo::BuildOptions options;
  options.write = command == "build";
  bool quiet = false;
  bool timings = false;
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&]() -> const std::string* {
      return i + 1 < args.size() ? &args[++i] : nullptr;
    };
    if (a == "--site") {
      const std::string* v = value();
      if (!v) return usage_error("--site cần một thư mục");
      options.site_dir = *v;
    } else if (a == "--out" && command == "build") {
      const std::string* v = value();
      if (!v) return usage_error("--out cần một thư mục");
      options.out_dir = *v;
    } else if (a == "--ref") {
      const std::string* v = value();
      if (!v) return usage_error("--ref cần tên nhánh, thẻ hoặc mã commit");
      options.ref = *v;
    } else if (a == "--jobs" || a == "-j") {
      const std::string* v = value();
      try {
        if (!v) throw 0;
        options.jobs = std::stoi(*v);
      } catch (...) {
        return usage_error("--jobs cần một số");
      }
    } else if (a == "--timings") {
      timings = true;
    } else if (a == "--quiet" || a == "-q") {
      quiet = true;
    } else {
      return usage_error("tùy chọn không rõ: " + a);
    }
  }

  auto start = std::chrono::steady_clock::now();
  congbo::Diagnostics diags;
  congbo::BuildReport report;
  bool ok = congbo::build(options, diags, &report);
  print(diags);
  if (!ok) {
    std::error_code ec;
    std::filesystem::path out =
        options.out_dir.empty() ? options.site_dir / "public" : options.out_dir;
    bool had_output = options.write && std::filesystem::exists(out, ec);
    std::cerr << congbo::msg::build_failed(diags.error_count(), diags.warning_count(), had_output)
              << "\n";
    return 1;
  }
  if (timings) {
    for (const auto& [stage, seconds] : report.timings) {
      std::fprintf(stderr, "%8.3f s  %s\n", seconds, stage.c_str());
    }
  }
  if (!quiet) {
    long ms = static_cast<long>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                    std::chrono::steady_clock::now() - start).count());
    if (options.write) {
      std::string out = (options.out_dir.empty() ? options.site_dir / "public" : options.out_dir).string();
      std::cout << congbo::msg::build_done(report.pages, out, ms) << "\n";
    } else {
      std::cout << congbo::msg::check_done(report.pages) << "\n";
    }
  }
  return 0;
}
