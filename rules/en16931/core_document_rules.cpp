// Core rules on the document as a whole: its identification (BR-01..05), its
// totals (BR-12..15), its lines (BR-16) and the VAT accounting currency (BR-53).
#include <algorithm>

#include <fmt/core.h>

#include "rules/en16931/core_rules.hpp"

namespace cprokit::en16931::core {
namespace {

// A document-level term that must be filled (normalize-space(x) != '' in
// both syntaxes): the finding points at it when blank, else at the document.
void require_filled(const std::optional<Text>& term, Reporter& report, const Message& missing) {
  if (filled(term)) return;
  report.fire(term ? term->source.location() : Location{}, missing);
}

void check_br_01(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  require_filled(inv.specification_id, report,
                 {"L'identifiant de spécification (BT-24) est absent ou vide.",
                  "The specification identifier (BT-24) is missing or empty."});
}

void check_br_02(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  require_filled(inv.number, report,
                 {"Le numéro de facture (BT-1) est absent ou vide.",
                  "The invoice number (BT-1) is missing or empty."});
}

void check_br_03(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  // CII counts only a date string of format 102 (CCYYMMDD).
  if (inv.syntax == Syntax::Cii && filled(inv.issue_date) && inv.issue_date_format != "102") {
    report.fire(inv.issue_date->source,
                {fmt::format("La date d'émission (BT-2) « {} » n'est pas donnée au format 102 "
                             "(format « {} »).",
                             inv.issue_date->value, inv.issue_date_format),
                 fmt::format("The issue date (BT-2) \"{}\" is not given in format 102 (format "
                             "\"{}\").",
                             inv.issue_date->value, inv.issue_date_format)});
    return;
  }
  require_filled(inv.issue_date, report,
                 {"La date d'émission de la facture (BT-2) est absente ou vide.",
                  "The invoice issue date (BT-2) is missing or empty."});
}

void check_br_04(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  require_filled(inv.type_code, report,
                 {"Le code de type de facture (BT-3) est absent ou vide.",
                  "The invoice type code (BT-3) is missing or empty."});
}

void check_br_05(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  require_filled(inv.currency, report,
                 {"Le code de devise de la facture (BT-5) est absent ou vide.",
                  "The invoice currency code (BT-5) is missing or empty."});
}

// BR-12..15: in both syntaxes the test runs on the totals group (UBL
// LegalMonetaryTotal, CII SpecifiedTradeSettlementHeaderMonetarySummation),
// so none fires when the group itself is absent (the XSD requires it).
void require_total(const Invoice& inv, const std::optional<Amount> Totals::*term, NumberPath path,
                   std::string_view bt, std::string_view fr, std::string_view en,
                   Reporter& report) {
  if (!inv.totals || ((*inv.totals).*term) || unreadable(inv, inv.totals->source, path)) return;
  report.fire(inv.totals->source,
              {fmt::format("Le montant « {} » ({}) est absent des totaux du document.", fr, bt),
               fmt::format("The {} ({}) is missing from the document totals.", en, bt)});
}

void check_br_12(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  require_total(inv, &Totals::line_net_total, {{"LineExtensionAmount"}, {"LineTotalAmount"}},
                "BT-106", "somme des montants nets des lignes", "sum of invoice line net amounts",
                report);
}

void check_br_13(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  require_total(inv, &Totals::tax_exclusive, {{"TaxExclusiveAmount"}, {"TaxBasisTotalAmount"}},
                "BT-109", "total hors TVA", "invoice total amount without VAT", report);
}

void check_br_14(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  require_total(inv, &Totals::tax_inclusive, {{"TaxInclusiveAmount"}, {"GrandTotalAmount"}},
                "BT-112", "total TTC", "invoice total amount with VAT", report);
}

void check_br_15(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  require_total(inv, &Totals::payable, {{"PayableAmount"}, {"DuePayableAmount"}}, "BT-115",
                "net à payer", "amount due for payment", report);
}

void check_br_16(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  if (!inv.lines.empty()) return;
  report.fire(Location{}, {"La facture n'a aucune ligne (BG-25) ; il en faut au moins une.",
                           "The invoice has no invoice line (BG-25); at least one is needed."});
}

// BT-111: a VAT total in the VAT accounting currency BT-6.
bool has_vat_total_in(const Invoice& inv, const Text& currency) {
  return std::ranges::any_of(inv.vat_totals,
                             [&](const Amount& a) { return in_currency(a, currency); });
}

void check_br_53(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  if (!inv.vat_currency) return;
  const std::string& vat_currency = inv.vat_currency->value;
  bool ok = has_vat_total_in(inv, *inv.vat_currency);
  if (inv.syntax == Syntax::Cii) {
    // CII tests it on the totals group, and also refuses a VAT accounting
    // currency equal to the invoice currency.
    if (!inv.totals) return;
    if (ok && inv.currency && inv.currency->value == vat_currency) {
      report.fire(inv.vat_currency->source,
                  {fmt::format("La devise de comptabilisation de la TVA (BT-6) {} est la devise "
                               "de la facture (BT-5) : ne la donner que si elle diffère.",
                               vat_currency),
                   fmt::format("The VAT accounting currency (BT-6) {} is the invoice currency "
                               "(BT-5): give it only when it differs.",
                               vat_currency)});
      return;
    }
  }
  if (ok) return;
  report.fire(inv.vat_currency->source,
              {fmt::format("Devise de comptabilisation de la TVA (BT-6) {} sans montant total de "
                           "TVA dans cette devise (BT-111).",
                           vat_currency),
               fmt::format("VAT accounting currency (BT-6) {} without an invoice total VAT "
                           "amount in that currency (BT-111).",
                           vat_currency)});
}

}  // namespace

void register_document_rules(Registry& registry) {
  registry.add(fatal_rule("BR-01",
                          {"Une facture contient un identifiant de spécification (BT-24).",
                           "An invoice shall have a specification identifier (BT-24)."},
                          {"BT-24"}, check_br_01));
  registry.add(fatal_rule("BR-02",
                          {"Une facture contient un numéro de facture (BT-1).",
                           "An invoice shall have an invoice number (BT-1)."},
                          {"BT-1"}, check_br_02));
  registry.add(fatal_rule("BR-03",
                          {"Une facture contient une date d'émission (BT-2).",
                           "An invoice shall have an invoice issue date (BT-2)."},
                          {"BT-2"}, check_br_03));
  registry.add(fatal_rule("BR-04",
                          {"Une facture contient un code de type de facture (BT-3).",
                           "An invoice shall have an invoice type code (BT-3)."},
                          {"BT-3"}, check_br_04));
  registry.add(fatal_rule("BR-05",
                          {"Une facture contient un code de devise (BT-5).",
                           "An invoice shall have an invoice currency code (BT-5)."},
                          {"BT-5"}, check_br_05));
  registry.add(fatal_rule("BR-12",
                          {"Une facture contient la somme des montants nets des lignes (BT-106).",
                           "An invoice shall have the sum of invoice line net amounts (BT-106)."},
                          {"BT-106"}, check_br_12));
  registry.add(fatal_rule("BR-13",
                          {"Une facture contient le total hors TVA (BT-109).",
                           "An invoice shall have the invoice total amount without VAT (BT-109)."},
                          {"BT-109"}, check_br_13));
  registry.add(fatal_rule("BR-14",
                          {"Une facture contient le total TTC (BT-112).",
                           "An invoice shall have the invoice total amount with VAT (BT-112)."},
                          {"BT-112"}, check_br_14));
  registry.add(fatal_rule("BR-15",
                          {"Une facture contient le montant net à payer (BT-115).",
                           "An invoice shall have the amount due for payment (BT-115)."},
                          {"BT-115"}, check_br_15));
  registry.add(fatal_rule("BR-16",
                          {"Une facture contient au moins une ligne (BG-25).",
                           "An invoice shall have at least one invoice line (BG-25)."},
                          {"BG-25"}, check_br_16));
  registry.add(
      fatal_rule("BR-53",
                 {"Si une devise de comptabilisation de la TVA (BT-6) est donnée, le total "
                  "de TVA dans cette devise (BT-111) l'est aussi.",
                  "If the VAT accounting currency code (BT-6) is present, the invoice total "
                  "VAT amount in accounting currency (BT-111) shall be provided."},
                 {"BT-6", "BT-111"}, check_br_53));
}

}  // namespace cprokit::en16931::core
