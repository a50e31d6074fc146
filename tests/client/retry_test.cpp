// The client's retries, token renewal and never-twice rule, over a scripted
// transport: what it sends again, after how long, and what it never sends
// again.
#include <catch2/catch.hpp>

#include <array>

#include "cli/client/chorus_client.hpp"
#include "tests/client/fake_transport.hpp"

using cprokit::Message;
using cprokit::client::ApiError;
using cprokit::client::ApiFailure;
using cprokit::client::Backoff;
using cprokit::client::CallStats;
using cprokit::client::ChorusClient;
using cprokit::client::ClientOptions;
using cprokit::client::retry_after;
using cprokit::client::TransportFailure;
using cprokit::testing::answer;
using cprokit::testing::failure;
using cprokit::testing::ScriptedTransport;
using nlohmann::json;
using std::chrono::milliseconds;

namespace {

constexpr const char* kOk = R"({"codeRetour":0,"libelle":"TRA_MSG_00.000","listeStructures":[]})";
constexpr const char* kDeposited =
    R"({"codeRetour":0,"libelle":"TRA_MSG_00.000","numeroFluxDepot":"CPP0000000000000000000001"})";

struct Fixture {
  std::shared_ptr<ScriptedTransport> transport = std::make_shared<ScriptedTransport>();
  std::vector<milliseconds> pauses;
  std::vector<Message> logs;
  ChorusClient client;

  explicit Fixture(int attempts = 5)
      : client({"http://chorus.test", {}}, {"id", "secret", "TECH_1@test", "motdepasse"},
               options(attempts)) {}

  ClientOptions options(int attempts) {
    ClientOptions o;
    o.max_attempts = attempts;
    o.backoff_base = milliseconds{200};
    o.backoff_cap = milliseconds{2000};
    o.retry_after_cap = milliseconds{30'000};
    o.transport = transport;
    o.sleep = [this](milliseconds wait) { pauses.push_back(wait); };
    o.log = [this](const Message& m) { logs.push_back(m); };
    o.seed = 42;
    return o;
  }

  std::size_t posts_to(std::string_view path) const {
    std::size_t n = 0;
    for (const auto& c : transport->calls())
      n += c.url.ends_with(path) ? 1 : 0;
    return n;
  }
};

}  // namespace

TEST_CASE("client: an idempotent call is retried after 503, 502, 504, 500 and says so",
          "[client][retry]") {
  Fixture f;
  for (int status : {503, 502, 504, 500})
    f.transport->then(answer(status, "<html>erreur</html>"));
  f.transport->then(answer(200, kOk));
  CallStats stats;
  const json got = f.client.call("structures/v1/rechercher", json::object(), &stats);
  CHECK(got["codeRetour"] == 0);
  CHECK(stats.retries == 4);
  CHECK(f.posts_to("/cpro/structures/v1/rechercher") == 5);
  REQUIRE(f.pauses.size() == 4);
  REQUIRE(f.logs.size() == 4);
  // Full jitter: each wait is between 0 and min(cap, base·2^(n-2)).
  const std::array<long, 4> ceilings = {200, 400, 800, 1600};
  for (std::size_t i = 0; i < f.pauses.size(); ++i) {
    CHECK(f.pauses[i].count() >= 0);
    CHECK(f.pauses[i].count() <= ceilings[i]);
  }
  const std::string first_fr = f.logs[0].fr;
  CHECK_THAT(first_fr, Catch::StartsWith("nouvel essai 2/5 dans 0,"));
  CHECK_THAT(first_fr, Catch::EndsWith(" s après HTTP 503 sur structures/v1/rechercher"));
  CHECK_THAT(f.logs[1].en, Catch::StartsWith("retry 3/5 in 0."));
  CHECK_THAT(f.logs[1].en, Catch::EndsWith(" s after HTTP 502 on structures/v1/rechercher"));
}

TEST_CASE("client: a 429 waits the Retry-After it is given, in seconds or as a date, capped",
          "[client][retry]") {
  Fixture f;
  f.transport->then(answer(429, "{}", "7"));
  f.transport->then(answer(503, "{}", "Wed, 21 Oct 2015 07:28:00 GMT"));  // past: no wait
  f.transport->then(answer(429, "{}", "3600"));                           // cut to the cap
  f.transport->then(answer(200, kOk));
  CallStats stats;
  f.client.call("structures/v1/consulter", json::object(), &stats);
  REQUIRE(f.pauses.size() == 3);
  CHECK(f.pauses[0] == milliseconds{7000});
  CHECK(f.pauses[1] == milliseconds{0});
  CHECK(f.pauses[2] == milliseconds{30'000});
  CHECK(stats.retries == 3);
  CHECK_THAT(f.logs[0].fr, Catch::Contains("dans 7,0 s après HTTP 429"));
}

TEST_CASE("client: Retry-After is read as seconds or an HTTP date", "[client][retry]") {
  const auto now = std::chrono::system_clock::from_time_t(1'445'412'470);  // 07:27:50 GMT
  CHECK(retry_after("120", now) == milliseconds{120'000});
  CHECK(retry_after(" 0 ", now) == milliseconds{0});
  CHECK(retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now) == milliseconds{10'000});
  CHECK_FALSE(retry_after("", now));
  CHECK_FALSE(retry_after("-3", now));
  CHECK_FALSE(retry_after("bientôt", now));
}

TEST_CASE("client: timeouts, dropped connections and truncated answers are retried",
          "[client][retry]") {
  Fixture f;
  f.transport->then(failure(TransportFailure::NotSent));
  f.transport->then(failure(TransportFailure::Timeout));
  f.transport->then(failure(TransportFailure::Dropped));
  f.transport->then(answer(200, R"({"codeRetour":0,"listeStru)"));  // cut short
  f.transport->then(answer(200, kOk));
  CallStats stats;
  f.client.call("structures/v1/rechercher", json::object(), &stats);
  CHECK(stats.retries == 4);
  REQUIRE(f.logs.size() == 4);
  CHECK_THAT(f.logs[3].en, Catch::Contains("truncated answer"));
}

TEST_CASE("client: the attempts are bounded; a refusal is never retried", "[client][retry]") {
  Fixture f(3);
  for (int i = 0; i < 3; ++i)
    f.transport->then(answer(503, "{}"));
  try {
    f.client.call("structures/v1/rechercher", json::object());
    FAIL("no error");
  } catch (const ApiError& e) {
    CHECK(e.failure() == ApiFailure::Server);
    CHECK(e.status() == 503);
  }
  CHECK(f.posts_to("rechercher") == 3);

  Fixture refused;
  refused.transport->then(
      answer(400, R"({"codeRetour":20001,"libelle":"Structure 9 introuvable"})"));
  try {
    refused.client.call("structures/v1/consulter", json::object());
    FAIL("no error");
  } catch (const ApiError& e) {
    CHECK(e.failure() == ApiFailure::Refused);
    CHECK(e.code_retour() == 20001);
    CHECK(e.libelle() == "Structure 9 introuvable");
  }
  CHECK(refused.posts_to("consulter") == 1);
}

TEST_CASE("client: a 401 gets one new token and one more try; a second 401 is an error",
          "[client][token]") {
  Fixture f;
  f.transport->then(answer(401, R"({"error":"invalid_token"})"));
  f.transport->then(answer(200, kOk));
  f.client.call("structures/v1/rechercher", json::object());
  CHECK(f.transport->tokens() == 2);
  const auto calls = f.transport->calls();
  REQUIRE(calls.size() == 2);
  auto bearer = [](const cprokit::testing::SentRequest& r) {
    for (const auto& [name, value] : r.headers)
      if (name == "Authorization") return value;
    return std::string();
  };
  CHECK(bearer(calls[0]) == "Bearer jeton-1");
  CHECK(bearer(calls[1]) == "Bearer jeton-2");

  f.transport->then(answer(401, "{}"));
  f.transport->then(answer(401, "{}"));
  try {
    f.client.call("structures/v1/rechercher", json::object());
    FAIL("no error");
  } catch (const ApiError& e) {
    CHECK(e.failure() == ApiFailure::Authentication);
    CHECK_THAT(e.message().en, Catch::Contains("check --client"));
  }
  CHECK(f.transport->tokens() == 3);
}

TEST_CASE("client: every call carries the bearer token, cpro-account and the JSON type",
          "[client][token]") {
  Fixture f;
  f.client.call("/cpro/structures/v1/rechercher", json::object());
  const auto calls = f.transport->calls();
  REQUIRE(calls.size() == 1);
  CHECK(calls[0].url == "http://chorus.test/cpro/structures/v1/rechercher");
  std::map<std::string, std::string> headers(calls[0].headers.begin(), calls[0].headers.end());
  CHECK(headers["Authorization"] == "Bearer jeton-1");
  CHECK(headers["cpro-account"] == "VEVDSF8xQHRlc3Q6bW90ZGVwYXNzZQ==");  // TECH_1@test:motdepasse
}

TEST_CASE("client: deposer/flux is sent again only when the server certainly did not take it",
          "[client][retry][flux]") {
  SECTION("no connection, 429, 502, 503: sent again") {
    Fixture f;
    f.transport->then(failure(TransportFailure::NotSent));
    f.transport->then(answer(429, "{}", "1"));
    f.transport->then(answer(502, "{}"));
    f.transport->then(answer(503, "{}"));
    f.transport->then(answer(200, kDeposited));
    CallStats stats;
    const auto sent = f.client.deposer_flux(json::object(), &stats);
    REQUIRE(sent.answer);
    CHECK((*sent.answer)["numeroFluxDepot"] == "CPP0000000000000000000001");
    CHECK(f.posts_to("deposer/flux") == 5);
    CHECK(stats.retries == 4);
  }
  SECTION("a 401 before handling: a new token, sent again") {
    Fixture f;
    f.transport->then(answer(401, "{}"));
    f.transport->then(answer(200, kDeposited));
    CHECK(f.client.deposer_flux(json::object()).answer);
    CHECK(f.posts_to("deposer/flux") == 2);
  }
  SECTION("timeout, dropped, truncated, 500, 504: the answer is lost, never sent again") {
    const auto lost = GENERATE(
        failure(TransportFailure::Timeout), failure(TransportFailure::Dropped),
        answer(200, R"({"codeRetour":0,"numeroFlux)"), answer(500, "{}"), answer(504, "{}"));
    Fixture f;
    f.transport->then(lost);
    const auto sent = f.client.deposer_flux(json::object());
    CHECK_FALSE(sent.answer);
    CHECK_FALSE(sent.lost.en.empty());
    CHECK(f.posts_to("deposer/flux") == 1);
    CHECK(f.pauses.empty());
  }
  SECTION("a refusal is an error, not a loss") {
    Fixture f;
    f.transport->then(answer(400, R"({"codeRetour":20001,"libelle":"GDP_MSG_11.022"})"));
    CHECK_THROWS_AS(f.client.deposer_flux(json::object()), ApiError);
    CHECK(f.posts_to("deposer/flux") == 1);
  }
}

TEST_CASE("client: full jitter stays under the exponential ceiling and the cap",
          "[client][retry]") {
  Backoff backoff(milliseconds{100}, milliseconds{1000}, 7);
  for (int round = 0; round < 200; ++round) {
    for (int next = 2; next <= 40; ++next) {
      const auto wait = backoff.delay(next);
      const long ceiling = std::min<long>(1000, 100L << std::min(next - 2, 20));
      REQUIRE(wait.count() >= 0);
      REQUIRE(wait.count() <= ceiling);
    }
  }
}
