// BR-FR-03: every date is one that exists, of the years 2000 to 2099,
// written as the syntax wants it (CII CCYYMMDD, UBL CCYY-MM-DD). One id per
// term; the line period's dates are BR-FR-03_BT-134/-135 in UBL and
// BR-FR-03_EXT-FR-FE-134/-135 in CII. The same test on a line's preceding
// invoice date (EXT-FR-FE-138) and a line's delivery date (EXT-FR-FE-158)
// reads elements the model does not have yet.
// The test reads each date as written, white space included: a UBL date
// with a space or a newline around it is refused, and so is a CII date
// with one before it (a CII date's first 8 characters only are read, so
// what follows them is not).
#include <string_view>
#include <vector>

#include <fmt/core.h>

#include "rules/engine/reporter.hpp"
#include "rules/fr/family.hpp"
#include "rules/fr/fr_rules.hpp"
#include "rules/fr/values.hpp"

namespace cprokit::fr {
namespace {

// The dates one rule reads.
using Dates = std::vector<const Text*>;

void add(Dates& out, const std::optional<Text>& date) {
  if (date) out.push_back(&*date);
}

// A date term: what its message calls it, and where the model keeps it.
struct DateTerm {
  const char* id;
  const char* term;  // BT-2
  const char* fr;    // « la date d'émission »
  const char* en;
  Dates (*collect)(const Invoice&);
};

Dates issue_date(const Invoice& inv) {
  Dates out;
  add(out, inv.issue_date);
  return out;
}
// BT-7: UBL has it on the invoice, CII on each VAT breakdown.
Dates tax_point_dates(const Invoice& inv) {
  Dates out;
  add(out, inv.tax_point_date);
  for (const VatBreakdown& b : inv.vat_breakdown)
    add(out, b.tax_point_date);
  return out;
}
Dates due_date(const Invoice& inv) {
  Dates out;
  add(out, inv.due_date);
  return out;
}
Dates preceding_dates(const Invoice& inv) {
  Dates out;
  for (const DocumentReference& ref : inv.preceding_invoices)
    add(out, ref.issue_date);
  return out;
}
Dates delivery_date(const Invoice& inv) {
  Dates out;
  if (inv.delivery) add(out, inv.delivery->actual_date);
  return out;
}
template <bool kEnd>
Dates period_dates(const Invoice& inv) {
  Dates out;
  for (const Period& p : inv.invoicing_periods)
    add(out, kEnd ? p.end : p.start);
  return out;
}
// UBL reads the lines of the right name only (cac:InvoiceLine in an
// Invoice, cac:CreditNoteLine in a CreditNote).
template <bool kEnd>
Dates line_period_dates(const Invoice& inv) {
  Dates out;
  for (const InvoiceLine& l : inv.lines)
    if (l.period && !l.misnamed) add(out, kEnd ? l.period->end : l.period->start);
  return out;
}

constexpr DateTerm kIssue{"BR-FR-03_BT-2", "BT-2", "La date d'émission", "The issue date",
                          issue_date};
constexpr DateTerm kTaxPoint{"BR-FR-03_BT-7", "BT-7", "La date d'exigibilité de la TVA",
                             "The VAT point date", tax_point_dates};
constexpr DateTerm kDue{"BR-FR-03_BT-9", "BT-9", "La date d'échéance", "The due date", due_date};
constexpr DateTerm kPreceding{"BR-FR-03_BT-26", "BT-26",
                              "La date d'émission de la facture antérieure",
                              "The preceding invoice's issue date", preceding_dates};
constexpr DateTerm kDelivery{"BR-FR-03_BT-72", "BT-72", "La date de livraison",
                             "The actual delivery date", delivery_date};
constexpr DateTerm kStart{"BR-FR-03_BT-73", "BT-73", "La date de début de période",
                          "The invoicing period start date", period_dates<false>};
constexpr DateTerm kEnd{"BR-FR-03_BT-74", "BT-74", "La date de fin de période",
                        "The invoicing period end date", period_dates<true>};
constexpr DateTerm kLineStartUbl{"BR-FR-03_BT-134", "BT-134",
                                 "La date de début de période de la ligne",
                                 "The line period start date", line_period_dates<false>};
constexpr DateTerm kLineEndUbl{"BR-FR-03_BT-135", "BT-135", "La date de fin de période de la ligne",
                               "The line period end date", line_period_dates<true>};
constexpr DateTerm kLineStartCii{"BR-FR-03_EXT-FR-FE-134", "BT-134",
                                 "La date de début de période de la ligne",
                                 "The line period start date", line_period_dates<false>};
constexpr DateTerm kLineEndCii{"BR-FR-03_EXT-FR-FE-135", "BT-135",
                               "La date de fin de période de la ligne", "The line period end date",
                               line_period_dates<true>};

template <const DateTerm& kTerm>
void check(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  const bool cii = inv.syntax == Syntax::Cii;
  const char* form = cii ? "AAAAMMJJ" : "AAAA-MM-JJ";
  const char* form_en = cii ? "CCYYMMDD" : "CCYY-MM-DD";
  for (const Text* date : kTerm.collect(inv)) {
    const std::string_view written = as_written(inv, date->value, date->source);
    if (cii ? is_reform_date_cii(written) : is_reform_date_ubl(written)) continue;
    report.fire(date->source,
                {fmt::format("{} ({}) « {} » n'est pas une date valide des années 2000 à 2099 : "
                             "écrivez une date qui existe, sous la forme {}.",
                             kTerm.fr, kTerm.term, written, form),
                 fmt::format("{} ({}) \"{}\" is not a valid date of the years 2000 to 2099: "
                             "write a date that exists, as {}.",
                             kTerm.en, kTerm.term, written, form_en)});
  }
}

template <const DateTerm& kTerm>
Rule date_rule(InvoiceCheck check_in_syntax) {
  return fr_rule(kTerm.id,
                 {fmt::format("{} ({}) est une date qui existe, des années 2000 à 2099.", kTerm.fr,
                              kTerm.term),
                  fmt::format("{} ({}) is a date that exists, of the years 2000 to 2099.", kTerm.en,
                              kTerm.term)},
                 {kTerm.term}, check_in_syntax);
}

template <const DateTerm& kTerm>
void add_rule(Registry& registry) {
  registry.add(date_rule<kTerm>(check<kTerm>));
}

}  // namespace

void register_date_rules(Registry& registry) {
  add_rule<kIssue>(registry);
  add_rule<kTaxPoint>(registry);
  add_rule<kDue>(registry);
  add_rule<kPreceding>(registry);
  add_rule<kDelivery>(registry);
  add_rule<kStart>(registry);
  add_rule<kEnd>(registry);
  registry.add(date_rule<kLineStartUbl>(only_in<Syntax::Ubl, check<kLineStartUbl>>));
  registry.add(date_rule<kLineEndUbl>(only_in<Syntax::Ubl, check<kLineEndUbl>>));
  registry.add(date_rule<kLineStartCii>(only_in<Syntax::Cii, check<kLineStartCii>>));
  registry.add(date_rule<kLineEndCii>(only_in<Syntax::Cii, check<kLineEndCii>>));
}

}  // namespace cprokit::fr
