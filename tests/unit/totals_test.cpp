// BR-CO-10, -13, -15 and -16 through the engine, on models built in C++,
// with the semantics of the official artefacts v1.3.16 for each syntax.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rules/catalogue/catalogue.hpp"
#include "rules/en16931/en16931_rules.hpp"
#include "rules/engine/context.hpp"
#include "rules/engine/engine.hpp"
#include "rules/engine/registry.hpp"
#include "rules/model/decimal.hpp"
#include "rules/model/invoice.hpp"

using namespace cprokit;

namespace {

using TotalField = std::optional<Amount> Totals::*;

struct TermInfo {
  TotalField field;
  std::string_view ubl;  // element names in each syntax, for the paths the test sets
  std::string_view cii;
  std::uint32_t line;
};

constexpr std::string_view kUblTotals = "/Invoice/cac:LegalMonetaryTotal";
constexpr std::string_view kCiiTotals =
    "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/"
    "ram:ApplicableHeaderTradeSettlement/ram:SpecifiedTradeSettlementHeaderMonetarySummation";

const std::vector<TermInfo> kTerms = {
    {&Totals::line_net_total, "cbc:LineExtensionAmount", "ram:LineTotalAmount", 41},
    {&Totals::allowance_total, "cbc:AllowanceTotalAmount", "ram:AllowanceTotalAmount", 42},
    {&Totals::charge_total, "cbc:ChargeTotalAmount", "ram:ChargeTotalAmount", 43},
    {&Totals::tax_exclusive, "cbc:TaxExclusiveAmount", "ram:TaxBasisTotalAmount", 44},
    {&Totals::tax_inclusive, "cbc:TaxInclusiveAmount", "ram:GrandTotalAmount", 45},
    {&Totals::prepaid, "cbc:PrepaidAmount", "ram:TotalPrepaidAmount", 46},
    {&Totals::rounding, "cbc:PayableRoundingAmount", "ram:RoundingAmount", 47},
    {&Totals::payable, "cbc:PayableAmount", "ram:DuePayableAmount", 48},
};

const TermInfo& info(TotalField field) {
  for (const auto& t : kTerms) {
    if (t.field == field) return t;
  }
  FAIL("unknown total");
  return kTerms.front();
}

Decimal dec(std::string_view text) {
  std::optional<Decimal> d = Decimal::parse(text);
  INFO("parsing \"" << std::string(text) << "\"");
  REQUIRE(d.has_value());
  return *d;
}

std::string totals_path(Syntax syntax) {
  return std::string(syntax == Syntax::Ubl ? kUblTotals : kCiiTotals);
}

// The path the builder gives to a total of `syntax`.
std::string path_of(Syntax syntax, TotalField field) {
  const TermInfo& t = info(field);
  return totals_path(syntax) + "/" + std::string(syntax == Syntax::Ubl ? t.ubl : t.cii);
}

std::string line_path(Syntax syntax, std::size_t n) {
  if (syntax == Syntax::Ubl) {
    return "/Invoice/cac:InvoiceLine[" + std::to_string(n) + "]/cbc:LineExtensionAmount";
  }
  return "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/"
         "ram:IncludedSupplyChainTradeLineItem[" +
         std::to_string(n) +
         "]/ram:SpecifiedLineTradeSettlement/"
         "ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount";
}

std::string vat_total_path(Syntax syntax, std::size_t n) {
  if (syntax == Syntax::Ubl) {
    return "/Invoice/cac:TaxTotal[" + std::to_string(n) + "]/cbc:TaxAmount";
  }
  return totals_path(syntax) + "/ram:TaxTotalAmount[" + std::to_string(n) + "]";
}

// Builds an invoice model directly, every amount with its path and line.
class InvoiceBuilder {
 public:
  explicit InvoiceBuilder(Syntax syntax, DocumentKind kind = DocumentKind::Invoice) {
    inv_.paths = paths_;
    inv_.syntax = syntax;
    inv_.kind = kind;
    inv_.currency = Text{"EUR", at("/currency", 3)};
  }

  InvoiceBuilder& currency(std::optional<std::string> code) {
    if (code) {
      inv_.currency = Text{*code, at("/currency", 3)};
    } else {
      inv_.currency.reset();
    }
    return *this;
  }

  InvoiceBuilder& line(std::string_view net) {
    InvoiceLine l;
    const std::size_t n = inv_.lines.size() + 1;
    l.net_amount =
        Amount{dec(net), "EUR", at(line_path(inv_.syntax, n), 100 + u32(n)), std::string(net)};
    inv_.lines.push_back(l);
    return *this;
  }

  InvoiceBuilder& lines(std::size_t count, std::string_view net) {
    for (std::size_t i = 0; i < count; ++i)
      line(net);
    return *this;
  }

  InvoiceBuilder& clear_lines() {
    inv_.lines.clear();
    return *this;
  }

  // Sets a BG-22 total (creating the group when needed).
  InvoiceBuilder& set(TotalField field, std::string_view value) {
    Totals& t = totals();
    t.*field = Amount{dec(value), "EUR", at(path_of(inv_.syntax, field), info(field).line),
                      std::string(value)};
    return *this;
  }

  InvoiceBuilder& unset(TotalField field) {
    totals().*field = std::nullopt;
    return *this;
  }

  InvoiceBuilder& no_totals() {
    inv_.totals.reset();
    return *this;
  }

  InvoiceBuilder& vat_total(std::string_view value, std::string currency = "EUR") {
    const std::size_t n = inv_.vat_totals.size() + 1;
    inv_.vat_totals.push_back(Amount{dec(value), std::move(currency),
                                     at(vat_total_path(inv_.syntax, n), 60 + u32(n)),
                                     std::string(value)});
    return *this;
  }

  InvoiceBuilder& no_vat_totals() {
    inv_.vat_totals.clear();
    return *this;
  }

  const Invoice& build() const { return inv_; }

 private:
  static std::uint32_t u32(std::size_t n) { return static_cast<std::uint32_t>(n); }

  SourceRef at(std::string_view path, std::uint32_t line) { return {paths_->parse(path), line, 0}; }

  Totals& totals() {
    if (!inv_.totals) {
      inv_.totals = Totals{};
      inv_.totals->source = at(totals_path(inv_.syntax), 40);
    }
    return *inv_.totals;
  }

  std::shared_ptr<SourcePaths> paths_ = std::make_shared<SourcePaths>();
  Invoice inv_;
};

// An invoice on which none of the four totals rules fires: lines 900.00 and
// 100.00; allowances 50.00, charges 20.00; VAT 174.00; paid 100.00; rounding 0.01.
InvoiceBuilder valid(Syntax syntax) {
  InvoiceBuilder b(syntax);
  b.line("900.00")
      .line("100.00")
      .set(&Totals::line_net_total, "1000.00")
      .set(&Totals::allowance_total, "50.00")
      .set(&Totals::charge_total, "20.00")
      .set(&Totals::tax_exclusive, "970.00")
      .vat_total("174.00")
      .set(&Totals::tax_inclusive, "1144.00")
      .set(&Totals::prepaid, "100.00")
      .set(&Totals::rounding, "0.01")
      .set(&Totals::payable, "1044.01");
  return b;
}

// The four totals rules on `inv` (the model built here has only what they
// read: no party, no line identifier, which the other rules would report).
std::vector<Finding> run(const Invoice& inv, Arithmetic arithmetic = Arithmetic::Reference) {
  static const Registry registry = [] {
    Registry r;
    en16931::register_families(r);
    en16931::register_totals_rules(r);
    r.add_profile({"totals", {"Totaux", "Totals"}, {}});
    return r;
  }();
  std::vector<Finding> out;
  Context context;
  context.arithmetic = arithmetic;
  run_rules(registry, *registry.profile("totals"), inv, context, out);
  return out;
}

// The findings of rule `id` only.
std::vector<Finding> of(const std::vector<Finding>& findings, std::string_view id) {
  std::vector<Finding> out;
  for (const auto& f : findings) {
    if (f.rule == id) out.push_back(f);
  }
  return out;
}

std::vector<Finding> run_rule(const Invoice& inv, std::string_view id,
                              Arithmetic arithmetic = Arithmetic::Reference) {
  return of(run(inv, arithmetic), id);
}

bool contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

// Checks the one finding of `rule`: fatal, its terms, where, and that both
// messages quote every value of `values`.
void check_finding(const std::vector<Finding>& findings, std::string_view rule,
                   const std::vector<std::string>& terms, const std::string& path,
                   const std::vector<std::string>& values) {
  REQUIRE(findings.size() == 1);
  const Finding& f = findings[0];
  CHECK(f.rule == rule);
  CHECK(f.severity == Severity::Fatal);
  CHECK(f.terms == terms);
  CHECK(f.where.path == path);
  INFO("fr: " << f.message.fr);
  INFO("en: " << f.message.en);
  for (const auto& v : values) {
    CHECK(contains(f.message.fr, v));
    CHECK(contains(f.message.en, v));
  }
}

const std::vector<std::string> kTerms10 = {"BT-106", "BT-131"};
const std::vector<std::string> kTerms13 = {"BT-109", "BT-106", "BT-107", "BT-108"};
const std::vector<std::string> kTerms15 = {"BT-112", "BT-109", "BT-110"};
const std::vector<std::string> kTerms16 = {"BT-115", "BT-112", "BT-113", "BT-114"};

const char* syntax_name(Syntax s) {
  return s == Syntax::Ubl ? "UBL" : "CII";
}

}  // namespace

TEST_CASE("the reference invoice passes every totals rule", "[totals]") {
  const Syntax syntax = GENERATE(Syntax::Ubl, Syntax::Cii);
  const Arithmetic arithmetic = GENERATE(Arithmetic::Reference, Arithmetic::Exact);
  INFO(syntax_name(syntax));
  CHECK(run(valid(syntax).build(), arithmetic).empty());

  SECTION("credit notes are checked too") {
    InvoiceBuilder b = valid(syntax);
    b.set(&Totals::payable, "1.00");
    Invoice inv = b.build();
    inv.kind = DocumentKind::CreditNote;
    CHECK(run_rule(inv, "BR-CO-16", arithmetic).size() == 1);
  }
  SECTION("documents that are not invoices are not") {
    InvoiceBuilder b = valid(syntax);
    b.set(&Totals::payable, "1.00");
    Invoice inv = b.build();
    inv.kind = DocumentKind::Account;
    CHECK(run(inv, arithmetic).empty());
  }
}

TEST_CASE("BR-CO-10: BT-106 is the sum of the line net amounts", "[totals][br-co-10]") {
  const Syntax syntax = GENERATE(Syntax::Ubl, Syntax::Cii);
  INFO(syntax_name(syntax));
  const std::string bt106 = path_of(syntax, &Totals::line_net_total);

  SECTION("halves round toward +infinity") {
    InvoiceBuilder b(syntax);
    b.line("0.125").line("0.000");
    CHECK(run_rule(b.set(&Totals::line_net_total, "0.13").build(), "BR-CO-10").empty());
    check_finding(run_rule(b.set(&Totals::line_net_total, "0.12").build(), "BR-CO-10"), "BR-CO-10",
                  kTerms10, bt106, {"0.12", "0.13"});
  }
  SECTION("a negative half rounds up too: -0.125 gives -0.12") {
    InvoiceBuilder b(syntax);
    b.line("-0.125");
    CHECK(run_rule(b.set(&Totals::line_net_total, "-0.12").build(), "BR-CO-10").empty());
    check_finding(run_rule(b.set(&Totals::line_net_total, "-0.13").build(), "BR-CO-10"), "BR-CO-10",
                  kTerms10, bt106, {"-0.13", "-0.12"});
  }
  SECTION("the finding points at BT-106, with its line") {
    InvoiceBuilder b = valid(syntax);
    auto found = run_rule(b.set(&Totals::line_net_total, "999.99").build(), "BR-CO-10");
    check_finding(found, "BR-CO-10", kTerms10, bt106, {"999.99", "1000.00"});
    CHECK(found[0].where.line == 41);
    CHECK(contains(found[0].message.en, "the 2 line net amounts"));
  }
  SECTION("1.50 equals 1.5") {
    InvoiceBuilder b(syntax);
    b.line("1.5");
    CHECK(run_rule(b.set(&Totals::line_net_total, "1.50").build(), "BR-CO-10").empty());
  }
  SECTION("no lines: BT-106 must be zero") {
    InvoiceBuilder b(syntax);
    CHECK(run_rule(b.set(&Totals::line_net_total, "0.00").build(), "BR-CO-10").empty());
    check_finding(run_rule(b.set(&Totals::line_net_total, "0.01").build(), "BR-CO-10"), "BR-CO-10",
                  kTerms10, bt106, {"0.01", "0.00"});
  }
  SECTION("no totals group: nothing to check") {
    InvoiceBuilder b(syntax);
    b.line("12.00").no_totals();
    CHECK(run_rule(b.build(), "BR-CO-10").empty());
  }
  SECTION("BT-106 absent: fires at the totals group") {
    InvoiceBuilder b = valid(syntax);
    check_finding(run_rule(b.unset(&Totals::line_net_total).build(), "BR-CO-10"), "BR-CO-10",
                  kTerms10, totals_path(syntax), {"1000.00"});
  }
  SECTION("a line without net amount counts for nothing") {
    InvoiceBuilder b(syntax);
    b.line("10.00");
    Invoice inv = b.set(&Totals::line_net_total, "10.00").build();
    inv.lines.push_back(InvoiceLine{});
    CHECK(run_rule(inv, "BR-CO-10").empty());
  }
}

TEST_CASE("BR-CO-10: CII sums binary doubles in reference arithmetic", "[totals][br-co-10]") {
  // Checked with Python: sum(float) and decimal disagree after rounding.
  //   10 x 0.1 + 0.005: float 1.00499999999999989... -> 1.00; exact 1.005 -> 1.01
  //   3 x 0.7 + 0.005:  float 2.10499999999999953... -> 2.10; exact 2.105 -> 2.11
  //   2.675:            float 2.67499999999999982... -> 2.67; exact 2.675 -> 2.68
  struct Case {
    std::vector<std::pair<std::size_t, std::string>> lines;
    std::string as_double;
    std::string exact;
  };
  const Case c = GENERATE(values<Case>({
      {{{10, "0.1"}, {1, "0.005"}}, "1.00", "1.01"},
      {{{3, "0.7"}, {1, "0.005"}}, "2.10", "2.11"},
      {{{1, "2.675"}}, "2.67", "2.68"},
  }));
  INFO("double " << c.as_double << ", exact " << c.exact);

  auto build = [&](Syntax syntax, const std::string& bt106) {
    InvoiceBuilder b(syntax);
    for (const auto& [count, amount] : c.lines)
      b.lines(count, amount);
    return b.set(&Totals::line_net_total, bt106).build();
  };
  const std::string cii_bt106 = path_of(Syntax::Cii, &Totals::line_net_total);

  SECTION("CII, reference: the double sum decides") {
    CHECK(run_rule(build(Syntax::Cii, c.as_double), "BR-CO-10", Arithmetic::Reference).empty());
    check_finding(run_rule(build(Syntax::Cii, c.exact), "BR-CO-10", Arithmetic::Reference),
                  "BR-CO-10", kTerms10, cii_bt106, {c.exact, c.as_double});
  }
  SECTION("CII, exact: the decimal sum decides") {
    CHECK(run_rule(build(Syntax::Cii, c.exact), "BR-CO-10", Arithmetic::Exact).empty());
    check_finding(run_rule(build(Syntax::Cii, c.as_double), "BR-CO-10", Arithmetic::Exact),
                  "BR-CO-10", kTerms10, cii_bt106, {c.as_double, c.exact});
  }
  SECTION("UBL is exact decimal whatever the arithmetic") {
    const Arithmetic arithmetic = GENERATE(Arithmetic::Reference, Arithmetic::Exact);
    CHECK(run_rule(build(Syntax::Ubl, c.exact), "BR-CO-10", arithmetic).empty());
    CHECK(run_rule(build(Syntax::Ubl, c.as_double), "BR-CO-10", arithmetic).size() == 1);
  }
}

TEST_CASE("BR-CO-13: BT-109 = BT-106 - BT-107 + BT-108", "[totals][br-co-13]") {
  const Syntax syntax = GENERATE(Syntax::Ubl, Syntax::Cii);
  INFO(syntax_name(syntax));
  const std::string bt109 = path_of(syntax, &Totals::tax_exclusive);

  SECTION("allowance and charge") {
    InvoiceBuilder b = valid(syntax);  // 1000.00 - 50.00 + 20.00
    CHECK(run_rule(b.build(), "BR-CO-13").empty());
    auto found = run_rule(b.set(&Totals::tax_exclusive, "971.00").build(), "BR-CO-13");
    check_finding(found, "BR-CO-13", kTerms13, bt109, {"971.00", "970.00", "1000.00", "50.00"});
    CHECK(found[0].where.line == 44);
  }
  SECTION("allowance only, rounded") {
    InvoiceBuilder b(syntax);
    b.set(&Totals::line_net_total, "100.00").set(&Totals::allowance_total, "0.005");
    CHECK(run_rule(b.set(&Totals::tax_exclusive, "100.00").build(), "BR-CO-13").empty());
    check_finding(run_rule(b.set(&Totals::tax_exclusive, "99.99").build(), "BR-CO-13"), "BR-CO-13",
                  kTerms13, bt109, {"99.99", "100.00"});
  }
  SECTION("allowance only, a negative half rounds toward +infinity") {
    InvoiceBuilder b(syntax);
    b.set(&Totals::line_net_total, "0.00").set(&Totals::allowance_total, "0.005");
    CHECK(run_rule(b.set(&Totals::tax_exclusive, "0.00").build(), "BR-CO-13").empty());
    CHECK(run_rule(b.set(&Totals::tax_exclusive, "-0.01").build(), "BR-CO-13").size() == 1);
  }
  SECTION("charge only, rounded") {
    InvoiceBuilder b(syntax);
    b.set(&Totals::line_net_total, "100.00").set(&Totals::charge_total, "0.125");
    CHECK(run_rule(b.set(&Totals::tax_exclusive, "100.13").build(), "BR-CO-13").empty());
    check_finding(run_rule(b.set(&Totals::tax_exclusive, "100.12").build(), "BR-CO-13"), "BR-CO-13",
                  kTerms13, bt109, {"100.12", "100.13"});
  }
  SECTION("both, rounded") {
    InvoiceBuilder b(syntax);
    b.set(&Totals::line_net_total, "100.00")
        .set(&Totals::allowance_total, "0.10")
        .set(&Totals::charge_total, "0.105");
    CHECK(run_rule(b.set(&Totals::tax_exclusive, "100.01").build(), "BR-CO-13").empty());
    CHECK(run_rule(b.set(&Totals::tax_exclusive, "100.00").build(), "BR-CO-13").size() == 1);
  }
  SECTION("BT-109 absent: fires at the totals group") {
    InvoiceBuilder b = valid(syntax);
    check_finding(run_rule(b.unset(&Totals::tax_exclusive).build(), "BR-CO-13"), "BR-CO-13",
                  kTerms13, totals_path(syntax), {"970.00"});
  }
  SECTION("BT-106 absent: fires") {
    InvoiceBuilder b = valid(syntax);
    check_finding(run_rule(b.unset(&Totals::line_net_total).build(), "BR-CO-13"), "BR-CO-13",
                  kTerms13, bt109, {"970.00"});
  }
  SECTION("no totals group: nothing to check") {
    InvoiceBuilder b(syntax);
    CHECK(run_rule(b.build(), "BR-CO-13").empty());
  }
}

TEST_CASE("BR-CO-13: UBL does not round when there is neither allowance nor charge total",
          "[totals][br-co-13]") {
  auto build = [](Syntax syntax, std::string_view bt109) {
    InvoiceBuilder b(syntax);
    return b.set(&Totals::line_net_total, "10.005").set(&Totals::tax_exclusive, bt109).build();
  };
  // UBL: BT-109 = BT-106 exactly; CII: BT-109 = round2(BT-106).
  check_finding(run_rule(build(Syntax::Ubl, "10.01"), "BR-CO-13"), "BR-CO-13", kTerms13,
                path_of(Syntax::Ubl, &Totals::tax_exclusive), {"10.01", "10.005"});
  CHECK(run_rule(build(Syntax::Cii, "10.01"), "BR-CO-13").empty());
  CHECK(run_rule(build(Syntax::Ubl, "10.005"), "BR-CO-13").empty());
  check_finding(run_rule(build(Syntax::Cii, "10.005"), "BR-CO-13"), "BR-CO-13", kTerms13,
                path_of(Syntax::Cii, &Totals::tax_exclusive), {"10.005", "10.01"});
}

TEST_CASE("BR-CO-15: BT-112 = BT-109 + BT-110 in the invoice currency", "[totals][br-co-15]") {
  const Syntax syntax = GENERATE(Syntax::Ubl, Syntax::Cii);
  INFO(syntax_name(syntax));
  const std::string bt112 = path_of(syntax, &Totals::tax_inclusive);

  SECTION("wrong total with VAT") {
    InvoiceBuilder b = valid(syntax);
    auto found = run_rule(b.set(&Totals::tax_inclusive, "1145.00").build(), "BR-CO-15");
    check_finding(found, "BR-CO-15", kTerms15, bt112, {"1145.00", "1144.00", "970.00", "174.00"});
    CHECK(found[0].where.line == 45);
  }
  SECTION("a VAT total in another currency is not BT-110") {
    InvoiceBuilder b = valid(syntax);
    CHECK(run_rule(b.vat_total("190.12", "USD").build(), "BR-CO-15").empty());
  }
  SECTION("rounded half toward +infinity") {
    InvoiceBuilder b(syntax);
    b.set(&Totals::tax_exclusive, "100.00").vat_total("20.005");
    CHECK(run_rule(b.set(&Totals::tax_inclusive, "120.01").build(), "BR-CO-15").empty());
    check_finding(run_rule(b.set(&Totals::tax_inclusive, "120.00").build(), "BR-CO-15"), "BR-CO-15",
                  kTerms15, bt112, {"120.00", "120.01"});
  }
  SECTION("negative amounts: -120.005 rounds to -120.00") {
    InvoiceBuilder b(syntax);
    b.set(&Totals::tax_exclusive, "-100.00").vat_total("-20.005");
    CHECK(run_rule(b.set(&Totals::tax_inclusive, "-120.00").build(), "BR-CO-15").empty());
    CHECK(run_rule(b.set(&Totals::tax_inclusive, "-120.01").build(), "BR-CO-15").size() == 1);
  }
  SECTION("no invoice currency: nothing to check") {
    InvoiceBuilder b = valid(syntax);
    b.set(&Totals::tax_inclusive, "1.00").currency(std::nullopt);
    CHECK(run_rule(b.build(), "BR-CO-15").empty());
  }
  SECTION("BT-112 absent: fires at the totals group") {
    InvoiceBuilder b = valid(syntax);
    check_finding(run_rule(b.unset(&Totals::tax_inclusive).build(), "BR-CO-15"), "BR-CO-15",
                  kTerms15, totals_path(syntax), {"1144.00"});
  }
}

TEST_CASE("BR-CO-15: UBL requires exactly one VAT total in the invoice currency",
          "[totals][br-co-15]") {
  const std::string bt112 = path_of(Syntax::Ubl, &Totals::tax_inclusive);

  SECTION("none") {
    InvoiceBuilder b = valid(Syntax::Ubl);
    b.no_vat_totals().set(&Totals::tax_inclusive, "970.00");  // even when BT-112 = BT-109
    check_finding(run_rule(b.build(), "BR-CO-15"), "BR-CO-15", kTerms15, bt112, {"970.00", "EUR"});
  }
  SECTION("none in EUR, one in USD") {
    InvoiceBuilder b = valid(Syntax::Ubl);
    b.no_vat_totals().vat_total("174.00", "USD");
    check_finding(run_rule(b.build(), "BR-CO-15"), "BR-CO-15", kTerms15, bt112, {"1144.00", "EUR"});
  }
  SECTION("two") {
    InvoiceBuilder b = valid(Syntax::Ubl);
    b.vat_total("174.00");  // both would add up
    auto found = run_rule(b.build(), "BR-CO-15");
    check_finding(found, "BR-CO-15", kTerms15, bt112, {"2", "BT-110", "EUR"});
    CHECK(contains(found[0].message.en, "2 invoice total VAT amounts (BT-110)"));
    CHECK(contains(found[0].message.fr, "exactement un"));
  }
}

TEST_CASE("BR-CO-15: CII accepts BT-112 = BT-109", "[totals][br-co-15]") {
  const std::string bt112 = path_of(Syntax::Cii, &Totals::tax_inclusive);

  SECTION("without VAT total") {
    InvoiceBuilder b = valid(Syntax::Cii);
    b.no_vat_totals().set(&Totals::tax_inclusive, "970.00");
    CHECK(run_rule(b.build(), "BR-CO-15").empty());
    CHECK(run_rule(b.set(&Totals::tax_inclusive, "970.01").build(), "BR-CO-15").size() == 1);
  }
  SECTION("without VAT total and BT-112 != BT-109") {
    InvoiceBuilder b = valid(Syntax::Cii);
    check_finding(run_rule(b.no_vat_totals().build(), "BR-CO-15"), "BR-CO-15", kTerms15, bt112,
                  {"1144.00", "970.00"});
  }
  SECTION("two VAT totals in EUR") {
    InvoiceBuilder b = valid(Syntax::Cii);
    b.vat_total("174.00");
    check_finding(run_rule(b.build(), "BR-CO-15"), "BR-CO-15", kTerms15, bt112, {"2", "EUR"});
    // The second branch of the official test does not count the VAT totals.
    CHECK(run_rule(b.set(&Totals::tax_inclusive, "970.00").build(), "BR-CO-15").empty());
  }
}

TEST_CASE("BR-CO-16: UBL follows the four branches of the official test", "[totals][br-co-16]") {
  const std::string bt115 = path_of(Syntax::Ubl, &Totals::payable);
  auto rule = [](InvoiceBuilder& b) { return run_rule(b.build(), "BR-CO-16"); };

  SECTION("neither BT-113 nor BT-114: BT-115 = BT-112, unrounded") {
    InvoiceBuilder b(Syntax::Ubl);
    b.set(&Totals::tax_inclusive, "1144.00").set(&Totals::payable, "1144.00");
    CHECK(rule(b).empty());
    check_finding(rule(b.set(&Totals::payable, "1144.01")), "BR-CO-16", kTerms16, bt115,
                  {"1144.01", "1144.00"});
    b.set(&Totals::tax_inclusive, "1144.004");
    check_finding(rule(b.set(&Totals::payable, "1144.00")), "BR-CO-16", kTerms16, bt115,
                  {"1144.00", "1144.004"});
  }
  SECTION("BT-113 only: BT-115 = round2(BT-112 - BT-113)") {
    InvoiceBuilder b(Syntax::Ubl);
    b.set(&Totals::tax_inclusive, "100.00").set(&Totals::prepaid, "0.005");
    CHECK(rule(b.set(&Totals::payable, "100.00")).empty());  // 99.995 rounds to 100.00
    check_finding(rule(b.set(&Totals::payable, "99.99")), "BR-CO-16", kTerms16, bt115,
                  {"99.99", "100.00", "0.005"});
  }
  SECTION("BT-113 and BT-114: round2(BT-115 - BT-114) = round2(BT-112 - BT-113)") {
    InvoiceBuilder b = valid(Syntax::Ubl);  // 1144.00 - 100.00 + 0.01
    CHECK(rule(b).empty());
    check_finding(rule(b.set(&Totals::payable, "1044.02")), "BR-CO-16", kTerms16, bt115,
                  {"1044.02", "1044.01", "0.01"});
    InvoiceBuilder r(Syntax::Ubl);
    r.set(&Totals::tax_inclusive, "100.00")
        .set(&Totals::prepaid, "0.005")
        .set(&Totals::rounding, "0.004")
        .set(&Totals::payable, "100.00");
    CHECK(rule(r).empty());  // round2(99.996) = round2(99.995) = 100.00
  }
  SECTION("BT-114 only: round2(BT-115 - BT-114) = BT-112") {
    InvoiceBuilder b(Syntax::Ubl);
    b.set(&Totals::tax_inclusive, "100.00").set(&Totals::rounding, "0.30");
    CHECK(rule(b.set(&Totals::payable, "100.30")).empty());
    check_finding(rule(b.set(&Totals::payable, "100.29")), "BR-CO-16", kTerms16, bt115,
                  {"100.29", "100.30"});
    b.set(&Totals::rounding, "0.004");
    CHECK(rule(b.set(&Totals::payable, "100.00")).empty());  // round2(99.996) = 100.00
    // BT-112 itself is not rounded: round2(100.01 - 0.01) = 100.00 is not 100.004.
    b.set(&Totals::tax_inclusive, "100.004").set(&Totals::rounding, "0.01");
    check_finding(rule(b.set(&Totals::payable, "100.01")), "BR-CO-16", kTerms16, bt115,
                  {"100.01", "100.004"});
  }
  SECTION("BT-115 absent: fires at the totals group") {
    InvoiceBuilder b = valid(Syntax::Ubl);
    check_finding(rule(b.unset(&Totals::payable)), "BR-CO-16", kTerms16, std::string(kUblTotals),
                  {"1044.01"});
  }
  SECTION("BT-112 absent: fires") {
    InvoiceBuilder b = valid(Syntax::Ubl);
    check_finding(rule(b.unset(&Totals::tax_inclusive)), "BR-CO-16", kTerms16, bt115, {"1044.01"});
  }
}

TEST_CASE("BR-CO-16: CII is exact, without rounding", "[totals][br-co-16]") {
  const std::string bt115 = path_of(Syntax::Cii, &Totals::payable);
  auto rule = [](Syntax syntax, InvoiceBuilder& b) {
    Invoice inv = b.build();
    inv.syntax = syntax;
    return run_rule(inv, "BR-CO-16");
  };

  SECTION("100.004 - 0 is not 100.00") {
    InvoiceBuilder b(Syntax::Cii);
    b.set(&Totals::tax_inclusive, "100.004")
        .set(&Totals::prepaid, "0")
        .set(&Totals::payable, "100.00");
    check_finding(rule(Syntax::Cii, b), "BR-CO-16", kTerms16, bt115, {"100.00", "100.004"});
    CHECK(rule(Syntax::Ubl, b).empty());  // UBL rounds BT-112 - BT-113
  }
  SECTION("every combination of BT-113 and BT-114") {
    InvoiceBuilder b = valid(Syntax::Cii);
    CHECK(rule(Syntax::Cii, b).empty());  // 1144.00 - 100.00 + 0.01
    check_finding(rule(Syntax::Cii, b.set(&Totals::payable, "1044.00")), "BR-CO-16", kTerms16,
                  bt115, {"1044.00", "1044.01"});
    b.unset(&Totals::prepaid);
    CHECK(rule(Syntax::Cii, b.set(&Totals::payable, "1144.01")).empty());
    b.unset(&Totals::rounding);
    CHECK(rule(Syntax::Cii, b.set(&Totals::payable, "1144.00")).empty());
    CHECK(rule(Syntax::Cii, b.set(&Totals::payable, "1144.01")).size() == 1);
    b.set(&Totals::prepaid, "44.00");
    CHECK(rule(Syntax::Cii, b.set(&Totals::payable, "1100.00")).empty());
  }
  SECTION("BT-114 only, exact") {
    InvoiceBuilder b(Syntax::Cii);
    b.set(&Totals::tax_inclusive, "100.00").set(&Totals::rounding, "0.004");
    CHECK(rule(Syntax::Cii, b.set(&Totals::payable, "100.004")).empty());
    check_finding(rule(Syntax::Cii, b.set(&Totals::payable, "100.00")), "BR-CO-16", kTerms16, bt115,
                  {"100.00", "100.004"});
    CHECK(rule(Syntax::Ubl, b).empty());  // UBL: round2(100.00 - 0.004) = 100.00
  }
}

TEST_CASE("amounts too large to add exactly become a finding", "[totals]") {
  const std::string nines(36, '9');
  const Syntax syntax = GENERATE(Syntax::Ubl, Syntax::Cii);
  const Arithmetic arithmetic = GENERATE(Arithmetic::Reference, Arithmetic::Exact);
  INFO(syntax_name(syntax));

  SECTION("line amounts") {
    InvoiceBuilder b = valid(syntax);
    b.clear_lines().line(nines).line(nines);
    std::vector<Finding> all;
    REQUIRE_NOTHROW(all = run(b.build(), arithmetic));
    std::vector<Finding> found = of(all, "BR-CO-10");
    REQUIRE(found.size() == 1);
    CHECK(found[0].severity == Severity::Fatal);
    CHECK(found[0].terms == kTerms10);
    CHECK(contains(found[0].message.en, "too large"));
    CHECK(contains(found[0].message.en, "36 digits"));
    CHECK(contains(found[0].message.fr, "trop grands"));
    // The other rules still run, and pass.
    CHECK(all.size() == 1);
  }
  SECTION("document totals") {
    InvoiceBuilder b = valid(syntax);
    b.set(&Totals::line_net_total, nines).set(&Totals::charge_total, nines);
    std::vector<Finding> all;
    REQUIRE_NOTHROW(all = run(b.build(), arithmetic));
    std::vector<Finding> found = of(all, "BR-CO-13");
    REQUIRE(found.size() == 1);
    CHECK(found[0].severity == Severity::Fatal);
    CHECK(found[0].terms == kTerms13);
    CHECK(contains(found[0].message.en, "too large"));
    CHECK(of(all, "BR-CO-15").empty());
    CHECK(of(all, "BR-CO-16").empty());
  }
}

// One definition of BT-110 for BR-CO-15, CPRO-TOT-05 and the mock's stored
// montantTVA: before, each picked it its own way (the mock also took an
// amount without currencyID, CPRO-TOT-05 any amount when BT-5 was absent).
TEST_CASE("BT-110 is the VAT total whose currencyID is the invoice currency", "[totals]") {
  InvoiceBuilder b(Syntax::Cii);
  b.vat_total("12.00", "").vat_total("189.66", "USD").vat_total("174.00", "EUR");
  const Invoice& inv = b.build();
  const Amount* bt110 = vat_total_in_invoice_currency(inv);
  REQUIRE(bt110 != nullptr);
  CHECK(bt110->value.to_string() == "174.00");
  CHECK(vat_totals_in_invoice_currency(inv) == std::vector<const Amount*>{bt110});

  SECTION("an amount without currencyID is in no currency") {
    InvoiceBuilder only_unmarked(Syntax::Ubl);
    only_unmarked.vat_total("12.00", "");
    CHECK(vat_total_in_invoice_currency(only_unmarked.build()) == nullptr);
  }
  SECTION("without BT-5, or with an empty one, there is none") {
    CHECK(vat_total_in_invoice_currency(b.currency(std::nullopt).build()) == nullptr);
    CHECK(vat_total_in_invoice_currency(b.currency("").build()) == nullptr);
    CHECK(vat_totals_in_invoice_currency(b.build()).empty());
  }
  SECTION("CPRO-TOT-05 compares montantTVA with that amount, and with no other") {
    DepositRequest request;
    request.montant_total.emplace();
    const auto tot_05 = [&](const Invoice& file, std::string_view tva) {
      request.montant_total->tva = Number{dec(tva), {}, std::string(tva)};
      Context context;
      context.invoice_file = &file;
      const Registry& registry = catalogue::builtin();
      std::vector<Finding> out;
      run_rules(registry, *registry.profile("chorus"), request, context, out);
      return std::ranges::count(out, std::string("CPRO-TOT-05"), &Finding::rule);
    };
    b.set(&Totals::tax_exclusive, "970.00");
    CHECK(tot_05(b.build(), "174.00") == 0);
    CHECK(tot_05(b.build(), "12.00") == 1);
    // Without BT-5 the file has no BT-110: nothing to compare montantTVA with.
    CHECK(tot_05(b.currency(std::nullopt).build(), "12.00") == 0);
    CHECK(tot_05(b.build(), "189.66") == 0);
  }
  SECTION("two in the invoice currency: both, in document order") {
    const auto both = vat_totals_in_invoice_currency(b.vat_total("1.00", "EUR").build());
    REQUIRE(both.size() == 2);
    CHECK(both[0]->value.to_string() == "174.00");
    CHECK(both[1]->value.to_string() == "1.00");
  }
}
