#include "rules/engine/registry.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rules/engine/context.hpp"
#include "rules/engine/engine.hpp"
#include "rules/engine/reporter.hpp"
#include "rules/engine/rule.hpp"
#include "rules/syntax/syntax_rules.hpp"

using namespace cprokit;

namespace {

const std::vector<std::string> kTotalsRules = {"BR-CO-10", "BR-CO-13", "BR-CO-15", "BR-CO-16"};
// Official ids whose official test is true(): listed, never checked.
const std::vector<std::string> kUncheckedRules = {"BR-CO-05", "BR-CO-06", "BR-CO-07", "BR-CO-08"};
// Binding ids an earlier context of their official pattern hides: listed, never fired.
const std::vector<std::string> kShadowedRules = {"CII-DT-010", "CII-DT-011", "CII-DT-012"};
// The syntax-binding families with their official counts (v1.3.16): all, fatal.
const std::map<std::string, std::pair<std::size_t, std::size_t>> kBindingFamilies = {
    {"UBL-SR-", {54, 54}},
    {"UBL-DT-", {24, 3}},
    {"UBL-CR-", {678, 2}},
    {"CII-SR-", {482, 42}},
    {"CII-DT-", {101, 70}}};
const std::vector<std::string> kConditionAndDecimalRules = {
    "BR-CO-03",  "BR-CO-04",  "BR-CO-09",  "BR-CO-11",  "BR-CO-12",  "BR-CO-14",
    "BR-CO-17",  "BR-CO-18",  "BR-CO-19",  "BR-CO-20",  "BR-CO-21",  "BR-CO-22",
    "BR-CO-23",  "BR-CO-24",  "BR-CO-26",  "BR-DEC-01", "BR-DEC-02", "BR-DEC-05",
    "BR-DEC-06", "BR-DEC-09", "BR-DEC-10", "BR-DEC-11", "BR-DEC-12", "BR-DEC-13",
    "BR-DEC-14", "BR-DEC-15", "BR-DEC-16", "BR-DEC-17", "BR-DEC-18", "BR-DEC-19",
    "BR-DEC-20", "BR-DEC-23", "BR-DEC-24", "BR-DEC-25", "BR-DEC-27", "BR-DEC-28"};
// The core rules BR-01 … BR-65 (BR-34/35/39/40/58/59/60 do not exist).
const std::vector<std::string> kCoreRules = {
    "BR-01", "BR-02", "BR-03", "BR-04", "BR-05", "BR-06", "BR-07", "BR-08", "BR-09", "BR-10",
    "BR-11", "BR-12", "BR-13", "BR-14", "BR-15", "BR-16", "BR-17", "BR-18", "BR-19", "BR-20",
    "BR-21", "BR-22", "BR-23", "BR-24", "BR-25", "BR-26", "BR-27", "BR-28", "BR-29", "BR-30",
    "BR-31", "BR-32", "BR-33", "BR-36", "BR-37", "BR-38", "BR-41", "BR-42", "BR-43", "BR-44",
    "BR-45", "BR-46", "BR-47", "BR-48", "BR-49", "BR-50", "BR-51", "BR-52", "BR-53", "BR-54",
    "BR-55", "BR-56", "BR-57", "BR-61", "BR-62", "BR-63", "BR-64", "BR-65"};
const std::vector<std::string> kSyntaxRules = {"XML-01",  "XML-02", "XML-03",  "XML-04",  "XML-05",
                                               "XML-06",  "XML-07", "JSON-01", "JSON-02", "JSON-03",
                                               "JSON-04", "DOC-01", "PDF-01",  "PDF-02",  "PDF-03",
                                               "PDF-04",  "XSD-01", "XSD-02",  "LIST-01"};
const std::vector<std::string> kCodeListRules = {
    "BR-CL-01", "BR-CL-03", "BR-CL-04", "BR-CL-05", "BR-CL-06", "BR-CL-07", "BR-CL-08", "BR-CL-10",
    "BR-CL-11", "BR-CL-13", "BR-CL-14", "BR-CL-15", "BR-CL-16", "BR-CL-17", "BR-CL-18", "BR-CL-19",
    "BR-CL-20", "BR-CL-21", "BR-CL-22", "BR-CL-23", "BR-CL-24", "BR-CL-25", "BR-CL-26"};
const std::vector<std::string> kChorusRules = {
    "CPRO-SIRET-01", "CPRO-SIRET-02", "CPRO-SIRET-03", "CPRO-SIRET-04", "CPRO-VAT-01",
    "CPRO-ENG-01",   "CPRO-ENG-02",   "CPRO-ENG-03",   "CPRO-SVC-01",   "CPRO-SVC-02",
    "CPRO-SVC-03",   "CPRO-NAME-01",  "CPRO-NUM-01",   "CPRO-PAY-01",   "CPRO-SIZE-01",
    "CPRO-DUP-01",   "CPRO-DEP-01",   "CPRO-DEP-02",   "CPRO-TOT-01",   "CPRO-TOT-02",
    "CPRO-TOT-03",   "CPRO-TOT-04",   "CPRO-TOT-05",   "CPRO-DEP-03"};
const std::vector<std::string> kAccountRules = {"ACCT-EMAIL-01",  "ACCT-ID-01",    "ACCT-REQ-01",
                                                "ACCT-CP-01",     "ACCT-PWD-01",   "ACCT-PWD-02",
                                                "ACCT-SECRET-01", "ACCT-SPACE-01", "ACCT-FEAT-01"};

// The VAT category rules: 01..10 of each category (IC up to 12, O up to 14),
// and BR-B-01/02.
const std::vector<std::string> kVatCategoryRules = [] {
  std::vector<std::string> out{"BR-B-01", "BR-B-02"};
  const std::vector<std::pair<std::string, int>> families = {
      {"BR-S", 10}, {"BR-Z", 10}, {"BR-E", 10},  {"BR-AE", 10}, {"BR-IC", 12},
      {"BR-G", 10}, {"BR-O", 14}, {"BR-AF", 10}, {"BR-AG", 10}};
  for (const auto& [prefix, last] : families) {
    for (int i = 1; i <= last; ++i)
      out.push_back(prefix + (i < 10 ? "-0" : "-") + std::to_string(i));
  }
  return out;
}();

// A check that always fires once; records that it ran.
int g_fake_runs = 0;

void fake_check(const Invoice& /*invoice*/, const Context& /*context*/, Reporter& report) {
  ++g_fake_runs;
  report.fire({"/fake", 7, 3}, {"faux", "fake"});
}

void fake_request_check(const DepositRequest& /*request*/, const Context& /*context*/,
                        Reporter& report) {
  report.fire({"/request", 1, 1}, {"demande", "request"});
}

void fake_account_check(const AccountForm& /*form*/, const Context& /*context*/, Reporter& report) {
  report.fire({"/account", 1, 1}, {"compte", "account"});
}

void throwing_check(const Invoice& /*invoice*/, const Context& /*context*/, Reporter& /*report*/) {
  throw DecimalOverflow();
}

Rule fake_rule(std::string id, KindSet applies_to, Severity severity = Severity::Warning) {
  Rule rule;
  rule.id = std::move(id);
  rule.severity = severity;
  rule.applies_to = applies_to;
  rule.title = {"Règle factice", "Fake rule"};
  rule.terms = {"BT-1"};
  rule.source = "test";
  rule.checks = {fake_check, fake_request_check, fake_account_check};
  return rule;
}

Invoice invoice_of(DocumentKind kind) {
  Invoice inv;
  inv.syntax = Syntax::Ubl;
  inv.kind = kind;
  return inv;
}

std::vector<std::string> ids(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  out.reserve(findings.size());
  for (const auto& f : findings)
    out.push_back(f.rule);
  return out;
}

}  // namespace

TEST_CASE("the builtin registry describes every rule", "[registry]") {
  const Registry& registry = Registry::builtin();
  std::size_t binding_rules = 0;
  for (const auto& [prefix, counts] : kBindingFamilies)
    binding_rules += counts.first;
  REQUIRE(registry.rules().size() ==
          kTotalsRules.size() + kUncheckedRules.size() + kVatCategoryRules.size() +
              kConditionAndDecimalRules.size() + kCoreRules.size() + kSyntaxRules.size() +
              kChorusRules.size() + kAccountRules.size() + kCodeListRules.size() + binding_rules);

  std::set<std::string> seen;
  for (const Rule& rule : registry.rules()) {
    INFO("rule " << rule.id);
    CHECK_FALSE(rule.id.empty());
    CHECK(seen.insert(rule.id).second);  // unique
    CHECK_FALSE(rule.title.fr.empty());
    CHECK_FALSE(rule.title.en.empty());
    CHECK(rule.title.fr != rule.title.en);
    CHECK_FALSE(rule.source.empty());
    CHECK((rule.severity == Severity::Fatal || rule.severity == Severity::Warning ||
           rule.severity == Severity::Info));
    CHECK_FALSE(rule.applies_to.kinds().empty());
    CHECK(registry.find(rule.id) == &rule);
  }
  for (const auto& id : kTotalsRules)
    CHECK(seen.count(id) == 1);
  for (const auto& id : kCodeListRules)
    CHECK(seen.count(id) == 1);
  for (const auto& id : kUncheckedRules)
    CHECK(seen.count(id) == 1);
  for (const auto& id : kVatCategoryRules)
    CHECK(seen.count(id) == 1);
  for (const auto& id : kConditionAndDecimalRules)
    CHECK(seen.count(id) == 1);
  for (const auto& id : kCoreRules)
    CHECK(seen.count(id) == 1);
  for (const auto& id : kSyntaxRules)
    CHECK(seen.count(id) == 1);
  for (const auto& id : kChorusRules)
    CHECK(seen.count(id) == 1);
  for (const auto& id : kAccountRules)
    CHECK(seen.count(id) == 1);
}

TEST_CASE("the syntax-binding families have their official counts", "[registry]") {
  for (const auto& [prefix, counts] : kBindingFamilies) {
    std::size_t all = 0;
    std::size_t fatal = 0;
    for (const Rule& rule : Registry::builtin().rules()) {
      if (!rule.id.starts_with(prefix)) continue;
      ++all;
      if (rule.severity == Severity::Fatal) ++fatal;
    }
    INFO(prefix);
    CHECK(all == counts.first);
    CHECK(fatal == counts.second);
  }
}

TEST_CASE("a rule with checks has one for each model of the kinds it applies to", "[registry]") {
  for (const Rule& rule : Registry::builtin().rules()) {
    if (!rule.checks.any()) continue;
    INFO("rule " << rule.id);
    const KindSet& kinds = rule.applies_to;
    CHECK((kinds.contains(DocumentKind::Invoice) || kinds.contains(DocumentKind::CreditNote)) ==
          (rule.checks.invoice != nullptr));
    CHECK(kinds.contains(DocumentKind::DepositRequest) == (rule.checks.deposit_request != nullptr));
    CHECK(kinds.contains(DocumentKind::Account) == (rule.checks.account != nullptr));
  }
}

TEST_CASE("the totals rules have a check and their terms", "[registry]") {
  const Registry& registry = Registry::builtin();
  const std::vector<std::vector<std::string>> terms = {
      {"BT-106", "BT-131"},
      {"BT-109", "BT-106", "BT-107", "BT-108"},
      {"BT-112", "BT-109", "BT-110"},
      {"BT-115", "BT-112", "BT-113", "BT-114"},
  };
  for (std::size_t i = 0; i < kTotalsRules.size(); ++i) {
    INFO("rule " << kTotalsRules[i]);
    const Rule* rule = registry.find(kTotalsRules[i]);
    REQUIRE(rule != nullptr);
    CHECK(rule->checks.invoice != nullptr);
    CHECK(rule->terms == terms[i]);
    CHECK(rule->severity == Severity::Fatal);
    CHECK(rule->applies_to.contains(DocumentKind::Invoice));
    CHECK(rule->applies_to.contains(DocumentKind::CreditNote));
    CHECK_FALSE(rule->applies_to.contains(DocumentKind::Account));
    CHECK_FALSE(rule->applies_to.contains(DocumentKind::DepositRequest));
    CHECK_FALSE(rule->applies_to.contains(DocumentKind::Unknown));
    CHECK(rule->source.find("EN 16931") != std::string::npos);
  }
}

TEST_CASE("the core rules check invoices and are fatal", "[registry]") {
  const Registry& registry = Registry::builtin();
  REQUIRE(kCoreRules.size() == 58);
  for (const auto& id : kCoreRules) {
    INFO("rule " << id);
    const Rule* rule = registry.find(id);
    REQUIRE(rule != nullptr);
    CHECK(rule->checks.invoice != nullptr);
    CHECK_FALSE(rule->terms.empty());
    // BR-51 too: fatal in CII; its check reports a UBL finding as a warning.
    CHECK(rule->severity == Severity::Fatal);
    CHECK(rule->applies_to.contains(DocumentKind::Invoice));
    CHECK(rule->applies_to.contains(DocumentKind::CreditNote));
    CHECK_FALSE(rule->applies_to.contains(DocumentKind::DepositRequest));
  }
}

TEST_CASE("the syntax rules are described only", "[registry]") {
  const Registry& registry = Registry::builtin();
  for (const auto& id : kSyntaxRules) {
    INFO("rule " << id);
    const Rule* rule = registry.find(id);
    REQUIRE(rule != nullptr);
    CHECK_FALSE(rule->checks.any());
    CHECK(rule->applies_to.kinds().size() == 5);  // any document
    if (id == "XSD-02" || id == "JSON-03" || id == "LIST-01") {
      CHECK(rule->severity == Severity::Warning);
    } else {
      CHECK(rule->severity == Severity::Fatal);
    }
  }
  CHECK(name(registry.find("XSD-02")->severity) == "warning");
  CHECK(registry.find("XML-07")->source == "EN 16931 syntax bindings (xs:decimal)");
}

TEST_CASE("only BR-CO-05..08 and the shadowed binding ids are unchecked, with no check",
          "[registry]") {
  std::vector<std::string> unchecked;
  for (const Rule& rule : Registry::builtin().rules()) {
    if (!rule.unchecked) continue;
    unchecked.push_back(rule.id);
    CHECK_FALSE(rule.checks.any());
    if (rule.id.starts_with("BR-")) CHECK(rule.terms.size() == 2);
  }
  std::vector<std::string> expected = kUncheckedRules;
  expected.insert(expected.end(), kShadowedRules.begin(), kShadowedRules.end());
  CHECK(unchecked == expected);
}

TEST_CASE("syntax::finding takes severity and terms from the registry", "[registry]") {
  Finding f = syntax::finding(syntax::kXsdUnavailable, {"/x", 2, 5}, {"fr", "en"});
  CHECK(f.rule == "XSD-02");
  CHECK(f.severity == Severity::Warning);
  CHECK(f.where.path == "/x");
  CHECK(f.where.line == 2);
  CHECK(f.where.column == 5);
  CHECK(f.message.fr == "fr");
  CHECK(f.message.en == "en");
  CHECK(syntax::finding(syntax::kMalformed, {}, {}).severity == Severity::Fatal);
  CHECK_THROWS_AS(syntax::finding("XML-99", {}, {}), std::logic_error);
}

TEST_CASE("Registry::find is case-insensitive", "[registry]") {
  const Registry& registry = Registry::builtin();
  const Rule* exact = registry.find("BR-CO-10");
  REQUIRE(exact != nullptr);
  CHECK(exact->id == "BR-CO-10");
  CHECK(registry.find("br-co-10") == exact);
  CHECK(registry.find("Br-Co-10") == exact);
  CHECK(registry.find("xsd-02") == registry.find("XSD-02"));
  CHECK(registry.find("BR-CO-1") == nullptr);
  CHECK(registry.find("BR-CO-100") == nullptr);
  CHECK(registry.find("") == nullptr);
  CHECK(registry.find("BR-CO-99") == nullptr);
}

TEST_CASE("the builtin profiles", "[registry]") {
  const Registry& registry = Registry::builtin();
  REQUIRE(registry.profiles().size() == 4);
  const Profile* all = registry.profile("all");
  const Profile* chorus = registry.profile("chorus");
  const Profile* en16931 = registry.profile("en16931");
  const Profile* syntax_only = registry.profile("syntax");
  REQUIRE(all != nullptr);
  REQUIRE(chorus != nullptr);
  REQUIRE(en16931 != nullptr);
  REQUIRE(syntax_only != nullptr);
  CHECK(registry.profile("ALL") == all);
  CHECK(registry.profile("EN16931") == en16931);
  CHECK(registry.profile("cpro") == nullptr);
  for (const Profile& p : registry.profiles()) {
    INFO("profile " << p.name);
    CHECK_FALSE(p.description.fr.empty());
    CHECK_FALSE(p.description.en.empty());
  }

  for (const Rule& rule : registry.rules()) {
    INFO("rule " << rule.id);
    CHECK(all->includes(rule.id));
    CHECK(chorus->includes(rule.id));
  }
  for (const auto& id : kChorusRules)
    CHECK_FALSE(en16931->includes(id));
  for (const auto& id : kAccountRules)
    CHECK_FALSE(en16931->includes(id));
  for (const auto& id : kTotalsRules)
    CHECK(en16931->includes(id));
  for (const auto& id : kSyntaxRules) {
    // LIST-01 says the BR-CL rules did not run: the syntax profile runs none.
    CHECK(syntax_only->includes(id) == (id != "LIST-01"));
  }
  CHECK(en16931->includes("LIST-01"));
  for (const auto& id : kTotalsRules)
    CHECK_FALSE(syntax_only->includes(id));
  CHECK_FALSE(syntax_only->includes("BR-CO-10"));
  CHECK(all->includes("ANYTHING"));
  CHECK_FALSE(en16931->includes("CPRO-01"));
}

TEST_CASE("Registry::add refuses a duplicate id", "[registry]") {
  Registry registry;
  registry.add(fake_rule("FAKE-01", kAnyDocument));
  CHECK_THROWS_AS(registry.add(fake_rule("FAKE-01", kAnyDocument)), std::logic_error);
  CHECK_THROWS_AS(registry.add(fake_rule("fake-01", kAnyDocument)), std::logic_error);
  CHECK(registry.rules().size() == 1);
  registry.add(fake_rule("FAKE-02", kAnyDocument));
  REQUIRE(registry.rules().size() == 2);
  CHECK(registry.rules()[1].id == "FAKE-02");
  CHECK(registry.find("FAKE-02") == &registry.rules()[1]);
}

TEST_CASE("the engine runs only the rules of the profile that apply to the kind",
          "[registry][engine]") {
  Registry registry;
  registry.add(fake_rule("FAKE-INV", {DocumentKind::Invoice}));
  registry.add(fake_rule("FAKE-CN", {DocumentKind::CreditNote}));
  registry.add(fake_rule("FAKE-ANY", kAnyDocument, Severity::Info));
  registry.add(fake_rule("OTHER-INV", {DocumentKind::Invoice}));
  Rule described = fake_rule("FAKE-NOCHECK", kAnyDocument);
  described.checks = {};
  registry.add(described);
  registry.add_profile({"fake", {"factice", "fake"}, {"FAKE-"}});
  registry.add_profile({"everything", {"tout", "everything"}, {""}});
  const Profile* fake = registry.profile("fake");
  const Profile* everything = registry.profile("everything");
  REQUIRE(fake != nullptr);
  REQUIRE(everything != nullptr);
  const Context context;

  SECTION("an invoice") {
    std::vector<Finding> out;
    g_fake_runs = 0;
    run_rules(registry, *fake, invoice_of(DocumentKind::Invoice), context, out);
    CHECK(ids(out) == std::vector<std::string>{"FAKE-INV", "FAKE-ANY"});
    CHECK(g_fake_runs == 2);
    REQUIRE(out.size() == 2);
    CHECK(out[0].severity == Severity::Warning);
    CHECK(out[1].severity == Severity::Info);
    CHECK(out[0].terms == std::vector<std::string>{"BT-1"});
    CHECK(out[0].where.path == "/fake");
    CHECK(out[0].where.line == 7);
    CHECK(out[0].message.en == "fake");
  }
  SECTION("a credit note") {
    std::vector<Finding> out;
    run_rules(registry, *fake, invoice_of(DocumentKind::CreditNote), context, out);
    CHECK(ids(out) == std::vector<std::string>{"FAKE-CN", "FAKE-ANY"});
  }
  SECTION("an account form: its model's check") {
    std::vector<Finding> out;
    run_rules(registry, *fake, AccountForm{}, context, out);
    CHECK(ids(out) == std::vector<std::string>{"FAKE-ANY"});
    REQUIRE(out.size() == 1);
    CHECK(out[0].where.path == "/account");
  }
  SECTION("a deposit request: its model's check") {
    std::vector<Finding> out;
    run_rules(registry, *fake, DepositRequest{}, context, out);
    CHECK(ids(out) == std::vector<std::string>{"FAKE-ANY"});
    REQUIRE(out.size() == 1);
    CHECK(out[0].where.path == "/request");
  }
  SECTION("a rule without a check for the model does not run on it") {
    Registry invoices_only;
    Rule rule = fake_rule("FAKE-INV-ONLY", kAnyDocument);
    rule.checks = {.invoice = fake_check};
    invoices_only.add(rule);
    invoices_only.add_profile({"fake", {"factice", "fake"}, {"FAKE-"}});
    std::vector<Finding> out;
    run_rules(invoices_only, *invoices_only.profile("fake"), AccountForm{}, context, out);
    run_rules(invoices_only, *invoices_only.profile("fake"), DepositRequest{}, context, out);
    CHECK(out.empty());
  }
  SECTION("a wider profile, in catalogue order") {
    std::vector<Finding> out;
    run_rules(registry, *everything, invoice_of(DocumentKind::Invoice), context, out);
    CHECK(ids(out) == std::vector<std::string>{"FAKE-INV", "FAKE-ANY", "OTHER-INV"});
  }
  SECTION("findings are appended") {
    std::vector<Finding> out(1);
    out[0].rule = "EARLIER";
    run_rules(registry, *fake, AccountForm{}, context, out);
    CHECK(ids(out) == std::vector<std::string>{"EARLIER", "FAKE-ANY"});
  }
}

TEST_CASE("the engine turns a DecimalOverflow into a finding of the rule", "[registry][engine]") {
  Registry registry;
  Rule overflowing = fake_rule("FAKE-BIG", kAnyDocument, Severity::Fatal);
  overflowing.checks.invoice = throwing_check;
  registry.add(overflowing);
  registry.add(fake_rule("FAKE-NEXT", kAnyDocument));
  registry.add_profile({"fake", {"factice", "fake"}, {"FAKE-"}});
  std::vector<Finding> out;
  REQUIRE_NOTHROW(
      run_rules(registry, *registry.profile("fake"), invoice_of(DocumentKind::Invoice), {}, out));
  REQUIRE(ids(out) == std::vector<std::string>{"FAKE-BIG", "FAKE-NEXT"});
  CHECK(out[0].severity == Severity::Fatal);
  CHECK(out[0].where.path.empty());
  CHECK(out[0].message.en.find("too large") != std::string::npos);
}

TEST_CASE("the syntax profile runs no business rule on the builtin registry",
          "[registry][engine]") {
  const Registry& registry = Registry::builtin();
  Invoice inv = invoice_of(DocumentKind::Invoice);
  inv.currency = Text{"EUR", {}};
  inv.totals = Totals{};  // every totals rule would fire on it
  std::vector<Finding> out;
  run_rules(registry, *registry.profile("syntax"), inv, Context{}, out);
  CHECK(out.empty());
  run_rules(registry, *registry.profile("en16931"), inv, Context{}, out);
  // Every totals rule, BR-CO-18 (no VAT breakdown) and, on an invoice this
  // bare, the core rules.
  std::vector<std::string> totals;
  for (const auto& id : ids(out)) {
    if (id.starts_with("BR-CO-") && id != "BR-CO-18") totals.push_back(id);
  }
  CHECK(totals == kTotalsRules);
}
