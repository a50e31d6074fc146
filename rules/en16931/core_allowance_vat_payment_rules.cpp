// Core rules on document allowances and charges (BR-31..33, BR-36..38), the
// VAT breakdown (BR-45..48), payment instructions (BR-49..51, BR-61) and
// document references (BR-52 supporting documents, BR-55 preceding invoices).
#include <algorithm>

#include <fmt/core.h>

#include "rules/en16931/core_rules.hpp"

namespace cprokit::en16931::core {
namespace {

// BR-31..33, BR-36..38: document allowances (BG-20) and charges (BG-21) ------

struct AllowanceTerms {
  std::string_view fr, en, amount, category, reason, reason_code;
};
constexpr AllowanceTerms kAllowance{"remise", "allowance", "BT-92", "BT-95", "BT-97", "BT-98"};
constexpr AllowanceTerms kCharge{"charge", "charge", "BT-99", "BT-102", "BT-104", "BT-105"};

template <bool charge>
void require_amount(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  const AllowanceTerms& t = charge ? kCharge : kAllowance;
  for (const AllowanceCharge& ac : inv.allowances_charges) {
    if (!in_context(inv, ac, charge) || ac.amount ||
        unreadable(inv, ac.source, {{"Amount"}, {"ActualAmount"}})) {
      continue;
    }
    report.fire(
        ac.source,
        {fmt::format("Une {} au niveau du document n'a pas de montant ({}).", t.fr, t.amount),
         fmt::format("A document level {} has no amount ({}).", t.en, t.amount)});
  }
}

// Both tests want the category code of a tax category under the VAT scheme.
template <bool charge>
void require_vat_category(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  const AllowanceTerms& t = charge ? kCharge : kAllowance;
  for (const AllowanceCharge& ac : inv.allowances_charges) {
    if (!in_context(inv, ac, charge) || (ac.vat_category && is_vat_scheme(ac.tax_scheme))) {
      continue;
    }
    report.fire(ac.source,
                {fmt::format("Une {} au niveau du document n'a pas de code de catégorie de TVA "
                             "({}) sous le régime « VAT ».",
                             t.fr, t.category),
                 fmt::format("A document level {} has no VAT category code ({}) under the "
                             "\"VAT\" tax scheme.",
                             t.en, t.category)});
  }
}

template <bool charge>
void require_reason(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  const AllowanceTerms& t = charge ? kCharge : kAllowance;
  for (const AllowanceCharge& ac : inv.allowances_charges) {
    if (!in_context(inv, ac, charge) || ac.reason || ac.reason_code) continue;
    report.fire(ac.source,
                {fmt::format("Une {} au niveau du document n'a ni motif ({}) ni code de motif "
                             "({}).",
                             t.fr, t.reason, t.reason_code),
                 fmt::format("A document level {} has neither a reason ({}) nor a reason code "
                             "({}).",
                             t.en, t.reason, t.reason_code)});
  }
}

// BR-45..48: VAT breakdown (BG-23) ---------------------------------------------

// In CII the tests of the breakdowns of categories O, L and M under VAT
// (BR-O-*, BR-AF-*, BR-AG-*) come first in the schematron and match the same
// element: the first matching rule wins, so BR-45..48 never run on those.
bool checked_by_core(const Invoice& inv, const VatBreakdown& vat) {
  if (inv.syntax != Syntax::Cii || !vat.category || !is_vat_scheme(vat.tax_scheme)) return true;
  const std::string& c = vat.category->value;
  return c != "O" && c != "L" && c != "M";
}

std::string category_of(const VatBreakdown& vat) {
  return vat.category ? vat.category->value : std::string("?");
}

void check_br_45(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  for (const VatBreakdown& vat : inv.vat_breakdown) {
    if (!checked_by_core(inv, vat) || vat.taxable_amount ||
        unreadable(inv, vat.source, {{"TaxableAmount"}, {"BasisAmount"}})) {
      continue;
    }
    report.fire(vat.source, {fmt::format("Ventilation de TVA (catégorie {}) sans base "
                                         "imposable (BT-116).",
                                         category_of(vat)),
                             fmt::format("VAT breakdown (category {}) without a VAT category "
                                         "taxable amount (BT-116).",
                                         category_of(vat))});
  }
}

void check_br_46(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  for (const VatBreakdown& vat : inv.vat_breakdown) {
    if (!checked_by_core(inv, vat) || vat.tax_amount ||
        unreadable(inv, vat.source, {{"TaxAmount"}, {"CalculatedAmount"}})) {
      continue;
    }
    report.fire(vat.source, {fmt::format("Ventilation de TVA (catégorie {}) sans montant de "
                                         "TVA (BT-117).",
                                         category_of(vat)),
                             fmt::format("VAT breakdown (category {}) without a VAT category "
                                         "tax amount (BT-117).",
                                         category_of(vat))});
  }
}

void check_br_47(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  for (const VatBreakdown& vat : inv.vat_breakdown) {
    if (!checked_by_core(inv, vat) || (vat.category && is_vat_scheme(vat.tax_scheme))) continue;
    report.fire(vat.source, {"Ventilation de TVA sans code de catégorie (BT-118) sous le régime "
                             "« VAT ».",
                             "VAT breakdown without a VAT category code (BT-118) under the "
                             "\"VAT\" tax scheme."});
  }
}

// A rate is needed except in category O (not subject to VAT); both only count
// under the VAT scheme.
void check_br_48(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  for (const VatBreakdown& vat : inv.vat_breakdown) {
    if (!checked_by_core(inv, vat)) continue;
    const bool vat_scheme = is_vat_scheme(vat.tax_scheme);
    if (vat_scheme &&
        (vat.rate || (vat.category && vat.category->value == "O") ||
         unreadable(inv, vat.source, {{"TaxCategory", "Percent"}, {"RateApplicablePercent"}}))) {
      continue;
    }
    report.fire(vat.source, {fmt::format("Ventilation de TVA (catégorie {}) sans taux de TVA "
                                         "(BT-119) sous le régime « VAT ».",
                                         category_of(vat)),
                             fmt::format("VAT breakdown (category {}) without a VAT category "
                                         "rate (BT-119) under the \"VAT\" tax scheme.",
                                         category_of(vat))});
  }
}

// BR-49..51, BR-61: payment instructions (BG-16) --------------------------------

bool is_credit_transfer(const PaymentMeans& means) {
  return means.code && (means.code->value == "30" || means.code->value == "58");
}

// Calls `check` on each payment means of BG-16, then on each one the UBL
// tests also find elsewhere in the document (Invoice::payment_means_elsewhere).
template <typename Check>
void for_each_payment_means(const Invoice& inv, Check check) {
  for (const PaymentMeans& means : inv.payment_means)
    check(means);
  for (const PaymentMeans& means : inv.payment_means_elsewhere)
    check(means);
}

void check_br_49(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  for_each_payment_means(inv, [&](const PaymentMeans& means) {
    if (means.code) return;
    report.fire(means.source, {"Moyen de paiement (BG-16) sans code de type (BT-81).",
                               "Payment instructions (BG-16) without a payment means type code "
                               "(BT-81)."});
  });
}

void report_account_without_id(const SourceRef& where, const PaymentMeans& means,
                               Reporter& report) {
  report.fire(where,
              {fmt::format("Virement (code {}) : un compte du bénéficiaire n'a pas d'identifiant "
                           "(BT-84, IBAN ou autre).",
                           means.code->value),
               fmt::format("Credit transfer (code {}): a payment account has no identifier "
                           "(BT-84, IBAN or other).",
                           means.code->value)});
}

// Each payee account of a credit transfer needs a filled identifier.
void check_br_50(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  for_each_payment_means(inv, [&](const PaymentMeans& means) {
    if (!is_credit_transfer(means)) return;
    for (const Identifier& account : means.payee_accounts) {
      if (account.value.empty()) report_account_without_id(account.source, means, report);
    }
    for (const SourceRef& account : means.accounts_without_id) {
      report_account_without_id(account, means, report);
    }
  });
}

// UBL tests the payment means: a credit transfer needs an account with an id
// element. CII tests each account of a credit transfer: it needs an IBAN or a
// proprietary id element; a credit transfer with no account passes.
void check_br_61(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  for_each_payment_means(inv, [&](const PaymentMeans& means) {
    if (!is_credit_transfer(means)) return;
    if (inv.syntax == Syntax::Cii) {
      for (const SourceRef& account : means.accounts_without_id) {
        report_account_without_id(account, means, report);
      }
    } else if (means.payee_accounts.empty()) {
      report.fire(means.source,
                  {fmt::format("Virement (code {}) sans identifiant de compte du bénéficiaire "
                               "(BT-84).",
                               means.code->value),
                   fmt::format("Credit transfer (code {}) without a payment account identifier "
                               "(BT-84).",
                               means.code->value)});
    }
  });
}

// BR-51 is a warning in the UBL artefacts and fatal in the CII ones: the rule
// is registered fatal, and a UBL finding is reported as a warning.
void check_br_51(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  for_each_payment_means(inv, [&](const PaymentMeans& means) {
    if (!means.card_number) return;
    const std::string number = normalize_space(means.card_number->value);
    if (characters(number) <= 10) return;
    Message message{fmt::format("Le numéro de carte (BT-87) a {} caractères : seuls les 6 "
                                "premiers et les 4 derniers chiffres peuvent être donnés (10 au "
                                "plus).",
                                characters(number)),
                    fmt::format("The card primary account number (BT-87) has {} characters: "
                                "only its first 6 and last 4 digits may be given (10 at most).",
                                characters(number))};
    if (inv.syntax == Syntax::Ubl) {
      report.fire_as(Severity::Warning, means.card_number->source.location(), std::move(message));
    } else {
      report.fire(means.card_number->source, std::move(message));
    }
  });
}

// BR-52, BR-55: document references -------------------------------------------

// The CII test runs on every AdditionalReferencedDocument, a line's too.
void check_br_52(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  for (const auto* docs : {&inv.supporting_documents, &inv.line_referenced_documents}) {
    for (const DocumentReference& doc : *docs) {
      if (filled(doc.id)) continue;
      report.fire(at(doc.id, doc.source),
                  {"Document référencé (BG-24, ou objet facturé d'une ligne BT-128) sans "
                   "référence.",
                   "Referenced document (BG-24, or a line's invoiced object BT-128) without a "
                   "reference."});
    }
  }
  if (inv.syntax != Syntax::Cii) return;
  // And one right under a line item (the XSD refuses it, BR-FR-30 reads it).
  for (const ReferencedDocuments& line : inv.line_objects) {
    for (const ReferencedDocument& doc : line.documents) {
      if (!doc.ids.empty() &&
          doc.ids.front().value.find_first_not_of(" \t\r\n") != std::string::npos) {
        continue;
      }
      report.fire(doc.source,
                  {"Document référencé (BG-24, ou objet facturé d'une ligne BT-128) sans "
                   "référence.",
                   "Referenced document (BG-24, or a line's invoiced object BT-128) without a "
                   "reference."});
    }
  }
}

// UBL wants the element, CII a filled one.
void check_br_55(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  for (const DocumentReference& ref : inv.preceding_invoices) {
    if (inv.syntax == Syntax::Ubl ? ref.id.has_value() : filled(ref.id)) continue;
    report.fire(at(ref.id, ref.source),
                {"Référence à une facture antérieure (BG-3) sans son numéro (BT-25).",
                 "Preceding invoice reference (BG-3) without the preceding invoice number "
                 "(BT-25)."});
  }
}

}  // namespace

void register_allowance_vat_payment_rules(Registry& registry) {
  registry.add(fatal_rule("BR-31",
                          {"Chaque remise au niveau du document (BG-20) a un montant (BT-92).",
                           "Each document level allowance (BG-20) shall have an amount (BT-92)."},
                          {"BG-20", "BT-92"}, require_amount<false>));
  registry.add(
      fatal_rule("BR-32",
                 {"Chaque remise au niveau du document (BG-20) a un code de catégorie de TVA "
                  "(BT-95).",
                  "Each document level allowance (BG-20) shall have a VAT category code "
                  "(BT-95)."},
                 {"BG-20", "BT-95"}, require_vat_category<false>));
  registry.add(
      fatal_rule("BR-33",
                 {"Chaque remise au niveau du document (BG-20) a un motif (BT-97) ou un code "
                  "de motif (BT-98).",
                  "Each document level allowance (BG-20) shall have a reason (BT-97) or a "
                  "reason code (BT-98)."},
                 {"BG-20", "BT-97", "BT-98"}, require_reason<false>));
  registry.add(fatal_rule("BR-36",
                          {"Chaque charge au niveau du document (BG-21) a un montant (BT-99).",
                           "Each document level charge (BG-21) shall have an amount (BT-99)."},
                          {"BG-21", "BT-99"}, require_amount<true>));
  registry.add(
      fatal_rule("BR-37",
                 {"Chaque charge au niveau du document (BG-21) a un code de catégorie de TVA "
                  "(BT-102).",
                  "Each document level charge (BG-21) shall have a VAT category code "
                  "(BT-102)."},
                 {"BG-21", "BT-102"}, require_vat_category<true>));
  registry.add(
      fatal_rule("BR-38",
                 {"Chaque charge au niveau du document (BG-21) a un motif (BT-104) ou un code "
                  "de motif (BT-105).",
                  "Each document level charge (BG-21) shall have a reason (BT-104) or a "
                  "reason code (BT-105)."},
                 {"BG-21", "BT-104", "BT-105"}, require_reason<true>));
  registry.add(fatal_rule("BR-45",
                          {"Chaque ventilation de TVA (BG-23) a une base imposable (BT-116).",
                           "Each VAT breakdown (BG-23) shall have a VAT category taxable amount "
                           "(BT-116)."},
                          {"BG-23", "BT-116"}, check_br_45));
  registry.add(
      fatal_rule("BR-46",
                 {"Chaque ventilation de TVA (BG-23) a un montant de TVA (BT-117).",
                  "Each VAT breakdown (BG-23) shall have a VAT category tax amount (BT-117)."},
                 {"BG-23", "BT-117"}, check_br_46));
  registry.add(
      fatal_rule("BR-47",
                 {"Chaque ventilation de TVA (BG-23) a un code de catégorie de TVA (BT-118).",
                  "Each VAT breakdown (BG-23) shall be defined through a VAT category code "
                  "(BT-118)."},
                 {"BG-23", "BT-118"}, check_br_47));
  registry.add(fatal_rule("BR-48",
                          {"Chaque ventilation de TVA (BG-23) a un taux de TVA (BT-119), sauf en "
                           "catégorie « non soumis » (O).",
                           "Each VAT breakdown (BG-23) shall have a VAT category rate (BT-119), "
                           "except if the invoice is not subject to VAT (category O)."},
                          {"BG-23", "BT-119"}, check_br_48));
  registry.add(fatal_rule("BR-49",
                          {"Un moyen de paiement (BG-16) a un code de type (BT-81).",
                           "Payment instructions (BG-16) shall specify the payment means type code "
                           "(BT-81)."},
                          {"BG-16", "BT-81"}, check_br_49));
  registry.add(
      fatal_rule("BR-50",
                 {"Un virement (code 30 ou 58) donne l'identifiant du compte du bénéficiaire "
                  "(BT-84).",
                  "A payment account identifier (BT-84) shall be present if credit transfer "
                  "(BG-17) information is provided."},
                 {"BG-17", "BT-84"}, check_br_50));
  registry.add(
      fatal_rule("BR-51",
                 {"Seuls les 6 premiers et les 4 derniers chiffres du numéro de carte (BT-87) "
                  "sont donnés (avertissement en UBL, bloquant en CII).",
                  "Only the first six and last four digits of the card primary account "
                  "number (BT-87) shall be given (a warning in UBL, fatal in CII)."},
                 {"BT-87"}, check_br_51));
  registry.add(fatal_rule("BR-52",
                          {"Chaque document justificatif (BG-24) a une référence (BT-122).",
                           "Each additional supporting document (BG-24) shall contain a supporting "
                           "document reference (BT-122)."},
                          {"BG-24", "BT-122"}, check_br_52));
  registry.add(
      fatal_rule("BR-55",
                 {"Chaque référence à une facture antérieure (BG-3) donne son numéro (BT-25).",
                  "Each preceding invoice reference (BG-3) shall contain a preceding invoice "
                  "reference (BT-25)."},
                 {"BG-3", "BT-25"}, check_br_55));
  registry.add(
      fatal_rule("BR-61",
                 {"Un virement (code 30 ou 58) donne l'identifiant du compte du bénéficiaire "
                  "(BT-84).",
                  "If the payment means type code (BT-81) means SEPA credit transfer, local "
                  "credit transfer or non-SEPA international credit transfer, the payment "
                  "account identifier (BT-84) shall be present."},
                 {"BT-81", "BT-84"}, check_br_61));
}

}  // namespace cprokit::en16931::core
