// How the mock's server listens, and why it cannot. cpp-httplib's default
// socket options set SO_REUSEPORT, which lets a second server bind a port in
// use and share its connections (a stale mock would take part of a test
// run's calls): the mock sets its own, and a taken port is an error.
#pragma once

#include <stdexcept>
#include <string>
#include <utility>

namespace cprokit::mock {

// Why the server cannot listen, in French and in English (what()).
class ListenError : public std::runtime_error {
 public:
  ListenError(std::string message_fr, const std::string& message_en)
      : std::runtime_error(message_en), message_fr_(std::move(message_fr)) {}
  const std::string& message_fr() const { return message_fr_; }

 private:
  std::string message_fr_;
};

// The options of the listening socket: SO_REUSEADDR only, so that a restart
// binds at once after the previous run's connections (TIME_WAIT), while a
// port some other socket listens on stays refused.
void set_listen_options(int socket);

// Why `host`:`port` cannot be listened on, found by trying it again with
// the same options (httplib only says that it failed).
ListenError listen_error(const std::string& host, int port);

// httplib 0.11 listens with a backlog of 5 and does not show its socket:
// more clients connecting at once are dropped and retry a second later.
// Linux takes a second listen() on a listening socket, so find it (the one
// listening on `port`) and widen its backlog.
void widen_backlog(int port);

}  // namespace cprokit::mock
