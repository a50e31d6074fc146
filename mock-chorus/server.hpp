// The mock's HTTP server (cpp-httplib): the token endpoint, the /cpro/…
// API behind the gate, the admin API, the portal's pages, and the
// background worker.
#pragma once

#include <memory>
#include <string>

#include "mock-chorus/mock.hpp"

namespace httplib {
class Server;
}

namespace cprokit::mock {

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
  void stop();

 private:
  void add_routes();

  Mock& mock_;
  std::unique_ptr<Worker> worker_;
  std::unique_ptr<httplib::Server> http_;
  std::unique_ptr<portal::View> view_;
};

}  // namespace cprokit::mock
