// The conditional rules of EN 16931 (BR-CO-03, -04, -18..-24, -26): a term
// that must be there, or must not be there, given another.
//
// Each syntax follows its own schematron test, context included: where UBL
// checks the document once, CII may check every line or every VAT breakdown,
// and the rule then fires once for each.
#include <algorithm>
#include <string>

#include <fmt/core.h>

#include "rules/en16931/cii_contexts.hpp"
#include "rules/en16931/en16931_rules.hpp"
#include "rules/en16931/family.hpp"
#include "rules/engine/context.hpp"
#include "rules/engine/reporter.hpp"

namespace cprokit::en16931 {
namespace {

std::string quoted(const std::optional<Text>& t) {
  return t ? fmt::format("« {} »", t->value) : std::string("—");
}

// BR-CO-03: not both the tax point date (BT-7) and its code (BT-8) ----------

void check_br_co_03(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  if (inv.syntax == Syntax::Ubl) {
    // UBL: cbc:TaxPointDate beside any cac:InvoicePeriod/cbc:DescriptionCode.
    if (!inv.tax_point_date) return;
    for (const Period& period : inv.invoicing_periods) {
      if (!period.description_code) continue;
      report.fire(inv.tax_point_date->source,
                  {fmt::format("Date d'exigibilité de la TVA (BT-7) {} et code de cette date "
                               "(BT-8) {} tous deux présents : un seul des deux est permis.",
                               quoted(inv.tax_point_date), quoted(period.description_code)),
                   fmt::format("Value added tax point date (BT-7) {} and its code (BT-8) {} are "
                               "both present: only one of them is allowed.",
                               quoted(inv.tax_point_date), quoted(period.description_code))});
      return;
    }
    return;
  }
  // CII: the test looks for a ram:TaxPointDate and a ram:DueDateTypeCode
  // anywhere in the document (//ram:…: lines and allowances too, empty or
  // not), and runs once for every header ApplicableTradeTax.
  const auto& dated = inv.codes[CodeField::TaxPointDate];
  const auto& coded = inv.codes[CodeField::TaxPointDateCode];
  if (dated.empty() || coded.empty()) return;
  const std::string date = fmt::format("« {} »", dated.front().value);
  const std::string code = fmt::format("« {} »", coded.front().value);
  for (const VatBreakdown& b : inv.vat_breakdown) {
    if (shadowed_cii_breakdown(b)) continue;
    report.fire(b.source,
                {fmt::format("Date d'exigibilité de la TVA (BT-7) {} et code de cette date (BT-8) "
                             "{} tous deux présents dans la facture : un seul des deux est permis.",
                             date, code),
                 fmt::format("Value added tax point date (BT-7) {} and its code (BT-8) {} are "
                             "both present in the invoice: only one of them is allowed.",
                             date, code)});
  }
}

// BR-CO-04: every line has a VAT category (BT-151) -------------------------

void check_br_co_04(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  for (const InvoiceLine& line : inv.lines) {
    // UBL normalizes the scheme id before comparing it; CII only upper-cases.
    bool vat = inv.syntax == Syntax::Ubl ? is_vat_scheme(line.vat_tax_scheme)
                                         : cii_type_code_is_vat(line.vat_tax_scheme);
    if (vat && line.vat_category) continue;
    report.fire(
        line.source,
        {fmt::format("Ligne {} : pas de code de catégorie de TVA (BT-151) sous le régime "
                     "TVA (catégorie {}, régime {}).",
                     quoted(line.id), quoted(line.vat_category), quoted(line.vat_tax_scheme)),
         fmt::format("Line {}: no VAT category code (BT-151) under the VAT scheme "
                     "(category {}, scheme {}).",
                     quoted(line.id), quoted(line.vat_category), quoted(line.vat_tax_scheme))});
  }
}

// BR-CO-18: at least one VAT breakdown (BG-23) ------------------------------

Message no_vat_breakdown() {
  return {"Aucune ventilation de TVA (BG-23) : la facture doit en donner au moins une.",
          "No VAT breakdown (BG-23): the invoice must give at least one."};
}

void check_br_co_18(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  if (!inv.vat_breakdown.empty()) return;
  if (inv.syntax == Syntax::Cii) {
    // The CII test runs once for every line: a line-less invoice passes.
    for (const InvoiceLine& line : inv.lines)
      report.fire(line.source, no_vat_breakdown());
    return;
  }
  if (inv.vat_total_groups.empty()) {
    report.fire(Location{}, no_vat_breakdown());
  } else {
    report.fire(inv.vat_total_groups.front().source, no_vat_breakdown());
  }
}

// BR-CO-19 / BR-CO-20: a period has a start or an end -----------------------

void fire_empty_period(const Period& period, const char* group, const char* start, const char* end,
                       Reporter& report) {
  report.fire(
      period.source,
      {fmt::format("Période ({}) sans date de début ({}) ni de fin ({}).", group, start, end),
       fmt::format("Period ({}) with neither a start date ({}) nor an end date ({}).", group, start,
                   end)});
}

void check_br_co_19(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  for (const Period& period : inv.invoicing_periods) {
    if (period.start || period.end) continue;
    // UBL also accepts a period given by its code alone (BT-8).
    if (inv.syntax == Syntax::Ubl && period.description_code) continue;
    fire_empty_period(period, "BG-14", "BT-73", "BT-74", report);
  }
}

void check_br_co_20(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  for (const InvoiceLine& line : inv.lines) {
    if (!line.period || line.period->start || line.period->end) continue;
    fire_empty_period(*line.period, "BG-26", "BT-134", "BT-135", report);
  }
}

// BR-CO-21..24: an allowance or charge says why ----------------------------

struct ReasonTerms {
  bool charge;
  const char* group;  // BG-20 / BG-21 / BG-27 / BG-28
  const char* what_fr;
  const char* what_en;
  const char* reason;  // BT-97 / BT-104 / BT-139 / BT-144
  const char* code;    // BT-98 / BT-105 / BT-140 / BT-145
};

void check_reasons(const Invoice& inv, const std::vector<AllowanceCharge>& list,
                   const ReasonTerms& t, Reporter& report) {
  for (const AllowanceCharge& ac : list) {
    if (!in_context(inv, ac, t.charge) || ac.reason || ac.reason_code) continue;
    report.fire(ac.source,
                {fmt::format("{} ({}, montant {}) sans motif ({}) ni code de motif ({}).",
                             t.what_fr, t.group, show(ac.amount), t.reason, t.code),
                 fmt::format("{} ({}, amount {}) with neither a reason ({}) nor a reason code "
                             "({}).",
                             t.what_en, t.group, show(ac.amount), t.reason, t.code)});
  }
}

void check_line_reasons(const Invoice& inv, const ReasonTerms& t, Reporter& report) {
  for (const InvoiceLine& line : inv.lines)
    check_reasons(inv, line.allowances_charges, t, report);
}

void check_br_co_21(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  check_reasons(inv, inv.allowances_charges,
                {false, "BG-20", "Remise au niveau du document", "Document level allowance",
                 "BT-97", "BT-98"},
                report);
}

void check_br_co_22(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  check_reasons(
      inv, inv.allowances_charges,
      {true, "BG-21", "Charge au niveau du document", "Document level charge", "BT-104", "BT-105"},
      report);
}

void check_br_co_23(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  check_line_reasons(
      inv, {false, "BG-27", "Remise de ligne", "Invoice line allowance", "BT-139", "BT-140"},
      report);
}

void check_br_co_24(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  check_line_reasons(
      inv, {true, "BG-28", "Charge de ligne", "Invoice line charge", "BT-144", "BT-145"}, report);
}

// BR-CO-26: the seller is identified (BT-29, BT-30 or BT-31) ----------------

bool seller_identified(const Invoice& inv) {
  const Party& seller = inv.seller;
  if (seller.legal_id || seller.vat_id) return true;
  // UBL does not count a SEPA creditor identifier as a seller identifier.
  return std::ranges::any_of(seller.identifiers, [&inv](const Identifier& id) {
    return inv.syntax == Syntax::Cii || id.scheme != "SEPA";
  });
}

void check_br_co_26(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  // Without a seller party there is no context to check.
  if (inv.seller.source.step == nullptr || seller_identified(inv)) return;
  report.fire(inv.seller.source,
              {fmt::format("Vendeur {} sans identifiant (BT-29), ni immatriculation légale "
                           "(BT-30), ni numéro de TVA (BT-31).",
                           quoted(inv.seller.name)),
               fmt::format("Seller {} has no identifier (BT-29), legal registration identifier "
                           "(BT-30) nor VAT identifier (BT-31).",
                           quoted(inv.seller.name))});
}

}  // namespace

void register_condition_rules(Registry& registry) {
  registry.add(fatal_rule("BR-CO-03",
                          {"La date d'exigibilité de la TVA (BT-7) et son code (BT-8) s'excluent.",
                           "Value added tax point date (BT-7) and its code (BT-8) are mutually "
                           "exclusive."},
                          {"BT-7", "BT-8"}, check_br_co_03));
  registry.add(fatal_rule(
      "BR-CO-04",
      {"Chaque ligne porte un code de catégorie de TVA (BT-151).",
       "Each invoice line shall be categorized with an invoiced item VAT category code (BT-151)."},
      {"BT-151"}, check_br_co_04));
  registry.add(fatal_rule("BR-CO-18",
                          {"La facture comporte au moins une ventilation de TVA (BG-23).",
                           "An invoice shall at least have one VAT breakdown group (BG-23)."},
                          {"BG-23"}, check_br_co_18));
  registry.add(fatal_rule(
      "BR-CO-19",
      {"Une période de facturation (BG-14) donne sa date de début (BT-73) ou de fin (BT-74), "
       "ou les deux.",
       "An invoicing period (BG-14) gives its start date (BT-73), its end date (BT-74), or "
       "both."},
      {"BG-14", "BT-73", "BT-74"}, check_br_co_19));
  registry.add(fatal_rule(
      "BR-CO-20",
      {"Une période de ligne (BG-26) donne sa date de début (BT-134) ou de fin (BT-135), ou les "
       "deux.",
       "An invoice line period (BG-26) gives its start date (BT-134), its end date (BT-135), or "
       "both."},
      {"BG-26", "BT-134", "BT-135"}, check_br_co_20));
  registry.add(fatal_rule(
      "BR-CO-21",
      {"Une remise au niveau du document (BG-20) donne un motif (BT-97) ou un code de motif "
       "(BT-98).",
       "A document level allowance (BG-20) gives a reason (BT-97) or a reason code (BT-98)."},
      {"BG-20", "BT-97", "BT-98"}, check_br_co_21));
  registry.add(fatal_rule(
      "BR-CO-22",
      {"Une charge au niveau du document (BG-21) donne un motif (BT-104) ou un code de motif "
       "(BT-105).",
       "A document level charge (BG-21) gives a reason (BT-104) or a reason code (BT-105)."},
      {"BG-21", "BT-104", "BT-105"}, check_br_co_22));
  registry.add(fatal_rule(
      "BR-CO-23",
      {"Une remise de ligne (BG-27) donne un motif (BT-139) ou un code de motif (BT-140).",
       "An invoice line allowance (BG-27) gives a reason (BT-139) or a reason code (BT-140)."},
      {"BG-27", "BT-139", "BT-140"}, check_br_co_23));
  registry.add(fatal_rule(
      "BR-CO-24",
      {"Une charge de ligne (BG-28) donne un motif (BT-144) ou un code de motif (BT-145).",
       "An invoice line charge (BG-28) gives a reason (BT-144) or a reason code (BT-145)."},
      {"BG-28", "BT-144", "BT-145"}, check_br_co_24));
  registry.add(fatal_rule(
      "BR-CO-26",
      {"Le vendeur est identifiable : identifiant (BT-29), immatriculation légale (BT-30) ou "
       "numéro de TVA (BT-31).",
       "The seller is identifiable: seller identifier (BT-29), legal registration identifier "
       "(BT-30) or VAT identifier (BT-31)."},
      {"BT-29", "BT-30", "BT-31"}, check_br_co_26));
}

}  // namespace cprokit::en16931
