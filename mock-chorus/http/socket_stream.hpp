// A RequestStream over a connection's socket. Each request must arrive
// whole before its deadline: every wait polls with the time left, so a
// client sending a byte now and then is cut when the deadline passes, not
// when it pauses longer than a read timeout. Every wait also watches the
// server's stop signal, so a stopping server never waits on a client.
#pragma once

#include <chrono>

#include "mock-chorus/http/request_stream.hpp"

namespace cprokit::mock::http {

class SocketStream : public RequestStream {
 public:
  using Clock = std::chrono::steady_clock;

  // `stop_fd` becomes readable when the server stops.
  SocketStream(int socket, int stop_fd, HeadLimits limits, std::chrono::milliseconds write_timeout);

  // Waits for the first byte of a next request, `idle` at most; false when
  // none came, the client closed, or the server stops.
  bool wait_for_request(std::chrono::milliseconds idle);
  // A request starts now and must be read whole by `deadline`.
  void begin_request(Clock::time_point deadline);
  // Before closing: says the end of the answers, then reads and drops what
  // the client still sends (an unread body) for `time` at most, until it
  // closes too. Closing with unread bytes would reset the connection, and a
  // reset can destroy the answer before the client reads it.
  void linger(std::chrono::milliseconds time);

  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  int socket() const override { return socket_; }

 protected:
  ssize_t receive(char* buffer, std::size_t size) override;
  bool transmit(const char* data, std::size_t size) override;

 private:
  // Polls the socket for `events` and the stop signal, until `until`:
  // true when the socket is ready; else false after fail() (timeout or stop).
  bool wait(short events, Clock::time_point until, Failure on_timeout);

  int socket_;
  int stop_fd_;
  std::chrono::milliseconds write_timeout_;
  Clock::time_point deadline_;
};

}  // namespace cprokit::mock::http
