// The form of "Déposer une facture", second step: its fields (the cadres
// destinataire and références), their values pre-filled from a structured
// file, the form's own checks, the soumettre request made of it, and where
// each finding of the controls is shown. No HTML here: deposit.cpp gives
// the page its data.
#pragma once

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "mock-chorus/portal/lang.hpp"
#include "mock-chorus/portal/request.hpp"
#include "mock-chorus/store/records.hpp"
#include "rules/finding.hpp"
#include "rules/model/invoice.hpp"

namespace cprokit::mock::portal {

struct FormField {
  std::string_view name;   // the input's name and id: "siret", "engagement", …
  std::string_view group;  // its fieldset: "destinataire" or "references"
  // Whether the form needs it when it comes with a structured file; with a
  // plain PDF every field the user can type is needed.
  bool needed_with_file;
  bool typed;  // typed in (not a choice in a list): required with a plain PDF
};
std::span<const FormField> form_fields();

// The form's values by field name.
using FormValues = std::map<std::string, std::string, std::less<>>;

// The values a structured file gives: `recognised` is what deposer/pdf
// recognises in it (records/invoice_record), `invoice` the file read.
FormValues prefill(const InvoiceRecord& recognised, const Invoice& invoice);
// The choices a plain PDF starts with (invoice, VAT on debits, transfer).
FormValues defaults();
// The form's values as posted, trimmed.
FormValues posted(const PortalRequest& request);

// One thing wrong or worth knowing about a field, as the page shows it.
struct Problem {
  std::string message;  // in the page's language
  std::string rule;     // the linter's rule id; empty for the form's own checks
  bool fatal = true;
  bool in_file = false;  // found in the file, not in the values typed
};
// A problem the form itself finds (no rule): a field empty, a bad amount.
inline Problem form_problem(std::string message) {
  return {std::move(message), {}, true, false};
}
// Problems by field name; those of no field under "".
using Problems = std::map<std::string, std::vector<Problem>, std::less<>>;

struct FormMessages {  // the form's own messages, in the page's language
  std::string required;
  std::string amount;
  std::string date;
};
// The form's own checks: fields needed and empty, amounts and dates that
// are not ones. Amounts are then written as the API reads them (1234.56).
Problems check_form(FormValues& values, bool with_file, const FormMessages& messages);

// Adds `findings` to `problems`, each next to the field it is about: by rule
// (routing, number, name), by JSON Pointer of the request, by business
// term; the rest under "".
void place(const std::vector<Finding>& findings, bool in_file, Lang lang, Problems& problems);

bool has_fatal(const Problems& problems);

// The soumettre request (API.md §3.4) the form makes, as DEPOT_PDF_API: the
// supplier `id_structure`, the kept file `piece_jointe` named values["nom"],
// the frame `cadre`; `file` gives the VAT lines, currency and prepaid amount
// when the file is structured (null for a plain PDF).
std::string request_of(const FormValues& values, const std::string& cadre,
                       std::int64_t id_structure, std::int64_t piece_jointe, const Invoice* file);

}  // namespace cprokit::mock::portal
