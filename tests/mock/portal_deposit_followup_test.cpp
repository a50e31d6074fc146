// The portal's follow-up of deposited invoices: the structure's list with
// filters and pages, one invoice with its history, and nothing of another
// structure's.
#include <catch2/catch.hpp>

#include <string>

#include "mock-chorus/wire/dates.hpp"
#include "tests/mock/portal_support.hpp"

using namespace cprokit::testing;

namespace {

std::string main_of(const std::string& html) {
  return element(html, "contenu", "main");
}

}  // namespace

TEST_CASE("portal follow-up: the structure's invoices, filtered and paged, each with its history",
          "[mock][portal][followup]") {
  MockHarness h;
  h.start();
  Visitor alpine(h, kAlpineStructure, "compta@menuiserie-alpine.example");
  const std::int64_t first = deposit_pdf(h, alpine, "FA-1");
  for (int i = 2; i <= 21; ++i)
    deposit_pdf(h, alpine, "FA-" + std::to_string(i));

  const auto all = alpine.get("/portail/factures/emises");
  REQUIRE(all.status == 200);
  CHECK_THAT(all.body, Catch::Contains("21"));
  CHECK_THAT(all.body, Catch::Contains(">FA-21</a>"));  // the latest first
  CHECK_THAT(all.body, !Catch::Contains(">FA-1</a>"));  // on page 2
  CHECK_THAT(all.body, Catch::Contains("href=\"/portail/factures/emises?page=2\""));
  const auto second = alpine.get("/portail/factures/emises", {{"page", "2"}});
  CHECK_THAT(second.body, Catch::Contains(">FA-1</a>") && Catch::Contains("rel=\"prev\""));

  const auto one = alpine.get("/portail/factures/emises", {{"numero", "FA-7"}});
  CHECK_THAT(one.body, Catch::Contains(">FA-7</a>") && !Catch::Contains(">FA-8</a>"));
  const std::string today = cprokit::mock::iso_day(h.mock().now());
  CHECK_THAT(one.body, Catch::Contains(today) && Catch::Contains("120 EUR") &&
                           Catch::Contains("20004065700021"));
  const auto later = alpine.get("/portail/factures/emises", {{"du", "2999-01-01"}});
  CHECK_THAT(later.body, !Catch::Contains(">FA-7</a>"));
  const auto in_range =
      alpine.get("/portail/factures/emises", {{"du", today}, {"au", today}, {"numero", "FA-7"}});
  CHECK_THAT(in_range.body, Catch::Contains(">FA-7</a>"));
  const auto rejected = alpine.get("/portail/factures/emises", {{"statut", "REJETEE"}});
  CHECK_THAT(rejected.body, !Catch::Contains(">FA-7</a>"));
  const auto bad_date = alpine.get("/portail/factures/emises", {{"du", "12/03/2026"}});
  CHECK(bad_date.status == 422);
  CHECK_THAT(element(bad_date.body, "err-du", "div"), Catch::Contains("AAAA-MM-JJ"));

  const auto detail = alpine.get("/portail/factures/" + std::to_string(first));
  REQUIRE(detail.status == 200);
  CHECK_THAT(detail.body,
             Catch::Contains("FA-1") && Catch::Contains("EAU-FA-1") &&
                 Catch::Contains(R"(<td>Déposée <small class="rule">DEPOSEE</small></td>)"));
}

TEST_CASE("portal follow-up: a user sees only their structure's invoices",
          "[mock][portal][followup]") {
  MockHarness h;
  h.start();
  Visitor alpine(h, kAlpineStructure, "compta@menuiserie-alpine.example");
  Visitor senepi(h, kSenepiStructure, "compta@senepi.example");
  const std::int64_t id = deposit_pdf(h, alpine, "FA-ALPINE-1");

  CHECK_THAT(alpine.get("/portail/factures/emises").body, Catch::Contains("FA-ALPINE-1"));
  CHECK_THAT(senepi.get("/portail/factures/emises").body, !Catch::Contains("FA-ALPINE-1"));
  const auto asked = senepi.get("/portail/factures/emises", {{"numero", "FA-ALPINE-1"}});
  CHECK_THAT(asked.body, !Catch::Contains(">FA-ALPINE-1</a>") && Catch::Contains(" : 0</h2>"));

  const auto theirs = senepi.get("/portail/factures/" + std::to_string(id));
  const auto unknown = senepi.get("/portail/factures/" + std::to_string(id + 1000));
  CHECK(theirs.status == 404);
  CHECK(unknown.status == 404);
  CHECK(main_of(theirs.body) == main_of(unknown.body));  // nothing tells it exists
  CHECK_THAT(theirs.body, !Catch::Contains("FA-ALPINE-1"));
  CHECK(alpine.get("/portail/factures/" + std::to_string(id)).status == 200);
}

TEST_CASE("portal follow-up: HTML and script typed in the filters come back escaped",
          "[mock][portal][followup]") {
  MockHarness h;
  h.start();
  Visitor alpine(h, kAlpineStructure, "compta@menuiserie-alpine.example");
  const std::string hostile = "<script>alert(1)</script>\"'&";
  const auto page =
      alpine.get("/portail/factures/emises",
                 {{"numero", hostile}, {"statut", hostile}, {"du", hostile}, {"au", hostile}});
  CHECK_THAT(page.body, !Catch::Contains("<script"));
  CHECK(field_value(page.body, "numero") == hostile);
  CHECK(field_value(page.body, "du") == hostile);
}
