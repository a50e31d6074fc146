// The special UBL binding rules (UBL-CR/SR/DT with a value or a predicate).
#include <algorithm>
#include <array>
#include <cctype>
#include <set>
#include <string>

#include "validators/binding/special_checks.hpp"

namespace cprokit::binding {
namespace {

std::string upper(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return out;
}

bool is_credit_note(const DocumentView& doc) {
  return doc.is(doc.root(), "cn:CreditNote");
}

std::size_t utf8_length(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// The number of distinct values of `elements`.
std::size_t distinct(const std::vector<pugi::xml_node>& elements) {
  std::set<std::string_view> values;
  for (const auto& e : elements)
    values.insert(text_of(e));
  return values.size();
}

// cac:PartyTaxScheme children of `party` whose tax scheme id compares with
// VAT as asked (upper-cased), and their cbc:CompanyID. The test reads
// "cac:TaxScheme/upper-case(cbc:ID)": a cac:TaxScheme without an id gives "",
// which is not VAT; no cac:TaxScheme gives nothing, which is neither.
std::size_t company_ids(const DocumentView& doc, const pugi::xml_node& party, bool vat) {
  std::size_t n = 0;
  for (const auto& scheme : doc.all(party, "cac:PartyTaxScheme")) {
    bool match = false;
    for (const auto& tax_scheme : doc.all(scheme, "cac:TaxScheme")) {
      const auto ids = doc.all(tax_scheme, "cbc:ID");
      match = match || (ids.empty() && !vat);
      for (const auto& id : ids)
        match = match || ((upper(text_of(id)) == "VAT") == vat);
    }
    if (match) n += doc.count(scheme, "cbc:CompanyID");
  }
  return n;
}

std::size_t party_company_ids(const DocumentView& doc, const pugi::xml_node& root,
                              std::string_view party, bool vat) {
  std::size_t n = 0;
  for (const auto& p : doc.all(root, party))
    n += company_ids(doc, p, vat);
  return n;
}

// The payee's name differs from the seller's (XPath "!=": some pair of names
// differs; false when either is missing).
bool payee_name_differs(const DocumentView& doc, const pugi::xml_node& payee) {
  const auto sellers =
      doc.all(payee.parent(),
              "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName");
  for (const auto& name : doc.all(payee, "cac:PartyName/cbc:Name")) {
    for (const auto& seller : sellers) {
      if (text_of(name) != text_of(seller)) return true;
    }
  }
  return false;
}

bool has_type_code(const DocumentView& doc, const pugi::xml_node& reference) {
  return doc.has(reference, "cbc:DocumentTypeCode");
}

bool type_code_is(const DocumentView& doc, const pugi::xml_node& reference, std::string_view code) {
  return any_equals(doc, reference, "cbc:DocumentTypeCode", code);
}

bool type_code_other_than(const DocumentView& doc, const pugi::xml_node& reference,
                          std::string_view code) {
  return std::ranges::any_of(doc.all(reference, "cbc:DocumentTypeCode"),
                             [&](const auto& c) { return text_of(c) != code; });
}

bool id_has_scheme(const DocumentView& doc, const pugi::xml_node& reference) {
  return std::ranges::any_of(doc.all(reference, "cbc:ID"),
                             [](const auto& id) { return !id.attribute("schemeID").empty(); });
}

bool no_invoiced_object_with(const DocumentView& doc, std::string_view child) {
  return std::none_of(doc.recorded("cac:AdditionalDocumentReference").begin(),
                      doc.recorded("cac:AdditionalDocumentReference").end(), [&](const auto& r) {
                        return type_code_is(doc, r, "130") && doc.has(r, child);
                      });
}

bool sr_43(const DocumentView& doc, const pugi::xml_node& ref) {
  return type_code_is(doc, ref, "130") || (is_credit_note(doc) && type_code_is(doc, ref, "50")) ||
         (!id_has_scheme(doc, ref) && !has_type_code(doc, ref));
}

bool dt_01(const DocumentView& /*doc*/, const pugi::xml_node& amount) {
  const std::string_view value = text_of(amount);
  const std::size_t dot = value.find('.');
  return dot == std::string_view::npos || utf8_length(value.substr(dot + 1)) <= 2;
}

bool sr_53(const DocumentView& doc, const pugi::xml_node& scheme) {
  return doc.has(scheme, "cac:TaxScheme/cbc:ID") && doc.has(scheme, "cbc:CompanyID");
}

bool cr_002(const DocumentView& doc, const pugi::xml_node& root) {
  return !doc.has(root, "cbc:UBLVersionID") || any_equals(doc, root, "cbc:UBLVersionID", "2.1");
}

bool cr_412(const DocumentView& doc, const pugi::xml_node& root) {
  return is_credit_note(doc) || !doc.has(root, "cac:PaymentMeans/cbc:PaymentDueDate");
}

bool cr_665(const DocumentView& doc, const pugi::xml_node& /*root*/) {
  const auto& refs = doc.recorded("cac:AdditionalDocumentReference");
  return std::none_of(refs.begin(), refs.end(), [&](const auto& r) {
    return (type_code_other_than(doc, r, "130") || !has_type_code(doc, r)) && id_has_scheme(doc, r);
  });
}

bool cr_666(const DocumentView& doc, const pugi::xml_node& /*root*/) {
  return no_invoiced_object_with(doc, "cac:Attachment");
}

bool cr_673(const DocumentView& doc, const pugi::xml_node& /*root*/) {
  return no_invoiced_object_with(doc, "cbc:DocumentDescription");
}

bool dt_18(const DocumentView& doc, const pugi::xml_node& /*root*/) {
  const auto& bearers = doc.bearers("name");
  return std::all_of(bearers.begin(), bearers.end(),
                     [&](const auto& e) { return doc.is(e, "cbc:PaymentMeansCode"); });
}

bool sr_04(const DocumentView& doc, const pugi::xml_node& root) {
  std::size_t n = 0;
  for (const auto& r : doc.all(root, "cac:AdditionalDocumentReference")) {
    if (type_code_is(doc, r, "130")) n += doc.count(r, "cbc:ID");
  }
  return n <= 1;
}

bool sr_12(const DocumentView& doc, const pugi::xml_node& root) {
  return party_company_ids(doc, root, "cac:AccountingSupplierParty/cac:Party", true) <= 1;
}

bool sr_13(const DocumentView& doc, const pugi::xml_node& root) {
  return party_company_ids(doc, root, "cac:AccountingSupplierParty/cac:Party", false) <= 1;
}

bool sr_18(const DocumentView& doc, const pugi::xml_node& root) {
  return party_company_ids(doc, root, "cac:AccountingCustomerParty/cac:Party", true) <= 1;
}

bool sr_29(const DocumentView& doc, const pugi::xml_node& /*root*/) {
  std::size_t n = 0;
  for (const auto& identification : doc.recorded("cac:PartyIdentification")) {
    for (const auto& id : doc.all(identification, "cbc:ID")) {
      if (upper(id.attribute("schemeID").value()) == "SEPA") ++n;
    }
  }
  return n <= 1;
}

bool sr_44(const DocumentView& doc, const pugi::xml_node& /*root*/) {
  return distinct(doc.recorded("cbc:PaymentID")) <= 1;
}

bool sr_47(const DocumentView& doc, const pugi::xml_node& /*root*/) {
  return distinct(doc.recorded("cbc:PaymentMeansCode")) <= 1;
}

bool sr_19(const DocumentView& doc, const pugi::xml_node& payee) {
  return doc.count(payee, "cac:PartyName/cbc:Name") <= 1 && payee_name_differs(doc, payee);
}

bool sr_20(const DocumentView& doc, const pugi::xml_node& payee) {
  std::size_t n = 0;
  for (const auto& id : doc.all(payee, "cac:PartyIdentification/cbc:ID")) {
    if (upper(id.attribute("schemeID").value()) != "SEPA") ++n;
  }
  return n <= 1 && payee_name_differs(doc, payee);
}

bool sr_21(const DocumentView& doc, const pugi::xml_node& payee) {
  return doc.count(payee, "cac:PartyLegalEntity/cbc:CompanyID") <= 1 &&
         payee_name_differs(doc, payee);
}

constexpr auto kChecks = std::to_array<NamedCheck>({
    {"UBL-SR-43", sr_43},   {"UBL-DT-01", dt_01},   {"UBL-SR-53", sr_53},   {"UBL-CR-002", cr_002},
    {"UBL-CR-412", cr_412}, {"UBL-CR-665", cr_665}, {"UBL-CR-666", cr_666}, {"UBL-CR-673", cr_673},
    {"UBL-DT-18", dt_18},   {"UBL-SR-04", sr_04},   {"UBL-SR-12", sr_12},   {"UBL-SR-13", sr_13},
    {"UBL-SR-18", sr_18},   {"UBL-SR-29", sr_29},   {"UBL-SR-44", sr_44},   {"UBL-SR-47", sr_47},
    {"UBL-SR-19", sr_19},   {"UBL-SR-20", sr_20},   {"UBL-SR-21", sr_21},
});

}  // namespace

std::span<const NamedCheck> ubl_checks() {
  return kChecks;
}

}  // namespace cprokit::binding
