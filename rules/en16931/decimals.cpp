// The BR-DEC rules: an amount has at most two decimals.
//
// The official tests are lexical: they count the characters after the '.' of
// the amount as written, so "10.000" fails and "10" or "10." pass. The model
// keeps each amount's written scale (Decimal::scale()), which is that count
// for every amount the readers accept. An absent amount passes.
//
// One row per rule: the business term and how to reach its amounts. BR-DEC-13
// and BR-DEC-15 (the VAT totals) are not lexical in the official artefacts and
// have checks of their own below the table.
#include <array>
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <fmt/core.h>

#include "rules/en16931/cii_contexts.hpp"
#include "rules/en16931/en16931_rules.hpp"
#include "rules/en16931/family.hpp"
#include "rules/en16931/xpath_numbers.hpp"
#include "rules/engine/context.hpp"
#include "rules/engine/reporter.hpp"

namespace cprokit::en16931 {
namespace {

using Amounts = std::vector<const Amount*>;

void add(Amounts& out, const std::optional<Amount>& a) {
  if (a) out.push_back(&*a);
}

// Amount or base amount of the document level allowances (false) or charges (true).
template <bool kCharge, std::optional<Amount> AllowanceCharge::*kField>
void document_level(const Invoice& inv, Amounts& out) {
  for (const AllowanceCharge& ac : inv.allowances_charges) {
    if (in_context(inv, ac, kCharge)) add(out, ac.*kField);
  }
}

template <bool kCharge, std::optional<Amount> AllowanceCharge::*kField>
void line_level(const Invoice& inv, Amounts& out) {
  for (const InvoiceLine& line : inv.lines) {
    for (const AllowanceCharge& ac : line.allowances_charges) {
      if (in_context(inv, ac, kCharge)) add(out, ac.*kField);
    }
  }
}

template <std::optional<Amount> Totals::*kField>
void document_total(const Invoice& inv, Amounts& out) {
  if (inv.totals) add(out, (*inv.totals).*kField);
}

template <std::optional<Amount> VatBreakdown::*kField>
void vat_breakdown(const Invoice& inv, Amounts& out) {
  for (const VatBreakdown& b : inv.vat_breakdown) {
    if (inv.syntax == Syntax::Cii && shadowed_cii_breakdown(b)) continue;
    add(out, b.*kField);
  }
}

void line_net_amounts(const Invoice& inv, Amounts& out) {
  for (const InvoiceLine& line : inv.lines)
    add(out, line.net_amount);
}

struct DecimalRule {
  const char* id;
  const char* term;
  const char* name_fr;
  const char* name_en;
  void (*amounts)(const Invoice&, Amounts&);
};

using AC = AllowanceCharge;

constexpr std::array kRules = {
    DecimalRule{"BR-DEC-01", "BT-92", "Montant de remise au niveau du document",
                "Document level allowance amount", document_level<false, &AC::amount>},
    DecimalRule{"BR-DEC-02", "BT-93", "Assiette de remise au niveau du document",
                "Document level allowance base amount", document_level<false, &AC::base_amount>},
    DecimalRule{"BR-DEC-05", "BT-99", "Montant de charge au niveau du document",
                "Document level charge amount", document_level<true, &AC::amount>},
    DecimalRule{"BR-DEC-06", "BT-100", "Assiette de charge au niveau du document",
                "Document level charge base amount", document_level<true, &AC::base_amount>},
    DecimalRule{"BR-DEC-09", "BT-106", "Somme des montants nets des lignes",
                "Sum of invoice line net amount", document_total<&Totals::line_net_total>},
    DecimalRule{"BR-DEC-10", "BT-107", "Somme des remises au niveau du document",
                "Sum of allowances on document level", document_total<&Totals::allowance_total>},
    DecimalRule{"BR-DEC-11", "BT-108", "Somme des charges au niveau du document",
                "Sum of charges on document level", document_total<&Totals::charge_total>},
    DecimalRule{"BR-DEC-12", "BT-109", "Total hors TVA", "Invoice total amount without VAT",
                document_total<&Totals::tax_exclusive>},
    DecimalRule{"BR-DEC-14", "BT-112", "Total TVA comprise", "Invoice total amount with VAT",
                document_total<&Totals::tax_inclusive>},
    DecimalRule{"BR-DEC-16", "BT-113", "Montant déjà payé", "Paid amount",
                document_total<&Totals::prepaid>},
    DecimalRule{"BR-DEC-17", "BT-114", "Montant d'arrondi", "Rounding amount",
                document_total<&Totals::rounding>},
    DecimalRule{"BR-DEC-18", "BT-115", "Montant net à payer", "Amount due for payment",
                document_total<&Totals::payable>},
    DecimalRule{"BR-DEC-19", "BT-116", "Base d'imposition de la catégorie de TVA",
                "VAT category taxable amount", vat_breakdown<&VatBreakdown::taxable_amount>},
    DecimalRule{"BR-DEC-20", "BT-117", "Montant de TVA de la catégorie", "VAT category tax amount",
                vat_breakdown<&VatBreakdown::tax_amount>},
    DecimalRule{"BR-DEC-23", "BT-131", "Montant net de ligne", "Invoice line net amount",
                line_net_amounts},
    DecimalRule{"BR-DEC-24", "BT-136", "Montant de remise de ligne",
                "Invoice line allowance amount", line_level<false, &AC::amount>},
    DecimalRule{"BR-DEC-25", "BT-137", "Assiette de remise de ligne",
                "Invoice line allowance base amount", line_level<false, &AC::base_amount>},
    DecimalRule{"BR-DEC-27", "BT-141", "Montant de charge de ligne", "Invoice line charge amount",
                line_level<true, &AC::amount>},
    DecimalRule{"BR-DEC-28", "BT-142", "Assiette de charge de ligne",
                "Invoice line charge base amount", line_level<true, &AC::base_amount>},
};

void fire_decimals(const Amount& a, const char* term, const char* name_fr, const char* name_en,
                   Reporter& report) {
  report.fire(a.source, {fmt::format("{} ({}) : {} a {} décimales ; 2 au plus sont permises.",
                                     name_fr, term, a.value.to_string(), a.value.scale()),
                         fmt::format("{} ({}) {} has {} decimals; at most 2 are allowed.", name_en,
                                     term, a.value.to_string(), a.value.scale())});
}

template <std::size_t kIndex>
void check_row(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  const DecimalRule& rule = kRules[kIndex];
  Amounts amounts;
  rule.amounts(inv, amounts);
  for (const Amount* a : amounts) {
    if (a->value.scale() > 2) fire_decimals(*a, rule.term, rule.name_fr, rule.name_en, report);
  }
}

// BR-DEC-13 / BR-DEC-15: the VAT total in the invoice / accounting currency --
//
// UBL: the official test looks for cbc:DocumentCurrencyCode (TaxCurrencyCode)
// below the cbc:TaxAmount it filters, where there is none, so it never fires.
// CII: the test is numeric, not lexical, in doubles: a TaxTotalAmount x in the
// currency passes when x = round(x * 100) div 100 ("10.000" passes), and the
// rule fires only when no TaxTotalAmount passes (nor is in another currency).

bool rounded_to_cents(const Amount& a) {
  const double x = a.value.to_double();
  return x == xpath_round(x * 100) / 100;
}

// BR-DEC-13: fires (once, for the summation) unless some total is in another
// currency than BT-5 (or BT-5 is absent) or is in BT-5 and rounded to cents.
void check_br_dec_13(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  if (inv.syntax != Syntax::Cii || !inv.totals || inv.vat_totals.empty()) return;
  for (const Amount& total : inv.vat_totals) {
    if (!inv.currency || !in_currency(total, *inv.currency) || rounded_to_cents(total)) return;
  }
  fire_decimals(inv.vat_totals.front(), "BT-110", "TVA totale", "Invoice total VAT amount", report);
}

// BR-DEC-15: with BT-6 given, fires unless some total is in BT-6 and rounded
// to cents; so a BT-6 without a total in it fires too.
void check_br_dec_15(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  if (inv.syntax != Syntax::Cii || !inv.totals || inv.vat_totals.empty()) return;
  if (!inv.vat_currency) return;
  const Amount* in_vat_currency = nullptr;
  for (const Amount& total : inv.vat_totals) {
    if (!in_currency(total, *inv.vat_currency)) continue;
    if (rounded_to_cents(total)) return;
    if (in_vat_currency == nullptr) in_vat_currency = &total;
  }
  if (in_vat_currency == nullptr) {
    report.fire(inv.totals->source,
                {fmt::format("Aucune TVA totale en devise de comptabilisation (BT-111) dans la "
                             "devise {} (BT-6) arrondie au centime.",
                             inv.vat_currency->value),
                 fmt::format("No invoice total VAT amount in accounting currency (BT-111) in "
                             "the currency {} (BT-6) rounded to cents.",
                             inv.vat_currency->value)});
    return;
  }
  fire_decimals(*in_vat_currency, "BT-111", "TVA totale en devise de comptabilisation",
                "Invoice total VAT amount in accounting currency", report);
}

Rule decimal_rule(const char* id, const char* term, const char* name_fr, const char* name_en,
                  InvoiceCheck check) {
  return fatal_rule(id,
                    {fmt::format("{} ({}) : 2 décimales au plus.", name_fr, term),
                     fmt::format("{} ({}): at most 2 decimals.", name_en, term)},
                    {term}, check);
}

template <std::size_t... kIndex>
void register_rows(Registry& registry, std::index_sequence<kIndex...> /*rows*/) {
  (registry.add(decimal_rule(kRules[kIndex].id, kRules[kIndex].term, kRules[kIndex].name_fr,
                             kRules[kIndex].name_en, check_row<kIndex>)),
   ...);
}

}  // namespace

void register_decimal_rules(Registry& registry) {
  register_rows(registry, std::make_index_sequence<kRules.size()>());
  registry.add(decimal_rule("BR-DEC-13", "BT-110", "TVA totale", "Invoice total VAT amount",
                            check_br_dec_13));
  registry.add(decimal_rule("BR-DEC-15", "BT-111", "TVA totale en devise de comptabilisation",
                            "Invoice total VAT amount in accounting currency", check_br_dec_15));
}

}  // namespace cprokit::en16931
