// The VAT totals rules: BR-CO-14 (BT-110 = Σ BT-117) and BR-CO-17 (BT-117 =
// BT-116 × BT-119 / 100 within one currency unit).
//
// As the official artefacts, each syntax its own way (rules.md, "Totals and
// rounding rules"): UBL checks every cac:TaxTotal against its own subtotals in
// exact decimals, CII checks the total in the invoice currency against all the
// breakdowns in binary doubles; BR-CO-17 tolerates a difference of less than
// one unit in UBL, of one unit at most in CII.
#include <optional>
#include <string>

#include <fmt/core.h>

#include "rules/en16931/cii_contexts.hpp"
#include "rules/en16931/en16931_rules.hpp"
#include "rules/en16931/family.hpp"
#include "rules/en16931/xpath_numbers.hpp"
#include "rules/engine/context.hpp"
#include "rules/engine/reporter.hpp"

namespace cprokit::en16931 {
namespace {

// BR-CO-14 -----------------------------------------------------------------

void fire_br_co_14(const std::optional<Amount>& total, const SourceRef& group, std::size_t count,
                   const std::string& expected, Reporter& report) {
  report.fire(at(total, group),
              {fmt::format("TVA totale (BT-110) : {} ; la somme des {} montants de TVA par "
                           "catégorie (BT-117) arrondie à 2 décimales donne {}.",
                           show(total), count, expected),
               fmt::format("Invoice total VAT amount (BT-110) is {}; the {} VAT category tax "
                           "amounts (BT-117) add up to {} (rounded to 2 decimals).",
                           show(total), count, expected)});
}

// UBL: each cac:TaxTotal that has subtotals, against its own subtotals.
void check_br_co_14_ubl(const Invoice& inv, Reporter& report) {
  for (const VatTotalGroup& group : inv.vat_total_groups) {
    if (group.breakdown_begin == group.breakdown_end) continue;
    Decimal sum;
    for (std::size_t i = group.breakdown_begin; i < group.breakdown_end; ++i) {
      if (const auto& amount = inv.vat_breakdown[i].tax_amount) sum += amount->value;
    }
    const Decimal expected = round2(sum);
    if (group.amount && group.amount->value == expected) continue;
    fire_br_co_14(group.amount, group.source, group.breakdown_end - group.breakdown_begin,
                  expected.to_string(), report);
  }
}

// CII: every TaxTotalAmount in the invoice currency, against all breakdowns.
void check_br_co_14_cii(const Invoice& inv, const Context& ctx, Reporter& report) {
  if (!inv.currency) return;
  std::string expected;
  double reference_sum = 0;
  Decimal exact_sum;
  for (const VatBreakdown& b : inv.vat_breakdown) {
    if (!b.tax_amount) continue;
    reference_sum += b.tax_amount->value.to_double();
    exact_sum += b.tax_amount->value;
  }
  for (const Amount* bt110 : vat_totals_in_invoice_currency(inv)) {
    const Amount& total = *bt110;
    bool ok = false;
    if (ctx.arithmetic == Arithmetic::Reference) {
      const double rounded = round2(reference_sum);
      ok = total.value.to_double() == rounded;
      expected = fmt::format("{:.2f}", rounded);
    } else {
      const Decimal rounded = round2(exact_sum);
      ok = total.value == rounded;
      expected = rounded.to_string();
    }
    if (!ok) fire_br_co_14(total, total.source, inv.vat_breakdown.size(), expected, report);
  }
}

void check_br_co_14(const Invoice& inv, const Context& ctx, Reporter& report) {
  if (inv.syntax == Syntax::Ubl) {
    check_br_co_14_ubl(inv, report);
  } else {
    check_br_co_14_cii(inv, ctx, report);
  }
}

// BR-CO-17 -----------------------------------------------------------------

// XPath round() to an integer, on an exact decimal.
Decimal round0(const Decimal& d) {
  return d.round_half_up(0);
}

bool breakdown_amount_ok(const VatBreakdown& b, Syntax syntax, std::string& expected) {
  // The rate counts only under the VAT scheme (trimmed, any case: both syntaxes).
  const std::optional<Number> rate = is_vat_scheme(b.tax_scheme) ? b.rate : std::nullopt;
  const std::optional<Amount>& tax = b.tax_amount;
  if (!rate || round0(rate->value).is_zero()) {
    expected = "0";
    return tax && round0(tax->value).is_zero();
  }
  if (!tax || !b.taxable_amount) return false;
  static const Decimal kHundredth = *Decimal::parse("0.01");
  const Decimal computed = round2(b.taxable_amount->value.abs() * (rate->value * kHundredth));
  expected = computed.to_string();
  const Decimal one = Decimal::from_int(1);
  const Decimal low = tax->value.abs() - one;
  const Decimal high = tax->value.abs() + one;
  // UBL wants strictly less than one unit apart, CII accepts one unit.
  if (syntax == Syntax::Ubl) return low < computed && high > computed;
  return low <= computed && high >= computed;
}

void check_br_co_17(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  for (const VatBreakdown& b : inv.vat_breakdown) {
    if (inv.syntax == Syntax::Cii && shadowed_cii_breakdown(b)) continue;
    std::string expected;
    if (breakdown_amount_ok(b, inv.syntax, expected)) continue;
    std::string rate = b.rate ? b.rate->value.to_string() : std::string("—");
    report.fire(at(b.tax_amount, b.source),
                {fmt::format("Montant de TVA de la catégorie (BT-117) : {} ; la base (BT-116) {} "
                             "au taux (BT-119) {} % donne {}, à une unité près.",
                             show(b.tax_amount), show(b.taxable_amount), rate, expected),
                 fmt::format("VAT category tax amount (BT-117) is {}; the taxable amount "
                             "(BT-116) {} at the rate (BT-119) {} % gives {}, within one unit.",
                             show(b.tax_amount), show(b.taxable_amount), rate, expected)});
  }
}

}  // namespace

void register_vat_total_rules(Registry& registry) {
  registry.add(fatal_rule(
      "BR-CO-14",
      {"La TVA totale (BT-110) est égale à la somme des montants de TVA par catégorie (BT-117).",
       "Invoice total VAT amount (BT-110) = Σ VAT category tax amounts (BT-117)."},
      {"BT-110", "BT-117"}, check_br_co_14));
  registry.add(fatal_rule(
      "BR-CO-17",
      {"Le montant de TVA d'une catégorie (BT-117) est égal à sa base (BT-116) multipliée par "
       "son taux (BT-119) divisé par 100, arrondi à 2 décimales.",
       "VAT category tax amount (BT-117) = VAT category taxable amount (BT-116) × VAT category "
       "rate (BT-119) / 100, rounded to two decimals."},
      {"BT-117", "BT-116", "BT-119"}, check_br_co_17));
}

}  // namespace cprokit::en16931
