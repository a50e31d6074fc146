// cprokit_mock_load: the mock under load, slow clients and a burst of large
// unauthenticated bodies, then SIGTERM; the mock is a child process whose
// memory is read from /proc. Run by scripts/load.sh; see --help.
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <csignal>

#include <algorithm>
#include <array>
#include <atomic>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <latch>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "bench/api_client.hpp"
#include "bench/mock_child.hpp"
#include "bench/program_args.hpp"

namespace {

using namespace cprokit::bench;
using Clock = std::chrono::steady_clock;
using Json = nlohmann::json;
namespace fs = std::filesystem;

// Bytes in MB, for printing.
double mb(std::size_t bytes) {
  return static_cast<double>(bytes) / (1024.0 * 1024.0);
}

constexpr std::string_view kHelp = R"(Usage: cprokit_mock_load [options]

The mock Chorus Pro (`cprokit mock`, a child process: --no-xsd, --flux-delay
0, a fresh data folder, --request-timeout when the binary has it) under four
phases, each judged; its resident memory (VmRSS) is read every 100 ms.

  load     --clients keep-alive clients for --seconds, each sending one
           request after another: 1 in 4 deposer/flux (a new invoice number
           each), 2 in 4 structures/v1/consulter, 1 in 4
           factures/v1/rechercher/fournisseur (10 a page). Passes with no
           error (any answer but 200) and a flat RSS: the highest of the last
           third of the per-second samples within max(10 %, 20 MB) of the
           highest of the first third. Prints p50/p99/max per operation.
  slow     first a baseline: --normal clients consulting for 3 s (their
           p99); then --slow connections each sending a consult one byte a
           second while --normal clients consult for --request-timeout +
           --slack + 1 s. Passes when every slow connection is cut (408, or
           closed) within --request-timeout + --slack of its connection, and
           the normal clients have no error and a p99 within 2 x the
           baseline's + 25 ms.
  burst    --burst connections at once, each a POST deposer/flux without
           credentials announcing --burst-mb MB and sending it. Passes when
           each is refused (401 or 413, or closed before its body is sent)
           within 2 s, and the RSS 3 s after the last refusal is within
           32 MB of the RSS before the burst.
  sigterm  SIGTERM: passes when the mock exits within 2 s (it is killed
           after 60 s).

Options:
  --seconds N          load phase length (default 60)
  --clients N          load phase clients (default 64)
  --slow N             slow connections (default 200)
  --normal N           clients beside them (default 16)
  --request-timeout N  the mock's per-request deadline, s (default 5)
  --slack N            allowed beyond it, s (default 2)
  --burst N            large unauthenticated POSTs (default 64)
  --burst-mb N         their Content-Length in MB (default 40)
  --phases LIST        comma-separated, in this order (default load,slow,burst,sigterm)
  --max-rss-mb N       the mock is killed (and the run fails) past this RSS
                       (default 3072), rather than let it eat the machine
  --cprokit FILE       the binary (default build/release/cli/cprokit)
  --directory FILE     (default fixtures/directory/matheysine.json)
  --invoice FILE       UBL invoice holding FA-2026-0042 (default
                       fixtures/invoices/chorus/invoice-chorus-ok.xml)
  --tmp DIR            where the data folder is made (default /tmp)
  --help               this text

Exit status: 0 when every phase run passed, 1 otherwise, 2 on a usage or
setup error.
)";

const std::vector<std::string> kPhases{"load", "slow", "burst", "sigterm"};

struct Options {
  std::size_t seconds = 60;
  std::size_t clients = 64;
  std::size_t slow = 200;
  std::size_t normal = 16;
  std::size_t request_timeout = 5;
  std::size_t slack = 2;
  std::size_t burst = 64;
  std::size_t burst_mb = 40;
  std::set<std::string> phases{kPhases.begin(), kPhases.end()};
  std::size_t max_rss_mb = 3072;
  MockFiles files;  // --cprokit, --directory, --invoice, --tmp
};

constexpr std::string_view kProgram = "cprokit_mock_load";

[[noreturn]] void usage_error(std::string_view message) {
  cprokit::bench::usage_error(kProgram, message);
}

std::size_t count_arg(std::string_view option, std::string_view text, std::size_t min,
                      std::size_t max) {
  return static_cast<std::size_t>(whole_number_arg(kProgram, option, text, min, max));
}

std::set<std::string> phases_arg(std::string_view text) {
  std::set<std::string> out;
  while (!text.empty()) {
    const auto comma = text.find(',');
    const std::string phase(text.substr(0, comma));
    if (std::find(kPhases.begin(), kPhases.end(), phase) == kPhases.end()) {
      usage_error(fmt::format("--phases: unknown phase '{}' (load, slow, burst, sigterm)", phase));
    }
    out.insert(phase);
    text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
  }
  if (out.empty()) usage_error("--phases wants a list such as load,slow");
  return out;
}

Options parse_options(int argc, char** argv) {
  Options opt;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      fmt::print("{}", kHelp);
      std::exit(0);
    }
    if (i + 1 >= argc)
      usage_error(fmt::format("unknown option or no value: '{}' (see --help)", arg));
    const std::string_view value = argv[++i];
    if (arg == "--seconds") {
      opt.seconds = count_arg(arg, value, 1, 86'400);
    } else if (arg == "--clients") {
      opt.clients = count_arg(arg, value, 1, 1000);
    } else if (arg == "--slow") {
      opt.slow = count_arg(arg, value, 0, 5000);
    } else if (arg == "--normal") {
      opt.normal = count_arg(arg, value, 1, 1000);
    } else if (arg == "--request-timeout") {
      opt.request_timeout = count_arg(arg, value, 1, 600);
    } else if (arg == "--slack") {
      opt.slack = count_arg(arg, value, 0, 600);
    } else if (arg == "--burst") {
      opt.burst = count_arg(arg, value, 1, 1000);
    } else if (arg == "--burst-mb") {
      opt.burst_mb = count_arg(arg, value, 1, 1000);
    } else if (arg == "--phases") {
      opt.phases = phases_arg(value);
    } else if (arg == "--max-rss-mb") {
      opt.max_rss_mb = count_arg(arg, value, 64, 1'000'000);
    } else if (!mock_files_option(arg, value, opt.files)) {
      usage_error(fmt::format("unknown option '{}' (see --help)", arg));
    }
  }
  return opt;
}

std::string read_file(std::string_view option, const fs::path& path) {
  return read_file_arg(kProgram, option, path);
}

double seconds_between(Clock::time_point from, Clock::time_point to) {
  return std::chrono::duration<double>(to - from).count();
}

// Whether `cprokit mock` has an option (its --help names it).
bool mock_has_option(const fs::path& cprokit, std::string_view option) {
  const std::string command = fmt::format("'{}' mock --help 2>&1", cprokit.string());
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  if (!pipe) return false;
  std::string text;
  std::array<char, 4096> buffer{};
  for (std::size_t n = 0; (n = std::fread(buffer.data(), 1, buffer.size(), pipe.get())) > 0;)
    text.append(buffer.data(), n);
  return text.find(option) != std::string::npos;
}

// ---------------------------------------------------------------------------
// The mock's memory, sampled every 100 ms; the mock killed past a cap.

class RssSampler {
 public:
  RssSampler(MockChild& mock, std::size_t cap_bytes)
      : mock_(mock), cap_(cap_bytes), thread_([this] { run(); }) {}
  RssSampler(const RssSampler&) = delete;
  RssSampler& operator=(const RssSampler&) = delete;
  ~RssSampler() {
    stop_ = true;
    thread_.join();
  }
  struct Sample {
    Clock::time_point at;
    std::size_t bytes;
  };
  // The samples taken in [from, to).
  std::vector<Sample> between(Clock::time_point from, Clock::time_point to) const {
    std::lock_guard lock(mutex_);
    std::vector<Sample> out;
    for (const auto& s : samples_)
      if (s.at >= from && s.at < to) out.push_back(s);
    return out;
  }
  std::size_t now() const { return mock_.rss(); }
  bool capped() const { return capped_; }

 private:
  void run() {
    while (!stop_) {
      const std::size_t bytes = mock_.rss();
      {
        std::lock_guard lock(mutex_);
        samples_.push_back({Clock::now(), bytes});
      }
      if (bytes > cap_ && !capped_) {
        capped_ = true;
        fmt::print("  the mock's RSS reached {:.0f} MB, past --max-rss-mb: killed\n", mb(bytes));
        mock_.signal(SIGKILL);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
  MockChild& mock_;
  std::size_t cap_;
  mutable std::mutex mutex_;
  std::vector<Sample> samples_;
  std::atomic<bool> stop_{false};
  std::atomic<bool> capped_{false};
  std::thread thread_;
};

// ---------------------------------------------------------------------------
// Keep-alive clients.

struct Op {
  std::string name;
  std::string_view path;
};

struct OpStats {
  std::vector<double> ms;  // sorted once gathered
  std::size_t errors = 0;
  std::string first_error;
  double p(double percent) const { return nearest_rank(ms, percent); }
};

// `clients` threads for `seconds`, each on its own connection sending
// `ops[pick(n)]` with `body(op, client, n)` as its n-th request.
std::vector<OpStats> run_clients(
    int port, const std::string& bearer, std::size_t clients, double seconds,
    const std::vector<Op>& ops, const std::function<std::size_t(std::size_t)>& pick,
    const std::function<std::string(std::size_t, std::size_t, std::size_t)>& body,
    int read_timeout_s) {
  std::vector<std::vector<OpStats>> per_client(clients, std::vector<OpStats>(ops.size()));
  std::latch ready(static_cast<std::ptrdiff_t>(clients) + 1);
  Clock::time_point deadline;
  std::vector<std::thread> threads;
  for (std::size_t c = 0; c < clients; ++c) {
    threads.emplace_back([&, c] {
      Connection conn(port, bearer, read_timeout_s);
      ready.arrive_and_wait();
      for (std::size_t n = 0; Clock::now() < deadline; ++n) {
        const std::size_t op = pick(n + c);
        const std::string b = body(op, c, n);
        const auto sent = Clock::now();
        const Answer a = conn.post(ops[op].path, b);
        OpStats& s = per_client[c][op];
        s.ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - sent).count());
        if (a.status != 200 && s.errors++ == 0) s.first_error = describe(a);
      }
    });
  }
  deadline = Clock::now() +
             std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
  ready.arrive_and_wait();
  for (auto& t : threads)
    t.join();
  std::vector<OpStats> out(ops.size());
  for (const auto& client : per_client) {
    for (std::size_t op = 0; op < ops.size(); ++op) {
      out[op].ms.insert(out[op].ms.end(), client[op].ms.begin(), client[op].ms.end());
      if (out[op].first_error.empty()) out[op].first_error = client[op].first_error;
      out[op].errors += client[op].errors;
    }
  }
  for (auto& s : out)
    std::sort(s.ms.begin(), s.ms.end());
  return out;
}

void print_ops(const std::vector<Op>& ops, const std::vector<OpStats>& stats, double seconds) {
  fmt::print("  {:<14} {:>9} {:>8} {:>8} {:>8} {:>8} {:>7}\n", "operation", "requests", "req/s",
             "p50 ms", "p99 ms", "max ms", "errors");
  for (std::size_t i = 0; i < ops.size(); ++i) {
    const auto& s = stats[i];
    fmt::print("  {:<14} {:>9} {:>8.0f} {:>8.2f} {:>8.2f} {:>8.2f} {:>7}\n", ops[i].name,
               s.ms.size(), static_cast<double>(s.ms.size()) / seconds, s.p(50), s.p(99),
               s.ms.empty() ? 0.0 : s.ms.back(), s.errors);
    if (s.errors > 0) fmt::print("    first error: {}\n", s.first_error);
  }
}

std::string verdict(bool pass) {
  return pass ? "PASS" : "FAIL";
}

const std::string kConsultBody = Json{{"idStructureCPP", kConsulted}}.dump();

// ---------------------------------------------------------------------------
// Raw sockets for the slow clients and the burst.

int connect_nonblocking(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 && errno != EINPROGRESS) {
    ::close(fd);
    return -1;
  }
  return fd;
}

// The status of an HTTP answer's first bytes, 0 when they are not one.
int status_of(std::string_view head) {
  if (!head.starts_with("HTTP/1.") || head.size() < 12) return 0;
  int status = 0;
  std::from_chars(head.data() + 9, head.data() + 12, status);
  return status;
}

struct SlowResult {
  std::size_t connected = 0;
  std::size_t not_connected = 0;
  std::vector<double> cut_s;  // per connection cut: seconds after its connection
  std::size_t cut_408 = 0;
  std::size_t cut_closed = 0;
  std::size_t cut_other = 0;  // another answer
  std::size_t never_cut = 0;
};

// `count` connections, each sending a consult one byte a second, for
// `seconds`: when and how the mock cuts each.
SlowResult slow_clients(int port, std::size_t count, double seconds) {
  const std::string request = fmt::format(
      "POST {} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
      "Content-Length: {}\r\n\r\n{}",
      kConsulter, kConsultBody.size(), kConsultBody);
  struct Slow {
    int fd;
    Clock::time_point opened;
    std::size_t sent = 0;
    bool open = true;
  };
  SlowResult r;
  std::vector<Slow> slow;
  for (std::size_t i = 0; i < count; ++i) {
    const int fd = connect_nonblocking(port);
    if (fd >= 0) slow.push_back({fd, Clock::now()});
  }
  // Connected when writable without a socket error (3 s at most).
  const auto connect_limit = Clock::now() + std::chrono::seconds(3);
  std::vector<bool> connected(slow.size(), false);
  for (std::size_t done = 0; done < slow.size() && Clock::now() < connect_limit;) {
    std::vector<pollfd> fds;
    std::vector<std::size_t> index;
    for (std::size_t i = 0; i < slow.size(); ++i) {
      if (!connected[i] && slow[i].open) {
        fds.push_back({slow[i].fd, POLLOUT, 0});
        index.push_back(i);
      }
    }
    if (fds.empty()) break;
    ::poll(fds.data(), fds.size(), 100);
    for (std::size_t k = 0; k < fds.size(); ++k) {
      if (fds[k].revents == 0) continue;
      int error = 0;
      socklen_t len = sizeof error;
      ::getsockopt(fds[k].fd, SOL_SOCKET, SO_ERROR, &error, &len);
      Slow& s = slow[index[k]];
      if (error == 0) {
        connected[index[k]] = true;
        s.opened = Clock::now();
      } else {
        s.open = false;
      }
      ++done;
    }
  }
  for (std::size_t i = 0; i < slow.size(); ++i) {
    if (!connected[i] && slow[i].open) slow[i].open = false;
  }
  r.connected = static_cast<std::size_t>(std::count(connected.begin(), connected.end(), true));
  r.not_connected = count - r.connected;

  auto cut = [&](Slow& s, std::size_t& how) {
    s.open = false;
    ++how;
    r.cut_s.push_back(seconds_between(s.opened, Clock::now()));
  };
  const auto end = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                      std::chrono::duration<double>(seconds));
  auto next_byte = Clock::now();
  while (Clock::now() < end) {
    if (Clock::now() >= next_byte) {
      for (auto& s : slow) {
        if (!s.open || s.sent >= request.size()) continue;
        if (::send(s.fd, request.data() + s.sent, 1, MSG_NOSIGNAL | MSG_DONTWAIT) == 1) {
          ++s.sent;
        } else if (errno != EAGAIN) {
          cut(s, r.cut_closed);
        }
      }
      next_byte += std::chrono::seconds(1);
    }
    std::vector<pollfd> fds;
    std::vector<Slow*> owners;
    for (auto& s : slow) {
      if (s.open) {
        fds.push_back({s.fd, POLLIN, 0});
        owners.push_back(&s);
      }
    }
    if (fds.empty()) break;
    ::poll(fds.data(), fds.size(), 50);
    for (std::size_t k = 0; k < fds.size(); ++k) {
      if (fds[k].revents == 0) continue;
      std::array<char, 512> buffer{};
      const auto n = ::recv(fds[k].fd, buffer.data(), buffer.size(), MSG_DONTWAIT);
      if (n < 0 && errno == EAGAIN) continue;
      if (n <= 0) {
        cut(*owners[k], r.cut_closed);
      } else if (status_of({buffer.data(), static_cast<std::size_t>(n)}) == 408) {
        cut(*owners[k], r.cut_408);
      } else {
        cut(*owners[k], r.cut_other);
      }
    }
  }
  for (auto& s : slow) {
    if (s.open) ++r.never_cut;
    ::close(s.fd);
  }
  std::sort(r.cut_s.begin(), r.cut_s.end());
  return r;
}

struct BurstOne {
  int status = 0;       // the answer's, 0 without one
  bool closed = false;  // closed or reset before the whole body was sent
  std::size_t body_sent = 0;
  double seconds = 0;  // connection → answer or close
};

// One large unauthenticated POST, sent as fast as the mock takes it.
BurstOne large_post(int port, std::size_t bytes) {
  BurstOne out;
  const auto start = Clock::now();
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  timeval limit{30, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
  ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, sizeof limit);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    out.closed = true;
    out.seconds = seconds_between(start, Clock::now());
    return out;
  }
  const std::string head = fmt::format(
      "POST {} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
      "Content-Length: {}\r\n\r\n",
      kDeposerFlux, bytes);
  ::send(fd, head.data(), head.size(), MSG_NOSIGNAL);
  static const std::string chunk(std::size_t{256} * 1024, 'a');
  while (out.body_sent < bytes) {
    // An answer already there (refused from the headers) ends the sending.
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 0) > 0) break;
    const auto n =
        ::send(fd, chunk.data(), std::min(chunk.size(), bytes - out.body_sent), MSG_NOSIGNAL);
    if (n <= 0) {
      out.closed = true;
      break;
    }
    out.body_sent += static_cast<std::size_t>(n);
  }
  std::array<char, 512> buffer{};
  const auto n = ::recv(fd, buffer.data(), buffer.size(), 0);
  if (n > 0) out.status = status_of({buffer.data(), static_cast<std::size_t>(n)});
  if (n <= 0) out.closed = out.closed || out.body_sent < bytes;
  out.seconds = seconds_between(start, Clock::now());
  ::close(fd);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  const Options opt = parse_options(argc, argv);
  if (!fs::is_regular_file(opt.files.cprokit)) {
    usage_error(fmt::format("--cprokit {}: no such file (build the release preset first)",
                            opt.files.cprokit.string()));
  }
  read_file("--directory", opt.files.directory);
  std::optional<Renumbered> invoice;
  try {
    invoice.emplace(read_file("--invoice", opt.files.invoice));
  } catch (const std::exception& e) {
    usage_error(fmt::format("--invoice {}: {}", opt.files.invoice.string(), e.what()));
  }
  std::string pattern = (opt.files.tmp / "cprokit-load-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) {
    usage_error(fmt::format("--tmp {}: cannot make a folder there", opt.files.tmp.string()));
  }
  const fs::path work = pattern;
  const bool has_deadline = mock_has_option(opt.files.cprokit, "--request-timeout");
  std::vector<std::string> args{"--data",
                                (work / "data").string(),
                                "--directory",
                                opt.files.directory.string(),
                                "--no-xsd",
                                "--flux-delay",
                                "0"};
  if (has_deadline) {
    args.insert(args.end(), {"--request-timeout", std::to_string(opt.request_timeout)});
  }

  std::vector<std::string> failed;
  try {
    MockChild mock(opt.files.cprokit, args, work / "mock.log");
    RssSampler rss(mock, opt.max_rss_mb * 1024 * 1024);
    const std::string bearer = token(mock.port());
    fmt::print("cprokit mock (pid {}, 127.0.0.1:{}), {} core(s); RSS at start {:.1f} MB\n",
               mock.pid(), mock.port(), std::thread::hardware_concurrency(), mb(rss.now()));
    if (!has_deadline) {
      fmt::print(
          "this mock has no --request-timeout: the slow clients are judged against {} s "
          "all the same\n",
          opt.request_timeout);
    }
    auto judge = [&](const std::string& phase, bool pass) {
      fmt::print("  => {}: {}\n\n", phase, verdict(pass));
      if (!pass) failed.push_back(phase);
      std::fflush(stdout);
    };
    auto alive = [&](const std::string& phase) {
      if (mock.running()) return true;
      fmt::print("{}: not run, the mock is not running\n", phase);
      failed.push_back(phase);
      return false;
    };

    if (opt.phases.contains("load") && alive("load")) {
      const std::vector<Op> ops{
          {"deposer/flux", kDeposerFlux}, {"consulter", kConsulter}, {"rechercher", kRechercher}};
      const std::string search =
          R"({"rechercheFactureParFournisseur": {"nbResultatsParPage": 10, "triSens": "Descendant"}})";
      fmt::print(
          "load: {} keep-alive clients for {} s (1/4 deposer/flux, 2/4 consulter, 1/4 "
          "rechercher/fournisseur)\n",
          opt.clients, opt.seconds);
      const auto start = Clock::now();
      const auto stats = run_clients(
          mock.port(), bearer, opt.clients, static_cast<double>(opt.seconds), ops,
          [](std::size_t n) -> std::size_t { return n % 4 == 0   ? 0
                                                    : n % 4 == 3 ? 2
                                                                 : 1; },
          [&](std::size_t op, std::size_t c, std::size_t n) {
            if (op == 0) return flux_body(invoice->xml(fmt::format("LD-{}-{}", c, n)));
            return op == 1 ? kConsultBody : search;
          },
          30);
      const auto end = Clock::now();
      print_ops(ops, stats, seconds_between(start, end));
      // One sample a second, the first after the first second.
      std::vector<double> per_second;
      for (std::size_t s = 1; s <= opt.seconds; ++s) {
        const auto samples =
            rss.between(start + std::chrono::seconds(s) - std::chrono::milliseconds(100),
                        start + std::chrono::seconds(s) + std::chrono::milliseconds(100));
        if (!samples.empty()) per_second.push_back(mb(samples.front().bytes));
      }
      std::string line;
      for (const double m : per_second)
        line += fmt::format("{}{:.0f}", line.empty() ? "" : " ", m);
      fmt::print("  RSS every second, MB: {}\n", line);
      const auto& ps = per_second;
      const auto third = static_cast<std::ptrdiff_t>(std::max<std::size_t>(1, ps.size() / 3));
      const double first = ps.empty() ? 0 : *std::max_element(ps.begin(), ps.begin() + third);
      const double last = ps.empty() ? 0 : *std::max_element(ps.end() - third, ps.end());
      const double allowed = first + std::max(0.10 * first, 20.0);
      const bool flat = !ps.empty() && last <= allowed;
      std::size_t errors = 0;
      for (const auto& s : stats)
        errors += s.errors;
      fmt::print(
          "  errors: {}; RSS max first third {:.1f} MB, last third {:.1f} MB (flat: <= "
          "{:.1f} MB): {}\n",
          errors, first, last, allowed, flat ? "flat" : "GROWING");
      judge("load", errors == 0 && flat && !rss.capped());
    }

    if (opt.phases.contains("slow") && alive("slow")) {
      const std::vector<Op> ops{{"consulter", kConsulter}};
      auto consults = [&](double seconds) {
        return run_clients(
            mock.port(), bearer, opt.normal, seconds, ops,
            [](std::size_t) -> std::size_t { return 0; },
            [](std::size_t, std::size_t, std::size_t) { return kConsultBody; },
            static_cast<int>(opt.request_timeout + opt.slack + 5))[0];
      };
      fmt::print("slow: baseline, {} clients consulting for 3 s\n", opt.normal);
      const OpStats base = consults(3);
      print_ops(ops, {base}, 3);
      const auto window = static_cast<double>(opt.request_timeout + opt.slack + 1);
      fmt::print(
          "slow: {} connections sending a consult one byte a second, {} clients "
          "consulting, for {:.0f} s\n",
          opt.slow, opt.normal, window);
      SlowResult slow;
      std::thread trickle([&] { slow = slow_clients(mock.port(), opt.slow, window + 1); });
      std::this_thread::sleep_for(std::chrono::milliseconds(500));  // connected, trickling
      const OpStats during = consults(window);
      trickle.join();
      print_ops(ops, {during}, window);
      const auto limit = static_cast<double>(opt.request_timeout + opt.slack);
      const double slowest = slow.cut_s.empty() ? 0 : slow.cut_s.back();
      fmt::print(
          "  slow connections: {} connected, {} not; cut: {} by 408, {} closed, {} other "
          "answer, {} never within {:.0f} s; cut after p50 {:.1f} s, max {:.1f} s "
          "(limit {:.0f} s)\n",
          slow.connected, slow.not_connected, slow.cut_408, slow.cut_closed, slow.cut_other,
          slow.never_cut, window + 1, nearest_rank(slow.cut_s, 50), slowest, limit);
      const double p99_limit = 2 * base.p(99) + 25;
      fmt::print(
          "  normal clients: p99 {:.2f} ms vs baseline {:.2f} ms (limit {:.2f} ms), {} "
          "error(s)\n",
          during.p(99), base.p(99), p99_limit, during.errors);
      judge("slow", slow.never_cut == 0 && slow.cut_other == 0 && slowest <= limit &&
                        during.errors == 0 && during.p(99) <= p99_limit && !during.ms.empty());
    }

    if (opt.phases.contains("burst") && alive("burst")) {
      const std::size_t bytes = opt.burst_mb * 1024 * 1024;
      const std::size_t before = rss.now();
      fmt::print("burst: {} unauthenticated POSTs of {} MB at once; RSS before {:.1f} MB\n",
                 opt.burst, opt.burst_mb, mb(before));
      const auto start = Clock::now();
      std::vector<BurstOne> results(opt.burst);
      std::vector<std::thread> threads;
      for (std::size_t i = 0; i < opt.burst; ++i)
        threads.emplace_back([&, i] { results[i] = large_post(mock.port(), bytes); });
      for (auto& t : threads)
        t.join();
      const auto done = Clock::now();
      std::size_t refused = 0;
      std::size_t closed = 0;
      double slowest = 0;
      std::size_t body = 0;
      std::set<int> statuses;
      for (const auto& r : results) {
        const bool refusal = r.status == 401 || r.status == 413;
        if (refusal) ++refused;
        if (!refusal && r.closed) ++closed;
        if (r.status != 0) statuses.insert(r.status);
        slowest = std::max(slowest, r.seconds);
        body += r.body_sent;
      }
      std::this_thread::sleep_for(std::chrono::seconds(3));
      const std::size_t after = rss.now();
      std::size_t peak = 0;
      for (const auto& s : rss.between(start, Clock::now()))
        peak = std::max(peak, s.bytes);
      std::string status_list;
      for (const int s : statuses)
        status_list += fmt::format("{}{}", status_list.empty() ? "" : ", ", s);
      fmt::print(
          "  {} refused by status ({}), {} closed before their body was sent, {} "
          "otherwise; slowest {:.2f} s (limit 2 s), all done in {:.2f} s; body bytes "
          "taken by the mock before refusing: {:.0f} MB\n",
          refused, status_list.empty() ? "none" : status_list, closed, opt.burst - refused - closed,
          slowest, seconds_between(start, done), mb(body));
      fmt::print("  RSS: before {:.1f} MB, peak {:.1f} MB, 3 s after {:.1f} MB (limit {:.1f} MB)\n",
                 mb(before), mb(peak), mb(after), mb(before) + 32);
      judge("burst", refused + closed == opt.burst && slowest <= 2 && mock.running() &&
                         after <= before + std::size_t{32} * 1024 * 1024 && !rss.capped());
    }

    if (opt.phases.contains("sigterm") && alive("sigterm")) {
      fmt::print("sigterm: SIGTERM to the mock\n");
      const auto start = Clock::now();
      mock.signal(SIGTERM);
      auto status = mock.wait_for(std::chrono::seconds(2));
      const bool in_time = status.has_value();
      if (!status) status = mock.wait_for(std::chrono::seconds(58));
      const double took = seconds_between(start, Clock::now());
      fmt::print("  {} after {:.2f} s (limit 2 s){}\n",
                 status ? describe_status(*status) : "still running", took,
                 status ? "" : ": killed");
      judge("sigterm", in_time);
    }
  } catch (const std::exception& e) {
    fmt::print(stderr, "cprokit_mock_load: {} (files kept in {})\n", e.what(), work.string());
    return 2;
  }
  fs::remove_all(work);
  if (failed.empty()) {
    fmt::print("every phase passed\n");
    return 0;
  }
  std::string list;
  for (const auto& f : failed)
    list += fmt::format("{}{}", list.empty() ? "" : ", ", f);
  fmt::print("failed: {}\n", list);
  return 1;
}
