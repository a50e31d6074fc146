// The semantic invoice model, after EN 16931-1: business terms (BT-x) grouped
// in business groups (BG-x). UBL and CII readers fill the same model; rules
// read only this. Every value keeps where it came from (SourceRef).
//
// A term the document does not carry is an empty optional; an element there
// with nothing in it is the term present and empty (an empty value). CII wraps
// a few terms in an element of their own (ram:URIUniversalCommunication around
// the electronic address, ram:StartDateTime and ram:EndDateTime around period
// dates, ram:TaxPointDate); the official tests ask for the wrapper, so a
// wrapper without its term is the term present and empty, placed at the
// wrapper. Amounts keep the text's exact decimal value; an amount whose text
// is not a number is not in the model (the reader reports it as a syntax
// finding instead).
#pragma once

#include <algorithm>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/model/codes.hpp"
#include "rules/model/document_type.hpp"
#include "rules/model/source.hpp"
#include "rules/model/values.hpp"

namespace cprokit {

struct Address {                            // BG-5 seller, BG-8 buyer, BG-12, BG-15
  std::optional<Text> line1, line2, line3;  // BT-35..37 / BT-50..52
  std::optional<Text> city;                 // BT-37 / BT-52
  std::optional<Text> postcode;             // BT-38 / BT-53
  std::optional<Text> subdivision;          // BT-39 / BT-54
  std::optional<Text> country;              // BT-40 / BT-55
  SourceRef source;
};

struct Party {                          // BG-4 seller, BG-7 buyer, BG-10 payee, BG-11
  std::optional<Text> name;             // BT-27 / BT-44 / BT-59 / BT-62
  std::optional<Text> trading_name;     // BT-28 / BT-45
  std::vector<Identifier> identifiers;  // BT-29 / BT-46 / BT-60
  std::optional<Identifier> legal_id;   // BT-30 / BT-47 / BT-61
  // The group of the legal id: UBL cac:PartyLegalEntity, CII
  // ram:SpecifiedLegalOrganization; none when the party has none.
  std::optional<SourceRef> legal_entity;
  std::optional<Text> vat_id;                    // BT-31 / BT-48
  std::optional<Text> tax_registration_id;       // BT-32
  std::optional<Identifier> electronic_address;  // BT-34 / BT-49
  std::optional<Address> address;                // BG-5 / BG-8
  SourceRef source;
};

// A period (BG-14 invoicing period, BG-26 line period): dates as written.
struct Period {
  std::optional<Text> start;             // BT-73 / BT-134
  std::optional<Text> end;               // BT-74 / BT-135
  std::optional<Text> description_code;  // BT-8 in UBL (cac:InvoicePeriod/cbc:DescriptionCode)
  // CII: the format attribute of each date string ("102" is CCYYMMDD); empty in UBL.
  std::string start_format, end_format;
  SourceRef source;
};

// A reference to another document: BG-3 preceding invoice (BT-25, BT-26),
// BG-24 supporting document (BT-122). `id` is absent when the element is.
struct DocumentReference {
  std::optional<Text> id;          // BT-25 / BT-122
  std::optional<Text> issue_date;  // BT-26 (preceding invoices only)
  SourceRef source;
};

struct Delivery {                         // BG-13
  std::optional<Text> actual_date;        // BT-72
  std::optional<Identifier> location_id;  // BT-71
  std::optional<Address> address;         // BG-15 deliver-to address
  SourceRef source;
};

struct ItemAttribute {        // BG-32
  std::optional<Text> name;   // BT-160
  std::optional<Text> value;  // BT-161
  SourceRef source;
};

// CII: a note (BG-1) with its subject code (BT-21) and its content (BT-22).
// UBL has no subject code element: the reform writes it in the note's text
// ("#PMT#…"), which Invoice::notes keeps.
struct Note {
  std::optional<Text> subject_code;  // BT-21
  std::optional<Text> content;       // BT-22
  SourceRef source;
};

struct AllowanceCharge {  // BG-20 / BG-21 (document), BG-27 / BG-28 (line)
  bool is_charge = false;
  // The charge indicator as written (UBL cbc:ChargeIndicator, CII
  // udt:Indicator): the official tests count an allowance or charge without
  // one as neither.
  std::optional<Text> charge_indicator;
  std::optional<Amount> amount;       // BT-92 / BT-99 / BT-136 / BT-141
  std::optional<Amount> base_amount;  // BT-93 / BT-100 / BT-137 / BT-142
  std::optional<Number> percentage;   // BT-94 / BT-101 / BT-138 / BT-143
  std::optional<Text> vat_category;   // BT-95 / BT-102 (document level only)
  std::optional<Number> vat_rate;     // BT-96 / BT-103 (document level only)
  // The rate's text when it is written but is no decimal ("20,0"): no number
  // for the other rules, but BR-FR-16 and BR-FR-DEC-04 judge its spelling.
  std::optional<Text> vat_rate_unreadable;
  std::optional<Text> reason;       // BT-97 / BT-104 / BT-139 / BT-144
  std::optional<Text> reason_code;  // BT-98 / BT-105 / BT-140 / BT-145
  // The tax scheme the VAT category is given under: UBL TaxScheme/ID, CII
  // TypeCode ("VAT"); several official tests only count categories under VAT.
  std::optional<Text> tax_scheme;
  // Whether the VAT category code was written with white space around it
  // (vat_category keeps it trimmed): UBL BR-AF-04 compares it as written.
  bool vat_category_padded = false;
  SourceRef source;
};

struct PaymentMeans {                          // BG-16 with BG-17 (credit transfer)
  std::optional<Text> code;                    // BT-81
  std::optional<Text> remittance_information;  // BT-83
  std::vector<Identifier> payee_accounts;      // BT-84 (IBAN or other account id)
  // The payee account elements that carry no account id at all (BR-50, BR-61).
  std::vector<SourceRef> accounts_without_id;
  std::optional<Text> card_number;  // BT-87 (card primary account number)
  SourceRef source;
};

struct Totals {                           // BG-22
  std::optional<Amount> line_net_total;   // BT-106
  std::optional<Amount> allowance_total;  // BT-107
  std::optional<Amount> charge_total;     // BT-108
  std::optional<Amount> tax_exclusive;    // BT-109
  std::optional<Amount> tax_inclusive;    // BT-112
  std::optional<Amount> prepaid;          // BT-113
  std::optional<Amount> rounding;         // BT-114
  std::optional<Amount> payable;          // BT-115
  // BT-112, BT-113, BT-115 there but no decimal (see UnreadableAmount).
  std::optional<UnreadableAmount> tax_inclusive_unreadable;
  std::optional<UnreadableAmount> prepaid_unreadable;
  std::optional<UnreadableAmount> payable_unreadable;
  SourceRef source;
};

struct VatBreakdown {                    // BG-23
  std::optional<Amount> taxable_amount;  // BT-116
  std::optional<Amount> tax_amount;      // BT-117
  std::optional<Text> category;          // BT-118
  std::optional<Number> rate;            // BT-119
  std::optional<Text> rate_unreadable;   // BT-119 that is no decimal, as vat_rate_unreadable
  std::optional<Text> exemption_reason;  // BT-120
  std::optional<Text> exemption_code;    // BT-121
  std::optional<Text> tax_scheme;        // UBL TaxScheme/ID, CII TypeCode
  std::optional<Text> tax_point_date;    // BT-7 in CII (ram:TaxPointDate)
  SourceRef source;
};

// A UBL cac:TaxTotal: its tax amount (BT-110 or BT-111) and the VAT
// breakdowns it holds, vat_breakdown[breakdown_begin, breakdown_end). UBL
// checks each TaxTotal against its own subtotals (BR-CO-14); CII has a single
// list of VAT breakdowns, and no such group.
struct VatTotalGroup {
  std::optional<Amount> amount;
  std::size_t breakdown_begin = 0;
  std::size_t breakdown_end = 0;
  SourceRef source;
};

// A line's reference to a preceding invoice (EXT-FR-FE-136 id, -137 type
// code, -138 issue date): CII ram:SpecifiedLineTradeSettlement/
// ram:InvoiceReferencedDocument, UBL the line's cac:BillingReference (its
// cac:InvoiceDocumentReference's terms; absent when it has none). The
// multi-vendor and bi-directional rules (BR-FR-MV-*, BR-FR-BD-*) tell a UBL
// GROUP line by it: the invoice's own number as id, DocumentStatusCode
// "GROUP" and no BillingReferenceLine/ID.
struct LineInvoiceReference {
  std::optional<Text> id;           // EXT-FR-FE-136 (CII IssuerAssignedID, UBL cbc:ID)
  std::optional<Text> type_code;    // EXT-FR-FE-137 (CII TypeCode, UBL DocumentTypeCode)
  std::optional<Text> issue_date;   // EXT-FR-FE-138 (CII qdt:DateTimeString, UBL IssueDate)
  std::optional<Text> status_code;  // UBL cbc:DocumentStatusCode ("GROUP", "DETAIL")
  // UBL: every cac:BillingReferenceLine/cbc:ID (the parent line's id).
  std::vector<Text> line_ids;
  // UBL: the first cac:BillingReference/cac:DocumentReference/cbc:ID, which
  // BR-FR-01_EXT-FR-FE-136-1 and -2 read (UBL 2.1 has no such element).
  std::optional<Text> document_reference_id;
  SourceRef source;
};

// UBL: a line's cac:DocumentReference (BT-128 in EN 16931), whose cbc:ID
// BR-FR-02_EXT-FR-FE-136 and whose cbc:IssueDate BR-FR-03_EXT-FR-FE-138
// read in UBL. `id` keeps its schemeID.
struct LineDocumentReference {
  std::optional<Identifier> id;
  std::optional<Text> type_code;   // cbc:DocumentTypeCode
  std::optional<Text> issue_date;  // cbc:IssueDate
  SourceRef source;
};

// CII: a line's ram:AdditionalReferencedDocument, BT-128 (invoice line
// object identifier) as the multi-vendor rules (BR-FR-MV) read it: a
// sub-invoice number has the scheme AFL, its billing framework AVV, both
// the type 130. (UBL: the line's cac:DocumentReference.)
struct LineObjectReference {
  std::optional<Text> id;         // BT-128, ram:IssuerAssignedID
  std::optional<Text> scheme;     // BT-128-1, ram:ReferenceTypeCode
  std::optional<Text> type_code;  // ram:TypeCode
  SourceRef source;
};

// Fields in the order of the norm, not of least padding (32 bytes a line).
struct InvoiceLine {                 // NOLINT(clang-analyzer-optin.performance.Padding) BG-25
  std::optional<Text> id;            // BT-126
  std::optional<Number> quantity;    // BT-129
  std::optional<Text> unit_code;     // BT-130
  std::optional<Amount> net_amount;  // BT-131
  std::optional<Text> purchase_order_line;          // BT-132
  std::vector<AllowanceCharge> allowances_charges;  // BG-27 / BG-28
  std::optional<Number> net_price;                  // BT-146
  std::optional<Number> price_discount;             // BT-147
  std::optional<Number> gross_price;                // BT-148
  std::optional<Number> price_base_quantity;        // BT-149
  std::optional<Text> vat_category;                 // BT-151
  std::optional<Number> vat_rate;                   // BT-152
  std::optional<Text> vat_rate_unreadable;          // no decimal, as AllowanceCharge's
  std::optional<Text> vat_tax_scheme;               // its scheme (see AllowanceCharge)
  std::optional<Text> item_name;                    // BT-153
  std::optional<Period> period;                     // BG-26
  std::optional<Identifier> standard_id;            // BT-157
  std::vector<Identifier> classifications;          // BT-158 (scheme: listID)
  std::optional<Text> origin_country;               // BT-159
  std::vector<ItemAttribute> attributes;            // BG-32
  // Line references (French extension, EXT-FR-FE-136..138, -158, -162,
  // -163): what the line invoices again or groups, and when it was delivered.
  std::vector<LineInvoiceReference> invoice_references;    // EXT-FR-FE-136..138
  std::vector<LineDocumentReference> document_references;  // UBL cac:DocumentReference
  std::optional<Text> status_reason_code;  // EXT-FR-FE-163 (CII LineStatusReasonCode)
  std::optional<Text> parent_line_id;      // EXT-FR-FE-162 (CII ParentLineID)
  // EXT-FR-FE-158: CII the ActualDeliverySupplyChainEvent's date string, UBL
  // the cbc:ActualDeliveryDate of each line cac:Delivery.
  std::vector<Text> actual_delivery_dates;
  // Multi-vendor invoices (BR-FR-MV), a GROUP line's sub-invoice: its seller
  // (UBL cac:Item/cac:ManufacturerParty, CII ram:ItemSellerTradeParty; name
  // EXT-FR-FE-164, legal id EXT-FR-FE-167, country EXT-FR-FE-177), its VAT
  // amounts with their currency (EXT-FR-FE-181 in BT-5, -182 in BT-6; UBL
  // cac:TaxTotal/cbc:TaxAmount, CII ram:TaxTotalAmount), its amount with VAT
  // (EXT-FR-FE-184; UBL cbc:TaxInclusiveLineExtensionAmount, CII
  // ram:GrandTotalAmount) and, CII only, its object identifiers (BT-128).
  // A DETAIL line's VAT exemption reason names its sub-invoice ("#F-1#…";
  // UBL cac:ClassifiedTaxCategory/cbc:TaxExemptionReason, CII
  // ram:ApplicableTradeTax/ram:ExemptionReason).
  std::optional<Party> item_seller;
  std::vector<Amount> vat_totals;
  std::optional<Amount> amount_with_vat;
  // BT-131, EXT-FR-FE-184 and the VAT amounts there but no decimal (see
  // UnreadableAmount).
  std::optional<UnreadableAmount> net_amount_unreadable;
  std::optional<UnreadableAmount> amount_with_vat_unreadable;
  std::vector<UnreadableAmount> vat_totals_unreadable;
  std::vector<LineObjectReference> object_references;
  std::optional<Text> vat_exemption_reason;

  // EXT-FR-FE-146, the line's deliver-to party: its ids and SIREN only (UBL
  // each cac:Delivery/cac:DeliveryLocation, ids its cbc:ID; CII
  // ram:SpecifiedLineTradeDelivery/ram:ShipToTradeParty).
  std::vector<Party> deliver_to;

  // UBL: a cac:InvoiceLine in a CreditNote, or a cac:CreditNoteLine in an
  // Invoice (the XSD refuses it). The EN 16931 tests read lines of either
  // name; most of the reform's name the right one only (see
  // rules/fr/line_groups.hpp).
  bool misnamed = false;

  SourceRef source;
};

// The referenced documents and item attributes as the reform's tests read
// them (BR-FR-04 EXT-FR-FE-02, BR-FR-17 and -18 BT-123, BR-FR-27 and -28
// BG-32, BR-FR-29 BT-18, BR-FR-30 BT-128 and BT-21). Those tests compare the
// text as written: these values are not trimmed, and an element the norm
// allows once is kept each time a document repeats it.

// One referenced document: CII ram:AdditionalReferencedDocument, UBL
// cac:AdditionalDocumentReference (header) or cac:DocumentReference (line).
struct ReferencedDocument {
  std::vector<Identifier> ids;        // CII ram:IssuerAssignedID, UBL cbc:ID (@schemeID)
  std::vector<Text> reference_types;  // CII ram:ReferenceTypeCode (BT-18/BT-128 scheme)
  std::vector<Text> type_codes;       // CII ram:TypeCode (916: supporting document)
  std::vector<Text> descriptions;     // BT-123: CII ram:Name, UBL cbc:DocumentDescription
  SourceRef source;
};

// The referenced documents of one element: the header (CII
// ram:ApplicableHeaderTradeAgreement, UBL the root) or an invoice line.
struct ReferencedDocuments {
  std::vector<ReferencedDocument> documents;
  SourceRef source;  // that element; unset when it has none
};

// One item attribute (BG-32): CII ram:ApplicableProductCharacteristic, UBL
// cac:AdditionalItemProperty.
struct ItemAttributeForm {
  std::vector<Text> names;         // BT-160: CII ram:Description, UBL cbc:Name
  std::vector<Text> codes;         // EXT-FR-FE-159: CII ram:TypeCode, UBL cbc:NameCode
  bool has_value = false;          // BT-161: CII ram:Value, UBL cbc:Value
  bool has_measure = false;        // CII ram:ValueMeasure, UBL cbc:ValueQuantity
  bool measure_with_unit = false;  // one of those has a unitCode that is not empty
  SourceRef source;
};

// A text as written, white space included, at the element its value in the
// model (trimmed) came from: see Invoice::padded_texts.
struct WrittenText {
  const PathStep* step = nullptr;
  std::string text;
};

struct Invoice {
  // Owns the path steps of every SourceRef below; shared by copies.
  std::shared_ptr<const SourcePaths> paths;
  Syntax syntax = Syntax::Unknown;  // the binding it was read from
  DocumentKind kind = DocumentKind::Unknown;

  std::optional<Text> number;                           // BT-1
  std::optional<Text> issue_date;                       // BT-2, as written
  std::optional<Text> type_code;                        // BT-3
  std::optional<Text> currency;                         // BT-5
  std::optional<Text> vat_currency;                     // BT-6
  std::optional<Text> due_date;                         // BT-9
  std::optional<Text> buyer_reference;                  // BT-10 (Chorus Pro: code service)
  std::optional<Text> contract_reference;               // BT-12
  std::optional<Text> purchase_order_reference;         // BT-13 (Chorus Pro: engagement)
  std::optional<Text> payment_terms;                    // BT-20
  std::optional<Text> business_process;                 // BT-23
  std::optional<Text> specification_id;                 // BT-24
  std::vector<Text> notes;                              // BT-22
  std::vector<Note> included_notes;                     // BG-1 in CII; empty in UBL
  std::optional<Text> tax_point_date;                   // BT-7 (UBL; CII has it per VAT breakdown)
  std::vector<Period> invoicing_periods;                // BG-14 (one allowed, every one read)
  std::vector<DocumentReference> preceding_invoices;    // BG-3
  std::vector<DocumentReference> supporting_documents;  // BG-24

  Party seller;                             // BG-4
  Party buyer;                              // BG-7
  std::optional<Party> payee;               // BG-10
  std::optional<Party> tax_representative;  // BG-11 (name BT-62, VAT id BT-63, BG-12)
  std::optional<Delivery> delivery;         // BG-13

  // The reform's other parties (BR-FR-09, -23, -25, CO-10), read as a Party
  // each. UBL: the agents are the seller's and the buyer's cac:AgentParty,
  // the invoicer and the invoicee their cac:ServiceProviderParty/cac:Party
  // (several allowed), a payer each cac:PaymentMeans/cac:PaymentMandate/
  // cac:PayerParty. CII: ram:BuyerAgentTradeParty, ram:SalesAgentTradeParty,
  // ram:InvoicerTradeParty, ram:InvoiceeTradeParty, ram:PayerTradeParty.
  std::optional<Party> buyer_agent;   // EXT-FR-FE-06 (electronic address EXT-FR-FE-12)
  std::vector<Party> payers;          // EXT-FR-FE-46 (EXT-FR-FE-52)
  std::optional<Party> seller_agent;  // EXT-FR-FE-69 (EXT-FR-FE-75)
  std::vector<Party> invoicees;       // EXT-FR-FE-92 (EXT-FR-FE-98)
  std::vector<Party> invoicers;       // EXT-FR-FE-115 (EXT-FR-FE-121)
  // BT-71's location as a party, its ids and SIREN only. UBL: one per
  // cac:Delivery with a cac:DeliveryLocation, ids its cbc:ID, SIREN the
  // cac:DeliveryParty's legal id; CII: ram:ShipToTradeParty.
  std::vector<Party> deliver_to;

  std::vector<PaymentMeans> payment_means;  // BG-16
  // UBL: each cac:PaymentMeans deeper in the document (in a
  // cac:AllowanceCharge), which the official BR-49, BR-50, BR-51 and BR-61
  // judge too (their context is cac:PaymentMeans anywhere); no other rule
  // reads these.
  std::vector<PaymentMeans> payment_means_elsewhere;
  std::vector<AllowanceCharge> allowances_charges;  // BG-20 / BG-21
  std::optional<Totals> totals;                     // BG-22
  // Every invoice total VAT amount with its currency: BT-110 is the one in the
  // invoice currency BT-5, BT-111 the one in the VAT accounting currency BT-6.
  std::vector<Amount> vat_totals;
  std::vector<VatBreakdown> vat_breakdown;      // BG-23
  std::vector<VatTotalGroup> vat_total_groups;  // UBL only: each cac:TaxTotal
  std::vector<InvoiceLine> lines;               // BG-25
  // CII: the format attribute of the issue date string BT-2 ("102"); empty in UBL.
  std::string issue_date_format;
  // The amounts and numbers left out because their text is not a decimal
  // (XML-07): a rule asking for such an element does not call it missing.
  std::vector<SourceRef> unreadable_numbers;
  // CII: every line's ram:AdditionalReferencedDocument (BT-128 invoice line
  // object identifier), which BR-52 tests as it tests a supporting document.
  std::vector<DocumentReference> line_referenced_documents;
  // Every coded value the code-list rules check, where they look for it.
  CodedValues codes;
  // BR-FR-CO-07, BR-FR-CO-09 (BT-9) and BR-FR-CO-15 (BG-11, BT-63), UBL only:
  // where the reform's coherence rules look beyond the terms above.
  // BT-9's second place, the first cac:PaymentMeans/cbc:PaymentDueDate, and
  // whether due_date came from there (a credit note without cbc:DueDate).
  std::optional<Text> payment_means_due_date;
  bool due_date_in_payment_means = false;
  // The tax representative's cac:PartyTaxScheme, whatever its scheme:
  // whether it has one, and the first cbc:CompanyID among them.
  bool representative_has_tax_scheme = false;
  std::optional<Text> representative_company_id;

  // The reform's referenced documents and item attributes (see
  // ReferencedDocument), as written.
  std::vector<Text> preceding_invoice_type_codes;  // EXT-FR-FE-02, of every BG-3
  ReferencedDocuments referenced_documents;        // BG-24 and BT-18, header level
  // BT-128, the lines that have some: UBL each line's cac:DocumentReference;
  // CII an ram:AdditionalReferencedDocument right under the line item, where
  // the reform's test looks (the norm has it in SpecifiedLineTradeSettlement).
  std::vector<ReferencedDocuments> line_objects;
  // BG-32 of every line (UBL: the lines named after the document only).
  std::vector<ItemAttributeForm> item_attribute_forms;
  // UBL: BG-32 of a cac:Item right under the root, where BR-FR-27 looks.
  std::vector<ItemAttributeForm> root_item_attribute_forms;
  // UBL: the notes (BT-22) that contain "#BAR#", as written (BR-FR-30_BT-21).
  std::vector<Text> bar_notes;

  // Some BR-FR tests read a value as written (string-length(.), matches(.,
  // …), . = '…'), white space included, where the model and every other rule
  // read it trimmed. The readers keep here, for those elements only, the text
  // as written of each one that white space surrounds (none, mostly),
  // ordered by step (a pretty-printed invoice may pad every text: looked up
  // by halving, not one by one); as_written() gives it back. The elements: the invoice
  // number BT-1 and the preceding invoices' BT-25 (BR-FR-01/02), the dates
  // BT-2, BT-7, BT-9, BT-26, BT-72, BT-73/74 and the line periods'
  // (BR-FR-03), the type code BT-3 (BR-FR-04, -21, -22), the cadre de
  // facturation BT-23 (BR-FR-08), the parties' identifiers BT-29/46/60 (in
  // CII the GlobalIDs), legal ids BT-30/47 and electronic addresses BT-34/49
  // (BR-FR-09, -11, -12, -21..26), the VAT categories BT-95/102/118/151
  // (BR-FR-15), and the lines' invoice references (EXT-FR-FE-136) and
  // object identifiers (BT-128) that BR-FR-MV and -BD compare with BT-1,
  // and the lines' sub-types (CII LineStatusReasonCode, UBL
  // DocumentStatusCode: "GROUP", "DETAIL", "INFORMATION") they compare; in
  // CII, the notes' subject codes BT-21 and contents BT-22 (BR-FR-05, -06,
  // -11, -20, -21, -22, -CO-14 select "BAR", "PMT"... notes as written).
  std::vector<WrittenText> padded_texts;
};

// The text of a value of `invoice` as written: `value` (as the model keeps
// it), unless the reader kept a padded text for the element at `source`.
inline std::string_view as_written(const Invoice& invoice, std::string_view value,
                                   const SourceRef& source) {
  if (invoice.padded_texts.empty() || source.step == nullptr) return value;
  auto found =
      std::ranges::lower_bound(invoice.padded_texts, source.step, std::less{}, &WrittenText::step);
  return found != invoice.padded_texts.end() && found->step == source.step
             ? std::string_view(found->text)
             : value;
}

// Whether `text` is present and, as written, is `value`.
inline bool is_written(const Invoice& invoice, const std::optional<Text>& text,
                       std::string_view value) {
  return text && as_written(invoice, text->value, text->source) == value;
}

// Whether a tax scheme (UBL TaxScheme/ID, CII TypeCode) is VAT, compared as
// the official tests do: case and surrounding white space ignored.
inline bool is_vat_scheme(const std::optional<Text>& scheme) {
  if (!scheme) return false;
  std::string_view s = scheme->value;
  constexpr std::string_view kSpace = " \t\r\n";
  std::size_t first = s.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return false;
  s = s.substr(first, s.find_last_not_of(kSpace) - first + 1);
  return s.size() == 3 && (s[0] == 'V' || s[0] == 'v') && (s[1] == 'A' || s[1] == 'a') &&
         (s[2] == 'T' || s[2] == 't');
}

// BT-110, the invoice total VAT amount: the amounts of `invoice.vat_totals`
// whose currencyID is the invoice currency BT-5, in document order. As the
// official artefacts compare @currencyID with BT-5, an amount without
// currencyID is in no currency, and an invoice without BT-5 (or with an empty
// one) has none. EN 16931 wants exactly one: BR-CO-15 counts them.
std::vector<const Amount*> vat_totals_in_invoice_currency(const Invoice& invoice);

// The first of them, or null: BT-110 where one value is wanted (the amount
// a deposit request must repeat, the VAT total the mock stores).
const Amount* vat_total_in_invoice_currency(const Invoice& invoice);

}  // namespace cprokit
