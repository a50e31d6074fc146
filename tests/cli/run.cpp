#include "tests/cli/run.hpp"

#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include <csignal>

#include <array>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string_view>
#include <system_error>
#include <thread>

namespace cprokit::test {
namespace {

using Clock = std::chrono::steady_clock;

[[noreturn]] void fail_errno(const std::string& what) {
  throw std::system_error(errno, std::generic_category(), what);
}

// A file descriptor closed when it goes out of scope.
class Fd {
 public:
  Fd() = default;
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  Fd(Fd&& other) noexcept : fd_(other.release()) {}
  Fd& operator=(Fd&& other) noexcept {
    if (this != &other) {
      close();
      fd_ = other.release();
    }
    return *this;
  }
  ~Fd() { close(); }

  int get() const { return fd_; }
  bool open() const { return fd_ >= 0; }
  int release() {
    int fd = fd_;
    fd_ = -1;
    return fd;
  }
  void close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_ = -1;
};

struct Pipe {
  Fd read;
  Fd write;
};

// Both ends close-on-exec: the child gets only what it dup2()s onto 0, 1, 2.
Pipe make_pipe() {
  std::array<int, 2> fds{};
  if (::pipe2(fds.data(), O_CLOEXEC) != 0) fail_errno("pipe2");
  return {Fd(fds[0]), Fd(fds[1])};
}

void set_nonblocking(int fd) {
  int flags = ::fcntl(fd, F_GETFL);
  if (flags < 0 || ::fcntl(fd, F_SETFL, flags | O_NONBLOCK) != 0) fail_errno("fcntl");
}

// The parent's environment with `changes` applied, as "NAME=value" strings.
std::vector<std::string> child_environment(const std::map<std::string, std::string>& changes) {
  std::map<std::string, std::string> vars;
  for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
    std::string_view kv(*entry);
    std::size_t eq = kv.find('=');
    if (eq == std::string_view::npos || eq == 0) continue;
    vars.emplace(std::string(kv.substr(0, eq)), std::string(kv.substr(eq + 1)));
  }
  for (const auto& [name, value] : changes) {
    if (value == kUnset) {
      vars.erase(name);
    } else {
      vars[name] = value;
    }
  }
  std::vector<std::string> out;
  out.reserve(vars.size());
  for (const auto& [name, value] : vars)
    out.push_back(name + "=" + value);
  return out;
}

std::vector<char*> c_strings(std::vector<std::string>& strings) {
  std::vector<char*> out;
  out.reserve(strings.size() + 1);
  for (auto& s : strings)
    out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

// A child's argument and environment arrays, built before fork: after it,
// the child may only make async-signal-safe calls.
class ChildCommand {
 public:
  ChildCommand(const std::string& program, const std::vector<std::string>& args,
               const std::map<std::string, std::string>& env)
      : argv_strings_(with_program(program, args)),
        env_strings_(child_environment(env)),
        argv_(c_strings(argv_strings_)),
        envp_(c_strings(env_strings_)) {}
  ChildCommand(const ChildCommand&) = delete;
  ChildCommand& operator=(const ChildCommand&) = delete;

  const char* program() const { return argv_strings_.front().c_str(); }
  char* const* argv() const { return argv_.data(); }
  char* const* envp() const { return envp_.data(); }

 private:
  static std::vector<std::string> with_program(const std::string& program,
                                               const std::vector<std::string>& args) {
    std::vector<std::string> out{program};
    out.insert(out.end(), args.begin(), args.end());
    return out;
  }

  std::vector<std::string> argv_strings_;
  std::vector<std::string> env_strings_;
  std::vector<char*> argv_;  // point into the strings above
  std::vector<char*> envp_;
};

// In the child, between fork and exec: async-signal-safe calls only.
void put_on(int fd, int target) {
  if (fd == target) {
    ::fcntl(fd, F_SETFD, 0);  // keep it across exec
  } else {
    ::dup2(fd, target);
  }
}

[[noreturn]] void exec_child(const char* program, char* const* argv, char* const* envp,
                             int stdin_fd, int stdout_fd, int stderr_fd, int error_fd) {
  put_on(stdin_fd, STDIN_FILENO);
  put_on(stdout_fd, STDOUT_FILENO);
  put_on(stderr_fd, STDERR_FILENO);
  // Ignored signals stay ignored across exec: give the child the defaults.
  struct sigaction dfl {};
  dfl.sa_handler = SIG_DFL;
  ::sigemptyset(&dfl.sa_mask);
  ::sigaction(SIGPIPE, &dfl, nullptr);
  sigset_t none;
  ::sigemptyset(&none);
  ::sigprocmask(SIG_SETMASK, &none, nullptr);
  ::execve(program, argv, envp);
  int error = errno;
  ssize_t ignored = ::write(error_fd, &error, sizeof error);
  (void)ignored;
  ::_exit(127);
}

// SIGPIPE ignored in this process while it feeds a child that may exit
// without reading its input (the write then fails with EPIPE instead).
class IgnoreSigpipe {
 public:
  IgnoreSigpipe() {
    struct sigaction ign {};
    ign.sa_handler = SIG_IGN;
    ::sigemptyset(&ign.sa_mask);
    ::sigaction(SIGPIPE, &ign, &previous_);
  }
  IgnoreSigpipe(const IgnoreSigpipe&) = delete;
  IgnoreSigpipe& operator=(const IgnoreSigpipe&) = delete;
  ~IgnoreSigpipe() { ::sigaction(SIGPIPE, &previous_, nullptr); }

 private:
  struct sigaction previous_ {};
};

std::string describe(const std::string& program, const std::vector<std::string>& args) {
  std::string out = program;
  for (const auto& a : args)
    out += " '" + a + "'";
  return out;
}

// Reads what is available on `fd` into `sink`; closes `fd` at end of file or error.
void drain(Fd& fd, std::string& sink) {
  std::array<char, 1 << 16> buffer{};
  for (;;) {
    ssize_t got = ::read(fd.get(), buffer.data(), buffer.size());
    if (got > 0) {
      sink.append(buffer.data(), static_cast<std::size_t>(got));
      continue;
    }
    if (got < 0 && errno == EINTR) continue;
    if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;
    fd.close();  // end of file, or an error: nothing more will come
    return;
  }
}

// Writes what the pipe takes of data[written..]; closes `fd` when all is
// written or the child has closed its end.
void feed(Fd& fd, const std::string& data, std::size_t& written) {
  while (written < data.size()) {
    ssize_t put = ::write(fd.get(), data.data() + written, data.size() - written);
    if (put > 0) {
      written += static_cast<std::size_t>(put);
      continue;
    }
    if (put < 0 && errno == EINTR) continue;
    if (put < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;
    break;  // EPIPE: the child does not read any more
  }
  fd.close();
}

void kill_and_reap(pid_t pid) {
  ::kill(pid, SIGKILL);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
}

// Waits for the child's exec (exec_child's pipe closes on success, holds
// errno on failure); when it failed, reaps the child and throws.
void expect_exec(const Fd& exec_error, pid_t pid, const std::string& program,
                 const std::vector<std::string>& args) {
  int exec_errno = 0;
  ssize_t got = 0;
  do {
    got = ::read(exec_error.get(), &exec_errno, sizeof exec_errno);
  } while (got < 0 && errno == EINTR);
  if (got <= 0) return;
  kill_and_reap(pid);
  throw std::system_error(exec_errno, std::generic_category(),
                          "cannot run " + describe(program, args));
}

// Waits for the child `pid` (killed past `deadline`) and sets the exit
// status, wall time from `start` and CPU time of `result`.
void wait_for(pid_t pid, Clock::time_point start, Clock::time_point deadline,
              const std::string& description, RunResult& result) {
  int status = 0;
  struct rusage usage {};
  for (;;) {
    pid_t done = ::wait4(pid, &status, WNOHANG, &usage);
    if (done == pid) break;
    if (done < 0 && errno != EINTR) fail_errno("waitpid");
    if (Clock::now() >= deadline) {
      kill_and_reap(pid);
      throw std::runtime_error("timed out after " + std::to_string(kRunTimeout.count()) +
                               " s, killed: " + description);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  result.elapsed = Clock::now() - start;
  auto micros = [](const timeval& t) {
    return std::chrono::seconds(t.tv_sec) + std::chrono::microseconds(t.tv_usec);
  };
  result.cpu = micros(usage.ru_utime) + micros(usage.ru_stime);
  if (WIFEXITED(status)) {
    result.exit_code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    result.signal = WTERMSIG(status);
  }
}

}  // namespace

const std::string& cprokit_binary() {
  static const std::string binary = CPROKIT_BINARY;
  return binary;
}

namespace {

RunResult run_once(const std::string& program, const std::vector<std::string>& args,
                   const std::string& stdin_data, const std::map<std::string, std::string>& env) {
  const ChildCommand command(program, args, env);

  Pipe in = make_pipe();
  Pipe out = make_pipe();
  Pipe err = make_pipe();
  Pipe exec_error = make_pipe();

  RunResult result;
  const auto start = Clock::now();
  const auto deadline = start + kRunTimeout;
  pid_t pid = ::fork();
  if (pid < 0) fail_errno("fork");
  if (pid == 0) {
    exec_child(command.program(), command.argv(), command.envp(), in.read.get(), out.write.get(),
               err.write.get(), exec_error.write.get());
  }
  IgnoreSigpipe ignore_sigpipe;
  in.read.close();
  out.write.close();
  err.write.close();
  exec_error.write.close();

  expect_exec(exec_error.read, pid, program, args);

  set_nonblocking(in.write.get());
  set_nonblocking(out.read.get());
  set_nonblocking(err.read.get());
  std::size_t written = 0;
  if (stdin_data.empty()) in.write.close();

  while (in.write.open() || out.read.open() || err.read.open()) {
    auto now = Clock::now();
    if (now >= deadline) {
      kill_and_reap(pid);
      throw std::runtime_error("timed out after " + std::to_string(kRunTimeout.count()) +
                               " s, killed: " + describe(program, args));
    }
    auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - now);
    std::array<pollfd, 3> fds{};
    nfds_t count = 0;
    auto watch = [&](const Fd& fd, short events) {
      if (fd.open()) fds[count++] = pollfd{fd.get(), events, 0};
    };
    watch(in.write, POLLOUT);
    watch(out.read, POLLIN);
    watch(err.read, POLLIN);
    int ready = ::poll(fds.data(), count, static_cast<int>(left.count()));
    if (ready < 0) {
      if (errno == EINTR) continue;
      int error = errno;
      kill_and_reap(pid);
      throw std::system_error(error, std::generic_category(), "poll");
    }
    for (nfds_t i = 0; i < count; ++i) {
      if (fds[i].revents == 0) continue;
      if (fds[i].fd == in.write.get()) {
        feed(in.write, stdin_data, written);
      } else if (fds[i].fd == out.read.get()) {
        drain(out.read, result.out);
      } else if (fds[i].fd == err.read.get()) {
        drain(err.read, result.err);
      }
    }
  }

  // Both outputs are closed: the child is ending (or closed them and goes on).
  wait_for(pid, start, deadline, describe(program, args), result);
  return result;
}

}  // namespace

RunResult run_program(const std::string& program, const std::vector<std::string>& args,
                      const std::string& stdin_data,
                      const std::map<std::string, std::string>& env) {
  for (int attempt = 1;; ++attempt) {
    try {
      return run_once(program, args, stdin_data, env);
    } catch (const std::system_error& e) {
      const int code = e.code().value();
      if (attempt >= 50 || (code != ETXTBSY && code != EACCES)) throw;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
}

Background::Background(const std::string& program, const std::vector<std::string>& args) {
  const ChildCommand command(program, args, {});
  Fd null(::open("/dev/null", O_RDWR | O_CLOEXEC));
  if (!null.open()) fail_errno("/dev/null");
  Pipe exec_error = make_pipe();
  pid_ = ::fork();
  if (pid_ < 0) fail_errno("fork");
  if (pid_ == 0) {
    exec_child(command.program(), command.argv(), command.envp(), null.get(), null.get(),
               null.get(), exec_error.write.get());
  }
  exec_error.write.close();
  expect_exec(exec_error.read, pid_, program, args);
}

Background::~Background() {
  terminate();
}

std::chrono::steady_clock::duration Background::terminate() {
  const auto start = Clock::now();
  if (pid_ < 0) return {};
  ::kill(pid_, SIGTERM);
  const auto deadline = start + std::chrono::seconds(10);
  int status = 0;
  while (::waitpid(pid_, &status, WNOHANG) == 0) {
    if (Clock::now() >= deadline) {
      kill_and_reap(pid_);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  pid_ = -1;
  return Clock::now() - start;
}

bool Background::running() const {
  siginfo_t info{};
  return ::waitid(P_PID, static_cast<id_t>(pid_), &info, WEXITED | WNOHANG | WNOWAIT) == 0 &&
         info.si_pid == 0;
}

RunResult run(const std::vector<std::string>& args, const std::string& stdin_data,
              const std::map<std::string, std::string>& env) {
  return run_program(cprokit_binary(), args, stdin_data, env);
}

RunResult run_in_terminal(const std::vector<std::string>& args,
                          const std::map<std::string, std::string>& env) {
  const std::string& program = cprokit_binary();
  const ChildCommand command(program, args, env);

  int master_fd = -1;
  int slave_fd = -1;
  winsize size{};
  size.ws_row = 50;
  size.ws_col = 200;
  if (::openpty(&master_fd, &slave_fd, nullptr, nullptr, &size) != 0) fail_errno("openpty");
  Fd master(master_fd);
  Fd slave(slave_fd);
  // The child gets the terminal only as 0, 1 and 2.
  ::fcntl(master.get(), F_SETFD, FD_CLOEXEC);
  ::fcntl(slave.get(), F_SETFD, FD_CLOEXEC);
  Pipe exec_error = make_pipe();

  RunResult result;
  const auto start = Clock::now();
  const auto deadline = start + kRunTimeout;
  pid_t pid = ::fork();
  if (pid < 0) fail_errno("fork");
  if (pid == 0) {
    // A session of its own with the terminal as its controlling one.
    ::setsid();
    ::ioctl(slave.get(), TIOCSCTTY, 0);
    exec_child(command.program(), command.argv(), command.envp(), slave.get(), slave.get(),
               slave.get(), exec_error.write.get());
  }
  slave.close();
  exec_error.write.close();
  expect_exec(exec_error.read, pid, program, args);

  // The terminal's output, until the child's side is closed (EIO).
  set_nonblocking(master.get());
  while (master.open()) {
    auto now = Clock::now();
    if (now >= deadline) {
      kill_and_reap(pid);
      throw std::runtime_error("timed out after " + std::to_string(kRunTimeout.count()) +
                               " s, killed: " + describe(program, args));
    }
    auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - now);
    pollfd fd{master.get(), POLLIN, 0};
    int ready = ::poll(&fd, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno != EINTR) {
      int error = errno;
      kill_and_reap(pid);
      throw std::system_error(error, std::generic_category(), "poll");
    }
    if (ready > 0) drain(master, result.out);
  }
  wait_for(pid, start, deadline, describe(program, args), result);
  return result;
}

}  // namespace cprokit::test
