// The core rules BR-01 … BR-65 where UBL and CII tests differ on purpose,
// linted from small fragments (no XSD) with the en16931 profile.
#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "rules/en16931/en16931_rules.hpp"
#include "validators/pipeline.hpp"

using namespace cprokit;

namespace {

constexpr std::string_view kUblOpen =
    R"(<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
 xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
 xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">)";
constexpr std::string_view kCiiOpen =
    R"(<rsm:CrossIndustryInvoice
 xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
 xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
 xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">)";

// The findings of the document, linted without XSD with the en16931 profile.
std::vector<Finding> lint(const std::string& xml) {
  XsdSetup no_xsd;
  no_xsd.disabled = true;
  LintOptions options;
  options.profile = "en16931";
  return Linter(options, no_xsd).lint("test.xml", xml).findings;
}

// The core rules BR-01 … BR-65 alone: those en16931::register_core_rules() registers.
const Registry& core_rules() {
  static const Registry registry = [] {
    Registry r;
    en16931::register_families(r);
    en16931::register_core_rules(r);
    return r;
  }();
  return registry;
}

// The severity of each core rule fired on the document ("fatal", "warning").
std::map<std::string, std::string> core_findings(const std::string& xml) {
  std::map<std::string, std::string> out;
  for (const Finding& f : lint(xml)) {
    if (core_rules().find(f.rule) != nullptr) out[f.rule] = name(f.severity);
  }
  return out;
}

// Every rule fired on the document.
std::set<std::string> rules_fired(const std::string& xml) {
  std::set<std::string> out;
  for (const Finding& f : lint(xml))
    out.insert(f.rule);
  return out;
}

std::string ubl(std::string_view body) {
  return std::string(kUblOpen) + std::string(body) + "</Invoice>";
}

std::string cii_agreement(std::string_view agreement) {
  return std::string(kCiiOpen) +
         "<rsm:SupplyChainTradeTransaction><ram:ApplicableHeaderTradeAgreement>" +
         std::string(agreement) +
         "</ram:ApplicableHeaderTradeAgreement></rsm:SupplyChainTradeTransaction>"
         "</rsm:CrossIndustryInvoice>";
}

std::string cii_settlement(std::string_view settlement) {
  return std::string(kCiiOpen) +
         "<rsm:SupplyChainTradeTransaction><ram:ApplicableHeaderTradeSettlement>" +
         std::string(settlement) +
         "</ram:ApplicableHeaderTradeSettlement></rsm:SupplyChainTradeTransaction>"
         "</rsm:CrossIndustryInvoice>";
}

}  // namespace

TEST_CASE("BR-51: a card number over 10 characters is a warning in UBL, fatal in CII", "[core]") {
  auto u = core_findings(ubl(R"(<cac:PaymentMeans><cbc:PaymentMeansCode>48</cbc:PaymentMeansCode>
    <cac:CardAccount><cbc:PrimaryAccountNumberID>4970 1012 34</cbc:PrimaryAccountNumberID>
    </cac:CardAccount></cac:PaymentMeans>)"));
  CHECK(u["BR-51"] == "warning");  // normalize-space keeps the inner spaces: 12 characters

  auto masked =
      core_findings(ubl(R"(<cac:PaymentMeans><cbc:PaymentMeansCode>48</cbc:PaymentMeansCode>
    <cac:CardAccount><cbc:PrimaryAccountNumberID>  4970107890 </cbc:PrimaryAccountNumberID>
    </cac:CardAccount></cac:PaymentMeans>)"));
  CHECK_FALSE(masked.contains("BR-51"));

  auto c = core_findings(cii_settlement(R"(<ram:SpecifiedTradeSettlementPaymentMeans>
    <ram:TypeCode>48</ram:TypeCode><ram:ApplicableTradeSettlementFinancialCard>
    <ram:ID>4970101234567890</ram:ID></ram:ApplicableTradeSettlementFinancialCard>
    </ram:SpecifiedTradeSettlementPaymentMeans>)"));
  CHECK(c["BR-51"] == "fatal");
}

TEST_CASE("BR-12 … BR-15 run only on a totals group, in both syntaxes", "[core]") {
  auto none = core_findings(ubl("<cbc:ID>F1</cbc:ID>"));
  for (const char* id : {"BR-12", "BR-13", "BR-14", "BR-15"})
    CHECK_FALSE(none.contains(id));
  CHECK(none.contains("BR-16"));

  auto empty = core_findings(ubl("<cac:LegalMonetaryTotal/>"));
  for (const char* id : {"BR-12", "BR-13", "BR-14", "BR-15"})
    CHECK(empty.contains(id));

  auto cii =
      core_findings(cii_settlement("<ram:SpecifiedTradeSettlementHeaderMonetarySummation>"
                                   "<ram:LineTotalAmount>1.00</ram:LineTotalAmount>"
                                   "</ram:SpecifiedTradeSettlementHeaderMonetarySummation>"));
  CHECK_FALSE(cii.contains("BR-12"));
  CHECK(cii.contains("BR-13"));
}

TEST_CASE("BR-29: UBL compares dates, CII strings of format 102", "[core]") {
  auto period = [](std::string_view start, std::string_view end) {
    return ubl("<cac:InvoicePeriod><cbc:StartDate>" + std::string(start) +
               "</cbc:StartDate><cbc:EndDate>" + std::string(end) +
               "</cbc:EndDate></cac:InvoicePeriod>");
  };
  CHECK(core_findings(period("2026-03-02", "2026-03-01")).contains("BR-29"));
  CHECK_FALSE(core_findings(period("2026-03-01", "2026-03-01")).contains("BR-29"));

  auto cii = [](std::string_view start_format, std::string_view end) {
    return cii_settlement(
        "<ram:BillingSpecifiedPeriod><ram:StartDateTime><udt:DateTimeString format=\"" +
        std::string(start_format) +
        "\">20260301</udt:DateTimeString></ram:StartDateTime><ram:EndDateTime>"
        "<udt:DateTimeString format=\"102\">" +
        std::string(end) + "</udt:DateTimeString></ram:EndDateTime></ram:BillingSpecifiedPeriod>");
  };
  CHECK_FALSE(core_findings(cii("102", "20260331")).contains("BR-29"));
  CHECK(core_findings(cii("102", "20260228")).contains("BR-29"));
  CHECK(core_findings(cii("610", "20260331")).contains("BR-29"));  // not both of format 102
}

TEST_CASE("BR-17: a payee with the seller's name or identifier fails", "[core]") {
  constexpr std::string_view kSeller =
      "<cac:AccountingSupplierParty><cac:Party><cac:PartyIdentification><cbc:ID>S-1</cbc:ID>"
      "</cac:PartyIdentification><cac:PartyName><cbc:Name>Alpine</cbc:Name></cac:PartyName>"
      "</cac:Party></cac:AccountingSupplierParty>";
  auto payee = [&](std::string_view id, std::string_view name) {
    return ubl(std::string(kSeller) + "<cac:PayeeParty><cac:PartyIdentification><cbc:ID>" +
               std::string(id) + "</cbc:ID></cac:PartyIdentification><cac:PartyName><cbc:Name>" +
               std::string(name) + "</cbc:Name></cac:PartyName></cac:PayeeParty>");
  };
  CHECK_FALSE(core_findings(payee("P-1", "Affacturage")).contains("BR-17"));
  CHECK(core_findings(payee("P-1", "Alpine")).contains("BR-17"));
  CHECK(core_findings(payee("S-1", "Affacturage")).contains("BR-17"));
}

TEST_CASE("BR-50, BR-61: UBL tests the payment means, CII each account", "[core]") {
  auto u = core_findings(
      ubl("<cac:PaymentMeans><cbc:PaymentMeansCode>58</cbc:PaymentMeansCode></cac:PaymentMeans>"));
  CHECK(u.contains("BR-61"));
  CHECK_FALSE(u.contains("BR-50"));

  auto c = core_findings(
      cii_settlement("<ram:SpecifiedTradeSettlementPaymentMeans><ram:TypeCode>58</ram:TypeCode>"
                     "</ram:SpecifiedTradeSettlementPaymentMeans>"));
  CHECK_FALSE(c.contains("BR-61"));  // no account: no context for the CII test

  auto blank = core_findings(cii_settlement(
      "<ram:SpecifiedTradeSettlementPaymentMeans><ram:TypeCode>30</ram:TypeCode>"
      "<ram:PayeePartyCreditorFinancialAccount><ram:IBANID> </ram:IBANID>"
      "</ram:PayeePartyCreditorFinancialAccount></ram:SpecifiedTradeSettlementPaymentMeans>"));
  CHECK(blank.contains("BR-50"));
  CHECK_FALSE(blank.contains("BR-61"));
}

TEST_CASE("BR-62, BR-63: a CII electronic address wrapper without its URIID fires", "[core]") {
  // The CII test asks for ram:URIUniversalCommunication, whatever it holds.
  auto party = [](std::string_view uri) {
    return cii_agreement("<ram:SellerTradeParty>" + std::string(uri) +
                         "</ram:SellerTradeParty><ram:BuyerTradeParty>" + std::string(uri) +
                         "</ram:BuyerTradeParty>");
  };
  auto empty = core_findings(party("<ram:URIUniversalCommunication/>"));
  CHECK(empty.contains("BR-62"));
  CHECK(empty.contains("BR-63"));
  auto scheme = core_findings(party(
      R"(<ram:URIUniversalCommunication><ram:URIID schemeID="0009">20004065700013</ram:URIID>)"
      "</ram:URIUniversalCommunication>"));
  CHECK_FALSE(scheme.contains("BR-62"));
  CHECK_FALSE(scheme.contains("BR-63"));
  auto none = core_findings(party(""));
  CHECK_FALSE(none.contains("BR-62"));
  CHECK_FALSE(none.contains("BR-63"));
}

TEST_CASE("BR-29, BR-CO-19: a CII period date wrapper without its date is there", "[core]") {
  auto period = [](std::string_view dates) {
    return cii_settlement("<ram:BillingSpecifiedPeriod>" + std::string(dates) +
                          "</ram:BillingSpecifiedPeriod>");
  };
  // A start wrapper alone: the period has a start (no BR-CO-19), nothing to order.
  auto start = rules_fired(period("<ram:StartDateTime/>"));
  CHECK_FALSE(start.contains("BR-CO-19"));
  CHECK_FALSE(start.contains("BR-29"));
  // Both wrappers, one empty: no two dates of format 102 to compare.
  auto both = rules_fired(
      period(R"(<ram:StartDateTime><udt:DateTimeString format="102">20260301</udt:DateTimeString>)"
             "</ram:StartDateTime><ram:EndDateTime/>"));
  CHECK(both.contains("BR-29"));
  CHECK(rules_fired(period("")).contains("BR-CO-19"));
}

TEST_CASE("BR-CO-23: an empty CII indicator makes neither an allowance nor a charge", "[core]") {
  // The CII line allowance tests compare udt:Indicator with 'false'.
  auto line = [](std::string_view indicator) {
    return std::string(kCiiOpen) +
           "<rsm:SupplyChainTradeTransaction><ram:IncludedSupplyChainTradeLineItem>"
           "<ram:SpecifiedLineTradeSettlement><ram:SpecifiedTradeAllowanceCharge>"
           "<ram:ChargeIndicator>" +
           std::string(indicator) +
           "</ram:ChargeIndicator><ram:ActualAmount>5.00</ram:ActualAmount>"
           "</ram:SpecifiedTradeAllowanceCharge></ram:SpecifiedLineTradeSettlement>"
           "</ram:IncludedSupplyChainTradeLineItem></rsm:SupplyChainTradeTransaction>"
           "</rsm:CrossIndustryInvoice>";
  };
  CHECK(rules_fired(line("<udt:Indicator>false</udt:Indicator>")).contains("BR-CO-23"));
  CHECK_FALSE(rules_fired(line("<udt:Indicator/>")).contains("BR-CO-23"));
  CHECK_FALSE(rules_fired(line("<udt:Indicator/>")).contains("BR-CO-24"));
}

TEST_CASE("BR-CO-15: an empty invoice currency code names no currency", "[core]") {
  // @currencyID = '' is false without the attribute: no VAT total in BT-5.
  auto totals = [](std::string_view currency, std::string_view total) {
    return cii_settlement("<ram:InvoiceCurrencyCode>" + std::string(currency) +
                          "</ram:InvoiceCurrencyCode>"
                          "<ram:SpecifiedTradeSettlementHeaderMonetarySummation>"
                          "<ram:TaxBasisTotalAmount>100.00</ram:TaxBasisTotalAmount>" +
                          std::string(total) +
                          "<ram:GrandTotalAmount>120.00</ram:GrandTotalAmount>"
                          "</ram:SpecifiedTradeSettlementHeaderMonetarySummation>");
  };
  CHECK(rules_fired(totals("", "<ram:TaxTotalAmount>20.00</ram:TaxTotalAmount>"))
            .contains("BR-CO-15"));
  CHECK_FALSE(
      rules_fired(
          totals("EUR", R"(<ram:TaxTotalAmount currencyID="EUR">20.00</ram:TaxTotalAmount>)"))
          .contains("BR-CO-15"));
}
