// The coded values of an invoice, each where the official code-list tests
// (BR-CL-*) look for it. Those tests match elements anywhere in the document,
// wherever the syntax allows them and beyond the business terms of the model
// (every UBL amount's currencyID, every CII ram:ID with a scheme), so the
// readers collect them in one walk, element by element, as the schematron's
// first matching context does. That walk also notes the one element that is
// no code but that a rule looks for anywhere likewise (BR-CO-03's CII
// ram:TaxPointDate).
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "rules/model/source.hpp"

namespace cprokit {

// Where a code sits, named after what it codes; the comment gives the rule.
enum class CodeField : unsigned char {
  DocumentType,        // BR-CL-01: UBL InvoiceTypeCode, CII ExchangedDocument/TypeCode
  CreditNoteType,      // BR-CL-01: UBL CreditNoteTypeCode
  AmountCurrency,      // BR-CL-03: currencyID of an amount (CII: of TaxTotalAmount)
  InvoiceCurrency,     // BR-CL-04: BT-5
  VatCurrency,         // BR-CL-05: BT-6
  TaxPointDateCode,    // BR-CL-06: BT-8
  ObjectScheme,        // BR-CL-07: BT-18-1 (UBL schemeID, CII ReferenceTypeCode)
  NoteSubject,         // BR-CL-08: CII SubjectCode (UBL: in the note text, see Invoice::notes)
  PartyIdScheme,       // BR-CL-10: schemeID of a party identifier
  LegalIdScheme,       // BR-CL-11: schemeID of a legal registration id (CII: any ram:ID)
  ClassificationList,  // BR-CL-13: listID of an item classification
  Country,             // BR-CL-14: any country code
  OriginCountry,       // BR-CL-15: BT-159
  PaymentMeans,        // BR-CL-16: BT-81
  AllowanceChargeVat,  // BR-CL-17: UBL TaxCategory/ID, CII CategoryTradeTax/CategoryCode
  VatCategory,         // BR-CL-18: UBL ClassifiedTaxCategory/ID, CII ApplicableTradeTax
  AllowanceReason,     // BR-CL-19: reason code of an allowance
  ChargeReason,        // BR-CL-20: reason code of a charge
  ItemIdScheme,        // BR-CL-21: schemeID of an item standard identifier
  ExemptionReason,     // BR-CL-22: BT-121
  UnitCode,            // BR-CL-23: unitCode of a quantity
  MimeCode,            // BR-CL-24: mimeCode of an attachment
  AddressScheme,       // BR-CL-25: schemeID of an electronic address
  DeliveryScheme,      // BR-CL-26: schemeID of the deliver-to location id
  TaxPointDate,        // BR-CO-03, CII only: BT-7, its udt:DateString (no code)
};
inline constexpr std::size_t kCodeFields = 25;

// A code as written (attribute value or element text, not trimmed: some
// tests compare it as it is), and the element that carries it.
struct CodedValue {
  std::string value;
  SourceRef source;
  // UBL BR-CL-10 takes the scheme SEPA under the seller or the payee only,
  // whatever the list says.
  enum class Sepa : unsigned char { AsListed, Allowed, Refused };
  Sepa sepa = Sepa::AsListed;
};

class CodedValues {
 public:
  void add(CodeField field, CodedValue value) { at(field).push_back(std::move(value)); }
  const std::vector<CodedValue>& operator[](CodeField field) const {
    return fields_[static_cast<std::size_t>(field)];
  }

 private:
  std::vector<CodedValue>& at(CodeField field) { return fields_[static_cast<std::size_t>(field)]; }
  std::array<std::vector<CodedValue>, kCodeFields> fields_;
};

}  // namespace cprokit
