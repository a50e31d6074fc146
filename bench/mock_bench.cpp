// cprokit_mock_bench: the mock Chorus Pro over loopback HTTP (issue 4).
//
// Starts the mock in this process (a fresh data folder, XSD off unless
// --schemas) and measures it with real HTTP clients on 127.0.0.1, one thread
// and one keep-alive connection per client: structures/v1/consulter and
// factures/v1/deposer/flux at 1, 8 and 32 concurrent clients for a fixed time
// each, how fast the worker integrates those deposits, and the delay from one
// deposit to IN_INTEGRE. Run by hand (see README "Benchmarks"), never by ctest.
#include <httplib.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <future>
#include <latch>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <vector>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "mock-chorus/auth/secret_hash.hpp"
#include "mock-chorus/mock.hpp"
#include "mock-chorus/scenario/reader.hpp"
#include "mock-chorus/server.hpp"
#include "validators/base64.hpp"
#include "validators/xsd/schema_set.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using Json = nlohmann::json;
namespace fs = std::filesystem;

constexpr double kTargetConsults = 2000;  // consulter per second
constexpr double kTargetDeposits = 300;   // deposer/flux per second, sustained
constexpr double kTargetP99Ms = 50;       // at kTargetClients clients
constexpr std::size_t kTargetClients = 32;

// The demo directory (fixtures/directory/matheysine.json): its PISTE client,
// and the technical account of the supplier of invoice-chorus-ok.xml.
constexpr std::string_view kClientId = "cprokit-demo-client";
constexpr std::string_view kClientSecret = "cprokit-demo-secret-not-a-real-one";
constexpr std::string_view kLogin = "TECH_25000103@cprokit.invalid";
constexpr std::string_view kPassword = "demo-mot-de-passe-alpine";
constexpr std::int64_t kConsulted = 25000001;                // a structure of that directory
constexpr std::string_view kFixtureNumber = "FA-2026-0042";  // replaced per deposit
constexpr std::string_view kSyntaxe = "IN_DP_E1_UBL_INVOICE";

constexpr std::string_view kConsulter = "/cpro/structures/v1/consulter";
constexpr std::string_view kDeposer = "/cpro/factures/v1/deposer/flux";
constexpr std::string_view kCompteRendu = "/cpro/transverses/v1/consulterCRDetaille";
constexpr std::string_view kRechercher = "/cpro/factures/v1/rechercher/fournisseur";
constexpr std::string_view kHealth = "/cpro/transverses/v1/health-check";

constexpr auto kPoll = std::chrono::milliseconds(1);
constexpr auto kFinalTimeout = std::chrono::seconds(600);  // one flux, or a whole backlog

constexpr std::string_view kHelp = R"(Usage: cprokit_mock_bench [options]

Measures the mock Chorus Pro (cprokit mock) over loopback HTTP. The mock runs
in this process with a fresh data folder (mkdtemp, removed at the end), XSD
validation off unless --schemas, no pause between flux states (flux_step 0)
and invoices left in DEPOSEE (lifecycle step 1 h). The clients are threads of
this process, one keep-alive cpp-httplib connection each (TCP_NODELAY, as
curl and urllib3 set it), with a PISTE token and the cpro-account header of
TECH_25000103 (demo directory).

  consulter     POST structures/v1/consulter {"idStructureCPP": 25000001}
  deposer/flux  POST factures/v1/deposer/flux, the UBL fixture invoice in
                base64 with a new invoice number per request (no duplicates)

each at 1, 8 and 32 concurrent clients for --seconds: requests/s, latency
p50, p99 and max (per request, client side), errors (any answer but 200),
the process CPU use (100 % = every core busy) and "1st ms", the slowest
client's connection and first call (a health-check, made by every client
before the clock starts; not in the other figures). After each deposit
level the bench waits until the worker has integrated the last flux
deposited: the backlog left when the deposits stopped, how long it took to
drain, and integrations/s (deposits / first deposit to last IN_INTEGRE).
Then --deposits invoices one after another by one client, each polled
(consulterCRDetaille every 1 ms) until IN_INTEGRE: the deposit -> IN_INTEGRE
delay, from sending the deposit.

Options:
  --seconds N       seconds per measure (default 3)
  --clients LIST    concurrency levels, comma-separated (default 1,8,32)
  --deposits N      deposits for the delay measure (default 50; 0 skips it)
  --directory FILE  the directory file (default
                    fixtures/directory/matheysine.json, from the current folder)
  --invoice FILE    the deposited invoice, which must contain FA-2026-0042
                    (default fixtures/invoices/chorus/invoice-chorus-ok.xml)
  --schemas DIR     validate deposits against the XSD schemas in DIR
  --tmp DIR         where the data folder is made (default /tmp; a tmpfs such
                    as /dev/shm shows what SQLite's fsyncs cost)
  --scenario FILE   after the consult levels, load this mock scenario and run
                    them again ("consulter+faults"): the answers with a status
                    of its status faults are counted as faulted, apart, not as
                    errors (e.g. fixtures/scenarios/valid/consulter-503-1pc.json,
                    a 503 on 1 % of the consults); unloaded before the deposits
  --help            this text

Targets (issue 4): >= 2,000 consults/s, >= 300 deposits/s sustained, p99
< 50 ms at 32 clients. The figures vary with the machine's load, and the
clients share its cores with the mock: quote the median of several runs.
Exit status: 0 when every request answered 200 and every deposit was
integrated, 1 otherwise, 2 for a usage or setup error.
)";

struct Options {
  std::size_t seconds = 3;
  std::vector<std::size_t> clients{1, 8, 32};
  std::size_t deposits = 50;
  fs::path directory = "fixtures/directory/matheysine.json";
  fs::path invoice = "fixtures/invoices/chorus/invoice-chorus-ok.xml";
  std::optional<fs::path> schemas;
  fs::path tmp = "/tmp";
  std::optional<fs::path> scenario;
};

[[noreturn]] void fail(std::string_view message) {
  fmt::print(stderr, "cprokit_mock_bench: {}\n", message);
  std::exit(2);
}

// A setup error once the mock runs: main cleans up, then exits with 2.
class SetupError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

std::size_t count_arg(std::string_view option, std::string_view text, std::size_t min,
                      std::size_t max) {
  std::size_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < min || value > max) {
    fail(fmt::format("{} wants a whole number from {} to {}, not '{}' (see --help)", option, min,
                     max, text));
  }
  return value;
}

std::vector<std::size_t> clients_arg(std::string_view text) {
  std::vector<std::size_t> out;
  while (!text.empty()) {
    const auto comma = text.find(',');
    out.push_back(count_arg("--clients", text.substr(0, comma), 1, 1000));
    text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
  }
  if (out.empty()) fail("--clients wants a list such as 1,8,32");
  return out;
}

Options parse_options(int argc, char** argv) {
  Options opt;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      fmt::print("{}", kHelp);
      std::exit(0);
    }
    if (i + 1 >= argc) fail(fmt::format("unknown option or missing value: '{}' (see --help)", arg));
    std::string_view value = argv[++i];
    if (arg == "--seconds") {
      opt.seconds = count_arg(arg, value, 1, 3600);
    } else if (arg == "--clients") {
      opt.clients = clients_arg(value);
    } else if (arg == "--deposits") {
      opt.deposits = count_arg(arg, value, 0, 1'000'000);
    } else if (arg == "--directory") {
      opt.directory = fs::path(value);
    } else if (arg == "--invoice") {
      opt.invoice = fs::path(value);
    } else if (arg == "--schemas") {
      opt.schemas = fs::path(value);
    } else if (arg == "--tmp") {
      opt.tmp = fs::path(value);
    } else if (arg == "--scenario") {
      opt.scenario = fs::path(value);
    } else {
      fail(fmt::format("unknown option '{}' (see --help)", arg));
    }
  }
  return opt;
}

std::string read_file(std::string_view option, const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    fail(
        fmt::format("{} {}: cannot read it (from {}; run from the source folder or give the "
                    "path, see --help)",
                    option, path.string(), fs::current_path().string()));
  }
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// --scenario FILE, refused with every error at its JSON Pointer.
cprokit::mock::scenario::Scenario read_scenario_file(const fs::path& path) {
  auto read = cprokit::mock::scenario::read_scenario(read_file("--scenario", path));
  if (!read.errors.empty()) {
    fail(fmt::format("--scenario {}: refused:\n{}", path.string(),
                     cprokit::mock::scenario::error_lines(read.errors, cprokit::Lang::En)));
  }
  return std::move(read.scenario);
}

double ms_between(Clock::time_point from, Clock::time_point to) {
  return std::chrono::duration<double, std::milli>(to - from).count();
}

double seconds_between(Clock::time_point from, Clock::time_point to) {
  return std::chrono::duration<double>(to - from).count();
}

// The process CPU time in seconds (every thread: clients, server, worker).
double cpu_seconds() {
  return static_cast<double>(std::clock()) / CLOCKS_PER_SEC;
}

// ---------------------------------------------------------------------------
// The mock, in this process, on a free port of 127.0.0.1.

class RunningMock {
 public:
  RunningMock(const Options& opt, const std::string& directory_text) {
    cprokit::mock::init_crypto();
    std::string pattern = (opt.tmp / "cprokit-mock-bench-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
      throw SetupError(fmt::format("--tmp {}: cannot make a folder there", opt.tmp.string()));
    }
    dir_ = pattern;
    try {
      start(opt, directory_text);
    } catch (...) {
      server_.reset();
      mock_.reset();
      remove_data();
      throw;
    }
  }
  RunningMock(const RunningMock&) = delete;
  RunningMock& operator=(const RunningMock&) = delete;
  ~RunningMock() { stop_or_exit(2); }

  // Stops the server, waits for it (10 s at most) and removes the data
  // folder. When the server does not stop, says so and ends the process with
  // `exit_code`: MockServer::stop() and MockServer::run() both join the flux
  // worker, from two threads, and that race can leave run() waiting forever.
  void stop_or_exit(int exit_code) {
    if (stopped_) return;
    stopped_ = true;
    auto done = std::make_shared<std::promise<void>>();
    auto finished = done->get_future();
    std::thread stopper([this, done] {
      server_->stop();
      thread_.join();
      done->set_value();
    });
    if (finished.wait_for(std::chrono::seconds(10)) != std::future_status::ready) {
      fmt::print(stderr,
                 "cprokit_mock_bench: the mock did not stop within 10 s (MockServer::stop() and "
                 "run() both join the flux worker: a race in mock-chorus/server.cpp); leaving "
                 "without waiting\n");
      remove_data();
      std::fflush(stdout);
      std::fflush(stderr);
      std::_Exit(exit_code);
    }
    stopper.join();
    server_.reset();
    mock_.reset();
    remove_data();
  }

  int port() const { return port_; }
  const fs::path& dir() const { return dir_; }
  cprokit::mock::Mock& mock() { return *mock_; }

 private:
  void start(const Options& opt, const std::string& directory_text) {
    cprokit::mock::MockOptions options;
    options.data_dir = dir_;
    options.flux_step = 0;
    options.lifecycle_step = 3'600'000;  // invoices stay DEPOSEE while we measure
    if (opt.schemas) {
      try {
        options.xsd.schemas = cprokit::xsd::SchemaSet::load(*opt.schemas);
      } catch (const cprokit::xsd::SchemaError& e) {
        throw SetupError(fmt::format("--schemas {}: {}", opt.schemas->string(), e.what()));
      }
    } else {
      options.xsd.disabled = true;
    }
    mock_ = std::make_unique<cprokit::mock::Mock>(std::move(options), cprokit::mock::wall_clock);
    try {
      mock_->load_directory(directory_text);
    } catch (const std::exception& e) {
      throw SetupError(fmt::format("--directory {}: {}", opt.directory.string(), e.what()));
    }
    server_ = std::make_unique<cprokit::mock::MockServer>(*mock_);
    port_ = server_->bind("127.0.0.1", 0);
    thread_ = std::thread([this] { server_->run(); });
  }

  void remove_data() {
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }

  fs::path dir_;
  std::unique_ptr<cprokit::mock::Mock> mock_;
  std::unique_ptr<cprokit::mock::MockServer> server_;
  std::thread thread_;
  int port_ = 0;
  bool stopped_ = false;
};

// ---------------------------------------------------------------------------
// HTTP clients.

struct Answer {
  int status = 0;    // 0: no HTTP answer
  std::string body;  // or, without an answer, the transport error
};

std::string describe(const Answer& a) {
  constexpr std::size_t kMax = 400;
  const std::string body = a.body.size() > kMax ? a.body.substr(0, kMax) + "…" : a.body;
  return a.status == 0 ? body : fmt::format("HTTP {}: {}", a.status, body);
}

// One client: one keep-alive connection to the mock, with the API headers.
class Connection {
 public:
  Connection(int port, httplib::Headers headers)
      : client_("127.0.0.1", port), headers_(std::move(headers)) {
    client_.set_keep_alive(true);
    client_.set_tcp_nodelay(true);  // as curl and urllib3 do
    client_.set_connection_timeout(10, 0);
    client_.set_read_timeout(60, 0);
    client_.set_write_timeout(60, 0);
  }

  // A JSON call. (A form content type would cap the body at 8 KB.)
  Answer post(std::string_view path, const std::string& json_body) {
    return answer_of(client_.Post(std::string(path), headers_, json_body, "application/json"));
  }
  Answer post_form(std::string_view path, const std::string& form) {
    return answer_of(client_.Post(std::string(path), form, "application/x-www-form-urlencoded"));
  }
  Answer get(std::string_view path) { return answer_of(client_.Get(std::string(path), headers_)); }

 private:
  static Answer answer_of(httplib::Result r) {
    if (!r) return {0, "no HTTP answer: " + httplib::to_string(r.error())};
    return {r->status, std::move(r->body)};
  }

  httplib::Client client_;
  httplib::Headers headers_;
};

// Waits until the server answers (anything), then gets a PISTE token.
std::string token(int port) {
  Connection c(port, {});
  for (int i = 0;; ++i) {
    if (c.get("/").status != 0) break;
    if (i == 500) throw SetupError("the mock does not answer on loopback");
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  const Answer a =
      c.post_form("/api/oauth/token", fmt::format("grant_type=client_credentials&client_id={}&"
                                                  "client_secret={}",
                                                  kClientId, kClientSecret));
  const Json j = Json::parse(a.body, nullptr, false);
  if (a.status != 200 || !j.is_object() || !j.contains("access_token") ||
      !j["access_token"].is_string()) {
    throw SetupError("POST /api/oauth/token refused the demo client: " + describe(a));
  }
  return j["access_token"].get<std::string>();
}

httplib::Headers api_headers(const std::string& bearer) {
  return {{"Authorization", "Bearer " + bearer},
          {"cpro-account", cprokit::encode_base64(fmt::format("{}:{}", kLogin, kPassword))}};
}

// The deposit body for the fixture invoice renumbered `number`.
class DepositBodies {
 public:
  explicit DepositBodies(const std::string& xml) {
    std::size_t from = 0;
    for (auto at = xml.find(kFixtureNumber); at != std::string::npos;
         at = xml.find(kFixtureNumber, from)) {
      parts_.push_back(xml.substr(from, at - from));
      from = at + kFixtureNumber.size();
    }
    parts_.push_back(xml.substr(from));
  }
  std::size_t occurrences() const { return parts_.size() - 1; }

  std::string xml(std::string_view number) const {
    std::string out = parts_[0];
    for (std::size_t i = 1; i < parts_.size(); ++i) {
      out += number;
      out += parts_[i];
    }
    return out;
  }
  std::string make(std::string_view number) const {
    return fmt::format(R"({{"fichierFlux": "{}", "nomFichier": "f.xml", "syntaxeFlux": "{}", )"
                       R"("avecSignature": false}})",
                       cprokit::encode_base64(xml(number)), kSyntaxe);
  }

 private:
  std::vector<std::string> parts_;
};

// The numeroFluxDepot of a deposit's answer, or why there is none.
std::optional<std::string> numero_of(const Answer& a, std::string& error) {
  if (a.status != 200) {
    error = describe(a);
    return std::nullopt;
  }
  const Json j = Json::parse(a.body, nullptr, false);
  if (!j.is_object() || !j.contains("numeroFluxDepot") || !j["numeroFluxDepot"].is_string()) {
    error = "200 without numeroFluxDepot: " + describe(a);
    return std::nullopt;
  }
  return j["numeroFluxDepot"].get<std::string>();
}

// The nearest-rank percentile `p` of sorted values.
double nearest_rank(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  const auto rank =
      static_cast<std::size_t>(std::ceil(p / 100 * static_cast<double>(sorted.size())));
  return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

// ---------------------------------------------------------------------------
// Load: N clients, each sending requests one after another for a fixed time.

struct Load {
  std::size_t clients = 0;
  std::vector<double> ms;  // every request's latency, sorted
  std::size_t errors = 0;
  std::size_t faulted = 0;  // answers a scenario's fault made, as it should
  std::string first_error;
  double seconds = 0;  // first request sent → last answer received
  double cpu = 0;      // process CPU seconds meanwhile
  Clock::time_point start;
  Clock::time_point end;
  std::string last_numero;   // deposits: the highest numeroFluxDepot answered
  std::size_t accepted = 0;  // deposits: answered with a numeroFluxDepot
  double first_ms = 0;       // the slowest client's connection and first call (not timed)

  double per_second() const { return seconds > 0 ? static_cast<double>(ms.size()) / seconds : 0; }
  double percentile(double p) const { return nearest_rank(ms, p); }
};

// What one client thread sends and how it judges the answers.
struct Scenario {
  std::string name;
  std::string_view path;
  std::function<std::string(std::size_t client, std::size_t n)> body;
  bool deposits = false;
  std::set<int> faulted;  // statuses a loaded scenario answers on purpose: counted apart
};

struct ClientTally {
  std::vector<double> ms;
  std::size_t errors = 0;
  std::size_t faulted = 0;
  std::string first_error;
  std::string last_numero;
  std::size_t accepted = 0;
  Clock::time_point end;
  double first_ms = 0;  // connecting and the first call (health-check)
};

// `rate` > 0: the clients together send `rate` requests a second on a fixed
// schedule (an open loop, as traffic arrives), and a latency counts from the
// planned send, so that a slow answer also charges the requests it delays.
// 0: each client sends its next request as soon as it has the answer.
Load run_load(int port, const httplib::Headers& headers, const Scenario& s, std::size_t clients,
              std::size_t seconds, double rate = 0) {
  std::vector<ClientTally> tallies(clients);
  // Every client connects and makes one call, then the clock starts for all.
  std::latch connected(static_cast<std::ptrdiff_t>(clients));
  std::latch go(1);
  Clock::time_point begin;  // written before go counts down, read after
  Clock::time_point deadline;
  std::vector<std::thread> threads;
  for (std::size_t c = 0; c < clients; ++c) {
    threads.emplace_back([&, c] {
      ClientTally& t = tallies[c];
      Connection conn(port, headers);
      const auto first = Clock::now();
      if (const Answer a = conn.get(kHealth); a.status != 200) {
        ++t.errors;
        t.first_error = "health-check: " + describe(a);
      }
      t.first_ms = ms_between(first, Clock::now());
      connected.count_down();
      go.wait();
      t.end = Clock::now();
      for (std::size_t n = 0; Clock::now() < deadline; ++n) {
        const std::string body = s.body(c, n);
        auto sent = Clock::now();
        if (rate > 0) {
          const auto slot =
              begin + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(
                          static_cast<double>(n * clients + c) / rate));
          if (slot >= deadline) break;
          std::this_thread::sleep_until(slot);
          sent = slot;
        }
        const Answer a = conn.post(s.path, body);
        t.end = Clock::now();
        t.ms.push_back(ms_between(sent, t.end));
        std::string error;
        if (s.deposits) {
          if (auto numero = numero_of(a, error)) {
            ++t.accepted;
            t.last_numero = std::max(t.last_numero, *numero);  // fixed width: by value
          }
        } else if (s.faulted.contains(a.status)) {
          ++t.faulted;
        } else if (a.status != 200) {
          error = describe(a);
        }
        if (!error.empty() && t.errors++ == 0) t.first_error = error;
      }
    });
  }
  connected.wait();
  Load load;
  load.clients = clients;
  const double cpu_start = cpu_seconds();
  load.start = Clock::now();
  begin = load.start;
  deadline = load.start + std::chrono::seconds(seconds);
  go.count_down();
  for (auto& t : threads)
    t.join();
  load.cpu = cpu_seconds() - cpu_start;
  load.end = load.start;
  for (auto& t : tallies) {
    load.ms.insert(load.ms.end(), t.ms.begin(), t.ms.end());
    load.errors += t.errors;
    load.faulted += t.faulted;
    if (load.first_error.empty()) load.first_error = t.first_error;
    load.last_numero = std::max(load.last_numero, t.last_numero);
    load.accepted += t.accepted;
    load.end = std::max(load.end, t.end);
    load.first_ms = std::max(load.first_ms, t.first_ms);
  }
  load.seconds = seconds_between(load.start, load.end);
  std::sort(load.ms.begin(), load.ms.end());
  return load;
}

// ---------------------------------------------------------------------------
// Flux reports.

struct FluxState {
  std::string etat;  // empty: no answer (see error)
  std::string error;
  std::string details;  // listeErreurDP and listeErreurTechnique
};

FluxState flux_state(Connection& c, const std::string& numero) {
  const Answer a = c.post(kCompteRendu, Json{{"numeroFluxDepot", numero}}.dump());
  const Json j = Json::parse(a.body, nullptr, false);
  if (a.status != 200 || !j.is_object() || !j.contains("etatCourantDepotFlux") ||
      !j["etatCourantDepotFlux"].is_string()) {
    return {"", "consulterCRDetaille: " + describe(a), ""};
  }
  return {j["etatCourantDepotFlux"].get<std::string>(), "",
          fmt::format("listeErreurDP {}\n  listeErreurTechnique {}",
                      j.value("listeErreurDP", Json::array()).dump(),
                      j.value("listeErreurTechnique", Json::array()).dump())};
}

bool is_final(std::string_view etat) {
  return etat == "IN_INTEGRE" || etat == "IN_INTEGRE_PARTIEL" || etat == "IN_REJETE";
}

// Polls the flux every kPoll until it is in a final state (or the timeout).
FluxState await_final(Connection& c, const std::string& numero) {
  const auto give_up = Clock::now() + kFinalTimeout;
  for (;;) {
    FluxState s = flux_state(c, numero);
    if (!s.error.empty() || is_final(s.etat)) return s;
    if (Clock::now() > give_up) {
      return {"",
              fmt::format("flux {} still {} after {} s", numero, s.etat,
                          std::chrono::duration_cast<std::chrono::seconds>(kFinalTimeout).count()),
              ""};
    }
    std::this_thread::sleep_for(kPoll);
  }
}

// How many invoices the supplier has (every integrated deposit is one).
std::optional<std::int64_t> invoice_count(Connection& c, std::string& error) {
  const Answer a = c.post(kRechercher, R"({"rechercheFactureParFournisseur": )"
                                       R"({"nbResultatsParPage": 1}})");
  const Json j = Json::parse(a.body, nullptr, false);
  if (a.status != 200 || !j.is_object() || !j.contains("parametresRetour")) {
    error = "rechercher/fournisseur: " + describe(a);
    return std::nullopt;
  }
  return j["parametresRetour"].value("total", std::int64_t{0});
}

// ---------------------------------------------------------------------------
// Printing.

// Errors are told on stderr as they happen, and counted for the exit status.
struct Report {
  std::size_t errors = 0;
  void problem(std::string_view text, std::size_t count = 1) {
    errors += count;
    fmt::print(stderr, "cprokit_mock_bench: {}\n", text);
    std::fflush(stderr);
  }
};

std::string verdict(bool met) {
  return met ? "met" : "MISSED";
}

void print_load_header() {
  fmt::print("{:<16} {:>7} {:>8} {:>9} {:>8} {:>8} {:>8} {:>6} {:>7} {:>6} {:>8}\n", "scenario",
             "clients", "requests", "req/s", "p50 ms", "p99 ms", "max ms", "errors", "faulted",
             "CPU %", "1st ms");
}

void print_load(const std::string& name, const Load& l) {
  const double cores = std::max(1U, std::thread::hardware_concurrency());
  fmt::print(
      "{:<16} {:>7} {:>8} {:>9.0f} {:>8.2f} {:>8.2f} {:>8.2f} {:>6} {:>7} {:>6.0f} {:>8.1f}\n",
      name, l.clients, l.ms.size(), l.per_second(), l.percentile(50), l.percentile(99),
      l.ms.empty() ? 0.0 : l.ms.back(), l.errors, l.faulted,
      l.seconds > 0 ? 100 * l.cpu / (l.seconds * cores) : 0.0, l.first_ms);
  std::fflush(stdout);
}

void note_errors(Report& report, const std::string& what, const Load& l) {
  if (l.errors == 0) return;
  report.problem(fmt::format("{} at {} client(s): {} error(s), first: {}", what, l.clients,
                             l.errors, l.first_error),
                 l.errors);
}

// The worker's side of one deposit level: drained after the last deposit.
struct Drain {
  std::size_t clients = 0;
  std::size_t deposits = 0;
  std::optional<std::int64_t> backlog;  // flux not yet integrated when deposits stopped
  double drain_s = 0;                   // end of deposits → last flux final
  double rate = 0;                      // deposits / (first deposit → last flux final)
};

Drain drain(Connection& c, const Load& l, std::int64_t integrated_before, Report& report) {
  Drain d{l.clients, l.accepted, std::nullopt, 0, 0};
  std::string error;
  if (auto n = invoice_count(c, error)) {
    d.backlog = static_cast<std::int64_t>(l.accepted) - (*n - integrated_before);
  }
  if (l.last_numero.empty()) return d;
  const FluxState s = await_final(c, l.last_numero);
  const auto done = Clock::now();
  if (!s.error.empty()) {
    report.problem(fmt::format("worker after {} client(s): {}", l.clients, s.error));
  } else if (s.etat != "IN_INTEGRE") {
    report.problem(fmt::format("last flux of {} client(s), {}, ended {}:\n  {}", l.clients,
                               l.last_numero, s.etat, s.details));
  }
  d.drain_s = seconds_between(l.end, done);
  d.rate = static_cast<double>(l.accepted) / seconds_between(l.start, done);
  return d;
}

struct Delay {
  std::vector<double> ms;  // sorted
  std::size_t errors = 0;
};

// `count` deposits one after another, each polled until IN_INTEGRE.
Delay deposit_delays(Connection& c, const DepositBodies& bodies, std::size_t count,
                     Report& report) {
  Delay d;
  for (std::size_t n = 0; n < count; ++n) {
    const auto sent = Clock::now();
    std::string error;
    const auto numero = numero_of(c.post(kDeposer, bodies.make(fmt::format("FA-D-{}", n))), error);
    FluxState s;
    if (numero) {
      s = await_final(c, *numero);
      if (s.error.empty() && s.etat != "IN_INTEGRE") {
        error = fmt::format("flux {} ended {}:\n  {}", *numero, s.etat, s.details);
      } else {
        error = s.error;
      }
    }
    if (!error.empty()) {
      ++d.errors;
      report.problem(fmt::format("deposit -> IN_INTEGRE, deposit {} of {}: {} (measure stopped)",
                                 n + 1, count, error));
      break;
    }
    d.ms.push_back(ms_between(sent, Clock::now()));
  }
  std::sort(d.ms.begin(), d.ms.end());
  return d;
}

// Median ms of Linter::lint on the deposited file, in this process: the CPU
// share of one integration, without HTTP or SQLite; and its findings.
struct LintTime {
  double ms = 0;
  std::string findings;  // "rule (severity)", comma-separated
};

LintTime lint_time(cprokit::mock::Mock& mock, const DepositBodies& bodies) {
  const auto catalogue = mock.catalogue();
  const std::string xml = bodies.xml("FA-L-0");
  std::vector<double> ms;
  LintTime out;
  for (int i = 0; i < 201; ++i) {
    const auto start = Clock::now();
    const auto result = catalogue->linter->lint("f.xml", xml);
    ms.push_back(ms_between(start, Clock::now()));
    if (i == 0) {
      for (const auto& f : result.findings) {
        out.findings += fmt::format("{}{} ({})", out.findings.empty() ? "" : ", ", f.rule,
                                    cprokit::name(f.severity));
      }
    }
  }
  std::sort(ms.begin(), ms.end());
  out.ms = ms[ms.size() / 2];
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  const auto run_start = Clock::now();
  const Options opt = parse_options(argc, argv);
  const std::string directory_text = read_file("--directory", opt.directory);
  const std::string invoice_text = read_file("--invoice", opt.invoice);
  const DepositBodies bodies(invoice_text);
  const auto scenario = opt.scenario ? read_scenario_file(*opt.scenario)
                                     : std::optional<cprokit::mock::scenario::Scenario>();
  if (bodies.occurrences() == 0) {
    fail(
        fmt::format("--invoice {}: no {} in it to renumber", opt.invoice.string(), kFixtureNumber));
  }

  try {
    RunningMock running(opt, directory_text);
    const std::string bearer = token(running.port());
    const httplib::Headers headers = api_headers(bearer);
    Connection main_connection(running.port(), headers);

    fmt::print("cprokit mock over loopback HTTP: 127.0.0.1:{}, {} s per measure, {} core(s)\n",
               running.port(), opt.seconds, std::thread::hardware_concurrency());
    fmt::print("data folder: {} (SQLite, WAL, synchronous=NORMAL); XSD: {}\n",
               running.dir().string(),
               opt.schemas ? fmt::format("on ({})", opt.schemas->string()) : "off");
    fmt::print("latency per request on the client side; CPU % = process CPU / (wall x cores)\n\n");

    Report report;
    print_load_header();

    const std::string consult_body = Json{{"idStructureCPP", kConsulted}}.dump();
    const Scenario consulter{"consulter",
                             kConsulter,
                             [&](std::size_t, std::size_t) { return std::string(consult_body); },
                             false,
                             {}};
    std::vector<Load> consults;
    for (const auto clients : opt.clients) {
      consults.push_back(run_load(running.port(), headers, consulter, clients, opt.seconds));
      print_load(consulter.name, consults.back());
      note_errors(report, consulter.name, consults.back());
    }
    if (scenario) {
      // The same levels with the scenario's faults: same run, same mock.
      Scenario faulty = consulter;
      faulty.name = "consulter+faults";
      for (const auto& f : scenario->faults)
        if (f.kind == cprokit::mock::scenario::FaultKind::Status) faulty.faulted.insert(f.status);
      running.mock().scenarios().add(*scenario, cprokit::mock::wall_clock());
      for (const auto clients : opt.clients) {
        const Load l = run_load(running.port(), headers, faulty, clients, opt.seconds);
        print_load(faulty.name, l);
        note_errors(report, faulty.name, l);
      }
      running.mock().scenarios().clear();
    }

    std::vector<Load> deposits;
    std::vector<Drain> drains;
    std::int64_t integrated = 0;
    // The sustained target first: 300 deposits a second from 32 clients, paced,
    // on a fresh database (after the full-speed levels, SQLite and the disk are
    // still writing back tens of MB, and that shows in the tail).
    const Scenario paced{"deposer/flux@300/s",
                         kDeposer,
                         [&](std::size_t client, std::size_t n) {
                           return bodies.make(fmt::format("FA-P-{}-{}", client, n));
                         },
                         true,
                         {}};
    const Load sustained =
        run_load(running.port(), headers, paced, kTargetClients, opt.seconds, kTargetDeposits);
    print_load(paced.name, sustained);
    note_errors(report, paced.name, sustained);
    const Drain paced_drain = drain(main_connection, sustained, integrated, report);
    {
      std::string count_error;
      integrated = invoice_count(main_connection, count_error).value_or(integrated);
    }
    for (const auto clients : opt.clients) {
      const Scenario deposer{"deposer/flux",
                             kDeposer,
                             [&, clients](std::size_t client, std::size_t n) {
                               return bodies.make(fmt::format("FA-B{}-{}-{}", clients, client, n));
                             },
                             true,
                             {}};
      deposits.push_back(run_load(running.port(), headers, deposer, clients, opt.seconds));
      print_load(deposer.name, deposits.back());
      note_errors(report, deposer.name, deposits.back());
      // Drained before the next level, so that each level starts without a backlog.
      drains.push_back(drain(main_connection, deposits.back(), integrated, report));
      std::string error;
      integrated = invoice_count(main_connection, error).value_or(integrated);
    }

    fmt::print("\nWorker: deposer/flux -> final state, waited for after each level\n");
    fmt::print("{:>7} {:>9} {:>14} {:>9} {:>15}\n", "clients", "deposits", "backlog at end",
               "drain s", "integrations/s");
    for (const auto& d : drains) {
      fmt::print("{:>7} {:>9} {:>14} {:>9.2f} {:>15.0f}\n", d.clients, d.deposits,
                 d.backlog ? fmt::format("{}", *d.backlog) : "?", d.drain_s, d.rate);
    }

    fmt::print("{:>7} {:>9} {:>14} {:>9.2f} {:>15.0f}   (paced at {:.0f}/s)\n", paced_drain.clients,
               paced_drain.deposits,
               paced_drain.backlog ? fmt::format("{}", *paced_drain.backlog) : "?",
               paced_drain.drain_s, paced_drain.rate, kTargetDeposits);

    std::size_t accepted = sustained.accepted;
    for (const auto& l : deposits)
      accepted += l.accepted;
    Delay delay;
    if (opt.deposits > 0) {
      delay = deposit_delays(main_connection, bodies, opt.deposits, report);
      accepted += delay.ms.size();
      fmt::print(
          "\nDeposit -> IN_INTEGRE, 1 client, {} deposits one after another (polled every "
          "{} ms)\n",
          delay.ms.size(), kPoll.count());
      fmt::print("  median {:.1f} ms, p99 {:.1f} ms, max {:.1f} ms\n", nearest_rank(delay.ms, 50),
                 nearest_rank(delay.ms, 99), delay.ms.empty() ? 0.0 : delay.ms.back());
    }
    const LintTime lint = lint_time(running.mock(), bodies);
    fmt::print("\nDeposit controls alone (Linter::lint of the file, in process): {:.2f} ms{}\n",
               lint.ms, lint.findings.empty() ? "" : "; findings: " + lint.findings);

    // Every accepted deposit must have become exactly one invoice.
    std::string error;
    if (auto n = invoice_count(main_connection, error)) {
      fmt::print("invoices integrated: {} of {} deposits accepted\n", *n, accepted);
      if (*n != static_cast<std::int64_t>(accepted)) {
        report.problem(fmt::format(
            "{} deposits accepted but {} invoices integrated (rejected flux?)", accepted, *n));
      }
    } else {
      report.problem(error);
    }

    // Targets, at the target's concurrency when it was measured, else the highest.
    auto at_target = [&](const std::vector<Load>& loads) -> const Load* {
      const Load* best = nullptr;
      for (const auto& l : loads) {
        if (best == nullptr || l.clients == kTargetClients ||
            (best->clients != kTargetClients && l.clients > best->clients)) {
          best = &l;
        }
      }
      return best;
    };
    fmt::print("\nTargets (issue 4)\n");
    if (const Load* c = at_target(consults)) {
      fmt::print(
          "  consulter, {} clients: {:.0f} req/s vs >= {:.0f}: {}; p99 {:.2f} ms vs < "
          "{:.0f} ms: {}\n",
          c->clients, c->per_second(), kTargetConsults, verdict(c->per_second() >= kTargetConsults),
          c->percentile(99), kTargetP99Ms, verdict(c->percentile(99) < kTargetP99Ms));
    }
    if (const Load* d = at_target(deposits)) {
      const Drain& w = drains[static_cast<std::size_t>(d - deposits.data())];
      fmt::print(
          "  deposer/flux, {} clients: {:.0f} req/s vs >= {:.0f}: {}; p99 {:.2f} ms vs < "
          "{:.0f} ms: {}\n",
          d->clients, d->per_second(), kTargetDeposits, verdict(d->per_second() >= kTargetDeposits),
          d->percentile(99), kTargetP99Ms, verdict(d->percentile(99) < kTargetP99Ms));
      fmt::print("  sustained (worker integrations/s), {} clients: {:.0f} vs >= {:.0f}: {}\n",
                 w.clients, w.rate, kTargetDeposits, verdict(w.rate >= kTargetDeposits));
    }
    fmt::print(
        "  deposer/flux paced at {:.0f}/s by {} clients: {:.0f} req/s, p99 {:.2f} ms vs < {:.0f} "
        "ms: {}\n",
        kTargetDeposits, kTargetClients, sustained.per_second(), sustained.percentile(99),
        kTargetP99Ms, verdict(sustained.percentile(99) < kTargetP99Ms));
    if (opt.clients.end() == std::find(opt.clients.begin(), opt.clients.end(), kTargetClients)) {
      fmt::print("  (the targets are for {} clients, not measured here)\n", kTargetClients);
    }

    fmt::print("\nerrors: {}{}\n", report.errors,
               report.errors == 0 ? " (every request answered 200, every deposit integrated)"
                                  : " (see stderr)");
    const int status = report.errors == 0 ? 0 : 1;
    fmt::print("total run time: {:.1f} s\n", seconds_between(run_start, Clock::now()));
    std::fflush(stdout);
    running.stop_or_exit(status);
    return status;
  } catch (const std::exception& e) {
    fmt::print(stderr, "cprokit_mock_bench: {}\n", e.what());
    return 2;
  }
}
