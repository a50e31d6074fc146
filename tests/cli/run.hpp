// Runs the cprokit binary (or any program) as a child process, without a
// shell: arguments passed as they are, stdin fed, stdout and stderr captured
// separately, exit status and wall time measured, a 20 s watchdog. Or
// starts one in the background (Background).
#pragma once

#include <chrono>
#include <map>
#include <string>
#include <vector>

namespace cprokit::test {

struct RunResult {
  int exit_code = -1;  // the child's exit status, or -1 when killed by a signal
  int signal = 0;      // the signal that ended the child, 0 when it exited
  std::string out;     // everything written on stdout
  std::string err;     // everything written on stderr
  std::chrono::steady_clock::duration elapsed{};  // wall time, from fork to the child's end
  std::chrono::microseconds cpu{};                // the child's user + system CPU time

  bool exited() const { return signal == 0 && exit_code >= 0; }
  double seconds() const { return std::chrono::duration<double>(elapsed).count(); }
  double cpu_seconds() const { return std::chrono::duration<double>(cpu).count(); }
};

// As a value in the `env` map of run(): removes the variable from the
// child's environment (a NUL byte can be in no environment value).
inline const std::string kUnset(1, '\0');

// The longest a child may run; past it, it is killed and run() throws. A
// guard against hangs, wide enough for the sanitizer build on a loaded
// machine (a lint of every fixture takes seconds there).
inline constexpr std::chrono::seconds kRunTimeout{60};

// Path of the cprokit binary under test.
const std::string& cprokit_binary();

// Runs `program` (a path, not searched in PATH) with `args`. The child
// inherits this process's environment, changed by `env`: each entry sets a
// variable, or removes it when its value is kUnset. Throws std::runtime_error
// when the child cannot be started or runs over kRunTimeout (it is killed).
// A program being rewritten (ETXTBSY, EACCES: a build relinking it) is
// retried for a few seconds.
RunResult run_program(const std::string& program, const std::vector<std::string>& args,
                      const std::string& stdin_data = {},
                      const std::map<std::string, std::string>& env = {});

// run_program() on the cprokit binary.
RunResult run(const std::vector<std::string>& args, const std::string& stdin_data = {},
              const std::map<std::string, std::string>& env = {});

// A child left running while the test goes on (a server), its output
// discarded; stopped by SIGTERM, then SIGKILL after 10 s, and reaped when it
// goes out of scope.
class Background {
 public:
  Background(const std::string& program, const std::vector<std::string>& args);
  Background(const Background&) = delete;
  Background& operator=(const Background&) = delete;
  ~Background();

  // Whether the child has not ended yet.
  bool running() const;
  int pid() const { return pid_; }
  // Sends SIGTERM and waits for the child's end (SIGKILL after 10 s);
  // returns how long it took.
  std::chrono::steady_clock::duration terminate();

 private:
  int pid_ = -1;
};

// The cprokit binary with its standard input, output and error all on one
// new pseudo-terminal, as in a user's terminal window: `out` holds every
// byte the terminal received (its line discipline turns "\n" into "\r\n"),
// `err` stays empty. Same environment changes and time limit as run().
RunResult run_in_terminal(const std::vector<std::string>& args,
                          const std::map<std::string, std::string>& env = {});

}  // namespace cprokit::test
