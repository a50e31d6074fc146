// Start-up time of the cprokit binary on one file (issue 23): runs it N times
// per case and prints the median and 90th percentile wall time, with a
// second binary (--baseline) run alternately, run by run, for the ratio.
//
//   cprokit_startup_bench --cprokit build/release/cli/cprokit
//       --baseline OLD/cprokit --file invoice.xml [--runs 50] [-- ARGS...]
//
// Cases: `lint ARGS FILE` (every rule, XSD on), the same with --no-xsd, and
// --version (the process alone). Output of the children is discarded.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>  // environ

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/core.h>

#include "bench/program_args.hpp"

namespace {

constexpr std::string_view kProgram = "cprokit_startup_bench";

struct Options {
  std::string cprokit = "build/release/cli/cprokit";
  std::optional<std::string> baseline;
  std::string file;
  std::uint64_t runs = 50;
  std::vector<std::string> extra;  // given to lint, before the file
};

constexpr std::string_view kHelp =
    R"(Usage: cprokit_startup_bench --file FILE [options] [-- LINT-ARGS...]

Times whole runs of the cprokit binary on one file, as a pre-commit hook or an
editor linting on save pays them: `lint LINT-ARGS FILE` (every rule, XSD on
unless LINT-ARGS say otherwise), the same with --no-xsd, and --version (the
process alone). Prints the median and 90th percentile wall time of each case;
with --baseline, the two binaries run alternately, run by run, and the ratio
baseline/new is printed (the machine's noise falls on both alike).

Options:
  --file FILE       the document to lint (required)
  --cprokit PATH    the binary to time (default build/release/cli/cprokit)
  --baseline PATH   a second binary, e.g. the previous head's, for the ratio
  --runs N          runs per case and binary (default 50)
  --help            this text

Example: cprokit_startup_bench --baseline /tmp/old/cprokit \
           --file fixtures/invoices/ubl/invoice-valid.xml -- --schemas ~/xsd
)";

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      fmt::print("{}", kHelp);
      std::exit(0);
    }
    if (arg == "--") {
      o.extra.assign(argv + i + 1, argv + argc);
      break;
    }
    if (i + 1 >= argc)
      cprokit::bench::usage_error(kProgram, fmt::format("{} needs a value (see --help)", arg));
    const std::string_view value = argv[++i];
    if (arg == "--cprokit") {
      o.cprokit = value;
    } else if (arg == "--baseline") {
      o.baseline = std::string(value);
    } else if (arg == "--file") {
      o.file = value;
    } else if (arg == "--runs") {
      o.runs = cprokit::bench::whole_number_arg(kProgram, arg, value, 1, 100'000);
    } else {
      cprokit::bench::usage_error(kProgram, fmt::format("unknown option {} (see --help)", arg));
    }
  }
  if (o.file.empty()) cprokit::bench::usage_error(kProgram, "--file FILE is required");
  return o;
}

// Wall time of one run, in milliseconds, output discarded.
double run_ms(const std::string& binary, const std::vector<std::string>& args) {
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(binary.c_str()));
  for (const auto& a : args)
    argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  const auto start = std::chrono::steady_clock::now();
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, binary.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) cprokit::bench::usage_error(kProgram, fmt::format("cannot start {}", binary));
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) > 1) {
    cprokit::bench::usage_error(kProgram, fmt::format("{} failed (status {})", binary, status));
  }
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

struct Stats {
  double median;
  double p90;
};

Stats stats(std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  const auto at = [&](double q) {
    return ms[std::min(ms.size() - 1,
                       static_cast<std::size_t>(q * static_cast<double>(ms.size())))];
  };
  return {at(0.5), at(0.9)};
}

}  // namespace

int main(int argc, char** argv) {
  const Options o = parse(argc, argv);
  std::vector<std::string> lint = {"lint"};
  lint.insert(lint.end(), o.extra.begin(), o.extra.end());
  std::vector<std::string> no_xsd = lint;
  no_xsd.emplace_back("--no-xsd");
  lint.push_back(o.file);
  no_xsd.push_back(o.file);
  const std::vector<std::pair<std::string, std::vector<std::string>>> cases = {
      {"lint, XSD on", lint}, {"lint --no-xsd", no_xsd}, {"--version", {"--version"}}};

  fmt::print("{} runs per case, file {}\n", o.runs, o.file);
  fmt::print("{:<16} {:>12} {:>10}", "case", "new median", "new p90");
  if (o.baseline) fmt::print(" {:>12} {:>10} {:>15}", "base median", "base p90", "base/new (med)");
  fmt::print("\n");
  for (const auto& [name, args] : cases) {
    std::vector<double> fresh;
    std::vector<double> base;
    for (std::uint64_t i = 0; i < o.runs; ++i) {
      // Alternated, the order swapped every other run: both see the same load.
      if (o.baseline && i % 2 == 1) base.push_back(run_ms(*o.baseline, args));
      fresh.push_back(run_ms(o.cprokit, args));
      if (o.baseline && i % 2 == 0) base.push_back(run_ms(*o.baseline, args));
    }
    const Stats n = stats(fresh);
    fmt::print("{:<16} {:>9.1f} ms {:>7.1f} ms", name, n.median, n.p90);
    if (o.baseline) {
      const Stats b = stats(base);
      fmt::print(" {:>9.1f} ms {:>7.1f} ms {:>14.2f}x", b.median, b.p90, b.median / n.median);
    }
    fmt::print("\n");
  }
  return 0;
}
