// `cprokit mock` run as a separate process for the tests of the commands
// that talk to one (rehearse, deposit).
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "tests/cli/run.hpp"

namespace cprokit::test {

// `cprokit mock` on a free port with a fresh data folder, the shipped demo
// directory (when the fixtures are there), the admin token kTestAdminToken
// and `extra` options; started and answering when constructed, stopped
// (SIGTERM) when destroyed.
class MockProcess {
 public:
  explicit MockProcess(const std::vector<std::string>& extra = {});

  const std::string& url() const { return url_; }
  int port() const { return port_; }
  int pid() const { return process_->pid(); }
  bool running() const { return process_->running(); }
  // Stops it with SIGTERM; how long it took to end.
  std::chrono::steady_clock::duration terminate() { return process_->terminate(); }

 private:
  int port_ = 0;
  std::string url_;
  std::unique_ptr<Background> process_;
};

inline constexpr const char* kTestAdminToken = "cli-test-admin-token";

}  // namespace cprokit::test
