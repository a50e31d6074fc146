// deposit_file() against the mock over real HTTP on loopback: an invoice
// integrated, refused by the pre-flight lint, forced and rejected, a buyer
// the server does not know, tokens renewed, and the journal that keeps a
// file from going twice (a lost answer: deposit_fault_test.cpp).
#include <algorithm>

#include <catch2/catch.hpp>

#include "cli/client/deposit.hpp"
#include "cli/client/directory_from_api.hpp"
#include "cli/client/parties_lookup.hpp"
#include "tests/client/fake_transport.hpp"
#include "tests/client/mock_deposit_support.hpp"
#include "tests/mock/harness.hpp"
#include "validators/directory/directory_file.hpp"

namespace fs = std::filesystem;
using cprokit::client::ChorusClient;
using cprokit::client::ClientOptions;
using cprokit::client::deposit_file;
using cprokit::client::DepositOptions;
using cprokit::client::DepositReport;
using cprokit::client::Journal;
using cprokit::client::Outcome;
using cprokit::testing::client_of;
using cprokit::testing::count_rows;
using cprokit::testing::fast_mock;
using cprokit::testing::fired;
using cprokit::testing::fixture_text;
using cprokit::testing::invoice_file;
using cprokit::testing::MockHarness;
using cprokit::testing::quick;
using cprokit::testing::RecordingTransport;

TEST_CASE("deposit: a valid invoice is deposited, integrated and its id read back",
          "[client][deposit]") {
  MockHarness h(fast_mock());
  h.start();
  ChorusClient client = client_of(h);
  const DepositReport r =
      deposit_file(client, invoice_file(h, "invoices/chorus/invoice-chorus-ok.xml"), quick());
  INFO(r.message.en);
  CHECK(r.outcome == Outcome::Integrated);
  CHECK(r.etat == "IN_INTEGRE");
  CHECK(r.syntaxe_flux == "IN_DP_E1_UBL_INVOICE");
  CHECK(r.numero_flux_depot.starts_with("CPP"));
  CHECK_FALSE(cprokit::has_fatal(r.findings));
  REQUIRE(r.invoices.size() == 1);
  CHECK(r.invoices[0].numero_facture == "FA-2026-0042");
  CHECK(r.invoices[0].identifiant_facture_cpp > 0);
  CHECK_FALSE(r.invoices[0].statut.empty());
  CHECK(r.errors.empty());
  CHECK(count_rows(h, "flux") == 1);
}

TEST_CASE(
    "deposit: an engagement of another budget is refused by the pre-flight lint, "
    "and rejected by the server when forced",
    "[client][deposit]") {
  MockHarness h(fast_mock());
  h.start();
  ChorusClient client = client_of(h);
  const fs::path file = invoice_file(h, "invoices/chorus/eng-03-other-budget.xml");
  const DepositReport refused = deposit_file(client, file, quick());
  CHECK(refused.outcome == Outcome::RefusedByPreflight);
  CHECK(fired(refused, "CPRO-ENG-03"));
  CHECK(refused.numero_flux_depot.empty());
  CHECK(count_rows(h, "flux") == 0);

  DepositOptions forced = quick();
  forced.force = true;
  const DepositReport rejected = deposit_file(client, file, forced);
  INFO(rejected.message.en);
  CHECK(rejected.outcome == Outcome::Rejected);
  CHECK(rejected.etat == "IN_REJETE");
  CHECK(rejected.invoices.empty());
  CHECK(
      std::ranges::any_of(rejected.errors, [](const auto& e) { return e.rule == "CPRO-ENG-03"; }));
  CHECK(count_rows(h, "flux") == 1);
}

TEST_CASE("deposit: a buyer the server does not know is a finding, not a crash",
          "[client][deposit]") {
  MockHarness h(fast_mock());
  h.start();
  ChorusClient client = client_of(h);
  const DepositReport r =
      deposit_file(client, invoice_file(h, "invoices/chorus/siret-03-buyer-unknown.xml"), quick());
  CHECK(r.outcome == Outcome::RefusedByPreflight);
  CHECK(fired(r, "CPRO-SIRET-03"));
  CHECK(count_rows(h, "flux") == 0);
}

TEST_CASE("deposit: the directory made from the server's answers is the one the server has",
          "[client][directory]") {
  MockHarness h(fast_mock());
  h.start();
  ChorusClient client = client_of(h);
  const auto shipped =
      cprokit::directory::parse_directory(fixture_text("directory/matheysine.json"));
  cprokit::client::InvoiceFacts facts;
  facts.buyer_siret = "20004065700013";
  facts.engagement = "BC2026-000123";
  facts.seller_siret = "81234567600017";
  const auto parties = cprokit::client::look_up_parties(client, facts);
  for (const std::string& siret : {facts.buyer_siret, facts.seller_siret}) {
    INFO(siret);
    const auto* want = shipped.structure(siret);
    const auto* got = parties.directory->structure(siret);
    REQUIRE(want != nullptr);
    REQUIRE(got != nullptr);
    CHECK(got->id_structure_cpp == want->id_structure_cpp);
    CHECK(got->raison_sociale == want->raison_sociale);
    CHECK(got->statut == want->statut);
    CHECK(got->type_structure == want->type_structure);
    CHECK(got->parametres.code_service_doit_etre_renseigne ==
          want->parametres.code_service_doit_etre_renseigne);
    CHECK(got->parametres.numero_ej_doit_etre_renseigne ==
          want->parametres.numero_ej_doit_etre_renseigne);
    CHECK(got->parametres.gestion_numero_ej_ou_code_service ==
          want->parametres.gestion_numero_ej_ou_code_service);
  }
  const auto* want = shipped.structure(facts.buyer_siret);
  const auto* got = parties.directory->structure(facts.buyer_siret);
  REQUIRE(got->services.size() == want->services.size());
  for (std::size_t i = 0; i < want->services.size(); ++i) {
    CHECK(got->services[i].code_service == want->services[i].code_service);
    CHECK(got->services[i].est_actif == want->services[i].est_actif);
  }
  CHECK(got->has_engagement(facts.engagement) == want->has_engagement(facts.engagement));
  REQUIRE(parties.depositor != nullptr);
  CHECK(parties.depositor->identifiant == "81234567600017");
}

TEST_CASE("deposit: an expired token is renewed on the 401 and the call goes through",
          "[client][token]") {
  MockHarness h(fast_mock());
  h.start();
  auto transport = std::make_shared<RecordingTransport>();
  ClientOptions options;
  options.transport = transport;
  ChorusClient client = client_of(h, options);
  client.call("structures/v1/rechercher", {{"structure", nlohmann::json::object()}});
  CHECK(client.tokens_obtained() == 1);
  h.advance_clock(3'601'000);  // the mock now sees the token expired
  client.call("structures/v1/rechercher", {{"structure", nlohmann::json::object()}});
  CHECK(client.tokens_obtained() == 2);
  CHECK(std::ranges::count(transport->statuses(), 401) == 1);
}

TEST_CASE("deposit: a token is renewed before it expires, without a 401", "[client][token]") {
  MockHarness h(fast_mock());
  h.start();
  auto transport = std::make_shared<RecordingTransport>();
  auto now = std::make_shared<std::chrono::steady_clock::time_point>();
  ClientOptions options;
  options.transport = transport;
  options.clock = [now] { return *now; };
  ChorusClient client = client_of(h, options);
  const nlohmann::json body = {{"structure", nlohmann::json::object()}};
  client.call("structures/v1/rechercher", body);
  *now += std::chrono::seconds{3600 - 61};  // not yet due: renewed 60 s before
  client.call("structures/v1/rechercher", body);
  CHECK(client.tokens_obtained() == 1);
  *now += std::chrono::seconds{2};
  h.advance_clock(3'540'000);
  client.call("structures/v1/rechercher", body);
  CHECK(client.tokens_obtained() == 2);
  CHECK(std::ranges::count(transport->statuses(), 401) == 0);
}

TEST_CASE("deposit: the journal stops a second deposit of the same file; --again overrides",
          "[client][journal]") {
  MockHarness h(fast_mock());
  h.start();
  ChorusClient client = client_of(h);
  Journal journal(h.data_dir() / "journal.jsonl");
  DepositOptions o = quick();
  o.journal = &journal;
  const fs::path file = invoice_file(h, "invoices/chorus/invoice-chorus-ok.xml");
  const DepositReport first = deposit_file(client, file, o);
  REQUIRE(first.outcome == Outcome::Integrated);
  const DepositReport second = deposit_file(client, file, o);
  CHECK(second.outcome == Outcome::AlreadyDeposited);
  CHECK(second.numero_flux_depot == first.numero_flux_depot);
  CHECK_THAT(second.message.en, Catch::Contains(first.numero_flux_depot));
  CHECK_THAT(second.message.en, Catch::Contains("--again"));
  CHECK(count_rows(h, "flux") == 1);

  o.again = true;
  const DepositReport third = deposit_file(client, file, o);
  CHECK(third.outcome != Outcome::AlreadyDeposited);
  CHECK(count_rows(h, "flux") == 2);
}
