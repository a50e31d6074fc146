#include "rules/engine/registry.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rules/catalogue/catalogue.hpp"
#include "rules/en16931/en16931_rules.hpp"
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
// The syntax-binding families with their official counts (v1.3.16): all,
// fatal. UBL: UBL-SR 54 (54), UBL-DT 24 (3), UBL-CR 678 (2); CII: CII-SR 482
// (42), CII-DT 101 (70).
const std::map<std::string, std::pair<std::size_t, std::size_t>> kBindingFamilies = {
    {"UBL", {54 + 24 + 678, 54 + 3 + 2}}, {"CII", {482 + 101, 42 + 70}}};

// A registry of one pack's register function alone, after `families`.
Registry only(void (*families)(Registry&), void (*rules)(Registry&)) {
  Registry registry;
  families(registry);
  rules(registry);
  return registry;
}

const Registry& core_rules() {
  static const Registry registry = only(en16931::register_families, en16931::register_core_rules);
  return registry;
}

const Registry& totals_rules() {
  static const Registry registry = only(en16931::register_families, en16931::register_totals_rules);
  return registry;
}

const Registry& syntax_rules() {
  static const Registry registry = [] {
    Registry r;
    syntax::register_rules(r);
    return r;
  }();
  return registry;
}

// The ids docs/rules.md lists, one table row each: the catalogue as
// scripts/update-docs.sh generated it and reviewers read it.
std::vector<std::string> documented_ids() {
  std::ifstream in(CPROKIT_RULES_DOC);
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) {
    if (!line.starts_with("| `")) continue;
    out.push_back(line.substr(3, line.find('`', 3) - 3));
  }
  return out;
}

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
  const Registry& registry = catalogue::builtin();
  // The list of ids is kept by no one: docs/rules.md is generated from the
  // registry (a CLI test keeps it in step), and here the registry is
  // compared with it, so that a rule can disappear only in a reviewed diff.
  std::vector<std::string> registered;
  for (const Rule& rule : registry.rules())
    registered.push_back(rule.id);
  std::vector<std::string> documented = documented_ids();
  CHECK(documented.size() > 1500);
  std::ranges::sort(registered);
  std::ranges::sort(documented);
  CHECK(registered == documented);

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
  for (const auto& id : kUncheckedRules)
    CHECK(seen.count(id) == 1);
}

TEST_CASE("the syntax-binding families have their official counts", "[registry]") {
  const Registry& registry = catalogue::builtin();
  for (const auto& [family, counts] : kBindingFamilies) {
    std::size_t all = 0;
    std::size_t fatal = 0;
    for (const Rule& rule : registry.rules()) {
      if (registry.family_of(rule).id != family) continue;
      ++all;
      if (rule.severity == Severity::Fatal) ++fatal;
    }
    INFO(family);
    CHECK(all == counts.first);
    CHECK(fatal == counts.second);
  }
}

TEST_CASE("a rule with checks has one for each model of the kinds it applies to", "[registry]") {
  for (const Rule& rule : catalogue::builtin().rules()) {
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
  const Registry& registry = catalogue::builtin();
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
  const Registry& registry = catalogue::builtin();
  // BR-01 … BR-65 but BR-34/35/39/40/58/59/60, which do not exist.
  REQUIRE(core_rules().rules().size() == 58);
  for (const Rule& core : core_rules().rules()) {
    INFO("rule " << core.id);
    const Rule* rule = registry.find(core.id);
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
  const Registry& registry = catalogue::builtin();
  REQUIRE(syntax_rules().rules().size() == 31);
  const std::set<std::string> kWarnings = {"XSD-02", "JSON-03", "LIST-01", "PDF-14", "PDF-15"};
  for (const Rule& described : syntax_rules().rules()) {
    const std::string& id = described.id;
    INFO("rule " << id);
    const Rule* rule = registry.find(id);
    REQUIRE(rule != nullptr);
    CHECK_FALSE(rule->checks.any());
    CHECK(rule->applies_to.kinds().size() == 5);  // any document
    if (kWarnings.contains(id)) {
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
  const Registry& registry = catalogue::builtin();
  for (const Rule& rule : registry.rules()) {
    if (!rule.unchecked) continue;
    unchecked.push_back(rule.id);
    CHECK_FALSE(rule.checks.any());
    if (registry.family_of(rule).id == "BR") CHECK(rule.terms.size() == 2);
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
  const Registry& registry = catalogue::builtin();
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
  const Registry& registry = catalogue::builtin();
  REQUIRE(registry.profiles().size() == 5);
  const Profile* all = registry.profile("all");
  const Profile* fr_ctc = registry.profile("fr-ctc");
  REQUIRE(fr_ctc != nullptr);
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

  // The families each profile leaves out, and their sub-families with them.
  const std::set<std::string> not_en16931 = {"CPRO", "ACCT", "JSON"};
  const std::set<std::string> syntax_families = {"XML", "XSD", "JSON", "DOC", "PDF"};
  for (const Rule& rule : registry.rules()) {
    INFO("rule " << rule.id);
    const std::string& group = registry.group_of(rule).id;
    // The reform's rules only where asked for: fr-ctc, on top of EN 16931.
    const bool reform = group == "BR-FR";
    CHECK(all->includes(rule) == !reform);
    CHECK(chorus->includes(rule) == !reform);
    CHECK(en16931->includes(rule) == (!reform && !not_en16931.contains(group)));
    CHECK(fr_ctc->includes(rule) == (reform || en16931->includes(rule)));
    CHECK(syntax_only->includes(rule) == syntax_families.contains(group));
  }
  // LIST-01 says the BR-CL rules did not run: the syntax profile runs none.
  CHECK(en16931->includes(*registry.find("LIST-01")));
  CHECK(en16931->includes(*registry.find("BR-CL-04")));
  CHECK_FALSE(syntax_only->includes(*registry.find("LIST-01")));
  for (const auto& id : kTotalsRules) {
    CHECK(en16931->includes(*registry.find(id)));
    CHECK_FALSE(syntax_only->includes(*registry.find(id)));
  }
}

TEST_CASE("a rule is in the family with the longest id that starts it", "[registry]") {
  const Registry& registry = catalogue::builtin();
  CHECK(registry.family_of(*registry.find("BR-CL-04")).id == "BR-CL");
  CHECK(registry.group_of(*registry.find("BR-CL-04")).id == "BR");
  CHECK(registry.family_of(*registry.find("BR-CO-10")).id == "BR");
  CHECK(registry.group_of(*registry.find("BR-CO-10")).id == "BR");
  CHECK(registry.family_of(*registry.find("CPRO-ENG-03")).id == "CPRO");
  CHECK(registry.family_of("xsd-01") == registry.family("XSD"));
  CHECK(registry.family_of("NOPE-01") == nullptr);
  CHECK(registry.family("BR-C") == nullptr);
  for (const Family& family : registry.families()) {
    INFO("family " << family.id);
    CHECK(registry.family(family.id) == &family);
    CHECK_FALSE(family.title.fr.empty());
    CHECK_FALSE(family.title.en.empty());
  }
  for (const Rule& rule : registry.rules()) {
    INFO("rule " << rule.id);
    CHECK(rule.id.starts_with(registry.family_of(rule).id + "-"));
  }
}

TEST_CASE("families: technical, and the reference data their rules depend on", "[registry]") {
  const Registry& registry = catalogue::builtin();
  for (const char* id : {"XML", "XSD", "JSON", "DOC", "PDF", "LIST"})
    CHECK(registry.family(id)->technical);
  for (const char* id : {"BR", "BR-CL", "UBL", "CII", "CPRO", "ACCT"})
    CHECK_FALSE(registry.family(id)->technical);
  const auto depends_on = [&](const char* id) { return registry.depends_on(*registry.find(id)); };
  CHECK(depends_on("XSD-01").xsd);
  CHECK(depends_on("XSD-02").xsd);
  CHECK(depends_on("BR-CL-04").code_lists);
  CHECK(depends_on("LIST-01").code_lists);
  CHECK_FALSE(depends_on("BR-CO-10").any());
  CHECK_FALSE(depends_on("XML-01").any());

  // What a run applies, by what it found and what it asked for.
  const auto applies = [&](const char* id, Needs available, Needs wanted) {
    return registry.applies(*registry.find(id), available, wanted);
  };
  const Needs everything{.xsd = true, .code_lists = true};
  const Needs nothing{.xsd = false, .code_lists = false};
  const Needs xsd_only{.xsd = true, .code_lists = false};
  CHECK(applies("XSD-01", everything, everything));
  CHECK_FALSE(applies("XSD-01", nothing, everything));
  CHECK_FALSE(applies("XSD-02", everything, everything));
  CHECK(applies("XSD-02", nothing, everything));     // wanted, not found
  CHECK_FALSE(applies("XSD-02", nothing, nothing));  // --no-xsd
  CHECK(applies("BR-CL-04", everything, everything));
  CHECK_FALSE(applies("BR-CL-04", xsd_only, everything));
  CHECK(applies("LIST-01", xsd_only, everything));
  CHECK_FALSE(applies("LIST-01", xsd_only, xsd_only));  // --no-codelists
  CHECK(applies("BR-CO-10", nothing, nothing));
}

TEST_CASE("Registry refuses a rule of no family and families out of order", "[registry]") {
  Registry registry;
  CHECK_THROWS_AS(registry.add(fake_rule("FAKE-01", kAnyDocument)), std::logic_error);
  Family orphan("SUB", {"sous", "sub"});
  orphan.parent = "FAKE";
  CHECK_THROWS_AS(registry.add_family(orphan), std::logic_error);
  registry.add_family({"FAKE", {"factice", "fake"}});
  CHECK_THROWS_AS(registry.add_family({"FAKE", {"encore", "again"}}), std::logic_error);
  // "FAKEX-01" starts with "FAKE" but not with "FAKE-".
  CHECK_THROWS_AS(registry.add(fake_rule("FAKEX-01", kAnyDocument)), std::logic_error);
  Family sub("FAKE-SUB", {"sous", "sub"});
  sub.parent = "FAKE";
  registry.add_family(sub);
  registry.add(fake_rule("FAKE-01", kAnyDocument));
  registry.add(fake_rule("FAKE-SUB-01", kAnyDocument));
  CHECK(registry.family_of(registry.rules()[0]).id == "FAKE");
  CHECK(registry.family_of(registry.rules()[1]).id == "FAKE-SUB");
  CHECK(registry.group_of(registry.rules()[1]).id == "FAKE");
  CHECK_THROWS_AS(registry.add_profile({"bad", {"mauvais", "bad"}, {"NOPE"}}), std::logic_error);
  registry.add_profile({"fake", {"factice", "fake"}, {"FAKE"}});
  CHECK(registry.profile("fake")->includes(registry.rules()[1]));  // with its sub-family
  registry.add_profile({"sub", {"sous", "sub"}, {"FAKE-SUB"}});
  CHECK_FALSE(registry.profile("sub")->includes(registry.rules()[0]));
  CHECK(registry.profile("sub")->includes(registry.rules()[1]));
  CHECK_THROWS_AS(registry.add_family({"LATE", {"tard", "late"}}), std::logic_error);
}

TEST_CASE("Registry::add refuses a duplicate id", "[registry]") {
  Registry registry;
  registry.add_family({"FAKE", {"factice", "fake"}});
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
  registry.add_family({"FAKE", {"factice", "fake"}});
  registry.add_family({"OTHER", {"autre", "other"}});
  registry.add(fake_rule("FAKE-INV", {DocumentKind::Invoice}));
  registry.add(fake_rule("FAKE-CN", {DocumentKind::CreditNote}));
  registry.add(fake_rule("FAKE-ANY", kAnyDocument, Severity::Info));
  registry.add(fake_rule("OTHER-INV", {DocumentKind::Invoice}));
  Rule described = fake_rule("FAKE-NOCHECK", kAnyDocument);
  described.checks = {};
  registry.add(described);
  registry.add_profile({"fake", {"factice", "fake"}, {"FAKE"}});
  registry.add_profile({"everything", {"tout", "everything"}, {}});
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
    invoices_only.add_family({"FAKE", {"factice", "fake"}});
    Rule rule = fake_rule("FAKE-INV-ONLY", kAnyDocument);
    rule.checks = {.invoice = fake_check};
    invoices_only.add(rule);
    invoices_only.add_profile({"fake", {"factice", "fake"}, {"FAKE"}});
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
  SECTION("the invoice rules found once for a run run as run_rules does") {
    for (const Profile* profile : {fake, everything}) {
      const InvoiceRules planned(registry, *profile);
      for (DocumentKind kind : {DocumentKind::Invoice, DocumentKind::CreditNote}) {
        std::vector<Finding> expected(1);
        std::vector<Finding> out(1);
        run_rules(registry, *profile, invoice_of(kind), context, expected);
        planned.run(invoice_of(kind), context, out);
        CHECK(ids(out) == ids(expected));
        CHECK(out.size() > 1);
      }
    }
  }
}

TEST_CASE("the engine turns a DecimalOverflow into a finding of the rule", "[registry][engine]") {
  Registry registry;
  registry.add_family({"FAKE", {"factice", "fake"}});
  Rule overflowing = fake_rule("FAKE-BIG", kAnyDocument, Severity::Fatal);
  overflowing.checks.invoice = throwing_check;
  registry.add(overflowing);
  registry.add(fake_rule("FAKE-NEXT", kAnyDocument));
  registry.add_profile({"fake", {"factice", "fake"}, {"FAKE"}});
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
  const Registry& registry = catalogue::builtin();
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
    if (totals_rules().find(id) != nullptr) totals.push_back(id);
  }
  CHECK(totals == kTotalsRules);
}

namespace {

// A store kept in memory, as another user of the engine (the mock) may keep
// its own: the engine's run-level rules do not know which store they use.
class MemoryStore final : public SeenStore {
 public:
  std::optional<std::string> first_path(const RunKey& key, std::string_view path) override {
    auto [it, added] = seen_.try_emplace({key.scope, key.value}, std::string(path));
    if (added) return std::nullopt;
    return it->second;
  }

 private:
  std::map<std::pair<std::string, std::string>, std::string> seen_;
};

std::optional<RunKey> number_key(const Invoice& invoice) {
  if (!invoice.number) return std::nullopt;
  return RunKey{"S", invoice.number->value, {"/number", 2, 0}};
}

void seen_before(const RunKey& key, std::string_view first_path, Reporter& report) {
  report.fire(key.where, {"déjà vu", "already seen in " + std::string(first_path)});
}

Invoice numbered(std::string number) {
  Invoice inv = invoice_of(DocumentKind::Invoice);
  inv.number = Text{std::move(number), {}};
  return inv;
}

// The findings of the run-level rules on the invoices, linted in this order.
std::vector<std::vector<Finding>> run_across(const Registry& registry, const Profile& profile,
                                             const std::vector<Invoice>& invoices,
                                             int* stores_made = nullptr) {
  RunRules run(registry, profile, [&](const Rule& /*rule*/) {
    if (stores_made != nullptr) ++*stores_made;
    return std::make_unique<MemoryStore>();
  });
  std::vector<std::vector<Finding>> out;
  for (std::size_t i = 0; i < invoices.size(); ++i) {
    std::vector<RunNote> notes;
    run_keys(registry, profile, invoices[i], notes);
    // The rules found once for the run take the same keys.
    std::vector<RunNote> planned;
    InvoiceRules(registry, profile).keys(invoices[i], planned);
    REQUIRE(planned.size() == notes.size());
    for (std::size_t n = 0; n < notes.size(); ++n) {
      CHECK(planned[n].rule == notes[n].rule);
      CHECK(planned[n].key.scope == notes[n].key.scope);
      CHECK(planned[n].key.value == notes[n].key.value);
    }
    out.emplace_back();
    run.check(notes, "doc" + std::to_string(i + 1) + ".xml", out.back());
  }
  return out;
}

}  // namespace

TEST_CASE("a run-level rule reports a key an earlier document of the run had",
          "[registry][engine]") {
  Registry registry;
  registry.add_family({"FAKE", {"factice", "fake"}});
  registry.add_family({"OTHER", {"autre", "other"}});
  Rule unique = fake_rule("FAKE-UNIQUE", kInvoicesAndCreditNotes, Severity::Fatal);
  unique.checks = {};
  unique.run_check = {number_key, seen_before};
  registry.add(unique);
  registry.add(fake_rule("FAKE-PER-DOC", kAnyDocument));
  Rule other = unique;
  other.id = "OTHER-UNIQUE";
  registry.add(other);
  registry.add_profile({"fake", {"factice", "fake"}, {"FAKE"}});
  const Profile& fake = *registry.profile("fake");

  int stores = 0;
  const auto findings =
      run_across(registry, fake,
                 {numbered("1"), numbered("2"), Invoice{}, numbered("1"), numbered("1")}, &stores);
  CHECK(stores == 1);  // one store for the profile's one run-level rule
  REQUIRE(findings.size() == 5);
  CHECK(findings[0].empty());
  CHECK(findings[1].empty());
  CHECK(findings[2].empty());  // no number: no key
  REQUIRE(findings[3].size() == 1);
  CHECK(findings[3][0].rule == "FAKE-UNIQUE");
  CHECK(findings[3][0].severity == Severity::Fatal);
  CHECK(findings[3][0].terms == std::vector<std::string>{"BT-1"});
  CHECK(findings[3][0].where.line == 2);
  CHECK(findings[3][0].message.en == "already seen in doc1.xml");
  REQUIRE(findings[4].size() == 1);
  CHECK(findings[4][0].message.en == "already seen in doc1.xml");  // the first, always

  // The per-document engine does not run it.
  std::vector<Finding> per_document;
  run_rules(registry, fake, numbered("1"), Context{}, per_document);
  CHECK(ids(per_document) == std::vector<std::string>{"FAKE-PER-DOC"});
}

TEST_CASE("CPRO-DUP-01 is a run-level rule any store can keep", "[registry][engine][duplicates]") {
  const Registry& registry = catalogue::builtin();
  const Rule* duplicate = registry.find("CPRO-DUP-01");
  REQUIRE(duplicate != nullptr);
  CHECK(duplicate->run_check.any());
  CHECK_FALSE(duplicate->checks.any());

  const auto invoice = [](std::string siret, std::string number) {
    Invoice inv = numbered(std::move(number));
    inv.seller.legal_id = Identifier{std::move(siret), "0009", {}, true};
    return inv;
  };
  const std::vector<Invoice> run = {invoice("12345678200010", "F-1"),
                                    invoice("98765432100014", "F-1"),
                                    invoice("12345678200010", "F-1")};
  const auto chorus = run_across(registry, *registry.profile("chorus"), run);
  CHECK(chorus[0].empty());
  CHECK(chorus[1].empty());  // another supplier
  REQUIRE(chorus[2].size() == 1);
  CHECK(chorus[2][0].rule == "CPRO-DUP-01");
  CHECK(chorus[2][0].message.en.find("Invoice F-1 of supplier 12345678200010 already seen in "
                                     "this run (doc1.xml)") == 0);
  CHECK(chorus[2][0].terms == std::vector<std::string>{"BT-1", "BT-30"});

  int stores = 0;
  const auto en16931 = run_across(registry, *registry.profile("en16931"), run, &stores);
  CHECK(stores == 0);  // not a rule of the profile: no store
  CHECK(en16931[2].empty());
}
