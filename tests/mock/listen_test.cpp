// One mock per port: a second server on a port in use is refused at once
// and the first keeps every connection; a restart binds its port again at
// once, whatever connections the previous run left behind.
#include <httplib.h>
#include <catch2/catch.hpp>

#include <string>

#include "tests/mock/harness.hpp"

using namespace cprokit::testing;

namespace {

// How many of `n` fresh connections to `port` get an answer (1 s each at most).
int answered(int port, int n) {
  int count = 0;
  for (int i = 0; i < n; ++i) {
    httplib::Client c("127.0.0.1", port);
    c.set_connection_timeout(1, 0);
    c.set_read_timeout(1, 0);
    if (c.Get("/")) ++count;
  }
  return count;
}

}  // namespace

TEST_CASE("a second server on a port in use is refused, the first keeps all the traffic",
          "[mock][listen]") {
  MockHarness h;
  h.start();
  cprokit::mock::MockServer second(h.mock());
  try {
    second.bind("127.0.0.1", h.port());
    FAIL_CHECK("a second server bound port " << h.port() << ", in use");
  } catch (const std::runtime_error& e) {
    CHECK_THAT(e.what(), Catch::Contains("port " + std::to_string(h.port()) + " is in use"));
  }
  CHECK(answered(h.port(), 20) == 20);
}

TEST_CASE("a restart listens on its port again at once", "[mock][listen]") {
  MockHarness h;
  h.start();
  const int port = h.port();
  // A connection still open when the server stops: the server closes it,
  // so its side lingers (FIN_WAIT, TIME_WAIT) on the port.
  httplib::Client kept("127.0.0.1", port);
  kept.set_keep_alive(true);
  REQUIRE(kept.Get("/"));
  h.stop();
  h.start();
  CHECK(h.port() == port);
  CHECK(answered(port, 1) == 1);
}
