// A scenario's faults over real HTTP, each as configured: a status answered
// before anything is done (Retry-After on 429 and 503), latency, a lost
// answer after the deposit is stored, a cut answer, a token that dies
// early; rate and count honoured, and the same seed giving the same faults.
#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <array>
#include <chrono>
#include <map>
#include <string>
#include <vector>

#include <fmt/core.h>

#include "mock-chorus/scenario/draw.hpp"
#include "tests/mock/harness.hpp"
#include "validators/base64.hpp"

using cprokit::encode_base64;
using namespace cprokit::testing;

namespace {

constexpr const char* kConsulter = "/cpro/structures/v1/consulter";
const json kConsult = {{"idStructureCPP", 25000001}};

void load(MockHarness& h, const json& scenario) {
  const Answer a = h.admin("POST", "/_mock/scenarios", scenario.dump());
  INFO(a.body.dump());
  REQUIRE(a.status == 200);
}

json fault(const std::string& endpoint, const std::string& kind,
           const json& more = json::object()) {
  json f = {{"endpoint", endpoint}, {"kind", kind}};
  f.update(more);
  return f;
}

json deposit_request(const std::string& number) {
  return {{"fichierFlux", encode_base64(valid_ubl(number))},
          {"nomFichier", "MENUISERIE ALPINE SARL - " + number + ".xml"},
          {"syntaxeFlux", "IN_DP_E1_UBL_INVOICE"},
          {"avecSignature", false}};
}

// Everything the server sends back to one POST on a fresh connection, read
// until it closes: the bytes a client really gets.
std::string raw_exchange(MockHarness& h, const std::string& path, const std::string& body) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(fd >= 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<std::uint16_t>(h.port()));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
  const std::string request = fmt::format(
      "POST {} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {}\r\ncpro-account: {}\r\n"
      "Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{}",
      path, h.token(), MockHarness::account_header(kAlpineLogin, kAlpinePassword), body.size(),
      body);
  REQUIRE(::send(fd, request.data(), request.size(), MSG_NOSIGNAL) ==
          static_cast<ssize_t>(request.size()));
  std::string received;
  std::array<char, 4096> buffer{};
  for (ssize_t n; (n = ::recv(fd, buffer.data(), buffer.size(), 0)) > 0;)
    received.append(buffer.data(), static_cast<std::size_t>(n));
  ::close(fd);
  return received;
}

// The statuses of `calls` consults in a row.
std::vector<int> consult_statuses(MockHarness& h, int calls) {
  std::vector<int> out;
  out.reserve(static_cast<std::size_t>(calls));
  for (int i = 0; i < calls; ++i)
    out.push_back(h.call(kConsulter, kConsult).status);
  return out;
}

}  // namespace

TEST_CASE("fault status: answered before the call is handled, Retry-After on 429 and 503",
          "[mock][fault]") {
  MockHarness h;
  h.start();
  h.token();
  load(h, {{"faults",
            {fault("/cpro/factures/v1/deposer/flux", "status",
                   {{"status", 503}, {"retryAfterSeconds", 3}, {"count", 1}}),
             fault("/cpro/structures/v1/*", "status", {{"status", 429}, {"count", 2}}),
             fault("/cpro/transverses/v1/recuperer/pays", "status", {{"status", 500}})}}});
  auto c = h.client();
  const httplib::Headers headers{
      {"Authorization", "Bearer " + h.token()},
      {"cpro-account", MockHarness::account_header(kAlpineLogin, kAlpinePassword)}};

  auto r = c->Post("/cpro/factures/v1/deposer/flux", headers, deposit_request("F-503-1").dump(),
                   "application/json");
  REQUIRE(r);
  CHECK(r->status == 503);
  CHECK(r->get_header_value("Retry-After") == "3");
  CHECK(json::parse(r->body)["codeRetour"] == 20001);
  // Nothing was stored: the retry is the first flux.
  Answer a = h.call("/cpro/factures/v1/deposer/flux", deposit_request("F-503-1"));
  REQUIRE(a.status == 200);
  CHECK(a.body["numeroFluxDepot"] == "CPP0019000000000000000001");

  for (const auto* path : {kConsulter, "/cpro/structures/v1/rechercher"}) {
    r = c->Post(path, headers, kConsult.dump(), "application/json");
    REQUIRE(r);
    CHECK(r->status == 429);
    CHECK(r->get_header_value("Retry-After") == "1");  // the default
  }
  CHECK(h.call(kConsulter, kConsult).status == 200);  // count 2: spent

  r = c->Post("/cpro/transverses/v1/recuperer/pays", headers, "{}", "application/json");
  REQUIRE(r);
  CHECK(r->status == 500);
  CHECK_FALSE(r->has_header("Retry-After"));

  const json listed = h.admin("GET", "/_mock/scenarios", "").body["scenarios"][0]["faults"];
  CHECK(listed[0]["fired"] == 1);
  CHECK(listed[0]["remaining"] == 0);
  CHECK(listed[1]["fired"] == 2);
  CHECK(listed[2]["remaining"].is_null());
}

TEST_CASE("fault status on a kept-alive connection: the next call on it is read whole",
          "[mock][fault]") {
  MockHarness h;
  h.start();
  h.token();
  load(h, {{"faults", {fault(kConsulter, "status", {{"status", 503}, {"rate", 0.5}})}}});
  auto c = h.client();
  c->set_keep_alive(true);
  c->set_tcp_nodelay(true);  // headers and body in two segments, as fast clients send them
  const httplib::Headers headers{
      {"Authorization", "Bearer " + h.token()},
      {"cpro-account", MockHarness::account_header(kAlpineLogin, kAlpinePassword)}};
  // The body of a faulted call must never be taken for the next request (a 400).
  std::map<int, int> statuses;
  for (int i = 0; i < 200; ++i) {
    auto r = c->Post(kConsulter, headers, kConsult.dump(), "application/json");
    REQUIRE(r);
    ++statuses[r->status];
  }
  CHECK(statuses.size() == 2);
  CHECK(statuses[200] > 50);
  CHECK(statuses[503] > 50);
}

TEST_CASE("fault *: every API and token path, never /_mock/ nor the portal", "[mock][fault]") {
  MockHarness h;
  h.start();
  load(h, {{"faults", {fault("*", "status", {{"status", 502}})}}});
  CHECK(h.token_request("grant_type=client_credentials&client_id=x&client_secret=y").status == 502);
  CHECK(h.admin("GET", "/_mock/scenarios", "").status == 200);
  auto r = h.client()->Get("/portail/connexion");
  REQUIRE(r);
  CHECK(r->status == 200);
}

TEST_CASE("fault latency: added before the call, latencies add up", "[mock][fault]") {
  MockHarness h;
  h.start();
  h.token();
  load(
      h,
      {{"faults",
        {fault(kConsulter, "latency", {{"latencyMs", 150}}),
         fault("/cpro/structures/v1/*", "latency", {{"latencyMs", {{"min", 50}, {"max", 80}}}})}}});
  for (int i = 0; i < 3; ++i) {
    const auto start = std::chrono::steady_clock::now();
    CHECK(h.call(kConsulter, kConsult).status == 200);
    CHECK(std::chrono::steady_clock::now() - start >= std::chrono::milliseconds(200));
  }
  const auto start = std::chrono::steady_clock::now();
  h.call("/cpro/structures/v1/rechercher", json::object());
  const auto took = std::chrono::steady_clock::now() - start;
  CHECK(took >= std::chrono::milliseconds(50));
  CHECK(took < std::chrono::milliseconds(150));
}

TEST_CASE("fault drop: the deposit is stored, the client gets no answer, and only once",
          "[mock][fault]") {
  MockHarness h;
  h.start();
  h.token();
  load(h, {{"faults", {fault("/cpro/factures/v1/deposer/flux", "drop", {{"count", 1}})}}});
  const std::string received =
      raw_exchange(h, "/cpro/factures/v1/deposer/flux", deposit_request("F-DROP-1").dump());
  CHECK(received.empty());
  // It was stored and processed: the invoice exists once, a second deposit is a duplicate.
  const Answer flux = h.admin("GET", "/_mock/flux/CPP0019000000000000000001", "");
  REQUIRE(flux.status == 200);
  CHECK(h.wait_for_flux("CPP0019000000000000000001")["etatCourantDepotFlux"] == "IN_INTEGRE");
  Answer a = h.call("/cpro/factures/v1/rechercher/fournisseur", {{"numeroFacture", "F-DROP-1"}});
  CHECK(a.body["listeFactures"].size() == 1);
  a = h.call("/cpro/factures/v1/deposer/flux", deposit_request("F-DROP-1"));
  REQUIRE(a.status == 200);  // count 1: answered now
  const json cr = h.wait_for_flux(a.body["numeroFluxDepot"]);
  CHECK(cr["etatCourantDepotFlux"] == "IN_REJETE");
  CHECK(cr["listeErreurDP"][0]["libelleErreurDP"].get<std::string>().starts_with("REJ_UNI"));
}

TEST_CASE("fault truncate: the answer is cut in the middle of its body", "[mock][fault]") {
  MockHarness h;
  h.start();
  h.token();
  load(h, {{"faults", {fault(kConsulter, "truncate", {{"count", 1}})}}});
  const std::string received = raw_exchange(h, kConsulter, kConsult.dump());
  INFO(received);
  REQUIRE(received.starts_with("HTTP/1.1 200"));
  const auto end_of_headers = received.find("\r\n\r\n");
  REQUIRE(end_of_headers != std::string::npos);
  const std::string headers = received.substr(0, end_of_headers);
  const auto length_at = headers.find("Content-Length: ");
  REQUIRE(length_at != std::string::npos);
  const auto length = std::stoul(headers.substr(length_at + 16));
  CHECK(headers.find("Content-Length", length_at + 1) == std::string::npos);
  CHECK(headers.find("X-Cprokit-Fault") == std::string::npos);
  const std::size_t body = received.size() - end_of_headers - 4;
  CHECK(length > 100);
  CHECK(body == length / 2);
  CHECK(json::parse(received.substr(end_of_headers + 4), nullptr, false).is_discarded());
  // Spent: the next answer is whole.
  CHECK(h.call(kConsulter, kConsult).body["codeRetour"] == 0);
}

TEST_CASE("fault tokenExpiry: the token dies after its short lifetime, expires_in says 3600",
          "[mock][fault][auth]") {
  MockHarness h;
  h.start();
  load(
      h,
      {{"faults",
        {fault("/api/oauth/token", "tokenExpiry", {{"tokenLifetimeSeconds", 30}, {"count", 1}})}}});
  const std::string form = std::string("grant_type=client_credentials&client_id=") + kClientId +
                           "&client_secret=" + kClientSecret;
  const Answer short_lived = h.token_request(form);
  REQUIRE(short_lived.status == 200);
  CHECK(short_lived.body["expires_in"] == 3600);
  const Answer normal = h.token_request(form);  // count 1: spent
  const std::string account = MockHarness::account_header(kAlpineLogin, kAlpinePassword);
  auto consult = [&](const Answer& token) {
    return h.post(kConsulter, kConsult.dump(), token.body["access_token"], account);
  };
  // Its lifetime is long enough for a loaded machine to consult before it
  // ends; the mock's clock then jumps past it.
  CHECK(consult(short_lived).status == 200);
  h.advance_clock(30'001);
  const Answer expired = consult(short_lived);
  CHECK(expired.status == 401);
  CHECK(expired.body["error"] == "invalid_token");
  CHECK(consult(normal).status == 200);
}

TEST_CASE("fault rate and count: the same seed gives the same faulted calls, another seed others",
          "[mock][fault][seed]") {
  MockHarness h;
  h.start();
  h.token();
  auto run = [&](std::int64_t seed) {
    h.admin("DELETE", "/_mock/scenarios", "");
    load(h, {{"seed", seed},
             {"faults", {fault(kConsulter, "status", {{"status", 503}, {"rate", 0.3}})}}});
    return consult_statuses(h, 200);
  };
  const std::vector<int> first = run(42);
  const auto faulted = std::count(first.begin(), first.end(), 503);
  CHECK(faulted > 30);  // 60 expected
  CHECK(faulted < 90);
  CHECK(std::count(first.begin(), first.end(), 200) == 200 - faulted);
  CHECK(run(42) == first);
  CHECK(run(43) != first);
  // Exactly what the draw says, call by call.
  for (std::size_t n = 0; n < first.size(); ++n)
    CHECK((first[n] == 503) == cprokit::mock::scenario::fires(42, 0, n, 0.3));

  h.admin("DELETE", "/_mock/scenarios", "");
  load(h, {{"faults", {fault(kConsulter, "status", {{"status", 503}, {"count", 5}})}}});
  const std::vector<int> counted = consult_statuses(h, 8);
  CHECK(counted == std::vector<int>{503, 503, 503, 503, 503, 200, 200, 200});
}

TEST_CASE("fault seed: the mock's --seed wins over the file's seed", "[mock][fault][seed]") {
  cprokit::mock::MockOptions options;
  options.seed = 99;
  MockHarness h(options);
  h.start();
  const Answer a = h.admin("POST", "/_mock/scenarios", json{{"seed", 7}}.dump());
  CHECK(a.body["seed"] == 99);
}
