// The totals rules of BG-22 (BR-CO-10, -13, -15, -16).
//
// UBL and CII do not compute them alike in the official artefacts, and a
// linter that disagrees with them lets through what Chorus Pro rejects (or
// the reverse), so each syntax follows its own schematron test:
// round2(x) = round(x * 100) div 100 with XPath round() (halves toward
// +infinity); where a test sums untyped CII values, XPath sums binary doubles
// (Arithmetic::Reference reproduces that, Arithmetic::Exact does not).
#include <optional>
#include <string>
#include <vector>

#include <fmt/core.h>

#include "rules/en16931/en16931_rules.hpp"
#include "rules/en16931/family.hpp"
#include "rules/en16931/xpath_numbers.hpp"
#include "rules/engine/context.hpp"
#include "rules/engine/reporter.hpp"

namespace cprokit::en16931 {
namespace {

// BT-106 = Σ BT-131 -------------------------------------------------------

Decimal line_sum(const Invoice& inv, const Context& ctx) {
  if (inv.syntax == Syntax::Cii && ctx.arithmetic == Arithmetic::Reference) {
    // The CII test sums the untyped line amounts: xs:double addition.
    double sum = 0;
    for (const auto& line : inv.lines) {
      if (line.net_amount) sum += line.net_amount->value.to_double();
    }
    if (auto exact = Decimal::from_double(sum)) return round2(*exact);
    throw DecimalOverflow();
  }
  Decimal sum;
  for (const auto& line : inv.lines) {
    if (line.net_amount) sum += line.net_amount->value;
  }
  return round2(sum);
}

void check_br_co_10(const Invoice& inv, const Context& ctx, Reporter& report) {
  if (!inv.totals) return;
  const auto& bt106 = inv.totals->line_net_total;
  Decimal expected = line_sum(inv, ctx);
  if (bt106 && bt106->value == expected) return;
  report.fire(at(bt106, inv.totals->source),
              {fmt::format("Somme des montants nets des lignes (BT-106) : {} ; la somme des {} "
                           "montants nets de ligne (BT-131) arrondie à 2 décimales donne {}.",
                           show(bt106), inv.lines.size(), expected.to_string()),
               fmt::format("Sum of invoice line net amounts (BT-106) is {}; the {} line net "
                           "amounts (BT-131) add up to {} (rounded to 2 decimals).",
                           show(bt106), inv.lines.size(), expected.to_string())});
}

// BT-109 = BT-106 - BT-107 + BT-108 ----------------------------------------

void check_br_co_13(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  if (!inv.totals) return;
  const Totals& t = *inv.totals;
  std::optional<Decimal> expected;
  if (t.line_net_total) {
    Decimal sum = t.line_net_total->value;
    if (t.allowance_total) sum -= t.allowance_total->value;
    if (t.charge_total) sum += t.charge_total->value;
    // UBL compares without rounding when there is neither allowance nor charge total.
    bool unrounded = inv.syntax == Syntax::Ubl && !t.allowance_total && !t.charge_total;
    expected = unrounded ? sum : round2(sum);
  }
  if (expected && t.tax_exclusive && t.tax_exclusive->value == *expected) return;
  std::string want = expected ? expected->to_string() : std::string("—");
  report.fire(at(t.tax_exclusive, t.source),
              {fmt::format("Total hors TVA (BT-109) : {} ; attendu {} = somme des lignes "
                           "(BT-106) {} − remises (BT-107) {} + charges (BT-108) {}.",
                           show(t.tax_exclusive), want, show(t.line_net_total),
                           show(t.allowance_total), show(t.charge_total)),
               fmt::format("Invoice total without VAT (BT-109) is {}; expected {} = line total "
                           "(BT-106) {} − allowances (BT-107) {} + charges (BT-108) {}.",
                           show(t.tax_exclusive), want, show(t.line_net_total),
                           show(t.allowance_total), show(t.charge_total))});
}

// BT-112 = BT-109 + BT-110 --------------------------------------------------

void check_br_co_15(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  if (!inv.currency) return;  // the test iterates over BT-5: nothing to check without it
  const std::string& currency = inv.currency->value;
  const std::vector<const Amount*> bt110 = vat_totals_in_invoice_currency(inv);
  const std::size_t in_invoice_currency = bt110.size();
  std::optional<Amount> vat_total;
  if (!bt110.empty()) vat_total = *bt110.front();
  std::optional<Amount> bt109;
  std::optional<Amount> bt112;
  SourceRef group;
  if (inv.totals) {
    bt109 = inv.totals->tax_exclusive;
    bt112 = inv.totals->tax_inclusive;
    group = inv.totals->source;
  }
  std::optional<Decimal> expected;
  if (bt109 && vat_total) expected = round2(bt109->value + vat_total->value);
  bool ok = in_invoice_currency == 1 && bt112 && expected && bt112->value == *expected;
  // CII also accepts an invoice without VAT total whose BT-112 equals BT-109.
  if (!ok && inv.syntax == Syntax::Cii) ok = bt112 && bt109 && bt112->value == bt109->value;
  if (ok) return;

  if (in_invoice_currency > 1) {
    report.fire(at(bt112, group),
                {fmt::format("{} montants de TVA totale (BT-110) dans la devise de la facture "
                             "{} : il en faut exactement un.",
                             in_invoice_currency, currency),
                 fmt::format("{} invoice total VAT amounts (BT-110) in the invoice currency {}: "
                             "there must be exactly one.",
                             in_invoice_currency, currency)});
    return;
  }
  std::string want = expected ? expected->to_string() : std::string("—");
  report.fire(at(bt112, group),
              {fmt::format("Total TTC (BT-112) : {} ; attendu {} = total HT (BT-109) {} + TVA "
                           "totale en {} (BT-110) {}.",
                           show(bt112), want, show(bt109), currency, show(vat_total)),
               fmt::format("Invoice total with VAT (BT-112) is {}; expected {} = total without "
                           "VAT (BT-109) {} + total VAT in {} (BT-110) {}.",
                           show(bt112), want, show(bt109), currency, show(vat_total))});
}

// BT-115 = BT-112 - BT-113 + BT-114 ----------------------------------------

bool payable_matches(const Invoice& inv, const Totals& t) {
  const Decimal& payable = t.payable->value;
  const Decimal& inclusive = t.tax_inclusive->value;
  if (inv.syntax == Syntax::Cii) {
    Decimal expected = inclusive;
    if (t.prepaid) expected -= t.prepaid->value;
    if (t.rounding) expected += t.rounding->value;
    return payable == expected;
  }
  // UBL: four branches by presence of BT-113 and BT-114, as the official test.
  Decimal due = t.prepaid ? round2(inclusive - t.prepaid->value) : inclusive;
  if (!t.rounding) return t.prepaid ? payable == due : payable == inclusive;
  return round2(payable - t.rounding->value) == due;
}

void check_br_co_16(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  if (!inv.totals) return;
  const Totals& t = *inv.totals;
  if (t.payable && t.tax_inclusive && payable_matches(inv, t)) return;
  std::string want = "—";
  if (t.tax_inclusive) {
    Decimal expected = t.tax_inclusive->value;
    if (t.prepaid) expected -= t.prepaid->value;
    if (t.rounding) expected += t.rounding->value;
    want = expected.to_string();
  }
  report.fire(
      at(t.payable, t.source),
      {fmt::format("Net à payer (BT-115) : {} ; attendu {} = total TTC (BT-112) {} − "
                   "déjà payé (BT-113) {} + arrondi (BT-114) {}.",
                   show(t.payable), want, show(t.tax_inclusive), show(t.prepaid), show(t.rounding)),
       fmt::format("Amount due for payment (BT-115) is {}; expected {} = total with VAT "
                   "(BT-112) {} − paid amount (BT-113) {} + rounding amount (BT-114) {}.",
                   show(t.payable), want, show(t.tax_inclusive), show(t.prepaid),
                   show(t.rounding))});
}

}  // namespace

void register_totals_rules(Registry& registry) {
  registry.add(fatal_rule(
      "BR-CO-10",
      {"La somme des montants nets des lignes (BT-106) est égale à la somme des montants nets "
       "de chaque ligne (BT-131).",
       "Sum of invoice line net amounts (BT-106) = Σ invoice line net amounts (BT-131)."},
      {"BT-106", "BT-131"}, check_br_co_10));
  registry.add(fatal_rule(
      "BR-CO-13",
      {"Le total hors TVA (BT-109) est égal à la somme des lignes (BT-106) moins les remises "
       "(BT-107) plus les charges (BT-108) au niveau du document.",
       "Invoice total without VAT (BT-109) = Σ line net amounts (BT-106) − document "
       "allowances (BT-107) + document charges (BT-108)."},
      {"BT-109", "BT-106", "BT-107", "BT-108"}, check_br_co_13));
  registry.add(fatal_rule(
      "BR-CO-15",
      {"Le total TTC (BT-112) est égal au total hors TVA (BT-109) plus la TVA totale (BT-110), "
       "donnée une seule fois dans la devise de la facture.",
       "Invoice total with VAT (BT-112) = total without VAT (BT-109) + total VAT (BT-110), "
       "given once in the invoice currency."},
      {"BT-112", "BT-109", "BT-110"}, check_br_co_15));
  registry.add(fatal_rule(
      "BR-CO-16",
      {"Le net à payer (BT-115) est égal au total TTC (BT-112) moins le montant déjà payé "
       "(BT-113) plus l'arrondi (BT-114).",
       "Amount due for payment (BT-115) = total with VAT (BT-112) − paid amount (BT-113) + "
       "rounding amount (BT-114)."},
      {"BT-115", "BT-112", "BT-113", "BT-114"}, check_br_co_16));
}

}  // namespace cprokit::en16931
