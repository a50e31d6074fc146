// `cprokit serve` over loopback: the JSON contract of `cprokit lint` for one
// document, the limits and their status codes, hostile bodies, concurrent
// clients, the metrics, and SIGTERM during work.
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "tests/cli/cli_support.hpp"
#include "tests/cli/raw_connection.hpp"
#include "tests/cli/run.hpp"
#include "tests/cli/serve_process.hpp"

using namespace cprokit::test;
using std::chrono::milliseconds;

namespace {

const std::filesystem::path kFixtures = CPROKIT_FIXTURES_DIR;
const std::string kDirectory = (kFixtures / "directory/matheysine.json").string();
// An invoice with findings (a bad IBAN), judged against the directory.
const std::filesystem::path kInvoice = kFixtures / "invoices/chorus/pay-01-iban-checksum.xml";
const std::filesystem::path kValidInvoice = kFixtures / "invoices/chorus/invoice-chorus-ok.xml";

httplib::Client client(const ServeProcess& s) {
  httplib::Client c("127.0.0.1", s.port());
  c.set_read_timeout(20, 0);
  return c;
}

// A valid invoice made large: its first line repeated `copies` times (the
// totals no longer match, which only adds findings). 6,000 copies make
// 3.8 MB, which take about 0.45 s to lint with XSD (0.13 s without).
std::string large_invoice(std::size_t copies) {
  const std::string xml = read_file(kValidInvoice);
  const auto begin = xml.find("<cac:InvoiceLine>");
  const auto end = xml.find("</cac:InvoiceLine>", begin) + std::string("</cac:InvoiceLine>").size();
  const std::string line = xml.substr(begin, end - begin);
  std::string out = xml.substr(0, end);
  out.reserve(xml.size() + copies * line.size());
  for (std::size_t i = 0; i < copies; ++i)
    out += line;
  return out + xml.substr(end);
}

// The value of the metric line that starts with `series` ("name{labels}"), -1 when absent.
double metric(const std::string& text, const std::string& series) {
  const auto at = text.find("\n" + series + " ");
  if (at == std::string::npos) return -1;
  return std::stod(text.substr(at + series.size() + 2));
}

double metric_of(const ServeProcess& s, const std::string& series) {
  auto res = client(s).Get("/metrics");
  REQUIRE(res);
  return metric(res->body, series);
}

// Waits until the service says it is linting `count` documents.
void wait_lint_busy(const ServeProcess& s, double count) {
  for (int i = 0; i < 2000 && metric_of(s, "cprokit_serve_lint_busy") != count; ++i)
    std::this_thread::sleep_for(milliseconds(1));
  REQUIRE(metric_of(s, "cprokit_serve_lint_busy") == count);
}

// A SARIF report less its run's start time, which differs between two runs.
nlohmann::json timeless_sarif(const std::string& text) {
  auto sarif = nlohmann::json::parse(text);
  for (auto& run : sarif["runs"]) {
    for (auto& invocation : run["invocations"])
      invocation.erase("startTimeUtc");
  }
  return sarif;
}

nlohmann::json error_of(const httplib::Result& res) {
  REQUIRE(res);
  auto body = nlohmann::json::parse(res->body);
  CHECK(body["error"]["status"] == res->status);
  CHECK(!body["error"]["fr"].get<std::string>().empty());
  CHECK(!body["error"]["en"].get<std::string>().empty());
  return body;
}

}  // namespace

TEST_CASE("serve: POST /v1/lint answers what `cprokit lint --format json` writes for the document",
          "[cli][serve]") {
  ServeProcess s({"--directory", kDirectory});
  const std::string bytes = read_file(kInvoice);
  for (const std::string lang : {"fr", "en"}) {
    const RunResult lint =
        run({"lint", "--format", "json", "--lang", lang, "--directory", kDirectory, "-"}, bytes);
    REQUIRE(lint.exit_code == 1);  // it has fatal findings
    auto res = client(s).Post("/v1/lint?lang=" + lang, bytes, "application/xml");
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(res->get_header_value("Content-Type") == "application/json; charset=utf-8");
    CHECK(nlohmann::json::parse(res->body) == nlohmann::json::parse(lint.out));
  }
  // The other formats: those of lint too.
  const RunResult sarif = run({"lint", "--format", "sarif", "--directory", kDirectory, "-"}, bytes);
  auto res = client(s).Post("/v1/lint?format=sarif", bytes, "application/xml");
  REQUIRE(res);
  CHECK(res->get_header_value("Content-Type") == "application/sarif+json; charset=utf-8");
  CHECK(timeless_sarif(res->body) == timeless_sarif(sarif.out));
}

TEST_CASE("serve: a body sent as a form (curl --data-binary's default type) is the document",
          "[cli][serve]") {
  ServeProcess s({"--no-xsd"});
  // Over 8 kB, which httplib would refuse as a form, and with "&" and "=".
  const std::string bytes = large_invoice(20);
  REQUIRE(bytes.size() > 8192);
  const RunResult lint = run({"lint", "--format", "json", "--no-xsd", "-"}, bytes);
  auto res = client(s).Post("/v1/lint", bytes, "application/x-www-form-urlencoded");
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(nlohmann::json::parse(res->body) == nlohmann::json::parse(lint.out));
}

TEST_CASE("serve: a deposit request with its invoice, as multipart, is linted as `lint --with`",
          "[cli][serve]") {
  ServeProcess s({"--directory", kDirectory});
  const auto request = kFixtures / "deposits/tot-05-invoice.json";
  const auto invoice = kFixtures / "invoices/chorus/invoice-chorus-ok.xml";
  const RunResult lint = run({"lint", "--format", "json", "--directory", kDirectory, "--with",
                              invoice.string(), "--name", "depot.json", "-"},
                             read_file(request));
  const httplib::MultipartFormDataItems items = {
      {"document", read_file(request), "", "application/json"},
      {"invoice", read_file(invoice), "", "application/xml"}};
  auto res = client(s).Post("/v1/lint?name=depot.json", items);
  REQUIRE(res);
  CHECK(res->status == 200);
  const auto answer = nlohmann::json::parse(res->body);
  CHECK(answer == nlohmann::json::parse(lint.out));
  // Without the invoice, CPRO-TOT-05 has nothing to compare with: another answer.
  auto alone =
      client(s).Post("/v1/lint?name=depot.json", httplib::MultipartFormDataItems{items.front()});
  REQUIRE(alone);
  CHECK(nlohmann::json::parse(alone->body) != answer);
}

TEST_CASE("serve: bad parameters 400, an unknown path 404, a form without document 415",
          "[cli][serve]") {
  ServeProcess s({"--no-xsd"});
  const std::string bytes = read_file(kInvoice);
  for (const std::string query : {"?lang=de", "?format=pdf", "?profile=nope", "?colour=red"}) {
    INFO(query);
    auto res = client(s).Post("/v1/lint" + query, bytes, "application/xml");
    REQUIRE(res);
    CHECK(res->status == 400);
    error_of(res);
  }
  auto unknown = client(s).Get("/v2/nothing");
  REQUIRE(unknown);
  CHECK(unknown->status == 404);
  error_of(unknown);
  auto form = client(s).Post("/v1/lint", httplib::MultipartFormDataItems{{"file", bytes, "", ""}});
  REQUIRE(form);
  CHECK(form->status == 415);
  error_of(form);
}

TEST_CASE("serve: a body over --max-body is refused from its Content-Length, unread",
          "[cli][serve]") {
  ServeProcess s({"--no-xsd", "--max-body", "1000"});
  RawConnection c(s.port());
  // The head only: the answer comes without the 5 MB announced.
  c.send(
      "POST /v1/lint HTTP/1.1\r\nHost: serve\r\nContent-Type: application/xml\r\n"
      "Content-Length: 5000000\r\n\r\n");
  const std::string answer = c.receive_all(milliseconds(5000));
  CHECK(answer.starts_with("HTTP/1.1 413"));
  CHECK(answer.find("Connection: close") != std::string::npos);
  CHECK(answer.find("\"status\":413") != std::string::npos);
}

TEST_CASE("serve: hostile bodies are answered with findings, and the service lives on",
          "[cli][serve]") {
  ServeProcess s;
  std::string nested;
  for (int i = 0; i < 10'000; ++i)
    nested += "<a>";
  for (int i = 0; i < 10'000; ++i)
    nested += "</a>";
  const std::vector<std::pair<std::string, std::string>> bodies = {
      {"billion laughs", read_file(kFixtures / "invoices/syntax/billion-laughs.xml")},
      {"10,000 nested elements", nested},
      {"malformed XML", "<Invoice><cbc:ID>1</Invoice"},
      {"not UTF-8", std::string("<Invoice>\xff\xfe\xc3\x28</Invoice>")},
      {"empty", ""}};
  for (const auto& [what, body] : bodies) {
    INFO(what);
    auto res = client(s).Post("/v1/lint", body, "application/xml");
    REQUIRE(res);
    CHECK(res->status == 200);
    const auto report = nlohmann::json::parse(res->body);
    CHECK(report["summary"]["invalid"] == 1);
    CHECK(!report["documents"][0]["findings"].empty());
  }
  auto health = client(s).Get("/healthz");
  REQUIRE(health);
  CHECK(health->status == 200);
}

TEST_CASE("serve: 32 concurrent clients are all answered, and /metrics counts them",
          "[cli][serve]") {
  ServeProcess s({"--directory", kDirectory, "--max-concurrent", "2", "--queue", "64"});
  const std::string bytes = read_file(kInvoice);
  const RunResult lint = run({"lint", "--format", "json", "--directory", kDirectory, "-"}, bytes);
  const auto expected = nlohmann::json::parse(lint.out);
  std::atomic<int> right{0};
  std::vector<std::thread> clients;
  clients.reserve(32);
  for (int i = 0; i < 32; ++i) {
    clients.emplace_back([&] {
      httplib::Client c("127.0.0.1", s.port());
      c.set_read_timeout(20, 0);
      for (int k = 0; k < 2; ++k) {  // two on each kept-alive connection
        auto res = c.Post("/v1/lint", bytes, "application/xml");
        if (res && res->status == 200 && nlohmann::json::parse(res->body) == expected) ++right;
      }
    });
  }
  for (auto& t : clients)
    t.join();
  CHECK(right == 64);
  auto res = client(s).Get("/metrics");
  REQUIRE(res);
  const std::string& text = res->body;
  CHECK(res->get_header_value("Content-Type").starts_with("text/plain; version=0.0.4"));
  CHECK(metric(text, R"(cprokit_serve_requests_total{path="/v1/lint",code="200"})") == 64);
  CHECK(metric(text, R"(cprokit_serve_documents_total{valid="false"})") == 64);
  CHECK(metric(text, R"(cprokit_serve_documents_total{valid="true"})") == 0);
  const std::size_t findings = expected["documents"][0]["findings"].size();
  double counted = 0;
  for (const auto& f : expected["documents"][0]["findings"]) {
    const std::string series = "cprokit_serve_findings_total{rule=\"" +
                               f["rule"].get<std::string>() + "\",severity=\"" +
                               f["severity"].get<std::string>() + "\"}";
    CHECK(metric(text, series) >= 64);
    counted += metric(text, series);
  }
  CHECK(counted >= 64.0 * static_cast<double>(findings));
  CHECK(metric(text, "cprokit_serve_request_duration_seconds_count") >= 64);
  CHECK(metric(text, R"(cprokit_serve_request_duration_seconds_bucket{le="+Inf"})") >= 64);
  CHECK(metric(text, "cprokit_serve_in_flight") == 0);
  CHECK(metric(text, "cprokit_serve_queue_rejections_total") == 0);
}

TEST_CASE("serve: a full queue answers 503 with Retry-After, a slow document 504", "[cli][serve]") {
  const std::string slow = large_invoice(6000);
  SECTION("queue full") {
    ServeProcess s({"--max-concurrent", "1", "--queue", "0"});
    int first = 0;
    std::thread busy([&] {
      auto res = client(s).Post("/v1/lint", slow, "application/xml");
      first = res ? res->status : -1;
    });
    wait_lint_busy(s, 1);
    auto res = client(s).Post("/v1/lint", read_file(kInvoice), "application/xml");
    busy.join();
    CHECK(first == 200);
    REQUIRE(res);
    CHECK(res->status == 503);
    CHECK(res->get_header_value("Retry-After") == "1");
    error_of(res);
    CHECK(metric_of(s, "cprokit_serve_queue_rejections_total") == 1);
  }
  SECTION("document timeout") {
    ServeProcess s({"--no-xsd", "--document-timeout", "0.01", "--max-concurrent", "1"});
    auto res = client(s).Post("/v1/lint", slow, "application/xml");
    REQUIRE(res);
    CHECK(res->status == 504);
    error_of(res);
    // The lint goes on past the answer, then frees its slot: a small
    // document is answered next (retried should the loaded machine keep it
    // past 10 ms).
    wait_lint_busy(s, 0);
    auto next = client(s).Post("/v1/lint", std::string("<x/>"), "application/xml");
    for (int i = 0; i < 5 && next && next->status == 504; ++i)
      next = client(s).Post("/v1/lint", std::string("<x/>"), "application/xml");
    REQUIRE(next);
    CHECK(next->status == 200);
  }
}

TEST_CASE("serve: GET /v1/rules is `cprokit rules --format json`, and /readyz answers",
          "[cli][serve]") {
  ServeProcess s({"--no-xsd"});
  const RunResult rules = run({"rules", "--format", "json", "--profile", "en16931"});
  auto res = client(s).Get("/v1/rules?profile=en16931");
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(nlohmann::json::parse(res->body) == nlohmann::json::parse(rules.out));
  // Without a profile, both give the whole catalogue, BR-FR included.
  const RunResult catalogue = run({"rules", "--format", "json"});
  auto whole = client(s).Get("/v1/rules");
  REQUIRE(whole);
  CHECK(nlohmann::json::parse(whole->body) == nlohmann::json::parse(catalogue.out));
  CHECK(whole->body.find("BR-FR-08_BT-23") != std::string::npos);
  auto ready = client(s).Get("/readyz");
  REQUIRE(ready);
  CHECK(ready->status == 200);
}

TEST_CASE("serve: SIGTERM during work answers the document in flight, then exits 0",
          "[cli][serve]") {
  ServeProcess s({"--max-concurrent", "1"});
  const std::string slow = large_invoice(6000);
  int status = 0;
  std::thread busy([&] {
    auto res = client(s).Post("/v1/lint", slow, "application/xml");
    status = res ? res->status : -1;
  });
  wait_lint_busy(s, 1);
  s.signal_stop();
  // Draining: not ready, no new document (or, once it is done, no server).
  bool not_ready = false;
  for (int i = 0; i < 400 && !not_ready; ++i) {
    auto ready = client(s).Get("/readyz");
    not_ready = ready && ready->status == 503;
    if (!not_ready) std::this_thread::sleep_for(milliseconds(2));
  }
  CHECK(not_ready);
  auto refused = client(s).Post("/v1/lint", read_file(kInvoice), "application/xml");
  if (refused) CHECK(refused->status == 503);
  busy.join();
  CHECK(status == 200);
  CHECK(s.wait() == 0);
}

TEST_CASE("serve: a bad option or a port in use is a usage error, in the language asked",
          "[cli][serve]") {
  const RunResult bad = run({"serve", "--lang", "en", "--queue", "-1"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("--queue: \"-1\" is not an integer from 0 to 100000") != std::string::npos);
  ServeProcess s({"--no-xsd"});
  const RunResult taken = run({"serve", "--no-xsd", "--port", std::to_string(s.port())});
  CHECK(taken.exit_code == 2);
  CHECK(taken.err.find(std::to_string(s.port())) != std::string::npos);
}
