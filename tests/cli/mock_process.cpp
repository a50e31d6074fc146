#include "tests/cli/mock_process.hpp"

#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <thread>

#include "tests/cli/cli_support.hpp"

namespace cprokit::test {

MockProcess::MockProcess(const std::vector<std::string>& extra) {
  const int port = free_port();
  port_ = port;
  std::vector<std::string> args = {"mock",
                                   "--port",
                                   std::to_string(port),
                                   "--data",
                                   fresh_dir("mock-process").string(),
                                   "--admin-token",
                                   kTestAdminToken};
  const auto directory = std::filesystem::path(CPROKIT_FIXTURES_DIR) / "directory/matheysine.json";
  if (std::filesystem::exists(directory)) {
    args.insert(args.end(), {"--directory", directory.string()});
  }
  args.insert(args.end(), extra.begin(), extra.end());
  process_ = std::make_unique<Background>(cprokit_binary(), args);
  url_ = "http://127.0.0.1:" + std::to_string(port);
  for (int i = 0; i < 1000 && process_->running(); ++i) {
    if (accepts(port)) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  throw std::runtime_error("cprokit mock did not start on port " + std::to_string(port));
}

}  // namespace cprokit::test
