// `cprokit serve --port 0` run as a separate process for the tests of the
// service: the port read from the first line it prints, stopped by SIGTERM
// with its exit status.
#pragma once

#include <string>
#include <vector>

namespace cprokit::test {

class ServeProcess {
 public:
  // Starts `cprokit serve --port 0 extra…` and waits for its first line;
  // throws std::runtime_error when it does not come within 20 s.
  explicit ServeProcess(const std::vector<std::string>& extra = {});
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;
  // Kills it (SIGKILL) if it still runs.
  ~ServeProcess();

  int port() const { return port_; }
  int pid() const { return pid_; }
  // Sends SIGTERM.
  void signal_stop() const;
  // Waits for its end (SIGKILL after 20 s): the exit code, -1 when killed
  // by a signal.
  int wait();

 private:
  int pid_ = -1;
  int port_ = 0;
};

}  // namespace cprokit::test
