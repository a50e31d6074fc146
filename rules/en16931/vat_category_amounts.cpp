// of each VAT category: the taxable amount (BT-116) and the
// tax amount (BT-117) of its VAT breakdowns. Fired once per breakdown.
//
// The official tests compute them differently per syntax and per category,
// and we reproduce each (round2 = XPath round(x * 100) div 100, halves
// toward +infinity):
// - X-08, Z/E/AE/IC/G/O: UBL wants BT-116 = Σ lines + Σ charges − Σ allowances
//   of the category exactly (and at least one line in the invoice); CII
//   accepts a difference under 1 with each sum rounded (BR-O-08: equality).
// - X-08, S/AF/AG, per rate BT-119: UBL accepts a difference under 1 (its
//   bounds BT-116 ± 1 computed in binary doubles) and wants a line or an
//   allowance or charge at that rate; CII wants equality with each sum rounded
//   for S, and never fires BR-AF-08 and BR-AG-08 (their context is the
//   breakdown, their rates `../ram:RateApplicablePercent` the settlement's,
//   which has none: "every $rate in ()" holds).
// - Z/E/AE/IC/G/O want BT-117 = 0. S/AF/AG want |BT-117| within 1
//   (strict) of round2(|BT-116| × BT-119 / 100): exact decimals in UBL, binary
//   doubles in CII (whose BR-AF-09 and BR-AG-09 are `true()`: never fire).
// Where CII compares an untyped value with a number, XPath compares doubles.
// Arithmetic::Exact (--exact-arithmetic) computes all of it in exact decimals.
#include <cmath>
#include <optional>
#include <string>

#include <fmt/core.h>

#include "rules/en16931/vat_categories.hpp"
#include "rules/en16931/xpath_numbers.hpp"

namespace cprokit::en16931::vat {
namespace {

// The amounts of the category (at one rate, when given) summed per kind.
struct Sums {
  Decimal lines, charges, allowances;
  bool line_found = false;
  bool allowance_charge_found = false;
};

// Lines and document allowances/charges count by their code alone, under any
// tax scheme, in both syntaxes' sums.
Sums sums_of(const Category& c, const Invoice& inv, const std::optional<Decimal>& rate) {
  auto at_rate = [&](const std::optional<Number>& r) { return !rate || (r && r->value == *rate); };
  Sums s;
  for (const auto& line : inv.lines) {
    if (!is_code(inv, line.vat_category, c.code) || !at_rate(line.vat_rate)) continue;
    s.line_found = true;
    if (line.net_amount) s.lines += line.net_amount->value;
  }
  for (const auto& ac : inv.allowances_charges) {
    if (!is_code(inv, ac.vat_category, c.code) || !at_rate(ac.vat_rate)) continue;
    s.allowance_charge_found = true;
    if (!ac.amount) continue;
    if (is_kind(ac, true)) s.charges += ac.amount->value;
    if (is_kind(ac, false)) s.allowances += ac.amount->value;
  }
  return s;
}

bool within_one(double value, double expected) {
  return value - 1 < expected && value + 1 > expected;
}

// Whether BT-116 is right, and what it should be (for the message).
bool taxable_ok(const Category& c, const Invoice& inv, const VatBreakdown& b, bool exact,
                Decimal& expected) {
  std::optional<Decimal> rate;
  if (c.taxed) {
    if (!b.rate) return true;  // "every rate in ()" holds: nothing to compare
    rate = b.rate->value;
  }
  const Sums s = sums_of(c, inv, rate);
  const auto& taxable = b.taxable_amount;
  if (inv.syntax == Syntax::Cii) {
    expected = round2(s.lines) + round2(s.charges) - round2(s.allowances);
    if (!taxable) return false;
    const Decimal one = Decimal::from_int(1);
    if (c.taxed || c.code == "O") {
      return exact ? taxable->value == expected
                   : taxable->value.to_double() == expected.to_double();
    }
    if (exact) return taxable->value - one < expected && taxable->value + one > expected;
    return within_one(taxable->value.to_double(), expected.to_double());
  }
  expected = s.lines + s.charges - s.allowances;
  if (!taxable) return false;
  if (!c.taxed) return !inv.lines.empty() && taxable->value == expected;
  // UBL casts BT-116 ± 1, computed in doubles, back to decimal; the
  // allowances and charges alone also pass (the test's branch for the other
  // document type, whose lines sum to nothing).
  const Decimal one = Decimal::from_int(1);
  auto low = exact ? taxable->value - one : Decimal::from_double(taxable->value.to_double() - 1);
  auto high = exact ? taxable->value + one : Decimal::from_double(taxable->value.to_double() + 1);
  if (!low || !high) return true;
  auto within = [&](const Decimal& sum) { return *low<sum&& * high> sum; };
  return ((s.line_found || s.allowance_charge_found) && within(expected)) ||
         (s.allowance_charge_found && within(s.charges - s.allowances));
}

std::string rate_fr(const Category& c, const VatBreakdown& b) {
  return c.taxed && b.rate ? fmt::format(" au taux de {} %", b.rate->value.to_string()) : "";
}

std::string rate_en(const Category& c, const VatBreakdown& b) {
  return c.taxed && b.rate ? fmt::format(" at {}%", b.rate->value.to_string()) : "";
}

void check_taxable(const Category& c, const Invoice& inv, const Context& ctx, Reporter& report) {
  // The CII tests of BR-AF-08 and BR-AG-08 look for the rates one level too
  // high (see the top of this file).
  if (inv.syntax == Syntax::Cii && c.taxed && c.code != "S") return;
  const bool exact = ctx.arithmetic == Arithmetic::Exact;
  for (const auto& b : inv.vat_breakdown) {
    if (!breakdown_in(c, inv, b)) continue;
    Decimal expected;
    try {
      if (taxable_ok(c, inv, b, exact, expected)) continue;
    } catch (const DecimalOverflow&) {
      continue;  // absurd amounts: no verdict rather than a wrong one
    }
    const char* lines_fr = inv.lines.empty() ? " (la facture n'a aucune ligne)" : "";
    const char* lines_en = inv.lines.empty() ? " (the invoice has no line)" : "";
    report.fire(at(b.taxable_amount, b.source),
                {fmt::format("Ventilation de TVA de catégorie {}{} : base d'imposition (BT-116) "
                             "{} ; attendu {} = lignes (BT-131) + charges (BT-99) − remises "
                             "(BT-92) de cette catégorie{}.",
                             name_fr(c), rate_fr(c, b), show(b.taxable_amount),
                             expected.to_string(), lines_fr),
                 fmt::format("VAT breakdown of category {}{}: taxable amount (BT-116) is {}; "
                             "expected {} = lines (BT-131) + charges (BT-99) − allowances "
                             "(BT-92) of that category{}.",
                             name_en(c), rate_en(c, b), show(b.taxable_amount),
                             expected.to_string(), lines_en)});
  }
}

// BT-117 of a taxed category (S, AF, AG): within 1 of BT-116 × BT-119 / 100.
bool tax_ok(const Invoice& inv, const VatBreakdown& b, bool exact, Decimal& expected) {
  if (!b.tax_amount || !b.taxable_amount || !b.rate) return false;
  static const Decimal kPercent = *Decimal::parse("0.01");
  const Decimal tax = b.tax_amount->value.abs();
  expected = round2(b.taxable_amount->value.abs() * b.rate->value * kPercent);
  if (inv.syntax == Syntax::Cii && !exact) {
    // CII multiplies by the untyped rate: a double product, rounded as a double.
    double product = b.taxable_amount->value.abs().to_double() * b.rate->value.to_double();
    double want = xpath_round(product) / 100;
    return (tax - Decimal::from_int(1)).to_double() < want &&
           (tax + Decimal::from_int(1)).to_double() > want;
  }
  return tax - Decimal::from_int(1) < expected && tax + Decimal::from_int(1) > expected;
}

void check_tax(const Category& c, const Invoice& inv, const Context& ctx, Reporter& report) {
  // The CII tests of BR-AF-09 and BR-AG-09 are `true()`.
  if (inv.syntax == Syntax::Cii && c.taxed && c.code != "S") return;
  for (const auto& b : inv.vat_breakdown) {
    if (!breakdown_in(c, inv, b)) continue;
    const auto& tax = b.tax_amount;
    if (!c.taxed) {
      // UBL casts BT-117 to decimal, CII compares it as a double: the same verdict.
      if (tax && tax->value.is_zero()) continue;
      report.fire(at(tax, b.source),
                  {fmt::format("Ventilation de TVA de catégorie {} : montant de TVA (BT-117) {} ; "
                               "il doit être nul.",
                               name_fr(c), show(tax)),
                   fmt::format("VAT breakdown of category {}: VAT amount (BT-117) is {}; it must "
                               "be zero.",
                               name_en(c), show(tax))});
      continue;
    }
    Decimal expected;
    try {
      if (tax_ok(inv, b, ctx.arithmetic == Arithmetic::Exact, expected)) continue;
    } catch (const DecimalOverflow&) {
      continue;
    }
    std::string rate = b.rate ? b.rate->value.to_string() : std::string("—");
    std::string want = b.rate && b.taxable_amount ? expected.to_string() : std::string("—");
    report.fire(at(tax, b.source),
                {fmt::format("Ventilation de TVA de catégorie {} : montant de TVA (BT-117) {} ; "
                             "attendu {} = base (BT-116) {} × taux (BT-119) {} %, à moins d'une "
                             "unité près.",
                             name_fr(c), show(tax), want, show(b.taxable_amount), rate),
                 fmt::format("VAT breakdown of category {}: VAT amount (BT-117) is {}; expected "
                             "{} = taxable amount (BT-116) {} × rate (BT-119) {}%, within less "
                             "than one unit.",
                             name_en(c), show(tax), want, show(b.taxable_amount), rate)});
  }
}

Message taxable_title(const Category& c) {
  const char* per_rate_fr = c.taxed ? ", pour chaque taux," : "";
  const char* per_rate_en = c.taxed ? ", for each rate," : "";
  return {fmt::format("La base d'imposition (BT-116) d'une ventilation de TVA de catégorie {}{} "
                      "est la somme des lignes (BT-131) plus les charges (BT-99) moins les "
                      "remises (BT-92) de cette catégorie{}.",
                      name_fr(c), per_rate_fr, c.taxed ? " et de ce taux" : ""),
          fmt::format("The taxable amount (BT-116) of a VAT breakdown of category {}{} is the sum "
                      "of the line net amounts (BT-131) plus the charges (BT-99) minus the "
                      "allowances (BT-92) of that category{}.",
                      name_en(c), per_rate_en, c.taxed ? " and rate" : "")};
}

Message tax_title(const Category& c) {
  if (!c.taxed) {
    return {fmt::format("Le montant de TVA (BT-117) d'une ventilation de catégorie {} est nul.",
                        name_fr(c)),
            fmt::format("The VAT amount (BT-117) of a VAT breakdown of category {} is zero.",
                        name_en(c))};
  }
  return {fmt::format("Le montant de TVA (BT-117) d'une ventilation de catégorie {} est la base "
                      "(BT-116) multipliée par le taux (BT-119).",
                      name_fr(c)),
          fmt::format("The VAT amount (BT-117) of a VAT breakdown of category {} is the taxable "
                      "amount (BT-116) multiplied by the rate (BT-119).",
                      name_en(c))};
}

}  // namespace

void register_amount_rules(Registry& registry) {
  for (std::size_t i = 0; i < kCategories.size(); ++i) {
    const Category& c = kCategories[i];
    registry.add(fatal_rule(rule_id(c, 8), taxable_title(c),
                            {"BT-116", "BT-118", "BT-119", "BT-131", "BT-92", "BT-99"},
                            for_category<check_taxable>(i)));
    registry.add(fatal_rule(rule_id(c, 9), tax_title(c), {"BT-117", "BT-116", "BT-119"},
                            for_category<check_tax>(i)));
  }
}

}  // namespace cprokit::en16931::vat
