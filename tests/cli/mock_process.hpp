// `cprokit mock` run as a separate process for the tests of the commands
// that talk to one (rehearse, deposit).
#pragma once

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
  bool running() const { return process_->running(); }

 private:
  std::string url_;
  std::unique_ptr<Background> process_;
};

inline constexpr const char* kTestAdminToken = "cli-test-admin-token";

}  // namespace cprokit::test
