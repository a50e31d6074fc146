#include <catch2/catch.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/model/decimal.hpp"
#include "rules/syntax/syntax_rules.hpp"
#include "validators/readers/readers.hpp"
#include "validators/xml/safe_xml.hpp"

using namespace cprokit;

namespace {

constexpr std::string_view kInvoiceUri = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
constexpr std::string_view kCreditNoteUri =
    "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
constexpr std::string_view kCacUri =
    "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
constexpr std::string_view kCbcUri =
    "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

// A complete UBL 2.1 invoice. Lines: 10 HUR at 100.00 less a 100.00 line
// allowance (900.00, S 20 %) and 5 C62 at 20.00 (100.00, E 0 %). At document
// level an allowance of 50.00 and a charge of 20.00 (S 20 %).
const std::string kInvoice = R"xml(<?xml version="1.0" encoding="UTF-8"?>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
    xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
    xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:CustomizationID>urn:cen.eu:en16931:2017</cbc:CustomizationID>
  <cbc:ProfileID>A1</cbc:ProfileID>
  <cbc:ID>F-2024-001</cbc:ID>
  <cbc:IssueDate>2024-01-15</cbc:IssueDate>
  <cbc:DueDate>2024-02-14</cbc:DueDate>
  <cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>
  <cbc:Note>Première note</cbc:Note>
  <cbc:Note>
    Seconde note
  </cbc:Note>
  <cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>
  <cbc:TaxCurrencyCode>USD</cbc:TaxCurrencyCode>
  <cbc:BuyerReference>SERVICE-42</cbc:BuyerReference>
  <cac:OrderReference><cbc:ID>ENG-2024-7</cbc:ID></cac:OrderReference>
  <cac:ContractDocumentReference><cbc:ID>MARCHE-12</cbc:ID></cac:ContractDocumentReference>
  <cac:AccountingSupplierParty>
    <cac:Party>
      <cbc:EndpointID schemeID="0009">12345678900011</cbc:EndpointID>
      <cac:PartyIdentification><cbc:ID schemeID="0088">5790000435975</cbc:ID></cac:PartyIdentification>
      <cac:PartyIdentification><cbc:ID>SUP-7</cbc:ID></cac:PartyIdentification>
      <cac:PartyName><cbc:Name>Vendeur</cbc:Name></cac:PartyName>
      <cac:PostalAddress>
        <cbc:StreetName>1 rue de la Paix</cbc:StreetName>
        <cbc:AdditionalStreetName>Bâtiment B</cbc:AdditionalStreetName>
        <cbc:CityName>Paris</cbc:CityName>
        <cbc:PostalZone>75002</cbc:PostalZone>
        <cbc:CountrySubentity>Île-de-France</cbc:CountrySubentity>
        <cac:AddressLine><cbc:Line>3e étage</cbc:Line></cac:AddressLine>
        <cac:Country><cbc:IdentificationCode>FR</cbc:IdentificationCode></cac:Country>
      </cac:PostalAddress>
      <cac:PartyTaxScheme>
        <cbc:CompanyID>FR12345678901</cbc:CompanyID>
        <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme>
      </cac:PartyTaxScheme>
      <cac:PartyTaxScheme>
        <cbc:CompanyID>TAXREG-99</cbc:CompanyID>
        <cac:TaxScheme><cbc:ID>LOC</cbc:ID></cac:TaxScheme>
      </cac:PartyTaxScheme>
      <cac:PartyLegalEntity>
        <cbc:RegistrationName>Vendeur SA</cbc:RegistrationName>
        <cbc:CompanyID schemeID="0009">12345678900011</cbc:CompanyID>
      </cac:PartyLegalEntity>
    </cac:Party>
  </cac:AccountingSupplierParty>
  <cac:AccountingCustomerParty>
    <cac:Party>
      <cbc:EndpointID schemeID="0009">11000201100044</cbc:EndpointID>
      <cac:PartyIdentification><cbc:ID schemeID="0009">11000201100044</cbc:ID></cac:PartyIdentification>
      <cac:PostalAddress>
        <cbc:StreetName>20 avenue de Ségur</cbc:StreetName>
        <cbc:CityName>Paris</cbc:CityName>
        <cbc:PostalZone>75007</cbc:PostalZone>
        <cac:Country><cbc:IdentificationCode>FR</cbc:IdentificationCode></cac:Country>
      </cac:PostalAddress>
      <cac:PartyTaxScheme>
        <cbc:CompanyID>FR98765432109</cbc:CompanyID>
        <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme>
      </cac:PartyTaxScheme>
      <cac:PartyLegalEntity>
        <cbc:RegistrationName>Ministère de l'Exemple</cbc:RegistrationName>
        <cbc:CompanyID schemeID="0002">110002011</cbc:CompanyID>
      </cac:PartyLegalEntity>
    </cac:Party>
  </cac:AccountingCustomerParty>
  <cac:PayeeParty>
    <cac:PartyIdentification><cbc:ID schemeID="SEPA">FR12ZZZ123456</cbc:ID></cac:PartyIdentification>
    <cac:PartyName><cbc:Name>Affactureur SAS</cbc:Name></cac:PartyName>
    <cac:PartyLegalEntity><cbc:CompanyID schemeID="0002">552100554</cbc:CompanyID></cac:PartyLegalEntity>
  </cac:PayeeParty>
  <cac:PaymentMeans>
    <cbc:PaymentMeansCode>30</cbc:PaymentMeansCode>
    <cbc:PaymentID>F-2024-001 REF</cbc:PaymentID>
    <cac:PayeeFinancialAccount><cbc:ID>FR7630006000011234567890189</cbc:ID></cac:PayeeFinancialAccount>
  </cac:PaymentMeans>
  <cac:PaymentMeans>
    <cbc:PaymentMeansCode>49</cbc:PaymentMeansCode>
  </cac:PaymentMeans>
  <cac:PaymentTerms><cbc:Note>30 jours fin de mois</cbc:Note></cac:PaymentTerms>
  <cac:AllowanceCharge>
    <cbc:ChargeIndicator>false</cbc:ChargeIndicator>
    <cbc:AllowanceChargeReasonCode>95</cbc:AllowanceChargeReasonCode>
    <cbc:AllowanceChargeReason>Remise commerciale</cbc:AllowanceChargeReason>
    <cbc:MultiplierFactorNumeric>5</cbc:MultiplierFactorNumeric>
    <cbc:Amount currencyID="EUR">50.00</cbc:Amount>
    <cbc:BaseAmount currencyID="EUR">1000.00</cbc:BaseAmount>
    <cac:TaxCategory>
      <cbc:ID>S</cbc:ID>
      <cbc:Percent>20</cbc:Percent>
      <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme>
    </cac:TaxCategory>
  </cac:AllowanceCharge>
  <cac:AllowanceCharge>
    <cbc:ChargeIndicator>true</cbc:ChargeIndicator>
    <cbc:AllowanceChargeReasonCode>FC</cbc:AllowanceChargeReasonCode>
    <cbc:AllowanceChargeReason>Frais de port</cbc:AllowanceChargeReason>
    <cbc:Amount currencyID="EUR">20.00</cbc:Amount>
    <cac:TaxCategory>
      <cbc:ID>S</cbc:ID>
      <cbc:Percent>20.00</cbc:Percent>
      <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme>
    </cac:TaxCategory>
  </cac:AllowanceCharge>
  <cac:TaxTotal>
    <cbc:TaxAmount currencyID="EUR">174.00</cbc:TaxAmount>
    <cac:TaxSubtotal>
      <cbc:TaxableAmount currencyID="EUR">870.00</cbc:TaxableAmount>
      <cbc:TaxAmount currencyID="EUR">174.00</cbc:TaxAmount>
      <cac:TaxCategory>
        <cbc:ID>S</cbc:ID>
        <cbc:Percent>20</cbc:Percent>
        <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme>
      </cac:TaxCategory>
    </cac:TaxSubtotal>
    <cac:TaxSubtotal>
      <cbc:TaxableAmount currencyID="EUR">100.00</cbc:TaxableAmount>
      <cbc:TaxAmount currencyID="EUR">0.00</cbc:TaxAmount>
      <cac:TaxCategory>
        <cbc:ID>E</cbc:ID>
        <cbc:Percent>0</cbc:Percent>
        <cbc:TaxExemptionReasonCode>VATEX-EU-132</cbc:TaxExemptionReasonCode>
        <cbc:TaxExemptionReason>Exonération article 261 CGI</cbc:TaxExemptionReason>
        <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme>
      </cac:TaxCategory>
    </cac:TaxSubtotal>
  </cac:TaxTotal>
  <cac:TaxTotal>
    <cbc:TaxAmount currencyID="USD">190.12</cbc:TaxAmount>
  </cac:TaxTotal>
  <cac:LegalMonetaryTotal>
    <cbc:LineExtensionAmount currencyID="EUR">1000.00</cbc:LineExtensionAmount>
    <cbc:TaxExclusiveAmount currencyID="EUR">970.00</cbc:TaxExclusiveAmount>
    <cbc:TaxInclusiveAmount currencyID="EUR">1144.00</cbc:TaxInclusiveAmount>
    <cbc:AllowanceTotalAmount currencyID="EUR">50.00</cbc:AllowanceTotalAmount>
    <cbc:ChargeTotalAmount currencyID="EUR">20.00</cbc:ChargeTotalAmount>
    <cbc:PrepaidAmount currencyID="EUR">100.00</cbc:PrepaidAmount>
    <cbc:PayableRoundingAmount currencyID="EUR">0.01</cbc:PayableRoundingAmount>
    <cbc:PayableAmount currencyID="EUR">1044.01</cbc:PayableAmount>
  </cac:LegalMonetaryTotal>
  <cac:InvoiceLine>
    <cbc:ID>1</cbc:ID>
    <cbc:InvoicedQuantity unitCode="HUR">10</cbc:InvoicedQuantity>
    <cbc:LineExtensionAmount currencyID="EUR">900.00</cbc:LineExtensionAmount>
    <cac:OrderLineReference><cbc:LineID>OL-1</cbc:LineID></cac:OrderLineReference>
    <cac:AllowanceCharge>
      <cbc:ChargeIndicator>false</cbc:ChargeIndicator>
      <cbc:AllowanceChargeReasonCode>95</cbc:AllowanceChargeReasonCode>
      <cbc:AllowanceChargeReason>Remise fidélité</cbc:AllowanceChargeReason>
      <cbc:MultiplierFactorNumeric>10</cbc:MultiplierFactorNumeric>
      <cbc:Amount currencyID="EUR">100.00</cbc:Amount>
      <cbc:BaseAmount currencyID="EUR">1000.00</cbc:BaseAmount>
      <cac:TaxCategory><cbc:ID>Z</cbc:ID><cbc:Percent>0</cbc:Percent></cac:TaxCategory>
    </cac:AllowanceCharge>
    <cac:Item>
      <cbc:Name>Conseil</cbc:Name>
      <cac:ClassifiedTaxCategory>
        <cbc:ID>S</cbc:ID>
        <cbc:Percent>20.00</cbc:Percent>
        <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme>
      </cac:ClassifiedTaxCategory>
    </cac:Item>
    <cac:Price>
      <cbc:PriceAmount currencyID="EUR">100.00</cbc:PriceAmount>
      <cac:AllowanceCharge>
        <cbc:ChargeIndicator>false</cbc:ChargeIndicator>
        <cbc:Amount currencyID="EUR">10.00</cbc:Amount>
        <cbc:BaseAmount currencyID="EUR">110.00</cbc:BaseAmount>
      </cac:AllowanceCharge>
    </cac:Price>
  </cac:InvoiceLine>
  <cac:InvoiceLine>
    <cbc:ID>2</cbc:ID>
    <cbc:InvoicedQuantity unitCode="C62">5</cbc:InvoicedQuantity>
    <cbc:LineExtensionAmount currencyID="EUR">100.00</cbc:LineExtensionAmount>
    <cac:Item>
      <cbc:Name>Formation</cbc:Name>
      <cac:ClassifiedTaxCategory>
        <cbc:ID>E</cbc:ID>
        <cbc:Percent>0</cbc:Percent>
        <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme>
      </cac:ClassifiedTaxCategory>
    </cac:Item>
    <cac:Price>
      <cbc:PriceAmount currencyID="EUR">20.00</cbc:PriceAmount>
    </cac:Price>
  </cac:InvoiceLine>
</Invoice>
)xml";

// A UBL 2.1 credit note with one line; its due date is given in PaymentMeans.
const std::string kCreditNote = R"xml(<?xml version="1.0" encoding="UTF-8"?>
<CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"
    xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
    xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:ID>AV-2024-003</cbc:ID>
  <cbc:IssueDate>2024-03-01</cbc:IssueDate>
  <cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>
  <cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>
  <cac:PaymentMeans>
    <cbc:PaymentMeansCode>30</cbc:PaymentMeansCode>
    <cbc:PaymentDueDate>2024-03-31</cbc:PaymentDueDate>
  </cac:PaymentMeans>
  <cac:PaymentMeans>
    <cbc:PaymentMeansCode>58</cbc:PaymentMeansCode>
    <cbc:PaymentDueDate>2024-04-30</cbc:PaymentDueDate>
  </cac:PaymentMeans>
  <cac:LegalMonetaryTotal>
    <cbc:LineExtensionAmount currencyID="EUR">-12.50</cbc:LineExtensionAmount>
    <cbc:PayableAmount currencyID="EUR">-15.00</cbc:PayableAmount>
  </cac:LegalMonetaryTotal>
  <cac:CreditNoteLine>
    <cbc:ID>1</cbc:ID>
    <cbc:CreditedQuantity unitCode="KGM">2.5</cbc:CreditedQuantity>
    <cbc:LineExtensionAmount currencyID="EUR">-12.50</cbc:LineExtensionAmount>
    <cac:Item><cbc:Name>Retour</cbc:Name></cac:Item>
    <cac:Price><cbc:PriceAmount currencyID="EUR">5.00</cbc:PriceAmount></cac:Price>
  </cac:CreditNoteLine>
</CreditNote>
)xml";

std::string replace_all(std::string text, std::string_view from, std::string_view to) {
  for (std::size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

// 1-based line of the `nth` (1-based) occurrence of `needle` in `text`.
std::uint32_t line_of(std::string_view text, std::string_view needle, int nth = 1) {
  std::size_t at = text.find(needle);
  for (int i = 1; i < nth && at != std::string_view::npos; ++i)
    at = text.find(needle, at + 1);
  REQUIRE(at != std::string_view::npos);
  std::uint32_t line = 1;
  for (std::size_t i = 0; i < at; ++i) {
    if (text[i] == '\n') ++line;
  }
  return line;
}

struct Read {
  Invoice invoice;
  std::vector<Finding> findings;
};

Read read(const std::string& text, DocumentKind kind = DocumentKind::Invoice) {
  Read out;
  auto loaded = xml::load(text, {1U << 20U, 200}, out.findings);
  REQUIRE(loaded);
  REQUIRE(out.findings.empty());
  out.invoice = readers::read_ubl(*loaded, kind, out.findings);
  return out;
}

Decimal dec(std::string_view text) {
  auto d = Decimal::parse(text);
  REQUIRE(d);
  return *d;
}

void check_text(const std::optional<Text>& t, std::string_view value) {
  INFO("expected text " << std::string(value));
  REQUIRE(t.has_value());
  CHECK(t->value == value);
}

void check_id(const std::optional<Identifier>& i, std::string_view value, std::string_view scheme) {
  INFO("expected identifier " << std::string(value));
  REQUIRE(i.has_value());
  CHECK(i->value == value);
  CHECK(i->scheme == scheme);
}

void check_amount(const std::optional<Amount>& a, std::string_view value,
                  std::string_view currency) {
  INFO("expected amount " << std::string(value));
  REQUIRE(a.has_value());
  CHECK(a->value == dec(value));
  CHECK(a->value.to_string() == value);
  CHECK(a->currency == currency);
}

void check_number(const std::optional<Number>& n, std::string_view value) {
  INFO("expected number " << std::string(value));
  REQUIRE(n.has_value());
  CHECK(n->value.to_string() == value);
}

// Every value of the model as one string (value, scheme, currency, path, line).
std::vector<std::string> flatten(const Invoice& inv) {
  std::vector<std::string> out;
  auto src = [](const SourceRef& s) { return "@" + s.path() + ":" + std::to_string(s.line); };
  auto text = [&](std::string_view key, const std::optional<Text>& t) {
    out.push_back(std::string(key) + (t ? "=" + t->value + src(t->source) : "-"));
  };
  auto id = [&](std::string_view key, const std::optional<Identifier>& i) {
    out.push_back(std::string(key) + (i ? "=" + i->value + "|" + i->scheme + src(i->source) : "-"));
  };
  auto amount = [&](std::string_view key, const std::optional<Amount>& a) {
    out.push_back(std::string(key) +
                  (a ? "=" + a->value.to_string() + "|" + a->currency + src(a->source) : "-"));
  };
  auto number = [&](std::string_view key, const std::optional<Number>& n) {
    out.push_back(std::string(key) + (n ? "=" + n->value.to_string() + src(n->source) : "-"));
  };
  auto party = [&](std::string_view key, const Party& p) {
    std::string k(key);
    text(k + ".name", p.name);
    text(k + ".trading", p.trading_name);
    for (const auto& i : p.identifiers)
      id(k + ".id", i);
    id(k + ".legal", p.legal_id);
    text(k + ".vat", p.vat_id);
    text(k + ".taxreg", p.tax_registration_id);
    id(k + ".endpoint", p.electronic_address);
    if (p.address) {
      text(k + ".line1", p.address->line1);
      text(k + ".line2", p.address->line2);
      text(k + ".line3", p.address->line3);
      text(k + ".city", p.address->city);
      text(k + ".postcode", p.address->postcode);
      text(k + ".subdivision", p.address->subdivision);
      text(k + ".country", p.address->country);
    }
    out.push_back(k + src(p.source));
  };
  auto ac = [&](std::string_view key, const AllowanceCharge& a) {
    std::string k(key);
    out.push_back(k + (a.is_charge ? ".charge" : ".allowance") + src(a.source));
    amount(k + ".amount", a.amount);
    amount(k + ".base", a.base_amount);
    number(k + ".percent", a.percentage);
    text(k + ".category", a.vat_category);
    number(k + ".rate", a.vat_rate);
    text(k + ".reason", a.reason);
    text(k + ".code", a.reason_code);
  };
  text("number", inv.number);
  text("issue", inv.issue_date);
  text("type", inv.type_code);
  text("currency", inv.currency);
  text("vat_currency", inv.vat_currency);
  text("due", inv.due_date);
  text("buyer_ref", inv.buyer_reference);
  text("contract", inv.contract_reference);
  text("order", inv.purchase_order_reference);
  text("terms", inv.payment_terms);
  text("process", inv.business_process);
  text("spec", inv.specification_id);
  for (const auto& n : inv.notes)
    text("note", n);
  party("seller", inv.seller);
  party("buyer", inv.buyer);
  if (inv.payee) party("payee", *inv.payee);
  for (const auto& m : inv.payment_means) {
    text("means.code", m.code);
    text("means.remittance", m.remittance_information);
    for (const auto& a : m.payee_accounts)
      id("means.account", a);
  }
  for (const auto& a : inv.allowances_charges)
    ac("doc", a);
  if (inv.totals) {
    amount("bt106", inv.totals->line_net_total);
    amount("bt107", inv.totals->allowance_total);
    amount("bt108", inv.totals->charge_total);
    amount("bt109", inv.totals->tax_exclusive);
    amount("bt112", inv.totals->tax_inclusive);
    amount("bt113", inv.totals->prepaid);
    amount("bt114", inv.totals->rounding);
    amount("bt115", inv.totals->payable);
  }
  for (const auto& t : inv.vat_totals)
    amount("vat_total", t);
  for (const auto& b : inv.vat_breakdown) {
    amount("vat.taxable", b.taxable_amount);
    amount("vat.tax", b.tax_amount);
    text("vat.category", b.category);
    number("vat.rate", b.rate);
    text("vat.reason", b.exemption_reason);
    text("vat.code", b.exemption_code);
  }
  for (const auto& l : inv.lines) {
    text("line.id", l.id);
    number("line.quantity", l.quantity);
    text("line.unit", l.unit_code);
    amount("line.net", l.net_amount);
    text("line.order", l.purchase_order_line);
    for (const auto& a : l.allowances_charges)
      ac("line.ac", a);
    number("line.net_price", l.net_price);
    number("line.gross_price", l.gross_price);
    text("line.category", l.vat_category);
    number("line.rate", l.vat_rate);
    text("line.name", l.item_name);
  }
  return out;
}

// The strings of `flatten` without their paths (which carry the document's own
// prefixes), keeping the lines: "note=Seconde note@:13".
std::vector<std::string> without_paths(std::vector<std::string> flat) {
  for (auto& s : flat) {
    std::size_t at = s.find('@');
    std::size_t colon = s.rfind(':');
    if (at != std::string::npos && colon != std::string::npos && colon > at) {
      s.erase(at + 1, colon - at - 1);
    }
  }
  return flat;
}

}  // namespace

TEST_CASE("read_ubl fills the EN 16931 model from a UBL invoice", "[readers][ubl]") {
  Read r = read(kInvoice);
  const Invoice& inv = r.invoice;
  CHECK(r.findings.empty());
  CHECK(inv.syntax == Syntax::Ubl);
  CHECK(inv.kind == DocumentKind::Invoice);

  SECTION("document header") {
    check_text(inv.number, "F-2024-001");                         // BT-1
    check_text(inv.issue_date, "2024-01-15");                     // BT-2
    check_text(inv.type_code, "380");                             // BT-3
    check_text(inv.currency, "EUR");                              // BT-5
    check_text(inv.vat_currency, "USD");                          // BT-6
    check_text(inv.due_date, "2024-02-14");                       // BT-9
    check_text(inv.buyer_reference, "SERVICE-42");                // BT-10
    check_text(inv.contract_reference, "MARCHE-12");              // BT-12
    check_text(inv.purchase_order_reference, "ENG-2024-7");       // BT-13
    check_text(inv.payment_terms, "30 jours fin de mois");        // BT-20
    check_text(inv.business_process, "A1");                       // BT-23
    check_text(inv.specification_id, "urn:cen.eu:en16931:2017");  // BT-24
    REQUIRE(inv.notes.size() == 2);                               // BT-22
    CHECK(inv.notes[0].value == "Première note");
    CHECK(inv.notes[1].value == "Seconde note");  // trimmed
    CHECK(inv.notes[0].source.path() == "/Invoice/cbc:Note[1]");
    CHECK(inv.notes[1].source.path() == "/Invoice/cbc:Note[2]");
    CHECK(inv.notes[1].source.line == line_of(kInvoice, "<cbc:Note>", 2));

    CHECK(inv.number->source.path() == "/Invoice/cbc:ID");
    CHECK(inv.number->source.line == 7);
    CHECK(inv.number->source.line == line_of(kInvoice, "<cbc:ID>F-2024-001"));
    CHECK(inv.purchase_order_reference->source.path() == "/Invoice/cac:OrderReference/cbc:ID");
    CHECK(inv.contract_reference->source.path() == "/Invoice/cac:ContractDocumentReference/cbc:ID");
    CHECK(inv.payment_terms->source.path() == "/Invoice/cac:PaymentTerms/cbc:Note");
    CHECK(inv.currency->source.line == line_of(kInvoice, "<cbc:DocumentCurrencyCode>"));
  }

  SECTION("seller") {
    const Party& s = inv.seller;
    check_text(s.name, "Vendeur SA");       // BT-27
    check_text(s.trading_name, "Vendeur");  // BT-28
    REQUIRE(s.identifiers.size() == 2);     // BT-29
    CHECK(s.identifiers[0].value == "5790000435975");
    CHECK(s.identifiers[0].scheme == "0088");
    CHECK(s.identifiers[1].value == "SUP-7");
    CHECK(s.identifiers[1].scheme.empty());
    CHECK(s.identifiers[1].source.path() ==
          "/Invoice/cac:AccountingSupplierParty/cac:Party/cac:PartyIdentification[2]/cbc:ID");
    check_id(s.legal_id, "12345678900011", "0009");  // BT-30
    CHECK(s.legal_id->source.path() ==
          "/Invoice/cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyID");
    REQUIRE(s.legal_entity);  // the group BR-FR-10 is tested on
    CHECK(s.legal_entity->path() ==
          "/Invoice/cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity");
    CHECK(inv.included_notes.empty());               // UBL writes a note's subject in its text
    check_text(s.vat_id, "FR12345678901");           // BT-31
    check_text(s.tax_registration_id, "TAXREG-99");  // BT-32
    CHECK(s.vat_id->source.path() ==
          "/Invoice/cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme[1]/cbc:CompanyID");
    CHECK(s.tax_registration_id->source.path() ==
          "/Invoice/cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme[2]/cbc:CompanyID");
    check_id(s.electronic_address, "12345678900011", "0009");  // BT-34
    CHECK(s.electronic_address->source.line == line_of(kInvoice, "<cbc:EndpointID"));
    CHECK(s.source.path() == "/Invoice/cac:AccountingSupplierParty/cac:Party");
    REQUIRE(s.address);
    check_text(s.address->line1, "1 rue de la Paix");
    check_text(s.address->line2, "Bâtiment B");
    check_text(s.address->line3, "3e étage");
    check_text(s.address->city, "Paris");
    check_text(s.address->postcode, "75002");
    check_text(s.address->subdivision, "Île-de-France");
    check_text(s.address->country, "FR");
    CHECK(s.address->country->source.path() ==
          "/Invoice/cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cac:Country/"
          "cbc:IdentificationCode");
    CHECK(s.address->source.line == line_of(kInvoice, "<cac:PostalAddress>"));
  }

  SECTION("buyer") {
    const Party& b = inv.buyer;
    check_text(b.name, "Ministère de l'Exemple");
    CHECK_FALSE(b.trading_name);
    REQUIRE(b.identifiers.size() == 1);
    CHECK(b.identifiers[0].value == "11000201100044");
    CHECK(b.identifiers[0].scheme == "0009");
    check_id(b.legal_id, "110002011", "0002");
    check_text(b.vat_id, "FR98765432109");
    CHECK_FALSE(b.tax_registration_id);
    check_id(b.electronic_address, "11000201100044", "0009");
    REQUIRE(b.address);
    check_text(b.address->line1, "20 avenue de Ségur");
    CHECK_FALSE(b.address->line2);
    CHECK_FALSE(b.address->line3);
    check_text(b.address->postcode, "75007");
    CHECK_FALSE(b.address->subdivision);
    CHECK(b.address->city->source.path() ==
          "/Invoice/cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:CityName");
  }

  SECTION("payee") {
    REQUIRE(inv.payee);
    const Party& p = *inv.payee;
    check_text(p.name, "Affactureur SAS");  // BT-59 from PartyName
    REQUIRE(p.identifiers.size() == 1);
    CHECK(p.identifiers[0].value == "FR12ZZZ123456");
    CHECK(p.identifiers[0].scheme == "SEPA");
    check_id(p.legal_id, "552100554", "0002");
    CHECK(p.source.path() == "/Invoice/cac:PayeeParty");
    CHECK(p.name->source.path() == "/Invoice/cac:PayeeParty/cac:PartyName/cbc:Name");
    CHECK_FALSE(p.address);
  }

  SECTION("payment means") {
    REQUIRE(inv.payment_means.size() == 2);
    const PaymentMeans& first = inv.payment_means[0];
    check_text(first.code, "30");
    check_text(first.remittance_information, "F-2024-001 REF");
    REQUIRE(first.payee_accounts.size() == 1);
    CHECK(first.payee_accounts[0].value == "FR7630006000011234567890189");
    CHECK(first.payee_accounts[0].scheme.empty());
    CHECK(first.payee_accounts[0].source.path() ==
          "/Invoice/cac:PaymentMeans[1]/cac:PayeeFinancialAccount[1]/cbc:ID");
    CHECK(first.source.path() == "/Invoice/cac:PaymentMeans[1]");
    const PaymentMeans& second = inv.payment_means[1];
    check_text(second.code, "49");
    CHECK(second.code->source.path() == "/Invoice/cac:PaymentMeans[2]/cbc:PaymentMeansCode");
    CHECK_FALSE(second.remittance_information);
    CHECK(second.payee_accounts.empty());
  }

  SECTION("document level allowance and charge") {
    REQUIRE(inv.allowances_charges.size() == 2);
    const AllowanceCharge& allowance = inv.allowances_charges[0];
    CHECK_FALSE(allowance.is_charge);
    check_text(allowance.charge_indicator, "false");
    check_amount(allowance.amount, "50.00", "EUR");         // BT-92
    check_amount(allowance.base_amount, "1000.00", "EUR");  // BT-93
    check_number(allowance.percentage, "5");                // BT-94
    check_text(allowance.vat_category, "S");                // BT-95
    check_number(allowance.vat_rate, "20");                 // BT-96
    check_text(allowance.reason, "Remise commerciale");     // BT-97
    check_text(allowance.reason_code, "95");                // BT-98
    CHECK(allowance.source.path() == "/Invoice/cac:AllowanceCharge[1]");
    CHECK(allowance.amount->source.path() == "/Invoice/cac:AllowanceCharge[1]/cbc:Amount");
    CHECK(allowance.vat_rate->source.path() ==
          "/Invoice/cac:AllowanceCharge[1]/cac:TaxCategory/cbc:Percent");

    const AllowanceCharge& charge = inv.allowances_charges[1];
    CHECK(charge.is_charge);
    check_amount(charge.amount, "20.00", "EUR");  // BT-99
    CHECK_FALSE(charge.base_amount);
    CHECK_FALSE(charge.percentage);
    check_text(charge.vat_category, "S");
    check_number(charge.vat_rate, "20.00");
    check_text(charge.reason, "Frais de port");
    check_text(charge.reason_code, "FC");
    CHECK(charge.amount->source.line == line_of(kInvoice, "<cbc:Amount currencyID=\"EUR\">20.00"));
  }

  SECTION("VAT totals and breakdown") {
    REQUIRE(inv.vat_totals.size() == 2);
    check_amount(inv.vat_totals[0], "174.00", "EUR");
    check_amount(inv.vat_totals[1], "190.12", "USD");
    CHECK(inv.vat_totals[0].source.path() == "/Invoice/cac:TaxTotal[1]/cbc:TaxAmount");
    CHECK(inv.vat_totals[1].source.path() == "/Invoice/cac:TaxTotal[2]/cbc:TaxAmount");
    CHECK(inv.vat_totals[1].source.line == line_of(kInvoice, "currencyID=\"USD\""));

    REQUIRE(inv.vat_breakdown.size() == 2);
    const VatBreakdown& s = inv.vat_breakdown[0];
    check_amount(s.taxable_amount, "870.00", "EUR");
    check_amount(s.tax_amount, "174.00", "EUR");
    check_text(s.category, "S");
    check_number(s.rate, "20");
    CHECK_FALSE(s.exemption_reason);
    CHECK_FALSE(s.exemption_code);
    CHECK(s.source.path() == "/Invoice/cac:TaxTotal[1]/cac:TaxSubtotal[1]");
    const VatBreakdown& e = inv.vat_breakdown[1];
    check_amount(e.taxable_amount, "100.00", "EUR");
    check_amount(e.tax_amount, "0.00", "EUR");
    check_text(e.category, "E");
    check_number(e.rate, "0");
    check_text(e.exemption_reason, "Exonération article 261 CGI");
    check_text(e.exemption_code, "VATEX-EU-132");
    CHECK(e.exemption_code->source.path() ==
          "/Invoice/cac:TaxTotal[1]/cac:TaxSubtotal[2]/cac:TaxCategory/cbc:TaxExemptionReasonCode");
  }

  SECTION("totals") {
    REQUIRE(inv.totals);
    const Totals& t = *inv.totals;
    check_amount(t.line_net_total, "1000.00", "EUR");  // BT-106
    check_amount(t.allowance_total, "50.00", "EUR");   // BT-107
    check_amount(t.charge_total, "20.00", "EUR");      // BT-108
    check_amount(t.tax_exclusive, "970.00", "EUR");    // BT-109
    check_amount(t.tax_inclusive, "1144.00", "EUR");   // BT-112
    check_amount(t.prepaid, "100.00", "EUR");          // BT-113
    check_amount(t.rounding, "0.01", "EUR");           // BT-114
    check_amount(t.payable, "1044.01", "EUR");         // BT-115
    CHECK(t.source.path() == "/Invoice/cac:LegalMonetaryTotal");
    CHECK(t.source.line == line_of(kInvoice, "<cac:LegalMonetaryTotal>"));
    CHECK(t.payable->source.path() == "/Invoice/cac:LegalMonetaryTotal/cbc:PayableAmount");
    CHECK(t.payable->source.line == line_of(kInvoice, "<cbc:PayableAmount"));
    CHECK(t.rounding->source.line == line_of(kInvoice, "<cbc:PayableRoundingAmount"));
  }

  SECTION("lines") {
    REQUIRE(inv.lines.size() == 2);
    const InvoiceLine& first = inv.lines[0];
    check_text(first.id, "1");
    check_number(first.quantity, "10");
    check_text(first.unit_code, "HUR");
    check_amount(first.net_amount, "900.00", "EUR");
    check_text(first.purchase_order_line, "OL-1");
    check_text(first.item_name, "Conseil");
    check_text(first.vat_category, "S");
    check_number(first.vat_rate, "20.00");
    check_number(first.net_price, "100.00");
    check_number(first.gross_price, "110.00");
    CHECK(first.source.path() == "/Invoice/cac:InvoiceLine[1]");
    CHECK(first.unit_code->source.path() == "/Invoice/cac:InvoiceLine[1]/cbc:InvoicedQuantity");
    CHECK(first.purchase_order_line->source.path() ==
          "/Invoice/cac:InvoiceLine[1]/cac:OrderLineReference/cbc:LineID");
    CHECK(first.gross_price->source.path() ==
          "/Invoice/cac:InvoiceLine[1]/cac:Price/cac:AllowanceCharge/cbc:BaseAmount");
    CHECK(first.vat_rate->source.path() ==
          "/Invoice/cac:InvoiceLine[1]/cac:Item/cac:ClassifiedTaxCategory/cbc:Percent");

    REQUIRE(first.allowances_charges.size() == 1);
    const AllowanceCharge& ac = first.allowances_charges[0];
    CHECK_FALSE(ac.is_charge);
    check_amount(ac.amount, "100.00", "EUR");        // BT-136
    check_amount(ac.base_amount, "1000.00", "EUR");  // BT-137
    check_number(ac.percentage, "10");               // BT-138
    check_text(ac.reason, "Remise fidélité");        // BT-139
    check_text(ac.reason_code, "95");                // BT-140
    CHECK_FALSE(ac.vat_category);                    // BT-95/96 are document level only
    CHECK_FALSE(ac.vat_rate);
    CHECK(ac.source.path() == "/Invoice/cac:InvoiceLine[1]/cac:AllowanceCharge[1]");

    const InvoiceLine& second = inv.lines[1];
    check_text(second.id, "2");
    check_number(second.quantity, "5");
    check_text(second.unit_code, "C62");
    check_amount(second.net_amount, "100.00", "EUR");
    CHECK_FALSE(second.purchase_order_line);
    CHECK(second.allowances_charges.empty());
    check_text(second.item_name, "Formation");
    check_text(second.vat_category, "E");
    check_number(second.vat_rate, "0");
    check_number(second.net_price, "20.00");
    CHECK_FALSE(second.gross_price);
    CHECK(second.net_amount->source.path() ==
          "/Invoice/cac:InvoiceLine[2]/cbc:LineExtensionAmount");
    CHECK(second.net_amount->source.line ==
          line_of(kInvoice, "<cbc:LineExtensionAmount currencyID=\"EUR\">100.00"));
    CHECK(second.source.line == line_of(kInvoice, "<cac:InvoiceLine>", 2));
  }
}

TEST_CASE("read_ubl reads a UBL credit note", "[readers][ubl]") {
  Read r = read(kCreditNote, DocumentKind::CreditNote);
  const Invoice& inv = r.invoice;
  CHECK(r.findings.empty());
  CHECK(inv.syntax == Syntax::Ubl);
  CHECK(inv.kind == DocumentKind::CreditNote);
  check_text(inv.number, "AV-2024-003");
  check_text(inv.type_code, "381");
  CHECK(inv.type_code->source.path() == "/CreditNote/cbc:CreditNoteTypeCode");
  // BT-9 comes from the first PaymentMeans/PaymentDueDate.
  check_text(inv.due_date, "2024-03-31");
  CHECK(inv.due_date->source.path() == "/CreditNote/cac:PaymentMeans[1]/cbc:PaymentDueDate");
  CHECK(inv.due_date->source.line == line_of(kCreditNote, "<cbc:PaymentDueDate>"));
  REQUIRE(inv.payment_means.size() == 2);
  check_text(inv.payment_means[1].code, "58");

  REQUIRE(inv.lines.size() == 1);
  const InvoiceLine& line = inv.lines[0];
  check_text(line.id, "1");
  check_number(line.quantity, "2.5");
  check_text(line.unit_code, "KGM");
  CHECK(line.quantity->source.path() == "/CreditNote/cac:CreditNoteLine[1]/cbc:CreditedQuantity");
  check_amount(line.net_amount, "-12.50", "EUR");
  CHECK(line.net_amount->source.path() ==
        "/CreditNote/cac:CreditNoteLine[1]/cbc:LineExtensionAmount");
  check_text(line.item_name, "Retour");
  check_number(line.net_price, "5.00");

  REQUIRE(inv.totals);
  check_amount(inv.totals->line_net_total, "-12.50", "EUR");
  check_amount(inv.totals->payable, "-15.00", "EUR");
  CHECK_FALSE(inv.totals->tax_exclusive);
}

TEST_CASE("read_ubl ignores credit note elements in an invoice and the reverse", "[readers][ubl]") {
  SECTION("an invoice does not take its due date from PaymentMeans") {
    std::string text = replace_all(kInvoice, "  <cbc:DueDate>2024-02-14</cbc:DueDate>\n", "");
    text = replace_all(text, "<cbc:PaymentMeansCode>30</cbc:PaymentMeansCode>",
                       "<cbc:PaymentMeansCode>30</cbc:PaymentMeansCode>"
                       "<cbc:PaymentDueDate>2024-03-31</cbc:PaymentDueDate>");
    Read r = read(text);
    CHECK_FALSE(r.invoice.due_date);
  }
  SECTION("a credit note read as an invoice has no type code, but its lines") {
    // The official tests take lines of either name (BR-16, BR-21…).
    Read r = read(kCreditNote, DocumentKind::Invoice);
    CHECK_FALSE(r.invoice.lines.empty());
    CHECK_FALSE(r.invoice.type_code);
    CHECK(r.invoice.due_date == std::nullopt);
  }
}

TEST_CASE("read_ubl matches namespaces, not prefixes", "[readers][ubl]") {
  const std::vector<std::string> expected = flatten(read(kInvoice).invoice);
  REQUIRE(expected.size() > 120);

  SECTION("a prefix for the root namespace") {
    std::string text = replace_all(kInvoice, "<Invoice xmlns=", "<ubl:Invoice xmlns:ubl=");
    text = replace_all(text, "</Invoice>", "</ubl:Invoice>");
    Read r = read(text);
    CHECK(r.findings.empty());
    CHECK(without_paths(flatten(r.invoice)) == without_paths(expected));
    REQUIRE(r.invoice.lines.size() == 2);
    CHECK(r.invoice.lines[1].net_amount->source.path() ==
          "/ubl:Invoice/cac:InvoiceLine[2]/cbc:LineExtensionAmount");
  }
  SECTION("other prefixes for cac and cbc") {
    std::string text = replace_all(kInvoice, "xmlns:cac=", "xmlns:a=");
    text = replace_all(text, "xmlns:cbc=", "xmlns:b=");
    text = replace_all(replace_all(text, "cac:", "a:"), "cbc:", "b:");
    Read r = read(text);
    CHECK(r.findings.empty());
    CHECK(without_paths(flatten(r.invoice)) == without_paths(expected));
    REQUIRE(r.invoice.lines.size() == 2);
    CHECK(r.invoice.lines[1].net_amount->source.path() ==
          "/Invoice/a:InvoiceLine[2]/b:LineExtensionAmount");
  }
  SECTION("cbc as the default namespace, the root prefixed") {
    std::string text = replace_all(kInvoice, "<Invoice xmlns=", "<inv:Invoice xmlns:inv=");
    text = replace_all(text, "</Invoice>", "</inv:Invoice>");
    text = replace_all(text, "xmlns:cbc=", "xmlns=");
    text = replace_all(text, "cbc:", "");
    Read r = read(text);
    CHECK(r.findings.empty());
    CHECK(without_paths(flatten(r.invoice)) == without_paths(expected));
    REQUIRE(r.invoice.number);
    CHECK(r.invoice.number->source.path() == "/inv:Invoice/ID");
  }
  SECTION("namespaces declared below the root") {
    const std::string cac = " xmlns:cac=\"" + std::string(kCacUri) + "\"";
    // The root keeps a declaration on the same line, so that no line moves.
    std::string text = replace_all(kInvoice, "xmlns:cac=\"" + std::string(kCacUri) + "\"",
                                   "xmlns:unused=\"urn:unused\"");
    REQUIRE(text != kInvoice);
    for (std::string group :
         {"<cac:AccountingSupplierParty", "<cac:AccountingCustomerParty", "<cac:OrderReference",
          "<cac:ContractDocumentReference", "<cac:PayeeParty", "<cac:PaymentMeans",
          "<cac:PaymentTerms", "<cac:AllowanceCharge", "<cac:TaxTotal", "<cac:LegalMonetaryTotal",
          "<cac:InvoiceLine"}) {
      text = replace_all(text, "  " + group + ">", "  " + group + cac + ">");
    }
    Read r = read(text);
    CHECK(r.findings.empty());
    CHECK(flatten(r.invoice) == expected);
  }
  SECTION("elements of another namespace are ignored") {
    std::string text = replace_all(kInvoice, "<cbc:ID>F-2024-001</cbc:ID>",
                                   "<x:ID xmlns:x=\"urn:other\">WRONG</x:ID>\n"
                                   "  <cbc:ID>F-2024-001</cbc:ID>");
    Read r = read(text);
    check_text(r.invoice.number, "F-2024-001");
    CHECK(r.invoice.number->source.line == 8);
  }
}

TEST_CASE("read_ubl checks the namespace URIs it relies on", "[readers][ubl]") {
  // Keep the test's URIs in step with the reader's (a typo would go unseen otherwise).
  CHECK(kInvoice.find(std::string(kInvoiceUri)) != std::string::npos);
  CHECK(kCreditNote.find(std::string(kCreditNoteUri)) != std::string::npos);
  CHECK(kInvoice.find(std::string(kCbcUri)) != std::string::npos);
  const std::string text = R"(<Invoice xmlns=")" + std::string(kInvoiceUri) + R"(" xmlns:cbc=")" +
                           std::string(kCbcUri) + R"("><cbc:ID>X</cbc:ID></Invoice>)";
  check_text(read(text).invoice.number, "X");
}

TEST_CASE("read_ubl reports an amount that is not a number", "[readers][ubl]") {
  const std::string text =
      replace_all(kInvoice, "<cbc:LineExtensionAmount currencyID=\"EUR\">100.00<",
                  "<cbc:LineExtensionAmount currencyID=\"EUR\">12,50<");
  REQUIRE(text != kInvoice);
  Read r = read(text);
  REQUIRE(r.findings.size() == 1);
  const Finding& f = r.findings[0];
  CHECK(f.rule == syntax::kNotANumber);
  CHECK(f.rule == "XML-07");
  CHECK(f.severity == Severity::Fatal);
  CHECK(f.where.path == "/Invoice/cac:InvoiceLine[2]/cbc:LineExtensionAmount");
  CHECK(f.where.line == line_of(text, "12,50"));
  CHECK(f.message.fr.find("12,50") != std::string::npos);
  CHECK(f.message.en.find("12,50") != std::string::npos);
  REQUIRE(r.invoice.lines.size() == 2);
  CHECK_FALSE(r.invoice.lines[1].net_amount);
  CHECK(r.invoice.lines[0].net_amount);
  check_number(r.invoice.lines[1].quantity, "5");  // the rest of the line is still read
  check_text(r.invoice.lines[1].item_name, "Formation");
  REQUIRE(r.invoice.totals);
  check_amount(r.invoice.totals->line_net_total, "1000.00", "EUR");
}

TEST_CASE("read_ubl leaves the totals empty without LegalMonetaryTotal", "[readers][ubl]") {
  const std::size_t from = kInvoice.find("  <cac:LegalMonetaryTotal>");
  const std::size_t to = kInvoice.find("</cac:LegalMonetaryTotal>\n");
  REQUIRE(from != std::string::npos);
  REQUIRE(to != std::string::npos);
  std::string text = kInvoice;
  text.erase(from, to + std::string_view("</cac:LegalMonetaryTotal>\n").size() - from);
  Read r = read(text);
  CHECK(r.findings.empty());
  CHECK_FALSE(r.invoice.totals.has_value());
  CHECK(r.invoice.lines.size() == 2);
  CHECK(r.invoice.vat_totals.size() == 2);
}

TEST_CASE("read_ubl on a bare root leaves every term absent", "[readers][ubl]") {
  Read r = read(R"(<Invoice xmlns=")" + std::string(kInvoiceUri) + R"("/>)");
  const Invoice& inv = r.invoice;
  CHECK(r.findings.empty());
  CHECK(inv.syntax == Syntax::Ubl);
  CHECK_FALSE(inv.number);
  CHECK_FALSE(inv.currency);
  CHECK_FALSE(inv.due_date);
  CHECK_FALSE(inv.seller.name);
  CHECK(inv.seller.source.path().empty());
  CHECK(inv.seller.identifiers.empty());
  CHECK_FALSE(inv.payee);
  CHECK_FALSE(inv.totals);
  CHECK(inv.payment_means.empty());
  CHECK(inv.allowances_charges.empty());
  CHECK(inv.vat_totals.empty());
  CHECK(inv.vat_breakdown.empty());
  CHECK(inv.lines.empty());
  CHECK(inv.notes.empty());
}

namespace {

std::vector<std::string> paths_of(const Invoice& invoice, CodeField field) {
  std::vector<std::string> out;
  for (const CodedValue& value : invoice.codes[field])
    out.push_back(value.source.path());
  return out;
}

}  // namespace

TEST_CASE("read_ubl spells coded values' paths as the reader does", "[readers][ubl][codes]") {
  using Paths = std::vector<std::string>;

  SECTION("a position only where the name repeats among siblings") {
    const Invoice inv = read(kInvoice).invoice;
    CHECK(paths_of(inv, CodeField::UnitCode) ==
          Paths{"/Invoice/cac:InvoiceLine[1]/cbc:InvoicedQuantity",
                "/Invoice/cac:InvoiceLine[2]/cbc:InvoicedQuantity"});
    CHECK(paths_of(inv, CodeField::PaymentMeans) ==
          Paths{"/Invoice/cac:PaymentMeans[1]/cbc:PaymentMeansCode",
                "/Invoice/cac:PaymentMeans[2]/cbc:PaymentMeansCode"});
    CHECK(paths_of(inv, CodeField::InvoiceCurrency) == Paths{"/Invoice/cbc:DocumentCurrencyCode"});
  }

  SECTION("siblings of one name apart from each other") {
    const Invoice inv =
        read(R"xml(<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
    xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
    xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cac:PaymentMeans><cbc:PaymentMeansCode>30</cbc:PaymentMeansCode></cac:PaymentMeans>
  <cac:AllowanceCharge><cbc:ChargeIndicator>false</cbc:ChargeIndicator>
    <cbc:AllowanceChargeReasonCode>95</cbc:AllowanceChargeReasonCode></cac:AllowanceCharge>
  <cac:PaymentMeans><cbc:PaymentMeansCode>49</cbc:PaymentMeansCode></cac:PaymentMeans>
  <cac:AllowanceCharge><cbc:ChargeIndicator>true</cbc:ChargeIndicator>
    <cbc:AllowanceChargeReasonCode>AA</cbc:AllowanceChargeReasonCode></cac:AllowanceCharge>
  <cac:PaymentMeans><cbc:PaymentMeansCode>58</cbc:PaymentMeansCode></cac:PaymentMeans>
  <cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>
</Invoice>)xml")
            .invoice;
    CHECK(paths_of(inv, CodeField::PaymentMeans) ==
          Paths{"/Invoice/cac:PaymentMeans[1]/cbc:PaymentMeansCode",
                "/Invoice/cac:PaymentMeans[2]/cbc:PaymentMeansCode",
                "/Invoice/cac:PaymentMeans[3]/cbc:PaymentMeansCode"});
    CHECK(paths_of(inv, CodeField::AllowanceReason) ==
          Paths{"/Invoice/cac:AllowanceCharge[1]/cbc:AllowanceChargeReasonCode"});
    CHECK(paths_of(inv, CodeField::ChargeReason) ==
          Paths{"/Invoice/cac:AllowanceCharge[2]/cbc:AllowanceChargeReasonCode"});
    CHECK(paths_of(inv, CodeField::InvoiceCurrency) == Paths{"/Invoice/cbc:DocumentCurrencyCode"});
  }

  SECTION("a long list of siblings, counted by name rather than rescanned") {
    std::string text = R"xml(<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
    xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
    xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>
  <cac:PaymentMeans><cbc:PaymentMeansCode>30</cbc:PaymentMeansCode></cac:PaymentMeans>
)xml";
    for (int i = 0; i < 1000; ++i) {
      text +=
          "<cac:InvoiceLine><cbc:InvoicedQuantity unitCode=\"C62\">1</cbc:InvoicedQuantity>"
          "</cac:InvoiceLine>\n";
    }
    text +=
        "<cac:PaymentMeans><cbc:PaymentMeansCode>49</cbc:PaymentMeansCode></cac:PaymentMeans>\n"
        "<cbc:TaxCurrencyCode>USD</cbc:TaxCurrencyCode>\n</Invoice>\n";
    const Invoice inv = read(text).invoice;
    const Paths units = paths_of(inv, CodeField::UnitCode);
    REQUIRE(units.size() == 1000);
    CHECK(units.front() == "/Invoice/cac:InvoiceLine[1]/cbc:InvoicedQuantity");
    CHECK(units.back() == "/Invoice/cac:InvoiceLine[1000]/cbc:InvoicedQuantity");
    CHECK(paths_of(inv, CodeField::InvoiceCurrency) == Paths{"/Invoice/cbc:DocumentCurrencyCode"});
    CHECK(paths_of(inv, CodeField::PaymentMeans) ==
          Paths{"/Invoice/cac:PaymentMeans[1]/cbc:PaymentMeansCode",
                "/Invoice/cac:PaymentMeans[2]/cbc:PaymentMeansCode"});
    CHECK(paths_of(inv, CodeField::VatCurrency) == Paths{"/Invoice/cbc:TaxCurrencyCode"});
  }
}
