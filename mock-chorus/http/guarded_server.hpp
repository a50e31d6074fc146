// httplib's server with the connection loop of its own: each request must
// arrive whole within a deadline (else 408), its head within limits (else
// 431, counted as the bytes arrive), an answer that says
// "Connection: close" closes the connection (a request refused from its
// headers leaves its body unread), threads grow with the connections, and
// stop() ends every wait at once. The same processing runs on bytes in
// memory (answer_raw), for tests and fuzzing.
#pragma once

#include <httplib.h>

#include <chrono>
#include <cstddef>
#include <exception>
#include <string>
#include <string_view>

#include "mock-chorus/http/head_meter.hpp"
#include "mock-chorus/http/request_stream.hpp"

namespace cprokit::mock::http {

struct ServerLimits {
  std::chrono::milliseconds request_timeout{30'000};  // request line + headers + body
  HeadLimits head;
  std::size_t max_threads = 1024;  // connections served at once; more wait for a thread
};

class GuardedServer : public httplib::Server {
 public:
  explicit GuardedServer(ServerLimits limits);
  GuardedServer(const GuardedServer&) = delete;
  GuardedServer& operator=(const GuardedServer&) = delete;
  ~GuardedServer() override;

  // Stops accepting, and wakes every connection waiting on its client.
  // Hides Server::stop, which would leave them to their timeouts.
  void stop();

  // The answers to the requests in `request_bytes` (one or several, as on a
  // kept-alive connection), as they would be written to the socket.
  std::string answer_raw(std::string_view request_bytes);

  // For a post-routing handler: when `res` says "Connection: close", the
  // connection is closed after it (and it no longer offers keep-alive).
  static void honour_connection_close(httplib::Response& res);

  // What an exception a handler threw says, for an exception handler's log
  // line: its what(), or "?" for one that is no std::exception.
  static std::string describe(const std::exception_ptr& error);

  const ServerLimits& limits() const { return limits_; }

 private:
  bool process_and_close_socket(socket_t sock) override;
  // One request and its answer; whether the connection may serve another.
  bool exchange(RequestStream& stream, bool last);
  // The answer to a request cut short by `failure`, if it gets one.
  std::string failure_answer(Failure failure) const;

  ServerLimits limits_;
  int stop_fd_;  // an eventfd, readable once stop() was called
};

}  // namespace cprokit::mock::http
