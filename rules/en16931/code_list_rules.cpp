// The code-list rules BR-CL-*: a coded value must be a code of its list.
//
// The lists are data loaded at run time (Context::code_lists); without them
// the rules say nothing (the pipeline reports LIST-01 instead). The readers
// collect each coded value where the official test looks for it
// (Invoice::codes); the official tests compare normalize-space(value), so the
// value trimmed of XML white space must be a code (white space inside it
// fails), except BR-CL-22 (upper-cased first) and BR-CL-24 (compared as
// written). One finding per value that fails, at its element.
#include <algorithm>
#include <array>
#include <cctype>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/core.h>

#include "rules/en16931/code_lists.hpp"
#include "rules/en16931/en16931_rules.hpp"
#include "rules/en16931/family.hpp"
#include "rules/engine/context.hpp"
#include "rules/engine/reporter.hpp"

namespace cprokit::en16931 {
namespace {

enum class Compare { Trimmed, TrimmedUpperCase, AsWritten };

struct CodeRule {
  std::string_view id;
  CodeField field;
  Compare compare;
  std::string_view list;  // the list's name, the same in both languages
  std::string_view what_fr, what_en;
  std::array<std::string_view, 4> terms;  // empty ones unused
};

constexpr std::array kRules{
    CodeRule{"BR-CL-03",
             CodeField::AmountCurrency,
             Compare::Trimmed,
             "ISO 4217 alpha-3",
             "La devise (currencyID) d'un montant",
             "The currency (currencyID) of an amount",
             {"BT-5", "BT-6"}},
    CodeRule{"BR-CL-04",
             CodeField::InvoiceCurrency,
             Compare::Trimmed,
             "ISO 4217 alpha-3",
             "La devise de la facture",
             "The invoice currency",
             {"BT-5"}},
    CodeRule{"BR-CL-05",
             CodeField::VatCurrency,
             Compare::Trimmed,
             "ISO 4217 alpha-3",
             "La devise de comptabilisation de la TVA",
             "The VAT accounting currency",
             {"BT-6"}},
    CodeRule{"BR-CL-06",
             CodeField::TaxPointDateCode,
             Compare::Trimmed,
             "UNTDID 2005 / 2475 (subset)",
             "Le code de date d'exigibilité de la TVA",
             "The value added tax point date code",
             {"BT-8"}},
    CodeRule{"BR-CL-07",
             CodeField::ObjectScheme,
             Compare::Trimmed,
             "UNTDID 1153",
             "Le schéma de l'identifiant d'objet facturé",
             "The scheme of the invoiced object identifier",
             {"BT-18"}},
    CodeRule{"BR-CL-08",
             CodeField::NoteSubject,
             Compare::Trimmed,
             "UNTDID 4451",
             "Le code de sujet d'une note",
             "The subject code of a note",
             {"BT-21"}},
    CodeRule{"BR-CL-10",
             CodeField::PartyIdScheme,
             Compare::Trimmed,
             "ISO 6523 ICD",
             "Le schéma d'un identifiant de partie",
             "The scheme of a party identifier",
             {"BT-29", "BT-46", "BT-60"}},
    CodeRule{"BR-CL-11",
             CodeField::LegalIdScheme,
             Compare::Trimmed,
             "ISO 6523 ICD",
             "Le schéma d'un identifiant d'enregistrement légal",
             "The scheme of a legal registration identifier",
             {"BT-30", "BT-47", "BT-61"}},
    CodeRule{"BR-CL-13",
             CodeField::ClassificationList,
             Compare::Trimmed,
             "UNTDID 7143",
             "Le schéma d'une classification d'article",
             "The scheme of an item classification",
             {"BT-158"}},
    CodeRule{"BR-CL-14",
             CodeField::Country,
             Compare::Trimmed,
             "ISO 3166-1 alpha-2",
             "Un code pays",
             "A country code",
             {"BT-40", "BT-55", "BT-69", "BT-80"}},
    CodeRule{"BR-CL-15",
             CodeField::OriginCountry,
             Compare::Trimmed,
             "ISO 3166-1 alpha-2",
             "Le pays d'origine d'un article",
             "The country of origin of an item",
             {"BT-159"}},
    CodeRule{"BR-CL-16",
             CodeField::PaymentMeans,
             Compare::Trimmed,
             "UNTDID 4461",
             "Le code du moyen de paiement",
             "The payment means code",
             {"BT-81"}},
    CodeRule{"BR-CL-17",
             CodeField::AllowanceChargeVat,
             Compare::Trimmed,
             "UNTDID 5305 (subset)",
             "Une catégorie de TVA (UBL : TaxCategory ; CII : remise ou "
             "charge)",
             "A VAT category (UBL: TaxCategory; CII: allowance or charge)",
             {"BT-95", "BT-102", "BT-118"}},
    CodeRule{"BR-CL-18",
             CodeField::VatCategory,
             Compare::Trimmed,
             "UNTDID 5305 (subset)",
             "Une catégorie de TVA (UBL : de ligne ; CII : ApplicableTradeTax)",
             "A VAT category (UBL: of a line; CII: ApplicableTradeTax)",
             {"BT-118", "BT-151"}},
    CodeRule{"BR-CL-19",
             CodeField::AllowanceReason,
             Compare::Trimmed,
             "UNTDID 5189 (subset)",
             "Le code de motif d'une remise",
             "The reason code of an allowance",
             {"BT-98", "BT-140"}},
    CodeRule{"BR-CL-20",
             CodeField::ChargeReason,
             Compare::Trimmed,
             "UNTDID 7161",
             "Le code de motif d'une charge",
             "The reason code of a charge",
             {"BT-105", "BT-145"}},
    CodeRule{"BR-CL-21",
             CodeField::ItemIdScheme,
             Compare::Trimmed,
             "ISO 6523 ICD",
             "Le schéma de l'identifiant standard d'un article",
             "The scheme of an item standard identifier",
             {"BT-157"}},
    CodeRule{"BR-CL-22",
             CodeField::ExemptionReason,
             Compare::TrimmedUpperCase,
             "CEF VATEX",
             "Le code de motif d'exonération de TVA (casse indifférente)",
             "The VAT exemption reason code (case ignored)",
             {"BT-121"}},
    CodeRule{"BR-CL-23",
             CodeField::UnitCode,
             Compare::Trimmed,
             "UN/ECE Rec 20 + Rec 21",
             "L'unité d'une quantité",
             "The unit of a quantity",
             {"BT-130", "BT-150"}},
    CodeRule{"BR-CL-24",
             CodeField::MimeCode,
             Compare::AsWritten,
             "MIME (pdf, png, jpeg, csv, "
             "xlsx, ods)",
             "Le type MIME d'une pièce jointe, tel qu'écrit",
             "The MIME type of an attachment, as written",
             {"BT-125"}},
    CodeRule{"BR-CL-25",
             CodeField::AddressScheme,
             Compare::Trimmed,
             "CEF EAS",
             "Le schéma d'une adresse électronique",
             "The scheme of an electronic address",
             {"BT-34", "BT-49"}},
    CodeRule{"BR-CL-26",
             CodeField::DeliveryScheme,
             Compare::Trimmed,
             "ISO 6523 ICD",
             "Le schéma de l'identifiant du lieu de livraison",
             "The scheme of the deliver-to location identifier",
             {"BT-71"}},
};

std::string_view trimmed(std::string_view s) {
  constexpr std::string_view kSpace = " \t\r\n";
  const std::size_t first = s.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(kSpace) - first + 1);
}

// XPath upper-case() as far as a list of ASCII codes can tell: ASCII
// letters, and the characters whose upper case is ASCII (dotless i, long s,
// sharp s and the Latin ligatures, as Java's full case mapping in the
// reference's Saxon). Any other character stays as it is: its upper case is
// not ASCII either, so it matches no code of an ASCII list all the same.
std::string xpath_upper_case(std::string_view s) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 10> kToAscii{{
      {"\u0131", "I"},   // dotless i
      {"\u017F", "S"},   // long s
      {"\u00DF", "SS"},  // sharp s
      {"\uFB00", "FF"},  // ligatures ff, fi, fl, ffi, ffl, long s t, st
      {"\uFB01", "FI"},
      {"\uFB02", "FL"},
      {"\uFB03", "FFI"},
      {"\uFB04", "FFL"},
      {"\uFB05", "ST"},
      {"\uFB06", "ST"},
  }};
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto byte = static_cast<unsigned char>(s[i]);
    if (byte < 0x80) {
      out += static_cast<char>(std::toupper(byte));
      ++i;
      continue;
    }
    const auto* mapped = std::find_if(kToAscii.begin(), kToAscii.end(), [&](const auto& m) {
      return s.substr(i).starts_with(m.first);
    });
    if (mapped != kToAscii.end()) {
      out += mapped->second;
      i += mapped->first.size();
    } else {
      out += s[i++];
    }
  }
  return out;
}

bool accepts(const CodeList& list, const CodedValue& c, Compare compare) {
  switch (compare) {
    case Compare::AsWritten:
      return list.contains(c.value);
    case Compare::TrimmedUpperCase:
      return list.contains(xpath_upper_case(trimmed(c.value)));
    case Compare::Trimmed:
      break;
  }
  const std::string_view code = trimmed(c.value);
  if (code == "SEPA" && c.sepa != CodedValue::Sepa::AsListed) {
    return c.sepa == CodedValue::Sepa::Allowed;
  }
  return list.contains(code);
}

void fire(Reporter& report, const SourceRef& where, std::string_view value, std::string_view list,
          std::string_view what_fr, std::string_view what_en) {
  report.fire(where,
              {fmt::format("{} « {} » n'est pas un code de la liste {}.", what_fr, value, list),
               fmt::format("{} \"{}\" is not a code of the {} list.", what_en, value, list)});
}

void check_field(const Invoice& inv, const CodeList& list, const CodeRule& rule, Reporter& report) {
  for (const CodedValue& c : inv.codes[rule.field]) {
    if (!accepts(list, c, rule.compare)) {
      fire(report, c.source, c.value, rule.list, rule.what_fr, rule.what_en);
    }
  }
}

const CodeList* list_of(const Invoice& inv, const Context& context, std::string_view name) {
  return context.code_lists == nullptr ? nullptr : context.code_lists->find(inv.syntax, name);
}

template <std::size_t kIndex>
void check(const Invoice& inv, const Context& context, Reporter& report) {
  const CodeRule& rule = kRules[kIndex];
  if (const CodeList* list = list_of(inv, context, rule.id)) check_field(inv, *list, rule, report);
}

constexpr CodeRule kTypeCode{"BR-CL-01",    CodeField::DocumentType,       Compare::Trimmed,
                             "UNTDID 1001", "Le code de type de document", "The document type code",
                             {"BT-3"}};

// BR-CL-01: UBL has a list for each type code element, CII one for both.
void check_type_code(const Invoice& inv, const Context& context, Reporter& report) {
  if (inv.syntax != Syntax::Ubl) {
    if (const CodeList* list = list_of(inv, context, kTypeCode.id))
      check_field(inv, *list, kTypeCode, report);
    return;
  }
  if (const CodeList* list = list_of(inv, context, kUblInvoiceTypeCodes))
    check_field(inv, *list, kTypeCode, report);
  CodeRule credit_note = kTypeCode;
  credit_note.field = CodeField::CreditNoteType;
  if (const CodeList* list = list_of(inv, context, kUblCreditNoteTypeCodes))
    check_field(inv, *list, credit_note, report);
}

constexpr std::size_t index_of(std::string_view id) {
  std::size_t i = 0;
  while (kRules[i].id != id)
    ++i;
  return i;
}
constexpr std::size_t kNoteSubject = index_of("BR-CL-08");

// The number of characters of UTF-8 text, as XPath's string-length counts.
std::size_t characters(std::string_view s) {
  std::size_t n = 0;
  for (char c : s)
    n += (static_cast<unsigned char>(c) & 0xC0U) != 0x80U ? 1 : 0;
  return n;
}

// BR-CL-08 in UBL: the subject code is the text between a note's first two
// '#'; three characters there must occur in the spelled list (see
// CodeList::occurs_in_spelled_list), anything else passes.
void check_note_subject(const Invoice& inv, const Context& context, Reporter& report) {
  const CodeList* list = list_of(inv, context, "BR-CL-08");
  if (list == nullptr) return;
  const CodeRule& rule = kRules[kNoteSubject];
  if (inv.syntax != Syntax::Ubl) return check_field(inv, *list, rule, report);
  for (const Text& note : inv.notes) {
    const std::string_view text = note.value;
    const std::size_t open = text.find('#');
    if (open == std::string_view::npos) continue;
    const std::string_view after = text.substr(open + 1);
    const std::size_t close = after.find('#');
    // substring-before() of a text without the separator is empty.
    const std::string_view code = after.substr(0, close == std::string_view::npos ? 0 : close);
    if (characters(code) == 3 && !list->occurs_in_spelled_list(code)) {
      fire(report, note.source, code, rule.list, rule.what_fr, rule.what_en);
    }
  }
}

Rule code_rule(const CodeRule& row, InvoiceCheck check) {
  std::vector<std::string> terms;
  for (std::string_view t : row.terms) {
    if (!t.empty()) terms.emplace_back(t);
  }
  return fatal_rule(std::string(row.id),
                    {fmt::format("{} est un code de la liste {}.", row.what_fr, row.list),
                     fmt::format("{} is a code of the {} list.", row.what_en, row.list)},
                    std::move(terms), check);
}

template <std::size_t... kIndex>
void register_rows(Registry& registry, std::index_sequence<kIndex...> /*rows*/) {
  (registry.add(
       code_rule(kRules[kIndex], kIndex == kNoteSubject ? check_note_subject : &check<kIndex>)),
   ...);
}

}  // namespace

void register_code_list_rules(Registry& registry) {
  registry.add(code_rule(kTypeCode, check_type_code));
  register_rows(registry, std::make_index_sequence<kRules.size()>());
}

}  // namespace cprokit::en16931
