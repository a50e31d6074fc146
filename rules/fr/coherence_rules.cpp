// BR-FR-CO-03 … BR-FR-CO-15: the document's terms agree with one another.
// The type code (BT-3) asks for a contract and a period (CO-03, the global
// discount credit note 262) or for exactly one preceding invoice (CO-04, the
// corrective invoices); the due date (BT-9) is not before the issue date
// (CO-07); the cadre de facturation (BT-23) B4/S4/M4 excludes down payment
// documents (CO-08) and B2/S2/M2, an invoice already paid, wants it paid in
// full (CO-09); an invoice not in euros gives its VAT in euros (CO-12); a
// seller member of a single VAT taxable person (BT-29-1 scheme 0231) says so
// in a TXD note (CO-14) and names its tax representative (CO-15).
//
// Each test reads the document as the reference's does; its quirks are kept:
// - codes and dates are compared as the model keeps them (trimmed), dates as
//   text, character by character, as XPath compares untyped values;
// - CII CO-07 fires when the issue date (BT-2) is missing; UBL CO-07 does
//   not, but fires on an empty cbc:DueDate, which CII lets pass;
// - UBL CO-03 reads credit notes only, UBL CO-04 invoices only (it reads
//   cbc:InvoiceTypeCode); CO-04 counts the references, with or without an id;
// - CO-05 wants a header reference with an id and a date, or one on every
//   line but the GROUP ones; UBL reads credit notes only, and tells a
//   line's kind by the reference carrying the credit note's own number;
// - CO-09 compares amounts as XPath number() does, in doubles: a missing
//   amount, or one whose text is no number, is NaN, equal to nothing, so the
//   rule fires; "1e2" is no decimal (XML-07) but number() reads it as 100;
// - UBL CO-09's due date is cbc:DueDate or else a payment means'
//   cbc:PaymentDueDate, on invoices too; CO-07 reads cbc:DueDate alone;
// - UBL CO-14 joins every note and reads what follows its first "#TXD#"
//   up to the next "#"; CII CO-14 wants a note of subject TXD;
// - UBL CO-15 takes any cac:PartyTaxScheme of the representative, whatever
//   its scheme; CII wants its ram:ID of scheme VA.
#include <algorithm>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include <fmt/core.h>

#include "rules/engine/reporter.hpp"
#include "rules/fr/family.hpp"
#include "rules/fr/fr_rules.hpp"
#include "rules/fr/line_groups.hpp"
#include "rules/fr/values.hpp"

namespace cprokit::fr {
namespace {

// The reference compares the codes as written ($typeCode = ('261', '381'),
// $frameworkCode = ('B2', 'S2', 'M2')): "381 " is none of them.
bool is_one_of(const Invoice& inv, const std::optional<Text>& code,
               std::initializer_list<std::string_view> codes) {
  return code &&
         std::ranges::find(codes, as_written(inv, code->value, code->source)) != codes.end();
}

// XPath string(): the text, or nothing when the element is absent.
std::string_view string_of(const std::optional<Text>& t) {
  return t ? std::string_view(t->value) : std::string_view{};
}

std::string_view shown(const std::optional<Text>& t) {
  return t ? std::string_view(t->value) : std::string_view("(absent)");
}

Location where(const std::optional<Text>& t) {
  return t ? t->source.location() : Location{};
}

bool is_down_payment(const Invoice& inv) {
  return is_one_of(inv, inv.type_code, {"386", "500", "503"});
}

bool is_paid_mode(const Invoice& inv) {
  return is_one_of(inv, inv.business_process, {"B2", "S2", "M2"});
}

// The first invoicing period's start or end date, as string() reads it.
std::string_view period_date(const Invoice& inv, bool end) {
  for (const Period& p : inv.invoicing_periods) {
    const auto& date = end ? p.end : p.start;
    if (date) return date->value;
  }
  return {};
}

// BR-FR-CO-03: a global discount credit note (262) names its contract (BT-12)
// and its invoicing period (BT-73, BT-74). UBL tests credit notes only.
void check_co_03(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  if (inv.syntax == Syntax::Ubl && inv.kind != DocumentKind::CreditNote) return;
  if (!is_one_of(inv, inv.type_code, {"262"})) return;
  const std::string_view contract = string_of(inv.contract_reference);
  const std::string_view start = period_date(inv, false);
  const std::string_view end = period_date(inv, true);
  if (!contract.empty() && !start.empty() && !end.empty()) return;
  report.fire(where(inv.type_code),
              {fmt::format("Un avoir de remise globale (BT-3 = 262) donne son contrat (BT-12) et "
                           "sa période de facturation (BT-73 et BT-74) : contrat « {} », période "
                           "« {} » à « {} ». Ajoutez ceux qui manquent.",
                           contract, start, end),
               fmt::format("A global discount credit note (BT-3 = 262) gives its contract "
                           "(BT-12) and its invoicing period (BT-73 and BT-74): contract \"{}\", "
                           "period \"{}\" to \"{}\". Add the missing ones.",
                           contract, start, end)});
}

// BR-FR-CO-04: a corrective invoice (384, 471, 472, 473) refers to exactly
// one preceding invoice (BG-3). UBL reads cbc:InvoiceTypeCode: invoices only.
void check_co_04(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  if (inv.syntax == Syntax::Ubl && inv.kind != DocumentKind::Invoice) return;
  if (!is_one_of(inv, inv.type_code, {"384", "471", "472", "473"})) return;
  const std::size_t count = inv.preceding_invoices.size();
  if (count == 1) return;
  report.fire(where(inv.type_code),
              {fmt::format("Une facture rectificative (BT-3 = {}) fait référence à une et une "
                           "seule facture antérieure (BG-3, BT-25 et BT-26), et non {} : donnez "
                           "la facture qu'elle rectifie, elle seule.",
                           inv.type_code->value, count),
               fmt::format("A corrective invoice (BT-3 = {}) refers to one and only one "
                           "preceding invoice (BG-3, BT-25 and BT-26), not {}: give the invoice "
                           "it corrects, and it alone.",
                           inv.type_code->value, count)});
}

// Whether a reference has its id and issue date elements, even empty.
template <class Reference>
bool has_id_and_date(const Reference& ref) {
  return ref.id && ref.issue_date;
}

// CII: every line without a status (EXT-FR-FE-163) or of status DETAIL (as
// written: "DETAIL " is another status) has a reference with an id and a
// date (EXT-FR-FE-136, -138).
bool cii_lines_refer(const Invoice& inv) {
  return std::ranges::all_of(inv.lines, [&](const InvoiceLine& line) {
    if (line.status_reason_code && !is_status(inv, line.status_reason_code, "DETAIL")) return true;
    return std::ranges::any_of(line.invoice_references, has_id_and_date<LineInvoiceReference>);
  });
}

// UBL: the lines that are not a group's head (none of their references
// carries the credit note's number, or the one that does has status DETAIL)
// each have a reference to another invoice with an id and a date. Without
// cbc:ID, no reference carries the number, nor differs from it. The
// reference counts cac:CreditNoteLine only: a misnamed cac:InvoiceLine is no
// line here.
bool ubl_lines_refer(const Invoice& inv) {
  const std::optional<Text>& number = inv.number;
  const auto is_own = [&](const LineInvoiceReference& ref) {
    return number && ref.id && ref.id->value == number->value;
  };
  const auto is_other = [&](const LineInvoiceReference& ref) {
    return number && ref.id && ref.id->value != number->value;
  };
  return std::ranges::all_of(inv.lines, [&](const InvoiceLine& line) {
    if (line.misnamed) return true;
    const auto& refs = line.invoice_references;
    const bool counted = std::ranges::none_of(refs, is_own) ||
                         std::ranges::any_of(refs, [&](const LineInvoiceReference& ref) {
                           return is_own(ref) && is_status(inv, ref.status_code, "DETAIL");
                         });
    if (!counted) return true;
    return std::ranges::any_of(refs, [&](const LineInvoiceReference& ref) {
      return is_other(ref) && has_id_and_date(ref);
    });
  });
}

// BR-FR-CO-05: a credit note (261, 381, 396, 502, 503) refers to the
// invoices it credits, at header level or on each of its lines. UBL tests
// credit notes only.
void check_co_05(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  const bool cii = inv.syntax == Syntax::Cii;
  if (!cii && inv.kind != DocumentKind::CreditNote) return;
  if (!is_one_of(inv, inv.type_code, {"261", "381", "396", "502", "503"})) return;
  if (std::ranges::any_of(inv.preceding_invoices, has_id_and_date<DocumentReference>)) return;
  if (cii ? cii_lines_refer(inv) : ubl_lines_refer(inv)) return;
  report.fire(where(inv.type_code),
              {fmt::format("Un avoir (BT-3 = {}) fait référence à la facture qu'il crédite : "
                           "donnez-la avec sa date (BT-25 et BT-26), ou sur chacune de ses lignes "
                           "(EXT-FR-FE-136 et EXT-FR-FE-138).",
                           inv.type_code->value),
               fmt::format("A credit note (BT-3 = {}) refers to the invoice it credits: give it "
                           "with its date (BT-25 and BT-26), or on each of its lines "
                           "(EXT-FR-FE-136 and EXT-FR-FE-138).",
                           inv.type_code->value)});
}

// BR-FR-CO-07: the due date (BT-9) is not before the issue date (BT-2),
// unless the document is a down payment one or the invoice is already paid.
void check_co_07(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  const bool cii = inv.syntax == Syntax::Cii;
  // UBL reads cbc:DueDate alone, not a credit note's cbc:PaymentDueDate.
  const auto& due = !cii && inv.due_date_in_payment_means ? std::nullopt : inv.due_date;
  if (!due || (cii && due->value.empty())) return;
  if (is_down_payment(inv) || is_paid_mode(inv)) return;
  // CII compares with `ge`: without an issue date, it fires; UBL with `<`:
  // without one, it does not.
  if (!inv.issue_date) {
    if (!cii) return;
  } else if (due->value >= inv.issue_date->value) {
    return;
  }
  report.fire(due->source,
              {fmt::format("La date d'échéance (BT-9) « {} » précède la date d'émission (BT-2) "
                           "« {} » : donnez une échéance à la date d'émission ou après (seules "
                           "les factures d'acompte, 386, 500, 503, et les cadres B2, S2, M2 en "
                           "sont dispensés).",
                           due->value, shown(inv.issue_date)),
               fmt::format("The due date (BT-9) \"{}\" is before the issue date (BT-2) \"{}\": "
                           "give a due date on or after the issue date (only down payment "
                           "documents, 386, 500, 503, and billing modes B2, S2, M2 are exempt).",
                           due->value, shown(inv.issue_date))});
}

// BR-FR-CO-08: after down payments (B4, S4, M4), the final invoice is not a
// down payment document.
void check_co_08(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  if (!is_one_of(inv, inv.business_process, {"B4", "S4", "M4"}) || !is_down_payment(inv)) return;
  report.fire(where(inv.type_code),
              {fmt::format("Le cadre de facturation (BT-23) « {} », facture définitive après "
                           "acompte, exclut le type (BT-3) « {} » d'un document d'acompte : "
                           "donnez le type d'une facture (380…) ou d'un avoir (381…), ou le "
                           "cadre B1, S1 ou M1.",
                           inv.business_process->value, inv.type_code->value),
               fmt::format("The billing mode (BT-23) \"{}\", a final invoice after down "
                           "payments, excludes the down payment type code (BT-3) \"{}\": give "
                           "an invoice (380…) or credit note (381…) type code, or billing mode "
                           "B1, S1 or M1.",
                           inv.business_process->value, inv.type_code->value)});
}

// A total and its text when it is no decimal (see UnreadableAmount).
struct Total {
  std::optional<Amount> Totals::*amount;
  std::optional<UnreadableAmount> Totals::*unreadable;
};
constexpr Total kTaxInclusive{&Totals::tax_inclusive, &Totals::tax_inclusive_unreadable};
constexpr Total kPrepaid{&Totals::prepaid, &Totals::prepaid_unreadable};
constexpr Total kPayable{&Totals::payable, &Totals::payable_unreadable};

// XPath number() of a total: absent, or a text that is no number, NaN;
// "1e2" is 100.
double number_of(const std::optional<Totals>& totals, Total total) {
  if (!totals) return xpath_number(std::nullopt, std::nullopt);
  return xpath_number((*totals).*total.amount, (*totals).*total.unreadable);
}

std::string amount_shown(const std::optional<Totals>& totals, Total total) {
  if (!totals) return "(absent)";
  if (const auto& amount = (*totals).*total.amount) return amount->text;
  if (const auto& unreadable = (*totals).*total.unreadable) return unreadable->text;
  return "(absent)";
}

// BR-FR-CO-09: an invoice already paid (B2, S2, M2) has its paid amount
// (BT-113) equal to its total (BT-112), nothing due (BT-115), and the date
// it was paid as its due date (BT-9).
void check_co_09_paid(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  if (!is_paid_mode(inv)) return;
  // Compared as doubles, as XPath does; NaN equals nothing.
  if (number_of(inv.totals, kPrepaid) == number_of(inv.totals, kTaxInclusive)) return;
  const std::string paid_text = amount_shown(inv.totals, kPrepaid);
  const std::string total_text = amount_shown(inv.totals, kTaxInclusive);
  report.fire(inv.totals ? inv.totals->source.location() : Location{},
              {fmt::format("Une facture déjà payée (cadre BT-23 « {} ») a un montant payé "
                           "(BT-113) « {} » égal à son total TTC (BT-112) « {} » : donnez comme "
                           "montant payé le total TTC.",
                           inv.business_process->value, paid_text, total_text),
               fmt::format("An invoice already paid (billing mode BT-23 \"{}\") has a paid "
                           "amount (BT-113) \"{}\" equal to its total with VAT (BT-112) \"{}\": "
                           "give the total as the paid amount.",
                           inv.business_process->value, paid_text, total_text)});
}

void check_co_09_due(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  if (!is_paid_mode(inv)) return;
  if (number_of(inv.totals, kPayable) == 0) return;
  const std::string due_text = amount_shown(inv.totals, kPayable);
  report.fire(inv.totals ? inv.totals->source.location() : Location{},
              {fmt::format("Une facture déjà payée (cadre BT-23 « {} ») n'a rien à payer : son "
                           "montant à payer (BT-115) « {} » est 0.",
                           inv.business_process->value, due_text),
               fmt::format("An invoice already paid (billing mode BT-23 \"{}\") has nothing "
                           "left to pay: its amount due (BT-115) \"{}\" is 0.",
                           inv.business_process->value, due_text)});
}

void check_co_09_date(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  if (!is_paid_mode(inv)) return;
  // UBL reads cbc:DueDate | cac:PaymentMeans/cbc:PaymentDueDate, the first.
  const auto& due =
      inv.syntax == Syntax::Ubl && !inv.due_date ? inv.payment_means_due_date : inv.due_date;
  if (!string_of(due).empty()) return;
  report.fire(where(inv.business_process),
              {fmt::format("Une facture déjà payée (cadre BT-23 « {} ») donne sa date de "
                           "paiement comme date d'échéance (BT-9) : ajoutez-la.",
                           inv.business_process->value),
               fmt::format("An invoice already paid (billing mode BT-23 \"{}\") gives the date "
                           "it was paid as its due date (BT-9): add it.",
                           inv.business_process->value)});
}

// BR-FR-CO-12: an invoice not in euros (BT-5) is accounted for VAT in euros
// (BT-6 = EUR) and gives its VAT total in euros (BT-111).
void check_co_12(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  if (!inv.currency || inv.currency->value == "EUR") return;
  const auto in_euros =
      std::ranges::find_if(inv.vat_totals, [](const Amount& a) { return a.currency == "EUR"; });
  const bool eur_total = in_euros != inv.vat_totals.end() && !in_euros->text.empty();
  if (is_one_of(inv, inv.vat_currency, {"EUR"}) && eur_total) return;
  report.fire(inv.currency->source,
              {fmt::format("Une facture en « {} » (BT-5), non en euros, a l'euro pour devise de "
                           "comptabilité de la TVA (BT-6 = EUR, ici « {} ») et donne le total de "
                           "TVA en euros (BT-111, currencyID EUR) : ajoutez-les.",
                           inv.currency->value, shown(inv.vat_currency)),
               fmt::format("An invoice in \"{}\" (BT-5), not in euros, has the euro as VAT "
                           "accounting currency (BT-6 = EUR, here \"{}\") and gives its VAT "
                           "total in euros (BT-111, currencyID EUR): add them.",
                           inv.currency->value, shown(inv.vat_currency))});
}

// A seller member of a single VAT taxable person: an identifier (BT-29) of
// scheme 0231; in CII, a ram:GlobalID.
const Identifier* single_taxable_person_id(const Invoice& inv) {
  const bool cii = inv.syntax == Syntax::Cii;
  for (const Identifier& id : inv.seller.identifiers) {
    if (id.scheme == "0231" && (!cii || id.global)) return &id;
  }
  return nullptr;
}

// UBL: the value of the "#TXD#" note in every note joined, up to the next "#".
std::string txd_value(const Invoice& inv) {
  std::string joined;
  for (const Text& note : inv.notes)
    joined += note.value;
  constexpr std::string_view kMarker = "#TXD#";
  const std::size_t at = joined.find(kMarker);
  if (at == std::string::npos) return {};
  const std::string after = joined.substr(at + kMarker.size());
  return after.substr(0, after.find('#'));
}

bool has_txd_note(const Invoice& inv) {
  constexpr std::string_view kValue = "MEMBRE_ASSUJETTI_UNIQUE";
  if (inv.syntax == Syntax::Ubl) return txd_value(inv) == kValue;
  return std::ranges::any_of(inv.included_notes, [&](const Note& note) {
    return is_written(inv, note.subject_code, "TXD") && is_written(inv, note.content, kValue);
  });
}

// BR-FR-CO-14: the member of a single taxable person says so in a note.
void check_co_14(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  const Identifier* id = single_taxable_person_id(inv);
  if (id == nullptr || has_txd_note(inv)) return;
  const bool cii = inv.syntax == Syntax::Cii;
  report.fire(id->source,
              {fmt::format("Le vendeur est membre d'un assujetti unique (BT-29-1 = 0231) : "
                           "ajoutez la note {}.",
                           cii ? "de code sujet TXD (BT-21) et de texte MEMBRE_ASSUJETTI_UNIQUE "
                                 "(BT-22)"
                               : "« #TXD#MEMBRE_ASSUJETTI_UNIQUE » (BT-22)"),
               fmt::format("The seller is a member of a single VAT taxable person (BT-29-1 = "
                           "0231): add the note {}.",
                           cii ? "of subject code TXD (BT-21) and text MEMBRE_ASSUJETTI_UNIQUE "
                                 "(BT-22)"
                               : "\"#TXD#MEMBRE_ASSUJETTI_UNIQUE\" (BT-22)")});
}

// BR-FR-CO-15: the member of a single taxable person names its tax
// representative (BG-11) with the single taxable person's VAT id (BT-63).
void check_co_15(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  const Identifier* id = single_taxable_person_id(inv);
  if (id == nullptr) return;
  if (inv.syntax == Syntax::Ubl) {
    if (inv.representative_has_tax_scheme && !string_of(inv.representative_company_id).empty())
      return;
  } else if (inv.tax_representative && !string_of(inv.tax_representative->vat_id).empty()) {
    return;
  }
  report.fire(id->source,
              {"Le vendeur est membre d'un assujetti unique (BT-29-1 = 0231) : donnez le "
               "représentant fiscal (BG-11) avec le numéro de TVA de l'assujetti unique "
               "(BT-63).",
               "The seller is a member of a single VAT taxable person (BT-29-1 = 0231): give "
               "the tax representative (BG-11) with the single taxable person's VAT "
               "identifier (BT-63)."});
}

}  // namespace

void register_coherence_rules(Registry& registry) {
  registry.add(fr_rule("BR-FR-CO-03_BT-3",
                       {"Un avoir de remise globale (262) donne son contrat et sa période de "
                        "facturation.",
                        "A global discount credit note (262) gives its contract and its "
                        "invoicing period."},
                       {"BT-3", "BT-12", "BT-73", "BT-74"}, check_co_03));
  const Message co_04_title = {
      "Une facture rectificative (384, 471, 472, 473) fait référence à une seule facture "
      "antérieure.",
      "A corrective invoice (384, 471, 472, 473) refers to a single preceding invoice."};
  registry.add(fr_rule("BR-FR-CO-04_BT-3", co_04_title, {"BT-3", "BT-25"},
                       only_in<Syntax::Ubl, check_co_04>));
  registry.add(fr_rule("BR-FR-CO-04_BT-4", co_04_title, {"BT-3", "BT-25"},
                       only_in<Syntax::Cii, check_co_04>));
  registry.add(fr_rule("BR-FR-CO-05_BT-3",
                       {"Un avoir (261, 381, 396, 502, 503) fait référence à la facture qu'il "
                        "crédite, en entête ou sur chaque ligne.",
                        "A credit note (261, 381, 396, 502, 503) refers to the invoice it "
                        "credits, in its header or on each line."},
                       {"BT-3", "BT-25", "BT-26", "EXT-FR-FE-136", "EXT-FR-FE-138"}, check_co_05));
  registry.add(fr_rule("BR-FR-CO-07_BT-9",
                       {"La date d'échéance n'est pas antérieure à la date d'émission, hors "
                        "acompte et cadres B2, S2, M2.",
                        "The due date is not before the issue date, except for down payments "
                        "and billing modes B2, S2, M2."},
                       {"BT-9", "BT-2", "BT-3", "BT-23"}, check_co_07));
  registry.add(fr_rule("BR-FR-CO-08_BT-23",
                       {"Les cadres B4, S4, M4 (après acompte) excluent les types d'acompte "
                        "386, 500, 503.",
                        "Billing modes B4, S4, M4 (after down payments) exclude the down "
                        "payment types 386, 500, 503."},
                       {"BT-23", "BT-3"}, check_co_08));
  registry.add(fr_rule("BR-FR-CO-09_BT-23-1",
                       {"Une facture déjà payée (B2, S2, M2) a un montant payé égal à son "
                        "total TTC.",
                        "An invoice already paid (B2, S2, M2) has a paid amount equal to its "
                        "total with VAT."},
                       {"BT-23", "BT-113", "BT-112"}, check_co_09_paid));
  registry.add(fr_rule("BR-FR-CO-09_BT-23-2",
                       {"Une facture déjà payée (B2, S2, M2) a un montant à payer nul.",
                        "An invoice already paid (B2, S2, M2) has an amount due of 0."},
                       {"BT-23", "BT-115"}, check_co_09_due));
  registry.add(fr_rule("BR-FR-CO-09_BT-23-3",
                       {"Une facture déjà payée (B2, S2, M2) a une date d'échéance.",
                        "An invoice already paid (B2, S2, M2) has a due date."},
                       {"BT-23", "BT-9"}, check_co_09_date));
  registry.add(fr_rule("BR-FR-CO-12_BT-5",
                       {"Une facture hors euros a l'euro pour devise de TVA et son total de TVA "
                        "en euros.",
                        "An invoice not in euros has the euro as VAT currency and its VAT total "
                        "in euros."},
                       {"BT-5", "BT-6", "BT-111"}, check_co_12));
  registry.add(fr_rule("BR-FR-CO-14_BT-29-1",
                       {"Un membre d'assujetti unique (0231) le dit dans une note TXD.",
                        "A member of a single taxable person (0231) says so in a TXD note."},
                       {"BT-29-1", "BT-21", "BT-22"}, check_co_14));
  registry.add(fr_rule("BR-FR-CO-15_BT-29-1",
                       {"Un membre d'assujetti unique (0231) nomme son représentant fiscal et son "
                        "numéro de TVA.",
                        "A member of a single taxable person (0231) names its tax representative "
                        "and its VAT identifier."},
                       {"BT-29-1", "BG-11", "BT-63"}, check_co_15));
}

}  // namespace cprokit::fr
