#include "bench/mock_child.hpp"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>
#include <csignal>

#include <cstring>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <thread>

#include <fmt/core.h>

namespace cprokit::bench {
namespace {

std::string read_all(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace

MockChild::MockChild(const std::filesystem::path& cprokit, const std::vector<std::string>& args,
                     const std::filesystem::path& log, const std::string& command) {
  std::vector<std::string> argv_text{cprokit.string(), command, "--port", "0"};
  argv_text.insert(argv_text.end(), args.begin(), args.end());
  std::vector<char*> argv;
  argv.reserve(argv_text.size() + 1);
  for (auto& a : argv_text)
    argv.push_back(a.data());
  argv.push_back(nullptr);

  const int out = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (out < 0) throw std::runtime_error(fmt::format("{}: {}", log.string(), std::strerror(errno)));
  pid_ = ::fork();
  if (pid_ == 0) {
    ::dup2(out, STDOUT_FILENO);
    ::dup2(out, STDERR_FILENO);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(out);
  if (pid_ < 0) throw std::runtime_error(fmt::format("fork: {}", std::strerror(errno)));

  // The mock's banner ("  Portail    http://127.0.0.1:PORT/"), serve's first line.
  static const std::regex api_line(R"(http://[^:/\s]+:(\d+))");
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (std::chrono::steady_clock::now() < give_up) {
    std::smatch m;
    const std::string text = read_all(log);
    if (std::regex_search(text, m, api_line)) {
      port_ = std::stoi(m[1].str());
      return;
    }
    if (wait_for(std::chrono::milliseconds(20))) break;
  }
  if (!status_) {
    signal(SIGKILL);
    wait_for(std::chrono::seconds(5));
  }
  throw std::runtime_error(fmt::format("{} {} did not start{}:\n{}", cprokit.string(), command,
                                       status_ ? " (" + describe_status(*status_) + ")" : "",
                                       read_all(log).substr(0, 2000)));
}

MockChild::~MockChild() {
  if (!status_) {
    signal(SIGKILL);
    wait_for(std::chrono::seconds(10));
  }
}

void MockChild::signal(int sig) const {
  if (!reaped_) ::kill(pid_, sig);
}

std::optional<int> MockChild::wait_for(std::chrono::milliseconds limit) {
  if (status_) return status_;
  const auto give_up = std::chrono::steady_clock::now() + limit;
  for (;;) {
    int status = 0;
    const pid_t done = ::waitpid(pid_, &status, WNOHANG);
    if (done == pid_) {
      status_ = status;
      reaped_ = true;
      return status_;
    }
    if (std::chrono::steady_clock::now() >= give_up) return std::nullopt;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

std::size_t MockChild::rss() const {
  if (reaped_) return 0;
  std::ifstream in(fmt::format("/proc/{}/status", pid_));
  std::string line;
  while (std::getline(in, line)) {
    if (line.starts_with("VmRSS:")) return std::stoull(line.substr(6)) * 1024;  // "… kB"
  }
  return 0;
}

std::string describe_status(int status) {
  if (WIFEXITED(status)) return fmt::format("exit {}", WEXITSTATUS(status));
  if (WIFSIGNALED(status)) {
    return fmt::format("signal {} ({})", WTERMSIG(status), ::strsignal(WTERMSIG(status)));
  }
  return fmt::format("status {}", status);
}

}  // namespace cprokit::bench
