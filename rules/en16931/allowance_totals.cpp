// BR-CO-11 and BR-CO-12: the sums of document level allowances (BT-107) and
// charges (BT-108) equal the allowances (BT-92) and charges (BT-99).
//
// UBL sums exact decimals; CII sums and compares the untyped values, that is
// binary doubles (rules.md, "Totals and rounding rules"). Both accept an
// invoice with neither the total nor any allowance (charge).
#include <optional>
#include <string>

#include <fmt/core.h>

#include "rules/en16931/en16931_rules.hpp"
#include "rules/en16931/family.hpp"
#include "rules/en16931/xpath_numbers.hpp"
#include "rules/engine/context.hpp"
#include "rules/engine/reporter.hpp"

namespace cprokit::en16931 {
namespace {

struct Side {
  bool charges;       // BT-99 charges, else BT-92 allowances
  const char* total;  // BT-108 / BT-107
  const char* item;   // BT-99 / BT-92
  const char* total_fr;
  const char* total_en;
};

// Whether the total equals round2 of the sum of the amounts, as the syntax's
// test computes it; `expected` receives that sum, to show.
bool total_matches(const Invoice& inv, const Context& ctx, const Side& side,
                   const std::optional<Amount>& total, std::string& expected) {
  if (inv.syntax == Syntax::Cii && ctx.arithmetic == Arithmetic::Reference) {
    double sum = 0;
    for (const AllowanceCharge& ac : inv.allowances_charges) {
      if (is_kind(ac, side.charges) && ac.amount) sum += ac.amount->value.to_double();
    }
    const double rounded = round2(sum);
    expected = fmt::format("{:.2f}", rounded);
    return total && total->value.to_double() == rounded;
  }
  Decimal sum;
  for (const AllowanceCharge& ac : inv.allowances_charges) {
    if (is_kind(ac, side.charges) && ac.amount) sum += ac.amount->value;
  }
  const Decimal rounded = round2(sum);
  expected = rounded.to_string();
  return total && total->value == rounded;
}

void check_side(const Invoice& inv, const Context& ctx, const Side& side, Reporter& report) {
  if (!inv.totals) return;
  const std::optional<Amount>& total =
      side.charges ? inv.totals->charge_total : inv.totals->allowance_total;
  int count = 0;
  for (const AllowanceCharge& ac : inv.allowances_charges)
    count += is_kind(ac, side.charges) ? 1 : 0;
  if (!total && count == 0) return;
  std::string expected;
  if (total_matches(inv, ctx, side, total, expected)) return;
  report.fire(at(total, inv.totals->source),
              {fmt::format("{} ({}) : {} ; la somme des {} montants ({}) arrondie à 2 décimales "
                           "donne {}.",
                           side.total_fr, side.total, show(total), count, side.item, expected),
               fmt::format("{} ({}) is {}; the {} amounts ({}) add up to {} (rounded to 2 "
                           "decimals).",
                           side.total_en, side.total, show(total), count, side.item, expected)});
}

void check_br_co_11(const Invoice& inv, const Context& ctx, Reporter& report) {
  check_side(inv, ctx,
             {false, "BT-107", "BT-92", "Somme des remises au niveau du document",
              "Sum of allowances on document level"},
             report);
}

void check_br_co_12(const Invoice& inv, const Context& ctx, Reporter& report) {
  check_side(inv, ctx,
             {true, "BT-108", "BT-99", "Somme des charges au niveau du document",
              "Sum of charges on document level"},
             report);
}

}  // namespace

void register_allowance_total_rules(Registry& registry) {
  registry.add(fatal_rule(
      "BR-CO-11",
      {"La somme des remises au niveau du document (BT-107) est égale à la somme des montants "
       "des remises (BT-92).",
       "Sum of allowances on document level (BT-107) = Σ document level allowance amounts "
       "(BT-92)."},
      {"BT-107", "BT-92"}, check_br_co_11));
  registry.add(fatal_rule(
      "BR-CO-12",
      {"La somme des charges au niveau du document (BT-108) est égale à la somme des montants "
       "des charges (BT-99).",
       "Sum of charges on document level (BT-108) = Σ document level charge amounts (BT-99)."},
      {"BT-108", "BT-99"}, check_br_co_12));
}

}  // namespace cprokit::en16931
