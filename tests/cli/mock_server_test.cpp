// `cprokit mock` as a process under hostile clients: the memory of large
// bodies returned after a burst, and SIGTERM obeyed at once whatever the
// clients do.
#include <chrono>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "tests/cli/mock_process.hpp"
#include "tests/cli/raw_connection.hpp"
#include "tests/skip.hpp"

using namespace cprokit::test;
using std::chrono::milliseconds;

namespace {

// The shipped directory's demo client and technical account.
constexpr const char* kTokenForm =
    "grant_type=client_credentials&client_id=cprokit-demo-client&client_secret=cprokit-demo-"
    "secret-not-a-real-one";
// base64("TECH_25000103@cprokit.invalid:demo-mot-de-passe-alpine")
constexpr const char* kAlpineAccount =
    "VEVDSF8yNTAwMDEwM0BjcHJva2l0LmludmFsaWQ6ZGVtby1tb3QtZGUtcGFzc2UtYWxwaW5l";

// VmRSS of process `pid`, in kB.
long resident_kb(int pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.starts_with("VmRSS:")) return std::stol(line.substr(6));
  }
  return -1;
}

std::string body_of(const std::string& answer) {
  const auto end = answer.find("\r\n\r\n");
  return end == std::string::npos ? std::string() : answer.substr(end + 4);
}

std::string bearer_token(int port) {
  RawConnection c(port);
  c.send(std::string("POST /api/oauth/token HTTP/1.1\r\nHost: mock\r\nConnection: close\r\n"
                     "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ") +
         std::to_string(std::string(kTokenForm).size()) + "\r\n\r\n" + kTokenForm);
  const auto token =
      nlohmann::json::parse(body_of(c.receive_all(milliseconds(10'000))), nullptr, false);
  REQUIRE(token.contains("access_token"));
  return token["access_token"];
}

}  // namespace

TEST_CASE("mock process: RSS is back near its start after a burst of large authenticated POSTs",
          "[cli][mock][memory]") {
  // ASan keeps freed blocks in its quarantine and never uses glibc's
  // malloc: RSS says nothing there of what the mock gives back. g++ says
  // ASan with __SANITIZE_ADDRESS__, clang 14 only through __has_feature.
#if defined(__SANITIZE_ADDRESS__)
  SKIP_TEST("under AddressSanitizer, RSS does not show memory given back");
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
  SKIP_TEST("under AddressSanitizer, RSS does not show memory given back");
#endif
#endif
  MockProcess m;
  const std::string token = bearer_token(m.port());
  const long start_kb = resident_kb(m.pid());
  // 32 MB that the handler reads whole, then refuses (not JSON).
  std::string body;
  body.resize(32'000'000, 'x');
  const std::string head =
      "POST /cpro/factures/v1/deposer/flux HTTP/1.1\r\nHost: mock\r\n"
      "Connection: close\r\nContent-Type: application/json\r\n"
      "Authorization: Bearer " +
      token + "\r\ncpro-account: " + kAlpineAccount +
      "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  std::vector<std::thread> clients;
  std::vector<std::string> answers(16);
  clients.reserve(answers.size());
  for (auto& answer : answers) {
    clients.emplace_back([&m, &head, &body, &answer] {
      RawConnection c(m.port());
      c.send(head);
      c.send(body);
      answer = c.receive_all(milliseconds(30'000));
    });
  }
  for (auto& c : clients)
    c.join();
  for (const auto& a : answers)
    CHECK(a.starts_with("HTTP/1.1 400"));
  std::this_thread::sleep_for(milliseconds(200));
  const long end_kb = resident_kb(m.pid());
  INFO("RSS " << start_kb << " kB before, " << end_kb << " kB after 16 POSTs of 32 MB");
  CHECK(end_kb < start_kb + 48L * 1024);
}

TEST_CASE("mock process: SIGTERM stops it within 2 s despite idle and slow connections",
          "[cli][mock][stop]") {
  MockProcess m;
  std::vector<std::unique_ptr<RawConnection>> connections;
  for (int i = 0; i < 20; ++i) {
    // Kept alive after its answer, idle.
    connections.push_back(std::make_unique<RawConnection>(m.port()));
    connections.back()->send("GET /nulle-part HTTP/1.1\r\nHost: mock\r\n\r\n");
    CHECK(connections.back()->receive_until("}", milliseconds(5000)).starts_with("HTTP/1.1 404"));
    // Halfway through its head.
    connections.push_back(std::make_unique<RawConnection>(m.port()));
    connections.back()->send("GET /nulle-part HTTP/1.1\r\nHost: mock\r\n");
  }
  const double seconds = std::chrono::duration<double>(m.terminate()).count();
  INFO("stopped in " << seconds << " s");
  CHECK(seconds < 2.0);
}
