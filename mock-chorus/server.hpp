// The mock's HTTP server (cpp-httplib): the token endpoint, the /cpro/…
// API behind the gate, the admin API, the portal's pages, and the
// background worker.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "mock-chorus/mock.hpp"

namespace cprokit::mock {

namespace http {
class GuardedServer;
}
class Worker;
namespace portal {
class View;
}

class MockServer {
 public:
  explicit MockServer(Mock& mock);
  MockServer(const MockServer&) = delete;
  MockServer& operator=(const MockServer&) = delete;
  ~MockServer();

  // Binds `host`:`port` (0: any free port) and returns the port; throws
  // ListenError (listen.hpp), saying why, when it cannot: a port in use is
  // refused, never shared.
  int bind(const std::string& host, int port);
  // Serves until stop(), with the worker running.
  void run();
  // Stops serving within moments: waits for no client, lets the handlers
  // running finish, leaves the flux not yet processed to the next start.
  void stop();

  // The answers to raw HTTP request bytes, run through the same processing
  // as on a connection (limits, gate, routes), without a socket: for tests
  // and fuzzing. Needs no bind() nor run().
  std::string answer_raw(std::string_view request_bytes);

 private:
  void add_routes();

  Mock& mock_;
  std::unique_ptr<Worker> worker_;
  std::unique_ptr<http::GuardedServer> http_;
  std::unique_ptr<portal::View> view_;
};

}  // namespace cprokit::mock
