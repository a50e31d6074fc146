// BR-FR-DEC-01..04: how amounts, quantities, prices and VAT rates are written. Each
// rule names one business term (or an allowance's and a charge's pair) and
// judges its text as written, white space normalized:
//   DEC-01 amounts: a '-' allowed, at most 2 decimals, 19 characters;
//   DEC-02 quantities: a '-' allowed, at most 4 decimals, 19 characters;
//   DEC-03 prices: at most 6 decimals, 19 characters, no '-' unless the
//          cadre de facturation (BT-23) is S9, B9 or M9.
//   DEC-04 VAT rates (BT-96/BT-103, BT-119, BT-152): no '-', at most 2
//          decimals, 4 characters. Every rate it refuses is one BR-FR-16's
//          list refuses too: they fire together. Unlike BR-FR-16, UBL tests
//          a credit note's line rates too (cac:Item/cac:ClassifiedTaxCategory).
// A value whose text is no decimal at all is not in the model (XML-07
// reports it): these rules judge only the readable ones, but for the VAT
// rates and the amounts the model keeps as written for XPath number()
// (BT-112, BT-113, BT-115, BT-131: "1e2" is no amount's form).
// BR-FR-DEC-01_BT-111 is not checked: the reference gives BT-110 the same
// context at a higher priority, so its test never runs.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/core.h>

#include "rules/engine/reporter.hpp"
#include "rules/fr/family.hpp"
#include "rules/fr/fr_rules.hpp"
#include "rules/fr/values.hpp"

namespace cprokit::fr {
namespace {

// A value a rule reads: its text as written and its place.
struct Written {
  std::string_view text;
  const SourceRef* source;
};
using Values = std::vector<Written>;

template <class V>
void add(Values& out, const std::optional<V>& v) {
  if (v) out.push_back({v->text, &v->source});
}
// A VAT rate written but no decimal ("20,0"): the model keeps its text only.
void add(Values& out, const std::optional<Text>& unreadable) {
  if (unreadable) out.push_back({unreadable->value, &unreadable->source});
}

// What a value is, as a message names it.
enum class Kind { Amount, Quantity, Price, Rate };

// One rule: its id, the terms its message names, what it reads.
struct Spec {
  const char* id;
  const char* terms;  // as the message writes them: "BT-92, BT-99"
  Kind kind;
  Values (*collect)(const Invoice&);
};

DecimalForm form_of(Kind kind, const Invoice& inv) {
  switch (kind) {
    case Kind::Amount:
      return kAmountForm;
    case Kind::Quantity:
      return kQuantityForm;
    case Kind::Price:
      return inv.business_process && is_bidirectional_billing_mode(inv.business_process->value)
                 ? kSignedPriceForm
                 : kPriceForm;
    case Kind::Rate:
      return kRateForm;
  }
  return kAmountForm;
}

Message what_to_write(Kind kind, DecimalForm form) {
  const char* sign_fr = form.negative ? "un signe « - » admis" : "sans signe « - »";
  const char* sign_en = form.negative ? "a \"-\" sign allowed" : "no \"-\" sign";
  const char* example = kind == Kind::Amount ? "1250.50" : kind == Kind::Rate ? "5.5" : "12.5";
  return {fmt::format("au plus {} décimales après un point, {} caractères au plus hors point, {} ; "
                      "par exemple {}",
                      form.decimals, form.digits, sign_fr, example),
          fmt::format("at most {} decimals after a point, at most {} characters besides the "
                      "point, {}; e.g. {}",
                      form.decimals, form.digits, sign_en, example)};
}

Message noun(Kind kind) {
  switch (kind) {
    case Kind::Amount:
      return {"Le montant", "The amount"};
    case Kind::Quantity:
      return {"La quantité", "The quantity"};
    case Kind::Price:
      return {"Le prix", "The price"};
    case Kind::Rate:
      return {"Le taux de TVA", "The VAT rate"};
  }
  return {"La valeur", "The value"};
}

template <const Spec& kSpec>
void check(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  const DecimalForm form = form_of(kSpec.kind, inv);
  for (const Written& v : kSpec.collect(inv)) {
    const std::string text = normalize_space(v.text);
    if (has_decimal_form(text, form)) continue;
    const Message n = noun(kSpec.kind);
    const Message how = what_to_write(kSpec.kind, form);
    report.fire(*v.source,
                {fmt::format("{} ({}) « {} » n'est pas écrit comme la réforme l'exige : écrivez-le "
                             "avec {}.",
                             n.fr, kSpec.terms, text, how.fr),
                 fmt::format("{} ({}) \"{}\" is not written as the reform requires: write it with "
                             "{}.",
                             n.en, kSpec.terms, text, how.en)});
  }
}

// What each rule reads.
Values document_charge_amounts(const Invoice& inv) {
  Values out;
  for (const AllowanceCharge& ac : inv.allowances_charges)
    add(out, ac.amount);
  return out;
}
Values document_charge_rates(const Invoice& inv) {
  Values out;
  for (const AllowanceCharge& ac : inv.allowances_charges) {
    add(out, ac.vat_rate);
    add(out, ac.vat_rate_unreadable);
  }
  return out;
}
Values breakdown_rates(const Invoice& inv) {
  Values out;
  for (const VatBreakdown& b : inv.vat_breakdown) {
    add(out, b.rate);
    add(out, b.rate_unreadable);
  }
  return out;
}
Values line_rates(const Invoice& inv) {
  Values out;
  for (const InvoiceLine& l : inv.lines) {
    add(out, l.vat_rate);
    add(out, l.vat_rate_unreadable);
  }
  return out;
}
Values document_charge_bases(const Invoice& inv) {
  Values out;
  for (const AllowanceCharge& ac : inv.allowances_charges)
    add(out, ac.base_amount);
  return out;
}
template <std::optional<Amount> Totals::*kField>
Values total(const Invoice& inv) {
  Values out;
  if (inv.totals) add(out, (*inv.totals).*kField);
  return out;
}
// A total, or its text when it is no decimal.
template <std::optional<Amount> Totals::*kField,
          std::optional<UnreadableAmount> Totals::*kUnreadable>
Values total_as_written(const Invoice& inv) {
  Values out;
  if (inv.totals) {
    add(out, (*inv.totals).*kField);
    add(out, (*inv.totals).*kUnreadable);
  }
  return out;
}
Values vat_totals(const Invoice& inv) {
  Values out;
  for (const Amount& a : inv.vat_totals)
    out.push_back({a.text, &a.source});
  return out;
}
template <class V, std::optional<V> VatBreakdown::*kField>
Values breakdown(const Invoice& inv) {
  Values out;
  for (const VatBreakdown& b : inv.vat_breakdown)
    add(out, b.*kField);
  return out;
}
// DEC-01..03 read UBL lines of the right name only (cac:InvoiceLine in an
// Invoice, cac:CreditNoteLine in a CreditNote); DEC-04 reads either.
template <class V, std::optional<V> InvoiceLine::*kField>
Values line(const Invoice& inv) {
  Values out;
  for (const InvoiceLine& l : inv.lines)
    if (!l.misnamed) add(out, l.*kField);
  return out;
}
// BT-131, or its text when it is no decimal.
Values line_net_amounts(const Invoice& inv) {
  Values out;
  for (const InvoiceLine& l : inv.lines) {
    if (l.misnamed) continue;
    add(out, l.net_amount);
    add(out, l.net_amount_unreadable);
  }
  return out;
}
template <std::optional<Amount> AllowanceCharge::*kField>
Values line_charges(const Invoice& inv) {
  Values out;
  for (const InvoiceLine& l : inv.lines) {
    if (l.misnamed) continue;
    for (const AllowanceCharge& ac : l.allowances_charges)
      add(out, ac.*kField);
  }
  return out;
}

constexpr Spec kDocCharge{"BR-FR-DEC-01_BT-92_BT-99", "BT-92, BT-99", Kind::Amount,
                          document_charge_amounts};
constexpr Spec kDocChargeBase{"BR-FR-DEC-01_BT-93_BT-100", "BT-93, BT-100", Kind::Amount,
                              document_charge_bases};
constexpr Spec kBt106{"BR-FR-DEC-01_BT-106", "BT-106", Kind::Amount,
                      total<&Totals::line_net_total>};
constexpr Spec kBt107{"BR-FR-DEC-01_BT-107", "BT-107", Kind::Amount,
                      total<&Totals::allowance_total>};
constexpr Spec kBt108{"BR-FR-DEC-01_BT-108", "BT-108", Kind::Amount, total<&Totals::charge_total>};
constexpr Spec kBt109{"BR-FR-DEC-01_BT-109", "BT-109", Kind::Amount, total<&Totals::tax_exclusive>};
constexpr Spec kBt110{"BR-FR-DEC-01_BT-110", "BT-110, BT-111", Kind::Amount, vat_totals};
constexpr Spec kBt112{"BR-FR-DEC-01_BT-112", "BT-112", Kind::Amount,
                      total_as_written<&Totals::tax_inclusive, &Totals::tax_inclusive_unreadable>};
constexpr Spec kBt113{"BR-FR-DEC-01_BT-113", "BT-113", Kind::Amount,
                      total_as_written<&Totals::prepaid, &Totals::prepaid_unreadable>};
constexpr Spec kBt114{"BR-FR-DEC-01_BT-114", "BT-114", Kind::Amount, total<&Totals::rounding>};
constexpr Spec kBt115{"BR-FR-DEC-01_BT-115", "BT-115", Kind::Amount,
                      total_as_written<&Totals::payable, &Totals::payable_unreadable>};
constexpr Spec kBt116{"BR-FR-DEC-01_BT-116", "BT-116", Kind::Amount,
                      breakdown<Amount, &VatBreakdown::taxable_amount>};
constexpr Spec kBt117{"BR-FR-DEC-01_BT-117", "BT-117", Kind::Amount,
                      breakdown<Amount, &VatBreakdown::tax_amount>};
constexpr Spec kBt131{"BR-FR-DEC-01_BT-131", "BT-131", Kind::Amount, line_net_amounts};
constexpr Spec kLineCharge{"BR-FR-DEC-01_BT-136_BT-141", "BT-136, BT-141", Kind::Amount,
                           line_charges<&AllowanceCharge::amount>};
constexpr Spec kLineChargeBase{"BR-FR-DEC-01_BT-137_BT-142", "BT-137, BT-142", Kind::Amount,
                               line_charges<&AllowanceCharge::base_amount>};
constexpr Spec kBt129{"BR-FR-DEC-02_BT-129", "BT-129", Kind::Quantity,
                      line<Number, &InvoiceLine::quantity>};
constexpr Spec kBt149{"BR-FR-DEC-02_BT-149", "BT-149", Kind::Quantity,
                      line<Number, &InvoiceLine::price_base_quantity>};
constexpr Spec kBt146{"BR-FR-DEC-03_BT-146", "BT-146", Kind::Price,
                      line<Number, &InvoiceLine::net_price>};
constexpr Spec kBt147{"BR-FR-DEC-03_BT-147", "BT-147", Kind::Price,
                      line<Number, &InvoiceLine::price_discount>};
constexpr Spec kBt148{"BR-FR-DEC-03_BT-148", "BT-148", Kind::Price,
                      line<Number, &InvoiceLine::gross_price>};
constexpr Spec kRateCharge{"BR-FR-DEC-04_BT-96_BT-103", "BT-96, BT-103", Kind::Rate,
                           document_charge_rates};
constexpr Spec kBt119{"BR-FR-DEC-04_BT-119", "BT-119", Kind::Rate, breakdown_rates};
constexpr Spec kBt152{"BR-FR-DEC-04_BT-152", "BT-152", Kind::Rate, line_rates};

Message title(Kind kind, const char* terms) {
  switch (kind) {
    case Kind::Amount:
      return {
          fmt::format("Le montant ({}) a au plus 2 décimales et 19 caractères hors point.", terms),
          fmt::format("The amount ({}) has at most 2 decimals and 19 characters besides the "
                      "point.",
                      terms)};
    case Kind::Quantity:
      return {
          fmt::format("La quantité ({}) a au plus 4 décimales et 19 caractères hors point.", terms),
          fmt::format("The quantity ({}) has at most 4 decimals and 19 characters besides "
                      "the point.",
                      terms)};
    case Kind::Price:
      return {fmt::format("Le prix ({}) a au plus 6 décimales et 19 caractères hors point, sans "
                          "signe hors cadre S9, B9, M9.",
                          terms),
              fmt::format("The price ({}) has at most 6 decimals and 19 characters besides the "
                          "point, unsigned outside billing modes S9, B9, M9.",
                          terms)};
    case Kind::Rate:
      return {fmt::format("Le taux de TVA ({}) a au plus 2 décimales et 4 caractères hors point, "
                          "sans signe.",
                          terms),
              fmt::format("The VAT rate ({}) has at most 2 decimals and 4 characters besides "
                          "the point, unsigned.",
                          terms)};
  }
  return {"", ""};
}

// The business terms a rule names, from its message's list.
std::vector<std::string> term_list(std::string_view terms) {
  std::vector<std::string> out;
  while (!terms.empty()) {
    const std::size_t comma = terms.find(", ");
    out.emplace_back(terms.substr(0, comma));
    terms = comma == std::string_view::npos ? std::string_view{} : terms.substr(comma + 2);
  }
  return out;
}

template <const Spec& kSpec>
void add_rule(Registry& registry) {
  registry.add(
      fr_rule(kSpec.id, title(kSpec.kind, kSpec.terms), term_list(kSpec.terms), check<kSpec>));
}

}  // namespace

void register_decimal_rules(Registry& registry) {
  add_rule<kDocCharge>(registry);
  add_rule<kDocChargeBase>(registry);
  add_rule<kBt106>(registry);
  add_rule<kBt107>(registry);
  add_rule<kBt108>(registry);
  add_rule<kBt109>(registry);
  add_rule<kBt110>(registry);
  add_rule<kBt112>(registry);
  add_rule<kBt113>(registry);
  add_rule<kBt114>(registry);
  add_rule<kBt115>(registry);
  add_rule<kBt116>(registry);
  add_rule<kBt117>(registry);
  add_rule<kBt131>(registry);
  add_rule<kLineCharge>(registry);
  add_rule<kLineChargeBase>(registry);
  add_rule<kBt129>(registry);
  add_rule<kBt149>(registry);
  add_rule<kBt146>(registry);
  add_rule<kBt147>(registry);
  add_rule<kBt148>(registry);
  add_rule<kRateCharge>(registry);
  add_rule<kBt119>(registry);
  add_rule<kBt152>(registry);
}

}  // namespace cprokit::fr
