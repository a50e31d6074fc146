// `cprokit mock` (or `cprokit serve`) as a child process of a bench program,
// so that it can be killed (SIGKILL, SIGTERM) and its memory read from /proc
// like any server's.
#pragma once

#include <sys/types.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace cprokit::bench {

class MockChild {
 public:
  // Starts `cprokit` with `command --port 0` (command: mock or serve) and
  // `args`, its output in `log`, and waits (10 s at most) until its first
  // http://HOST:PORT gives the port; throws std::runtime_error with the
  // log's head when it does not come.
  MockChild(const std::filesystem::path& cprokit, const std::vector<std::string>& args,
            const std::filesystem::path& log, const std::string& command = "mock");
  MockChild(const MockChild&) = delete;
  MockChild& operator=(const MockChild&) = delete;
  ~MockChild();  // SIGKILL when still running

  int port() const { return port_; }
  pid_t pid() const { return pid_; }
  // Whether it still runs (reaps it when it has ended).
  bool running() { return !wait_for(std::chrono::milliseconds(0)); }

  // signal() and rss() may be called from another thread than the others.
  void signal(int sig) const;
  // Waits up to `limit` for the process to end; its wait status, or nullopt.
  std::optional<int> wait_for(std::chrono::milliseconds limit);
  // The resident set size in bytes (VmRSS of /proc/PID/status); 0 once ended.
  std::size_t rss() const;

 private:
  pid_t pid_ = -1;
  int port_ = 0;
  std::optional<int> status_;
  std::atomic<bool> reaped_{false};  // status_ is set: the pid may be another's
};

// "exit 0", "signal 9 (Killed)": a wait status in words.
std::string describe_status(int status);

}  // namespace cprokit::bench
