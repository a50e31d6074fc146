#include "tests/cli/mock_process.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <thread>

#include "tests/cli/cli_support.hpp"

namespace cprokit::test {
namespace {

sockaddr_in loopback(int port) {
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<std::uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return a;
}

}  // namespace

int free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) throw std::runtime_error("socket()");
  sockaddr_in a = loopback(0);
  socklen_t size = sizeof a;
  const bool bound = ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 &&
                     ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &size) == 0;
  ::close(fd);
  if (!bound) throw std::runtime_error("no free loopback port");
  return ntohs(a.sin_port);
}

bool accepts(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  const sockaddr_in a = loopback(port);
  const bool ok = ::connect(fd, reinterpret_cast<const sockaddr*>(&a), sizeof a) == 0;
  ::close(fd);
  return ok;
}

MockProcess::MockProcess(const std::vector<std::string>& extra) {
  const int port = free_port();
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
