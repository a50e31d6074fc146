// The HTTP side of `cprokit serve`: its routes on mock-chorus's
// GuardedServer (request deadline, head limits, threads per connection),
// each document linted by the same Linter and written by the same report
// writers as `cprokit lint` for one document, the limits of serve/limits
// and the counts of serve/metrics.
#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "cli/report/report.hpp"
#include "cli/serve/limits.hpp"
#include "cli/serve/metrics.hpp"
#include "cli/serve/options.hpp"
#include "validators/pipeline.hpp"

namespace httplib {
struct Request;
struct Response;
class ContentReader;
}  // namespace httplib

namespace cprokit::mock::http {
class GuardedServer;
}

namespace cprokit::cli::serve {

// What every answer is judged with, loaded once at start.
struct Judging {
  LintOptions lint;  // code lists, directory; profile and max_bytes set per use
  XsdSetup xsd;
  report::References references;
  bool no_codelists = false;
  std::string directory;  // --directory as given, for the reports' options
};

class Service {
 public:
  Service(const ServeOptions& options, Judging judging);
  Service(const Service&) = delete;
  Service& operator=(const Service&) = delete;
  ~Service();

  // Binds `host`:`port` (0: a free port) and returns the port; throws
  // mock::ListenError when it cannot.
  int bind(const std::string& host, int port);
  // Serves until stop().
  void run();
  // Draining: /readyz answers 503 and documents are refused (503) from now.
  void drain() { draining_ = true; }
  // Stops accepting and ends every connection's wait.
  void stop();

  const Metrics& metrics() const { return metrics_; }

 private:
  // A linter and what the reports say of the run, per profile.
  struct Profiled {
    std::unique_ptr<Linter> linter;
    report::RunInfo run;
  };

  void add_routes();
  // A request refused from its head alone (too large, draining), its body
  // left unread: true when `res` holds the refusal.
  bool refused_before_body(const httplib::Request& req, httplib::Response& res);
  void lint(const httplib::Request& req, httplib::Response& res,
            const httplib::ContentReader& read_body);

  ServeOptions options_;
  Judging judging_;
  std::map<std::string, Profiled, std::less<>> profiles_;
  Metrics metrics_;
  LintSlots slots_;
  std::atomic<bool> draining_{false};
  std::unique_ptr<mock::http::GuardedServer> http_;
};

}  // namespace cprokit::cli::serve
