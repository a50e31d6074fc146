// The server's limits on what clients send: the head (431), the time a
// request may take to arrive (408), who may send a body (refused from the
// headers, the body never read), and slow clients that must not hold the
// threads other clients need.
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "tests/cli/raw_connection.hpp"
#include "tests/mock/harness.hpp"

using namespace cprokit::testing;
using cprokit::test::RawConnection;

namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// A GET of an unknown path with `headers` header lines of `value` each.
std::string request_with_headers(std::size_t headers, const std::string& value = "v") {
  std::string request = "GET /nulle-part HTTP/1.1\r\nHost: mock\r\n";
  for (std::size_t i = 1; i < headers; ++i)
    request += "X-Header-" + std::to_string(i) + ": " + value + "\r\n";
  return request + "\r\n";
}

std::string status_line(const std::string& answer) {
  return answer.substr(0, answer.find("\r\n"));
}

// The p-th percentile of the latencies, in milliseconds.
double percentile(std::vector<double> ms, double p) {
  std::sort(ms.begin(), ms.end());
  return ms[static_cast<std::size_t>(p * static_cast<double>(ms.size() - 1))];
}

}  // namespace

TEST_CASE("http: a head of more than 100 headers or 64 KiB gets 431", "[mock][http]") {
  MockHarness h;
  h.start();
  cprokit::mock::MockServer server(h.mock());  // answer_raw needs no socket

  CHECK(status_line(server.answer_raw(request_with_headers(100))) == "HTTP/1.1 404 Not Found");
  const std::string many = server.answer_raw(request_with_headers(101));
  CHECK(status_line(many) == "HTTP/1.1 431 Request Header Fields Too Large");
  CHECK_THAT(many, Catch::Contains("Connection: close"));
  CHECK_THAT(many,
             Catch::Contains("100 en-têtes au plus") && Catch::Contains("at most 100 headers"));
  // 70 headers of 1,000 bytes: each under httplib's line limit, 70 KB in all.
  CHECK(status_line(server.answer_raw(request_with_headers(70, std::string(1000, 'v')))) ==
        "HTTP/1.1 431 Request Header Fields Too Large");
  // One line of 70 KB, never ended: refused at the limit.
  CHECK(status_line(server.answer_raw("GET /" + std::string(70'000, 'a'))) ==
        "HTTP/1.1 431 Request Header Fields Too Large");
}

TEST_CASE("http: 10000 headers are refused as they arrive before the head ends", "[mock][http]") {
  MockHarness h;
  h.start();
  RawConnection c(h.port());
  std::string head = request_with_headers(10'000);
  head.resize(head.size() - 2);  // no blank line: the head never ends
  c.send(head);
  const std::string answer = c.receive_all(milliseconds(3000));
  CHECK(status_line(answer) == "HTTP/1.1 431 Request Header Fields Too Large");
}

TEST_CASE("http: a request refused from its headers is answered before its body is sent",
          "[mock][http]") {
  MockHarness h;
  h.start();
  const std::string token = h.token();
  const std::string account = MockHarness::account_header(kAlpineLogin, kAlpinePassword);
  struct Case {
    std::string head;
    std::string status;
  };
  const std::vector<Case> cases = {
      {"POST /cpro/factures/v1/deposer/flux HTTP/1.1\r\nContent-Length: 40000000\r\n",
       "HTTP/1.1 401 Unauthorized"},
      {"POST /cpro/factures/v1/deposer/flux HTTP/1.1\r\nAuthorization: Bearer " + token +
           "\r\nContent-Length: 40000000\r\n",
       "HTTP/1.1 403 Forbidden"},
      {"POST /_mock/reset HTTP/1.1\r\nX-Mock-Admin: wrong\r\nContent-Length: 40000000\r\n",
       "HTTP/1.1 401 Unauthorized"},
      {"POST /portail/factures/deposer HTTP/1.1\r\nContent-Type: multipart/form-data; "
       "boundary=x\r\nContent-Length: 40000000\r\n",
       "HTTP/1.1 403 Forbidden"},
      {"POST /api/oauth/token HTTP/1.1\r\nContent-Length: 40000000\r\n",
       "HTTP/1.1 413 Payload Too Large"},
      {"POST /cpro/factures/v1/deposer/flux HTTP/1.1\r\nAuthorization: Bearer " + token +
           "\r\ncpro-account: " + account + "\r\nContent-Length: 4000000000\r\n",
       "HTTP/1.1 413 Payload Too Large"},
  };
  for (const auto& c : cases) {
    INFO(c.head);
    RawConnection connection(h.port());
    const auto start = Clock::now();
    connection.send(c.head + "Host: mock\r\nContent-Type: application/json\r\n\r\n");
    // Until the server closes: it must, at once, without the body.
    const std::string answer = connection.receive_all(milliseconds(3000));
    CHECK(seconds_since(start) < 1.5);
    CHECK(status_line(answer) == c.status);
    CHECK_THAT(answer, Catch::Contains("Connection: close"));
    CHECK_THAT(answer, !Catch::Contains("Keep-Alive"));
  }
}

TEST_CASE("http: a client that expects 100-continue gets the refusal instead", "[mock][http]") {
  MockHarness h;
  h.start();
  RawConnection c(h.port());
  c.send(
      "POST /cpro/factures/v1/deposer/flux HTTP/1.1\r\nHost: mock\r\nContent-Type: "
      "application/json\r\nExpect: 100-continue\r\nContent-Length: 40000000\r\n\r\n");
  const std::string answer = c.receive_all(milliseconds(3000));
  CHECK(status_line(answer) == "HTTP/1.1 401 Unauthorized");
  CHECK_THAT(answer, !Catch::Contains("100 Continue"));
  CHECK_THAT(answer, Catch::Contains("Connection: close"));
}

TEST_CASE(
    "http: a request that does not arrive within --request-timeout gets 408 while others "
    "are served",
    "[mock][http]") {
  cprokit::mock::MockOptions options;
  options.request_timeout = 1000;
  MockHarness h(options);
  h.start();
  RawConnection slow(h.port());
  const auto start = Clock::now();
  slow.send("POST /api/oauth/token HTTP/1.1\r\nHost: mock\r\nContent-Length: 1000\r\n\r\n");
  std::atomic<bool> done = false;
  std::thread dribble([&] {
    // A byte every 100 ms: never a pause long enough for a read timeout.
    while (!done && slow.send("x"))
      std::this_thread::sleep_for(milliseconds(100));
  });
  for (int i = 0; i < 5; ++i) {
    const auto asked = Clock::now();
    const auto other = h.client()->Get("/nulle-part");
    REQUIRE(other);
    CHECK(other->status == 404);
    CHECK(seconds_since(asked) < 0.5);
  }
  const std::string answer = slow.receive_until("\r\n\r\n", milliseconds(3000));
  const double cut_after = seconds_since(start);
  done = true;
  dribble.join();
  CHECK(status_line(answer) == "HTTP/1.1 408 Request Timeout");
  CHECK(cut_after >= 0.9);
  CHECK(cut_after < 2.0);
}

TEST_CASE("http: 200 slow clients do not hold the threads other clients need", "[mock][http]") {
  MockHarness h;
  h.start();
  const std::string token = h.token();
  const std::string account = MockHarness::account_header(kAlpineLogin, kAlpinePassword);
  auto consult = [&] {
    httplib::Client client("127.0.0.1", h.port());
    client.set_read_timeout(3, 0);
    const auto asked = Clock::now();
    const auto r = client.Get("/cpro/transverses/v1/health-check",
                              {{"Authorization", "Bearer " + token}, {"cpro-account", account}});
    return r && r->status == 200 ? seconds_since(asked) * 1000 : 1e9;
  };
  std::vector<double> alone;
  alone.reserve(50);
  for (int i = 0; i < 50; ++i)
    alone.push_back(consult());

  // Each sends a byte a second of a head it never ends.
  std::vector<std::unique_ptr<RawConnection>> slow;
  slow.reserve(200);
  for (int i = 0; i < 200; ++i) {
    slow.push_back(std::make_unique<RawConnection>(h.port()));
    slow.back()->send("GET /nulle-part HTTP/1.1\r\n");
  }
  std::atomic<bool> done = false;
  std::thread dribble([&] {
    while (!done) {
      for (auto& c : slow)
        c->send("X");
      for (int i = 0; i < 10 && !done; ++i)
        std::this_thread::sleep_for(milliseconds(100));
    }
  });
  std::this_thread::sleep_for(milliseconds(300));  // the server has taken them all
  std::vector<double> beside_slow;
  beside_slow.reserve(50);
  for (int i = 0; i < 50; ++i)
    beside_slow.push_back(consult());
  done = true;
  dribble.join();
  INFO("p50/p99 alone: " << percentile(alone, 0.5) << "/" << percentile(alone, 0.99)
                         << " ms; beside 200 slow clients: " << percentile(beside_slow, 0.5) << "/"
                         << percentile(beside_slow, 0.99) << " ms");
  CHECK(percentile(beside_slow, 0.99) < std::max(200.0, 10 * percentile(alone, 0.99)));
}
