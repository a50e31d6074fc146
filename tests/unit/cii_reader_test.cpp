#include "rules/model/decimal.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/syntax/syntax_rules.hpp"
#include "validators/readers/readers.hpp"
#include "validators/xml/safe_xml.hpp"

using namespace cprokit;

namespace {

// A complete CII invoice. Lines: 10 h at 100.00 less a 100.00 line allowance
// (900.00, S 20 %) and 5 units at 20.00 (100.00, E 0 %); at document level an
// allowance of 50.00 and a charge of 20.00, both S 20 %.
const std::string kInvoice = R"xml(<?xml version="1.0" encoding="UTF-8"?>
<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
    xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
    xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">
  <rsm:ExchangedDocumentContext>
    <ram:BusinessProcessSpecifiedDocumentContextParameter><ram:ID>A1</ram:ID></ram:BusinessProcessSpecifiedDocumentContextParameter>
    <ram:GuidelineSpecifiedDocumentContextParameter><ram:ID>urn:cen.eu:en16931:2017</ram:ID></ram:GuidelineSpecifiedDocumentContextParameter>
  </rsm:ExchangedDocumentContext>
  <rsm:ExchangedDocument>
    <ram:ID>F-2024-001</ram:ID>
    <ram:TypeCode>380</ram:TypeCode>
    <ram:IssueDateTime><udt:DateTimeString format="102">20240115</udt:DateTimeString></ram:IssueDateTime>
    <ram:IncludedNote><ram:Content>Première note</ram:Content></ram:IncludedNote>
    <ram:IncludedNote><ram:Content> Seconde note </ram:Content><ram:SubjectCode>AAI</ram:SubjectCode></ram:IncludedNote>
  </rsm:ExchangedDocument>
  <rsm:SupplyChainTradeTransaction>
    <ram:IncludedSupplyChainTradeLineItem>
      <ram:AssociatedDocumentLineDocument><ram:LineID>1</ram:LineID></ram:AssociatedDocumentLineDocument>
      <ram:SpecifiedTradeProduct><ram:Name>Conseil</ram:Name></ram:SpecifiedTradeProduct>
      <ram:SpecifiedLineTradeAgreement>
        <ram:BuyerOrderReferencedDocument><ram:LineID>OL-1</ram:LineID></ram:BuyerOrderReferencedDocument>
        <ram:GrossPriceProductTradePrice><ram:ChargeAmount>110.00</ram:ChargeAmount></ram:GrossPriceProductTradePrice>
        <ram:NetPriceProductTradePrice><ram:ChargeAmount>100.00</ram:ChargeAmount></ram:NetPriceProductTradePrice>
      </ram:SpecifiedLineTradeAgreement>
      <ram:SpecifiedLineTradeDelivery><ram:BilledQuantity unitCode="HUR">10</ram:BilledQuantity></ram:SpecifiedLineTradeDelivery>
      <ram:SpecifiedLineTradeSettlement>
        <ram:ApplicableTradeTax><ram:TypeCode>VAT</ram:TypeCode><ram:CategoryCode>S</ram:CategoryCode><ram:RateApplicablePercent>20.00</ram:RateApplicablePercent></ram:ApplicableTradeTax>
        <ram:SpecifiedTradeAllowanceCharge>
          <ram:ChargeIndicator><udt:Indicator>false</udt:Indicator></ram:ChargeIndicator>
          <ram:CalculationPercent>10</ram:CalculationPercent>
          <ram:BasisAmount>1000.00</ram:BasisAmount>
          <ram:ActualAmount>100.00</ram:ActualAmount>
          <ram:ReasonCode>95</ram:ReasonCode>
          <ram:Reason>Remise fidélité</ram:Reason>
        </ram:SpecifiedTradeAllowanceCharge>
        <ram:SpecifiedTradeSettlementLineMonetarySummation><ram:LineTotalAmount>900.00</ram:LineTotalAmount></ram:SpecifiedTradeSettlementLineMonetarySummation>
      </ram:SpecifiedLineTradeSettlement>
    </ram:IncludedSupplyChainTradeLineItem>
    <ram:IncludedSupplyChainTradeLineItem>
      <ram:AssociatedDocumentLineDocument><ram:LineID>2</ram:LineID></ram:AssociatedDocumentLineDocument>
      <ram:SpecifiedTradeProduct><ram:Name>Formation</ram:Name></ram:SpecifiedTradeProduct>
      <ram:SpecifiedLineTradeAgreement>
        <ram:NetPriceProductTradePrice><ram:ChargeAmount>20.00</ram:ChargeAmount></ram:NetPriceProductTradePrice>
      </ram:SpecifiedLineTradeAgreement>
      <ram:SpecifiedLineTradeDelivery><ram:BilledQuantity unitCode="C62">5</ram:BilledQuantity></ram:SpecifiedLineTradeDelivery>
      <ram:SpecifiedLineTradeSettlement>
        <ram:ApplicableTradeTax><ram:TypeCode>VAT</ram:TypeCode><ram:CategoryCode>E</ram:CategoryCode><ram:RateApplicablePercent>0</ram:RateApplicablePercent></ram:ApplicableTradeTax>
        <ram:SpecifiedTradeSettlementLineMonetarySummation><ram:LineTotalAmount>100.00</ram:LineTotalAmount></ram:SpecifiedTradeSettlementLineMonetarySummation>
      </ram:SpecifiedLineTradeSettlement>
    </ram:IncludedSupplyChainTradeLineItem>
    <ram:ApplicableHeaderTradeAgreement>
      <ram:BuyerReference>SERVICE-42</ram:BuyerReference>
      <ram:SellerTradeParty>
        <ram:ID>SUP-7</ram:ID>
        <ram:GlobalID schemeID="0088">5790000435975</ram:GlobalID>
        <ram:Name>Vendeur SA</ram:Name>
        <ram:SpecifiedLegalOrganization>
          <ram:ID schemeID="0002">123456789</ram:ID>
          <ram:TradingBusinessName>Vendeur</ram:TradingBusinessName>
        </ram:SpecifiedLegalOrganization>
        <ram:PostalTradeAddress>
          <ram:PostcodeCode>75001</ram:PostcodeCode>
          <ram:LineOne>1 rue de la Paix</ram:LineOne>
          <ram:LineTwo>Bâtiment B</ram:LineTwo>
          <ram:LineThree>3e étage</ram:LineThree>
          <ram:CityName>Paris</ram:CityName>
          <ram:CountryID>FR</ram:CountryID>
          <ram:CountrySubDivisionName>Île-de-France</ram:CountrySubDivisionName>
        </ram:PostalTradeAddress>
        <ram:URIUniversalCommunication><ram:URIID schemeID="EM">factures@vendeur.fr</ram:URIID></ram:URIUniversalCommunication>
        <ram:SpecifiedTaxRegistration><ram:ID schemeID="VA">FR32123456789</ram:ID></ram:SpecifiedTaxRegistration>
        <ram:SpecifiedTaxRegistration><ram:ID schemeID="FC">1234567890123</ram:ID></ram:SpecifiedTaxRegistration>
      </ram:SellerTradeParty>
      <ram:BuyerTradeParty>
        <ram:GlobalID schemeID="0009">11000201100044</ram:GlobalID>
        <ram:Name>Ministère X</ram:Name>
        <ram:SpecifiedLegalOrganization><ram:ID schemeID="0009">11000201100044</ram:ID></ram:SpecifiedLegalOrganization>
        <ram:PostalTradeAddress><ram:CityName>Lyon</ram:CityName><ram:CountryID>FR</ram:CountryID></ram:PostalTradeAddress>
        <ram:URIUniversalCommunication><ram:URIID schemeID="0009">11000201100044</ram:URIID></ram:URIUniversalCommunication>
        <ram:SpecifiedTaxRegistration><ram:ID schemeID="VA">FR11110002011</ram:ID></ram:SpecifiedTaxRegistration>
      </ram:BuyerTradeParty>
      <ram:BuyerOrderReferencedDocument><ram:IssuerAssignedID>EJ-2024-77</ram:IssuerAssignedID></ram:BuyerOrderReferencedDocument>
      <ram:ContractReferencedDocument><ram:IssuerAssignedID>MARCHE-12</ram:IssuerAssignedID></ram:ContractReferencedDocument>
    </ram:ApplicableHeaderTradeAgreement>
    <ram:ApplicableHeaderTradeDelivery/>
    <ram:ApplicableHeaderTradeSettlement>
      <ram:PaymentReference>REF-PAY-1</ram:PaymentReference>
      <ram:TaxCurrencyCode>USD</ram:TaxCurrencyCode>
      <ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>
      <ram:PayeeTradeParty>
        <ram:ID>PAYEE-1</ram:ID>
        <ram:GlobalID schemeID="0088">5790000435999</ram:GlobalID>
        <ram:Name>Affactureur SAS</ram:Name>
        <ram:SpecifiedLegalOrganization><ram:ID schemeID="0002">987654321</ram:ID></ram:SpecifiedLegalOrganization>
      </ram:PayeeTradeParty>
      <ram:SpecifiedTradeSettlementPaymentMeans>
        <ram:TypeCode>30</ram:TypeCode>
        <ram:PayeePartyCreditorFinancialAccount><ram:IBANID>FR7630006000011234567890189</ram:IBANID></ram:PayeePartyCreditorFinancialAccount>
      </ram:SpecifiedTradeSettlementPaymentMeans>
      <ram:SpecifiedTradeSettlementPaymentMeans>
        <ram:TypeCode>58</ram:TypeCode>
        <ram:PayeePartyCreditorFinancialAccount><ram:ProprietaryID>ACC-55</ram:ProprietaryID></ram:PayeePartyCreditorFinancialAccount>
      </ram:SpecifiedTradeSettlementPaymentMeans>
      <ram:ApplicableTradeTax>
        <ram:CalculatedAmount>174.00</ram:CalculatedAmount>
        <ram:TypeCode>VAT</ram:TypeCode>
        <ram:BasisAmount>870.00</ram:BasisAmount>
        <ram:CategoryCode>S</ram:CategoryCode>
        <ram:RateApplicablePercent>20.00</ram:RateApplicablePercent>
      </ram:ApplicableTradeTax>
      <ram:ApplicableTradeTax>
        <ram:CalculatedAmount>0.00</ram:CalculatedAmount>
        <ram:TypeCode>VAT</ram:TypeCode>
        <ram:ExemptionReason>Exonération article 261 du CGI</ram:ExemptionReason>
        <ram:BasisAmount>100.00</ram:BasisAmount>
        <ram:CategoryCode>E</ram:CategoryCode>
        <ram:ExemptionReasonCode>VATEX-EU-132</ram:ExemptionReasonCode>
        <ram:RateApplicablePercent>0</ram:RateApplicablePercent>
      </ram:ApplicableTradeTax>
      <ram:SpecifiedTradeAllowanceCharge>
        <ram:ChargeIndicator><udt:Indicator>false</udt:Indicator></ram:ChargeIndicator>
        <ram:CalculationPercent>10</ram:CalculationPercent>
        <ram:BasisAmount>500.00</ram:BasisAmount>
        <ram:ActualAmount>50.00</ram:ActualAmount>
        <ram:ReasonCode>95</ram:ReasonCode>
        <ram:Reason>Remise</ram:Reason>
        <ram:CategoryTradeTax><ram:TypeCode>VAT</ram:TypeCode><ram:CategoryCode>S</ram:CategoryCode><ram:RateApplicablePercent>20</ram:RateApplicablePercent></ram:CategoryTradeTax>
      </ram:SpecifiedTradeAllowanceCharge>
      <ram:SpecifiedTradeAllowanceCharge>
        <ram:ChargeIndicator><udt:Indicator>true</udt:Indicator></ram:ChargeIndicator>
        <ram:ActualAmount>20.00</ram:ActualAmount>
        <ram:ReasonCode>FC</ram:ReasonCode>
        <ram:Reason>Transport</ram:Reason>
        <ram:CategoryTradeTax><ram:TypeCode>VAT</ram:TypeCode><ram:CategoryCode>S</ram:CategoryCode><ram:RateApplicablePercent>20</ram:RateApplicablePercent></ram:CategoryTradeTax>
      </ram:SpecifiedTradeAllowanceCharge>
      <ram:SpecifiedTradePaymentTerms>
        <ram:Description>30 jours fin de mois</ram:Description>
        <ram:DueDateDateTime><udt:DateTimeString format="102">20240229</udt:DateTimeString></ram:DueDateDateTime>
      </ram:SpecifiedTradePaymentTerms>
      <ram:SpecifiedTradeSettlementHeaderMonetarySummation>
        <ram:LineTotalAmount>1000.00</ram:LineTotalAmount>
        <ram:ChargeTotalAmount>20.00</ram:ChargeTotalAmount>
        <ram:AllowanceTotalAmount>50.00</ram:AllowanceTotalAmount>
        <ram:TaxBasisTotalAmount>970.00</ram:TaxBasisTotalAmount>
        <ram:TaxTotalAmount currencyID="EUR">174.00</ram:TaxTotalAmount>
        <ram:TaxTotalAmount currencyID="USD">189.66</ram:TaxTotalAmount>
        <ram:RoundingAmount>0.00</ram:RoundingAmount>
        <ram:GrandTotalAmount>1144.00</ram:GrandTotalAmount>
        <ram:TotalPrepaidAmount>44.00</ram:TotalPrepaidAmount>
        <ram:DuePayableAmount>1100.00</ram:DuePayableAmount>
      </ram:SpecifiedTradeSettlementHeaderMonetarySummation>
    </ram:ApplicableHeaderTradeSettlement>
  </rsm:SupplyChainTradeTransaction>
</rsm:CrossIndustryInvoice>
)xml";

constexpr std::string_view kRamUri =
    "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
constexpr std::string_view kRsmUri = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";

constexpr std::string_view kTransaction =
    "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction";
constexpr std::string_view kSettlement =
    "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement";

std::string replace_all(std::string text, std::string_view from, std::string_view to) {
  for (std::size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

// 1-based line of the first occurrence of `needle` in `text`.
std::uint32_t line_of(std::string_view text, std::string_view needle) {
  std::size_t at = text.find(needle);
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
  out.invoice = readers::read_cii(*loaded, kind, out.findings);
  return out;
}

Decimal dec(std::string_view text) {
  auto d = Decimal::parse(text);
  REQUIRE(d);
  return *d;
}

// Every value of the model with its scheme, currency and line (not its path,
// which carries the document's own prefixes), one string per value.
class Flat {
 public:
  std::vector<std::string> out;

  void add(std::string_view key, const std::optional<Text>& t) {
    out.push_back(std::string(key) + (t ? "=" + t->value + "@" + line(t->source) : " absent"));
  }
  void add(std::string_view key, const std::optional<Identifier>& i) {
    out.push_back(std::string(key) +
                  (i ? "=" + i->value + "|" + i->scheme + "@" + line(i->source) : " absent"));
  }
  void add(std::string_view key, const std::optional<Amount>& a) {
    out.push_back(
        std::string(key) +
        (a ? "=" + a->value.to_string() + "|" + a->currency + "@" + line(a->source) : " absent"));
  }
  void add(std::string_view key, const std::optional<Number>& n) {
    out.push_back(std::string(key) +
                  (n ? "=" + n->value.to_string() + "@" + line(n->source) : " absent"));
  }
  void add(std::string_view key, const SourceRef& s) {
    out.push_back(std::string(key) + "@" + line(s));
  }

  void party(std::string_view key, const Party& p) {
    std::string k(key);
    add(k, p.source);
    add(k + ".name", p.name);
    add(k + ".trading_name", p.trading_name);
    for (const auto& id : p.identifiers)
      add(k + ".id", std::optional<Identifier>(id));
    add(k + ".legal_id", p.legal_id);
    add(k + ".vat_id", p.vat_id);
    add(k + ".tax_registration_id", p.tax_registration_id);
    add(k + ".electronic_address", p.electronic_address);
    if (p.address) {
      const Address& a = *p.address;
      add(k + ".address", a.source);
      add(k + ".line1", a.line1);
      add(k + ".line2", a.line2);
      add(k + ".line3", a.line3);
      add(k + ".city", a.city);
      add(k + ".postcode", a.postcode);
      add(k + ".subdivision", a.subdivision);
      add(k + ".country", a.country);
    }
  }

  void allowance_charge(std::string_view key, const AllowanceCharge& ac) {
    std::string k(key);
    add(k + (ac.is_charge ? ".charge" : ".allowance"), ac.source);
    add(k + ".amount", ac.amount);
    add(k + ".base_amount", ac.base_amount);
    add(k + ".percentage", ac.percentage);
    add(k + ".vat_category", ac.vat_category);
    add(k + ".vat_rate", ac.vat_rate);
    add(k + ".reason", ac.reason);
    add(k + ".reason_code", ac.reason_code);
  }

  explicit Flat(const Invoice& inv) {
    out.push_back(std::string(name(inv.syntax)) + "/" + std::string(name(inv.kind)));
    add("number", inv.number);
    add("issue_date", inv.issue_date);
    add("type_code", inv.type_code);
    add("currency", inv.currency);
    add("vat_currency", inv.vat_currency);
    add("due_date", inv.due_date);
    add("buyer_reference", inv.buyer_reference);
    add("contract_reference", inv.contract_reference);
    add("purchase_order_reference", inv.purchase_order_reference);
    add("payment_terms", inv.payment_terms);
    add("business_process", inv.business_process);
    add("specification_id", inv.specification_id);
    for (const auto& note : inv.notes)
      add("note", std::optional<Text>(note));
    party("seller", inv.seller);
    party("buyer", inv.buyer);
    if (inv.payee) party("payee", *inv.payee);
    for (const auto& pm : inv.payment_means) {
      add("means", pm.source);
      add("means.code", pm.code);
      add("means.remittance", pm.remittance_information);
      for (const auto& account : pm.payee_accounts) {
        add("means.account", std::optional<Identifier>(account));
      }
    }
    for (const auto& ac : inv.allowances_charges)
      allowance_charge("doc", ac);
    if (inv.totals) {
      const Totals& t = *inv.totals;
      add("totals", t.source);
      add("line_net_total", t.line_net_total);
      add("allowance_total", t.allowance_total);
      add("charge_total", t.charge_total);
      add("tax_exclusive", t.tax_exclusive);
      add("tax_inclusive", t.tax_inclusive);
      add("prepaid", t.prepaid);
      add("rounding", t.rounding);
      add("payable", t.payable);
    }
    for (const auto& total : inv.vat_totals)
      add("vat_total", std::optional<Amount>(total));
    for (const auto& b : inv.vat_breakdown) {
      add("vat", b.source);
      add("vat.taxable", b.taxable_amount);
      add("vat.tax", b.tax_amount);
      add("vat.category", b.category);
      add("vat.rate", b.rate);
      add("vat.exemption_reason", b.exemption_reason);
      add("vat.exemption_code", b.exemption_code);
    }
    for (const auto& l : inv.lines) {
      add("line", l.source);
      add("line.id", l.id);
      add("line.quantity", l.quantity);
      add("line.unit_code", l.unit_code);
      add("line.net_amount", l.net_amount);
      add("line.purchase_order_line", l.purchase_order_line);
      for (const auto& ac : l.allowances_charges)
        allowance_charge("line", ac);
      add("line.net_price", l.net_price);
      add("line.gross_price", l.gross_price);
      add("line.vat_category", l.vat_category);
      add("line.vat_rate", l.vat_rate);
      add("line.item_name", l.item_name);
    }
  }

 private:
  static std::string line(const SourceRef& s) { return std::to_string(s.line); }
};

}  // namespace

TEST_CASE("read_cii fills the EN 16931 model from a CII invoice", "[readers][cii]") {
  Read r = read(kInvoice);
  const Invoice& inv = r.invoice;
  CHECK(r.findings.empty());
  CHECK(inv.syntax == Syntax::Cii);
  CHECK(inv.kind == DocumentKind::Invoice);

  SECTION("document header") {
    REQUIRE(inv.specification_id);
    CHECK(inv.specification_id->value == "urn:cen.eu:en16931:2017");
    REQUIRE(inv.business_process);
    CHECK(inv.business_process->value == "A1");
    REQUIRE(inv.number);
    CHECK(inv.number->value == "F-2024-001");
    CHECK(inv.number->source.path() == "/rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:ID");
    CHECK(inv.number->source.line == line_of(kInvoice, "<ram:ID>F-2024-001"));
    REQUIRE(inv.type_code);
    CHECK(inv.type_code->value == "380");
    REQUIRE(inv.issue_date);
    CHECK(inv.issue_date->value == "20240115");
    CHECK(inv.issue_date->source.path() ==
          "/rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:IssueDateTime/udt:DateTimeString");
    REQUIRE(inv.notes.size() == 2);
    CHECK(inv.notes[0].value == "Première note");
    CHECK(inv.notes[1].value == "Seconde note");
    CHECK(inv.notes[1].source.path() ==
          "/rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:IncludedNote[2]/ram:Content");
    // Each note with its subject code (BT-21), which the BR-FR rules read.
    REQUIRE(inv.included_notes.size() == 2);
    CHECK_FALSE(inv.included_notes[0].subject_code);
    REQUIRE(inv.included_notes[1].subject_code);
    CHECK(inv.included_notes[1].subject_code->value == "AAI");
    REQUIRE(inv.included_notes[1].content);
    CHECK(inv.included_notes[1].content->value == "Seconde note");
    REQUIRE(inv.currency);
    CHECK(inv.currency->value == "EUR");
    REQUIRE(inv.vat_currency);
    CHECK(inv.vat_currency->value == "USD");
    REQUIRE(inv.due_date);
    CHECK(inv.due_date->value == "20240229");
    REQUIRE(inv.buyer_reference);
    CHECK(inv.buyer_reference->value == "SERVICE-42");
    REQUIRE(inv.purchase_order_reference);
    CHECK(inv.purchase_order_reference->value == "EJ-2024-77");
    REQUIRE(inv.contract_reference);
    CHECK(inv.contract_reference->value == "MARCHE-12");
    REQUIRE(inv.payment_terms);
    CHECK(inv.payment_terms->value == "30 jours fin de mois");
  }

  SECTION("seller") {
    const Party& s = inv.seller;
    CHECK(s.source.path() ==
          std::string(kTransaction) + "/ram:ApplicableHeaderTradeAgreement/ram:SellerTradeParty");
    REQUIRE(s.name);
    CHECK(s.name->value == "Vendeur SA");
    REQUIRE(s.trading_name);
    CHECK(s.trading_name->value == "Vendeur");
    REQUIRE(s.identifiers.size() == 2);
    CHECK(s.identifiers[0].value == "SUP-7");
    CHECK(s.identifiers[0].scheme.empty());
    CHECK_FALSE(s.identifiers[0].global);
    CHECK(s.identifiers[1].value == "5790000435975");
    CHECK(s.identifiers[1].scheme == "0088");
    CHECK(s.identifiers[1].global);
    CHECK(s.legal_entity);
    CHECK(s.identifiers[1].source.path() ==
          std::string(kTransaction) +
              "/ram:ApplicableHeaderTradeAgreement/ram:SellerTradeParty/ram:GlobalID[1]");
    CHECK(s.identifiers[1].source.line == line_of(kInvoice, "5790000435975"));
    REQUIRE(s.legal_id);
    CHECK(s.legal_id->value == "123456789");
    CHECK(s.legal_id->scheme == "0002");
    REQUIRE(s.vat_id);
    CHECK(s.vat_id->value == "FR32123456789");
    REQUIRE(s.tax_registration_id);
    CHECK(s.tax_registration_id->value == "1234567890123");
    CHECK(s.tax_registration_id->source.line == line_of(kInvoice, "1234567890123"));
    REQUIRE(s.electronic_address);
    CHECK(s.electronic_address->value == "factures@vendeur.fr");
    CHECK(s.electronic_address->scheme == "EM");
    REQUIRE(s.address);
    const Address& a = *s.address;
    CHECK(a.source.line == line_of(kInvoice, "<ram:PostalTradeAddress>\n"));
    REQUIRE(a.line1);
    CHECK(a.line1->value == "1 rue de la Paix");
    REQUIRE(a.line2);
    CHECK(a.line2->value == "Bâtiment B");
    REQUIRE(a.line3);
    CHECK(a.line3->value == "3e étage");
    REQUIRE(a.city);
    CHECK(a.city->value == "Paris");
    REQUIRE(a.postcode);
    CHECK(a.postcode->value == "75001");
    REQUIRE(a.subdivision);
    CHECK(a.subdivision->value == "Île-de-France");
    REQUIRE(a.country);
    CHECK(a.country->value == "FR");
  }

  SECTION("buyer") {
    const Party& b = inv.buyer;
    REQUIRE(b.name);
    CHECK(b.name->value == "Ministère X");
    CHECK_FALSE(b.trading_name);
    REQUIRE(b.identifiers.size() == 1);
    CHECK(b.identifiers[0].value == "11000201100044");
    CHECK(b.identifiers[0].scheme == "0009");
    REQUIRE(b.legal_id);
    CHECK(b.legal_id->scheme == "0009");
    REQUIRE(b.vat_id);
    CHECK(b.vat_id->value == "FR11110002011");
    CHECK_FALSE(b.tax_registration_id);
    REQUIRE(b.electronic_address);
    CHECK(b.electronic_address->value == "11000201100044");
    CHECK(b.electronic_address->scheme == "0009");
    REQUIRE(b.address);
    REQUIRE(b.address->city);
    CHECK(b.address->city->value == "Lyon");
    CHECK_FALSE(b.address->line1);
    CHECK_FALSE(b.address->postcode);
    REQUIRE(b.address->country);
    CHECK(b.address->country->value == "FR");
  }

  SECTION("payee") {
    REQUIRE(inv.payee);
    const Party& p = *inv.payee;
    CHECK(p.source.path() == std::string(kSettlement) + "/ram:PayeeTradeParty");
    REQUIRE(p.name);
    CHECK(p.name->value == "Affactureur SAS");
    REQUIRE(p.identifiers.size() == 2);
    CHECK(p.identifiers[0].value == "PAYEE-1");
    CHECK(p.identifiers[1].value == "5790000435999");
    CHECK(p.identifiers[1].scheme == "0088");
    REQUIRE(p.legal_id);
    CHECK(p.legal_id->value == "987654321");
    CHECK(p.legal_id->scheme == "0002");
    CHECK_FALSE(p.address);
    CHECK_FALSE(p.vat_id);
  }

  SECTION("payment means") {
    REQUIRE(inv.payment_means.size() == 2);
    const PaymentMeans& transfer = inv.payment_means[0];
    REQUIRE(transfer.code);
    CHECK(transfer.code->value == "30");
    REQUIRE(transfer.remittance_information);
    CHECK(transfer.remittance_information->value == "REF-PAY-1");
    CHECK(transfer.remittance_information->source.path() ==
          std::string(kSettlement) + "/ram:PaymentReference");
    REQUIRE(transfer.payee_accounts.size() == 1);
    CHECK(transfer.payee_accounts[0].value == "FR7630006000011234567890189");
    CHECK(transfer.payee_accounts[0].scheme == "IBAN");
    CHECK(transfer.payee_accounts[0].source.path() ==
          std::string(kSettlement) +
              "/ram:SpecifiedTradeSettlementPaymentMeans[1]"
              "/ram:PayeePartyCreditorFinancialAccount[1]/ram:IBANID");
    CHECK(transfer.payee_accounts[0].source.line ==
          line_of(kInvoice, "FR7630006000011234567890189"));

    const PaymentMeans& other = inv.payment_means[1];
    REQUIRE(other.code);
    CHECK(other.code->value == "58");
    REQUIRE(other.remittance_information);
    CHECK(other.remittance_information->value == "REF-PAY-1");
    REQUIRE(other.payee_accounts.size() == 1);
    CHECK(other.payee_accounts[0].value == "ACC-55");
    CHECK(other.payee_accounts[0].scheme.empty());
  }

  SECTION("VAT breakdown") {
    REQUIRE(inv.vat_breakdown.size() == 2);
    const VatBreakdown& s = inv.vat_breakdown[0];
    REQUIRE(s.tax_amount);
    CHECK(s.tax_amount->value == dec("174.00"));
    CHECK(s.tax_amount->currency.empty());
    REQUIRE(s.taxable_amount);
    CHECK(s.taxable_amount->value == dec("870"));
    REQUIRE(s.category);
    CHECK(s.category->value == "S");
    REQUIRE(s.rate);
    CHECK(s.rate->value == dec("20"));
    CHECK(s.rate->value.to_string() == "20.00");
    CHECK_FALSE(s.exemption_reason);
    CHECK_FALSE(s.exemption_code);
    CHECK(s.source.path() == std::string(kSettlement) + "/ram:ApplicableTradeTax[1]");

    const VatBreakdown& e = inv.vat_breakdown[1];
    REQUIRE(e.tax_amount);
    CHECK(e.tax_amount->value.is_zero());
    REQUIRE(e.taxable_amount);
    CHECK(e.taxable_amount->value == dec("100"));
    REQUIRE(e.category);
    CHECK(e.category->value == "E");
    REQUIRE(e.rate);
    CHECK(e.rate->value.is_zero());
    REQUIRE(e.exemption_reason);
    CHECK(e.exemption_reason->value == "Exonération article 261 du CGI");
    REQUIRE(e.exemption_code);
    CHECK(e.exemption_code->value == "VATEX-EU-132");
    CHECK(e.exemption_code->source.path() ==
          std::string(kSettlement) + "/ram:ApplicableTradeTax[2]/ram:ExemptionReasonCode");
  }

  SECTION("document level allowance and charge") {
    REQUIRE(inv.allowances_charges.size() == 2);
    const AllowanceCharge& allowance = inv.allowances_charges[0];
    CHECK_FALSE(allowance.is_charge);
    REQUIRE(allowance.charge_indicator);
    CHECK(allowance.charge_indicator->value == "false");
    REQUIRE(allowance.amount);
    CHECK(allowance.amount->value == dec("50"));
    REQUIRE(allowance.base_amount);
    CHECK(allowance.base_amount->value == dec("500"));
    REQUIRE(allowance.percentage);
    CHECK(allowance.percentage->value == dec("10"));
    REQUIRE(allowance.reason_code);
    CHECK(allowance.reason_code->value == "95");
    REQUIRE(allowance.reason);
    CHECK(allowance.reason->value == "Remise");
    REQUIRE(allowance.vat_category);
    CHECK(allowance.vat_category->value == "S");
    REQUIRE(allowance.vat_rate);
    CHECK(allowance.vat_rate->value == dec("20"));
    CHECK(allowance.source.path() ==
          std::string(kSettlement) + "/ram:SpecifiedTradeAllowanceCharge[1]");

    const AllowanceCharge& charge = inv.allowances_charges[1];
    CHECK(charge.is_charge);
    REQUIRE(charge.amount);
    CHECK(charge.amount->value == dec("20"));
    CHECK_FALSE(charge.base_amount);
    CHECK_FALSE(charge.percentage);
    REQUIRE(charge.reason_code);
    CHECK(charge.reason_code->value == "FC");
    REQUIRE(charge.reason);
    CHECK(charge.reason->value == "Transport");
    REQUIRE(charge.vat_category);
    CHECK(charge.vat_category->value == "S");
    REQUIRE(charge.vat_rate);
    CHECK(charge.vat_rate->value == dec("20"));
  }

  SECTION("totals") {
    REQUIRE(inv.totals);
    const Totals& t = *inv.totals;
    CHECK(t.source.path() ==
          std::string(kSettlement) + "/ram:SpecifiedTradeSettlementHeaderMonetarySummation");
    REQUIRE(t.line_net_total);
    CHECK(t.line_net_total->value == dec("1000"));
    CHECK(t.line_net_total->currency.empty());
    REQUIRE(t.charge_total);
    CHECK(t.charge_total->value == dec("20"));
    REQUIRE(t.allowance_total);
    CHECK(t.allowance_total->value == dec("50"));
    REQUIRE(t.tax_exclusive);
    CHECK(t.tax_exclusive->value == dec("970"));
    REQUIRE(t.tax_inclusive);
    CHECK(t.tax_inclusive->value == dec("1144"));
    REQUIRE(t.rounding);
    CHECK(t.rounding->value.is_zero());
    REQUIRE(t.prepaid);
    CHECK(t.prepaid->value == dec("44"));
    REQUIRE(t.payable);
    CHECK(t.payable->value == dec("1100"));
    CHECK(t.payable->source.line == line_of(kInvoice, "<ram:DuePayableAmount>"));

    REQUIRE(inv.vat_totals.size() == 2);
    CHECK(inv.vat_totals[0].value == dec("174"));
    CHECK(inv.vat_totals[0].currency == "EUR");
    CHECK(inv.vat_totals[1].value == dec("189.66"));
    CHECK(inv.vat_totals[1].currency == "USD");
    CHECK(inv.vat_totals[1].source.path() ==
          std::string(kSettlement) +
              "/ram:SpecifiedTradeSettlementHeaderMonetarySummation/ram:TaxTotalAmount[2]");
    CHECK(inv.vat_totals[1].source.line == line_of(kInvoice, "currencyID=\"USD\""));
  }

  SECTION("lines") {
    REQUIRE(inv.lines.size() == 2);
    const InvoiceLine& first = inv.lines[0];
    CHECK(first.source.path() ==
          std::string(kTransaction) + "/ram:IncludedSupplyChainTradeLineItem[1]");
    REQUIRE(first.id);
    CHECK(first.id->value == "1");
    REQUIRE(first.item_name);
    CHECK(first.item_name->value == "Conseil");
    REQUIRE(first.quantity);
    CHECK(first.quantity->value == dec("10"));
    REQUIRE(first.unit_code);
    CHECK(first.unit_code->value == "HUR");
    CHECK(first.unit_code->source.path() ==
          std::string(kTransaction) +
              "/ram:IncludedSupplyChainTradeLineItem[1]/ram:SpecifiedLineTradeDelivery"
              "/ram:BilledQuantity");
    REQUIRE(first.net_price);
    CHECK(first.net_price->value == dec("100"));
    REQUIRE(first.gross_price);
    CHECK(first.gross_price->value == dec("110"));
    REQUIRE(first.purchase_order_line);
    CHECK(first.purchase_order_line->value == "OL-1");
    REQUIRE(first.vat_category);
    CHECK(first.vat_category->value == "S");
    REQUIRE(first.vat_rate);
    CHECK(first.vat_rate->value == dec("20"));
    REQUIRE(first.net_amount);
    CHECK(first.net_amount->value == dec("900"));
    CHECK(first.net_amount->currency.empty());
    REQUIRE(first.allowances_charges.size() == 1);
    const AllowanceCharge& ac = first.allowances_charges[0];
    CHECK_FALSE(ac.is_charge);
    REQUIRE(ac.amount);
    CHECK(ac.amount->value == dec("100"));
    REQUIRE(ac.base_amount);
    CHECK(ac.base_amount->value == dec("1000"));
    REQUIRE(ac.percentage);
    CHECK(ac.percentage->value == dec("10"));
    REQUIRE(ac.reason_code);
    CHECK(ac.reason_code->value == "95");
    REQUIRE(ac.reason);
    CHECK(ac.reason->value == "Remise fidélité");
    CHECK_FALSE(ac.vat_category);  // BT-95/BT-102 are document level only
    CHECK_FALSE(ac.vat_rate);

    const InvoiceLine& second = inv.lines[1];
    REQUIRE(second.id);
    CHECK(second.id->value == "2");
    REQUIRE(second.item_name);
    CHECK(second.item_name->value == "Formation");
    REQUIRE(second.quantity);
    CHECK(second.quantity->value == dec("5"));
    REQUIRE(second.unit_code);
    CHECK(second.unit_code->value == "C62");
    REQUIRE(second.net_price);
    CHECK(second.net_price->value == dec("20"));
    CHECK_FALSE(second.gross_price);
    CHECK_FALSE(second.purchase_order_line);
    CHECK(second.allowances_charges.empty());
    REQUIRE(second.vat_category);
    CHECK(second.vat_category->value == "E");
    REQUIRE(second.vat_rate);
    CHECK(second.vat_rate->value.is_zero());
    REQUIRE(second.net_amount);
    CHECK(second.net_amount->value == dec("100"));
    CHECK(second.net_amount->source.path() ==
          "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/"
          "ram:IncludedSupplyChainTradeLineItem[2]/ram:SpecifiedLineTradeSettlement/"
          "ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount");
    CHECK(second.net_amount->source.line == line_of(kInvoice, "<ram:LineTotalAmount>100.00"));
  }
}

TEST_CASE("read_cii passes the document kind through", "[readers][cii]") {
  Read r = read(replace_all(kInvoice, "<ram:TypeCode>380<", "<ram:TypeCode>381<"),
                DocumentKind::CreditNote);
  CHECK(r.invoice.kind == DocumentKind::CreditNote);
  CHECK(r.invoice.syntax == Syntax::Cii);
  REQUIRE(r.invoice.type_code);
  CHECK(r.invoice.type_code->value == "381");
  CHECK(r.invoice.lines.size() == 2);
}

TEST_CASE("read_cii matches namespaces, not prefixes", "[readers][cii]") {
  const std::vector<std::string> expected = Flat(read(kInvoice).invoice).out;
  REQUIRE(expected.size() > 130);

  SECTION("another prefix for ram") {
    std::string text = replace_all(replace_all(kInvoice, "xmlns:ram=", "xmlns:a="), "ram:", "a:");
    Read r = read(text);
    CHECK(r.findings.empty());
    CHECK(Flat(r.invoice).out == expected);
    REQUIRE(r.invoice.lines.size() == 2);
    REQUIRE(r.invoice.lines[1].net_amount);
    CHECK(r.invoice.lines[1].net_amount->source.path() ==
          "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/"
          "a:IncludedSupplyChainTradeLineItem[2]/a:SpecifiedLineTradeSettlement/"
          "a:SpecifiedTradeSettlementLineMonetarySummation/a:LineTotalAmount");
  }
  SECTION("ram as the default namespace") {
    std::string text = replace_all(replace_all(kInvoice, "xmlns:ram=", "xmlns="), "ram:", "");
    Read r = read(text);
    CHECK(r.findings.empty());
    CHECK(Flat(r.invoice).out == expected);
  }
  SECTION("rsm as the default namespace") {
    std::string text = replace_all(replace_all(kInvoice, "xmlns:rsm=", "xmlns="), "rsm:", "");
    Read r = read(text);
    CHECK(r.findings.empty());
    CHECK(Flat(r.invoice).out == expected);
    REQUIRE(r.invoice.number);
    CHECK(r.invoice.number->source.path() == "/CrossIndustryInvoice/ExchangedDocument/ram:ID");
  }
  SECTION("namespaces declared below the root") {
    std::string decl = " xmlns:ram=\"" + std::string(kRamUri) + "\"";
    std::string text = replace_all(kInvoice, decl.substr(1), "xmlns:unused=\"urn:unused\"");
    for (std::string child : {"<rsm:ExchangedDocumentContext", "<rsm:ExchangedDocument",
                              "<rsm:SupplyChainTradeTransaction"}) {
      text = replace_all(text, child + ">", child + decl + ">");
    }
    REQUIRE(text.find(decl) != std::string::npos);
    Read r = read(text);
    CHECK(r.findings.empty());
    CHECK(Flat(r.invoice).out == expected);
  }
}

TEST_CASE("read_cii ignores elements of other namespaces", "[readers][cii]") {
  const std::string text = std::string(R"(<?xml version="1.0"?>
<rsm:CrossIndustryInvoice xmlns:rsm=")") +
                           std::string(kRsmUri) + R"(" xmlns:ram=")" + std::string(kRamUri) + R"(">
  <rsm:ExchangedDocument>
    <x:ID xmlns:x="urn:other">WRONG</x:ID>
    <ram:ID>RIGHT</ram:ID>
  </rsm:ExchangedDocument>
</rsm:CrossIndustryInvoice>
)";
  Read r = read(text);
  REQUIRE(r.invoice.number);
  CHECK(r.invoice.number->value == "RIGHT");
  CHECK(r.invoice.number->source.line == 5);
}

TEST_CASE("read_cii reports an amount that is not a number", "[readers][cii]") {
  std::string text =
      replace_all(kInvoice, "<ram:LineTotalAmount>100.00<", "<ram:LineTotalAmount>12,50<");
  Read r = read(text);
  REQUIRE(r.findings.size() == 1);
  const Finding& f = r.findings[0];
  CHECK(f.rule == syntax::kNotANumber);
  CHECK(f.where.path ==
        "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/"
        "ram:IncludedSupplyChainTradeLineItem[2]/ram:SpecifiedLineTradeSettlement/"
        "ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount");
  CHECK(f.where.line == line_of(text, "12,50"));
  CHECK(f.message.en.find("12,50") != std::string::npos);
  REQUIRE(r.invoice.lines.size() == 2);
  CHECK_FALSE(r.invoice.lines[1].net_amount);
  CHECK(r.invoice.lines[0].net_amount);
  REQUIRE(r.invoice.lines[1].quantity);  // the rest of the line is still read
  CHECK(r.invoice.lines[1].quantity->value == dec("5"));
  REQUIRE(r.invoice.totals);
  CHECK(r.invoice.totals->line_net_total);
}

TEST_CASE("read_cii leaves absent terms empty", "[readers][cii]") {
  SECTION("only a root") {
    Read r = read(R"(<rsm:CrossIndustryInvoice xmlns:rsm=")" + std::string(kRsmUri) + R"("/>)");
    const Invoice& inv = r.invoice;
    CHECK(r.findings.empty());
    CHECK(inv.syntax == Syntax::Cii);
    CHECK_FALSE(inv.number);
    CHECK_FALSE(inv.specification_id);
    CHECK_FALSE(inv.currency);
    CHECK_FALSE(inv.seller.name);
    CHECK(inv.seller.source.path().empty());
    CHECK_FALSE(inv.payee);
    CHECK_FALSE(inv.totals);
    CHECK(inv.lines.empty());
    CHECK(inv.notes.empty());
    CHECK(inv.vat_totals.empty());
  }
  SECTION("empty groups") {
    const std::string text = R"(<rsm:CrossIndustryInvoice xmlns:rsm=")" + std::string(kRsmUri) +
                             R"(" xmlns:ram=")" + std::string(kRamUri) + R"(">
  <rsm:ExchangedDocumentContext><ram:GuidelineSpecifiedDocumentContextParameter/></rsm:ExchangedDocumentContext>
  <rsm:ExchangedDocument><ram:IssueDateTime/><ram:IncludedNote/></rsm:ExchangedDocument>
  <rsm:SupplyChainTradeTransaction>
    <ram:IncludedSupplyChainTradeLineItem>
      <ram:SpecifiedLineTradeAgreement><ram:NetPriceProductTradePrice/></ram:SpecifiedLineTradeAgreement>
      <ram:SpecifiedLineTradeDelivery><ram:BilledQuantity>3</ram:BilledQuantity></ram:SpecifiedLineTradeDelivery>
      <ram:SpecifiedLineTradeSettlement><ram:SpecifiedTradeAllowanceCharge/></ram:SpecifiedLineTradeSettlement>
    </ram:IncludedSupplyChainTradeLineItem>
    <ram:ApplicableHeaderTradeAgreement>
      <ram:SellerTradeParty><ram:SpecifiedTaxRegistration/><ram:SpecifiedTaxRegistration><ram:ID>X</ram:ID></ram:SpecifiedTaxRegistration></ram:SellerTradeParty>
      <ram:BuyerOrderReferencedDocument/>
    </ram:ApplicableHeaderTradeAgreement>
    <ram:ApplicableHeaderTradeSettlement>
      <ram:SpecifiedTradeSettlementPaymentMeans><ram:PayeePartyCreditorFinancialAccount/></ram:SpecifiedTradeSettlementPaymentMeans>
      <ram:ApplicableTradeTax/>
      <ram:SpecifiedTradePaymentTerms/>
      <ram:SpecifiedTradeSettlementHeaderMonetarySummation/>
    </ram:ApplicableHeaderTradeSettlement>
  </rsm:SupplyChainTradeTransaction>
</rsm:CrossIndustryInvoice>
)";
    Read r = read(text);
    const Invoice& inv = r.invoice;
    CHECK(r.findings.empty());
    CHECK_FALSE(inv.specification_id);
    CHECK_FALSE(inv.issue_date);
    CHECK(inv.notes.empty());
    CHECK_FALSE(inv.purchase_order_reference);
    CHECK_FALSE(inv.buyer.name);
    CHECK(inv.buyer.identifiers.empty());
    CHECK_FALSE(inv.seller.name);
    CHECK_FALSE(inv.seller.vat_id);  // an ID without schemeID is neither VA nor FC
    CHECK_FALSE(inv.seller.tax_registration_id);
    CHECK_FALSE(inv.seller.address);
    CHECK_FALSE(inv.currency);
    CHECK_FALSE(inv.payment_terms);
    CHECK_FALSE(inv.due_date);
    REQUIRE(inv.payment_means.size() == 1);
    CHECK_FALSE(inv.payment_means[0].code);
    CHECK_FALSE(inv.payment_means[0].remittance_information);
    CHECK(inv.payment_means[0].payee_accounts.empty());
    REQUIRE(inv.vat_breakdown.size() == 1);
    CHECK_FALSE(inv.vat_breakdown[0].tax_amount);
    CHECK_FALSE(inv.vat_breakdown[0].rate);
    CHECK(inv.allowances_charges.empty());
    REQUIRE(inv.totals);  // the element is there, with nothing in it
    CHECK_FALSE(inv.totals->line_net_total);
    CHECK_FALSE(inv.totals->payable);
    CHECK(inv.vat_totals.empty());
    REQUIRE(inv.lines.size() == 1);
    const InvoiceLine& line = inv.lines[0];
    CHECK_FALSE(line.id);
    CHECK_FALSE(line.item_name);
    CHECK_FALSE(line.net_price);
    REQUIRE(line.quantity);
    CHECK(line.quantity->value == dec("3"));
    CHECK_FALSE(line.unit_code);
    CHECK_FALSE(line.net_amount);
    CHECK_FALSE(line.vat_category);
    REQUIRE(line.allowances_charges.size() == 1);
    CHECK_FALSE(line.allowances_charges[0].is_charge);
    CHECK_FALSE(line.allowances_charges[0].amount);
  }
}

TEST_CASE("read_cii reads a wrapper without its term as the term present and empty",
          "[readers][cii]") {
  // The official tests ask for these wrappers (BR-62/63, BR-29/30, BR-CO-19,
  // BR-CO-03), not for the term inside: emptied, each is still there.
  const std::string text = R"(<rsm:CrossIndustryInvoice xmlns:rsm=")" + std::string(kRsmUri) +
                           R"(" xmlns:ram=")" + std::string(kRamUri) + R"(">
  <rsm:SupplyChainTradeTransaction>
    <ram:IncludedSupplyChainTradeLineItem>
      <ram:SpecifiedLineTradeSettlement>
        <ram:BillingSpecifiedPeriod><ram:EndDateTime/></ram:BillingSpecifiedPeriod>
      </ram:SpecifiedLineTradeSettlement>
    </ram:IncludedSupplyChainTradeLineItem>
    <ram:ApplicableHeaderTradeAgreement>
      <ram:SellerTradeParty><ram:URIUniversalCommunication/></ram:SellerTradeParty>
      <ram:BuyerTradeParty><ram:URIUniversalCommunication><ram:URIID/></ram:URIUniversalCommunication></ram:BuyerTradeParty>
    </ram:ApplicableHeaderTradeAgreement>
    <ram:ApplicableHeaderTradeSettlement>
      <ram:ApplicableTradeTax><ram:TaxPointDate/></ram:ApplicableTradeTax>
      <ram:BillingSpecifiedPeriod><ram:StartDateTime/></ram:BillingSpecifiedPeriod>
    </ram:ApplicableHeaderTradeSettlement>
  </rsm:SupplyChainTradeTransaction>
</rsm:CrossIndustryInvoice>
)";
  Read r = read(text);
  const Invoice& inv = r.invoice;
  CHECK(r.findings.empty());
  const std::string agreement =
      "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/"
      "ram:ApplicableHeaderTradeAgreement";
  const std::string settlement =
      "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/"
      "ram:ApplicableHeaderTradeSettlement";

  REQUIRE(inv.seller.electronic_address);  // the wrapper alone: placed at the wrapper
  CHECK(inv.seller.electronic_address->value.empty());
  CHECK_FALSE(inv.seller.electronic_address->scheme_given);
  CHECK(inv.seller.electronic_address->source.path() ==
        agreement + "/ram:SellerTradeParty/ram:URIUniversalCommunication");
  REQUIRE(inv.buyer.electronic_address);  // an empty URIID: placed at the URIID, as before
  CHECK(inv.buyer.electronic_address->value.empty());
  CHECK(inv.buyer.electronic_address->source.path() ==
        agreement + "/ram:BuyerTradeParty/ram:URIUniversalCommunication/ram:URIID");

  REQUIRE(inv.vat_breakdown.size() == 1);
  REQUIRE(inv.vat_breakdown[0].tax_point_date);
  CHECK(inv.vat_breakdown[0].tax_point_date->value.empty());
  CHECK(inv.vat_breakdown[0].tax_point_date->source.path() ==
        settlement + "/ram:ApplicableTradeTax[1]/ram:TaxPointDate");

  REQUIRE(inv.invoicing_periods.size() == 1);
  const Period& period = inv.invoicing_periods[0];
  REQUIRE(period.start);
  CHECK(period.start->value.empty());
  CHECK(period.start_format.empty());  // no DateTimeString, so no format 102
  CHECK(period.start->source.path() ==
        settlement + "/ram:BillingSpecifiedPeriod/ram:StartDateTime");
  CHECK_FALSE(period.end);

  REQUIRE(inv.lines.size() == 1);
  REQUIRE(inv.lines[0].period);
  CHECK_FALSE(inv.lines[0].period->start);
  REQUIRE(inv.lines[0].period->end);
  CHECK(inv.lines[0].period->end->value.empty());
}
