// The line references (EXT-FR-FE-136..138, -158, -162, -163): what the UBL
// and CII readers put in the model, and the BR-FR rules that read them.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "rules/catalogue/catalogue.hpp"
#include "rules/engine/engine.hpp"
#include "rules/fr/line_groups.hpp"
#include "tests/unit/fr_fired.hpp"
#include "validators/readers/readers.hpp"
#include "validators/xml/safe_xml.hpp"

using namespace cprokit;

namespace {

Invoice read(const std::string& text, Syntax syntax) {
  std::vector<Finding> findings;
  auto loaded = xml::load(text, {1U << 20U, 200}, findings);
  REQUIRE(loaded);
  Invoice inv = syntax == Syntax::Ubl ? readers::read_ubl(*loaded, DocumentKind::Invoice, findings)
                                      : readers::read_cii(*loaded, DocumentKind::Invoice, findings);
  REQUIRE(findings.empty());
  return inv;
}

const std::string kUbl = R"xml(<?xml version="1.0" encoding="UTF-8"?>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
    xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
    xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:ID>F-1</cbc:ID>
  <cac:InvoiceLine>
    <cbc:ID>1</cbc:ID>
    <cac:BillingReference>
      <cac:InvoiceDocumentReference>
        <cbc:ID>F-1</cbc:ID>
        <cbc:IssueDate>2025-01-15</cbc:IssueDate>
        <cbc:DocumentTypeCode>380</cbc:DocumentTypeCode>
        <cbc:DocumentStatusCode> GROUP </cbc:DocumentStatusCode>
      </cac:InvoiceDocumentReference>
    </cac:BillingReference>
    <cac:BillingReference>
      <cac:InvoiceDocumentReference><cbc:ID>F-0</cbc:ID></cac:InvoiceDocumentReference>
      <cac:DocumentReference><cbc:ID>DOC 7</cbc:ID></cac:DocumentReference>
      <cac:BillingReferenceLine><cbc:ID>10</cbc:ID></cac:BillingReferenceLine>
      <cac:BillingReferenceLine><cbc:ID>11</cbc:ID></cac:BillingReferenceLine>
    </cac:BillingReference>
    <cac:DocumentReference>
      <cbc:ID schemeID="AFL">SF-1</cbc:ID>
      <cbc:IssueDate>2025-02-30</cbc:IssueDate>
      <cbc:DocumentTypeCode>130</cbc:DocumentTypeCode>
    </cac:DocumentReference>
    <cac:Delivery><cbc:ActualDeliveryDate>2025-01-10</cbc:ActualDeliveryDate></cac:Delivery>
    <cac:Delivery><cbc:ID>no date</cbc:ID></cac:Delivery>
    <cac:Delivery><cbc:ActualDeliveryDate>2025-01-11</cbc:ActualDeliveryDate></cac:Delivery>
  </cac:InvoiceLine>
  <cac:InvoiceLine>
    <cbc:ID>2</cbc:ID>
    <cac:BillingReference/>
  </cac:InvoiceLine>
</Invoice>)xml";

const std::string kCii = R"xml(<?xml version="1.0" encoding="UTF-8"?>
<rsm:CrossIndustryInvoice
    xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
    xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
    xmlns:qdt="urn:un:unece:uncefact:data:standard:QualifiedDataType:100"
    xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">
  <rsm:SupplyChainTradeTransaction>
    <ram:IncludedSupplyChainTradeLineItem>
      <ram:AssociatedDocumentLineDocument>
        <ram:LineID>1</ram:LineID>
        <ram:ParentLineID>0</ram:ParentLineID>
        <ram:LineStatusReasonCode>DETAIL</ram:LineStatusReasonCode>
      </ram:AssociatedDocumentLineDocument>
      <ram:SpecifiedLineTradeDelivery>
        <ram:BilledQuantity unitCode="C62">1</ram:BilledQuantity>
        <ram:ActualDeliverySupplyChainEvent>
          <ram:OccurrenceDateTime>
            <udt:DateTimeString format="102">20250110</udt:DateTimeString>
          </ram:OccurrenceDateTime>
        </ram:ActualDeliverySupplyChainEvent>
      </ram:SpecifiedLineTradeDelivery>
      <ram:SpecifiedLineTradeSettlement>
        <ram:InvoiceReferencedDocument>
          <ram:IssuerAssignedID>F-0</ram:IssuerAssignedID>
          <ram:TypeCode>380</ram:TypeCode>
          <ram:FormattedIssueDateTime>
            <qdt:DateTimeString format="102">20250115</qdt:DateTimeString>
          </ram:FormattedIssueDateTime>
        </ram:InvoiceReferencedDocument>
        <ram:InvoiceReferencedDocument>
          <ram:FormattedIssueDateTime/>
        </ram:InvoiceReferencedDocument>
      </ram:SpecifiedLineTradeSettlement>
    </ram:IncludedSupplyChainTradeLineItem>
    <ram:IncludedSupplyChainTradeLineItem>
      <ram:AssociatedDocumentLineDocument><ram:LineID>2</ram:LineID></ram:AssociatedDocumentLineDocument>
      <ram:SpecifiedLineTradeDelivery>
        <ram:ActualDeliverySupplyChainEvent><ram:OccurrenceDateTime/></ram:ActualDeliverySupplyChainEvent>
      </ram:SpecifiedLineTradeDelivery>
    </ram:IncludedSupplyChainTradeLineItem>
  </rsm:SupplyChainTradeTransaction>
</rsm:CrossIndustryInvoice>)xml";

// The ids of this group, the only ones the rule tests below look at.
const std::set<std::string> kIds = {
    "BR-FR-01_EXT-FR-FE-136", "BR-FR-01_EXT-FR-FE-136-1",  "BR-FR-01_BT-EXT-FR-FE-136-2",
    "BR-FR-02_EXT-FR-FE-136", "BR-FR-03_EXT-FR-FE-138",    "BR-FR-03_EXT-FR-FE-158",
    "BR-FR-04_EXT-FR-FE-137", "BR-FR-BD-02_EXT-FR-FE-163", "BR-FR-BD-13_BT-3",
    "BR-FR-MV-BD_BT-3",       "BR-FR-BD-14-EXT-FR-FE-136", "BR-FR-BD-14-EXT-FR-FE-138"};

std::vector<Finding> lint(const Invoice& inv, RuleMode mode = RuleMode::Strict) {
  return test::fr_findings(
      inv, [](const std::string& id) { return kIds.contains(id); }, mode);
}

// Each id of this group that fires, with how many times.
std::multiset<std::string> fired(const Invoice& inv) {
  std::multiset<std::string> out;
  for (const Finding& f : lint(inv))
    out.insert(f.rule);
  return out;
}

Text text(std::string value) {
  return Text{std::move(value), {}};
}

Invoice with_line(Syntax syntax) {
  Invoice inv;
  inv.syntax = syntax;
  inv.kind = DocumentKind::Invoice;
  inv.number = text("F-1");
  inv.type_code = text("380");
  inv.business_process = text("S1");
  inv.lines.emplace_back();
  return inv;
}

LineInvoiceReference reference(std::string id, std::string date, std::string type = "380") {
  LineInvoiceReference out;
  if (!id.empty()) out.id = text(std::move(id));
  if (!date.empty()) out.issue_date = text(std::move(date));
  if (!type.empty()) out.type_code = text(std::move(type));
  return out;
}

// A UBL line's cac:DocumentReference.
LineDocumentReference document(std::string id, std::string date) {
  LineDocumentReference out;
  out.id = Identifier{};
  out.id->value = std::move(id);
  out.id->scheme = "AFL";
  out.type_code = text("130");
  out.issue_date = text(std::move(date));
  return out;
}

// A bi-directional invoice (S9) of type 389 whose lines head `heads` groups.
Invoice bidirectional(Syntax syntax, int heads) {
  Invoice inv = with_line(syntax);
  inv.business_process = text("S9");
  inv.type_code = text("389");
  inv.lines.clear();
  for (int i = 0; i < heads; ++i) {
    InvoiceLine line;
    if (syntax == Syntax::Cii) {
      line.status_reason_code = text("GROUP");
    } else {
      LineInvoiceReference group = reference("F-1", "", "");
      group.status_code = text("GROUP");
      line.invoice_references.push_back(group);
    }
    inv.lines.push_back(line);
  }
  return inv;
}

}  // namespace

TEST_CASE("read_ubl reads a line's billing references, document references and delivery dates",
          "[readers][ubl][fr-lines]") {
  const Invoice inv = read(kUbl, Syntax::Ubl);
  REQUIRE(inv.lines.size() == 2);
  const InvoiceLine& line = inv.lines[0];

  REQUIRE(line.invoice_references.size() == 2);
  const LineInvoiceReference& group = line.invoice_references[0];
  CHECK(group.source.path() == "/Invoice/cac:InvoiceLine[1]/cac:BillingReference[1]");
  REQUIRE(group.id);
  CHECK(group.id->value == "F-1");
  CHECK(group.id->source.path() ==
        "/Invoice/cac:InvoiceLine[1]/cac:BillingReference[1]/cac:InvoiceDocumentReference/cbc:ID");
  REQUIRE(group.issue_date);
  CHECK(group.issue_date->value == "2025-01-15");
  REQUIRE(group.type_code);
  CHECK(group.type_code->value == "380");
  REQUIRE(group.status_code);
  CHECK(group.status_code->value == "GROUP");  // trimmed, as every text
  CHECK(group.line_ids.empty());
  CHECK_FALSE(group.document_reference_id);

  const LineInvoiceReference& detail = line.invoice_references[1];
  REQUIRE(detail.id);
  CHECK(detail.id->value == "F-0");
  CHECK_FALSE(detail.issue_date);
  CHECK_FALSE(detail.type_code);
  CHECK_FALSE(detail.status_code);
  REQUIRE(detail.line_ids.size() == 2);
  CHECK(detail.line_ids[0].value == "10");
  CHECK(detail.line_ids[1].value == "11");
  CHECK(detail.line_ids[1].source.path() ==
        "/Invoice/cac:InvoiceLine[1]/cac:BillingReference[2]/cac:BillingReferenceLine[2]/cbc:ID");
  REQUIRE(detail.document_reference_id);
  CHECK(detail.document_reference_id->value == "DOC 7");

  REQUIRE(line.document_references.size() == 1);
  const LineDocumentReference& doc = line.document_references[0];
  REQUIRE(doc.id);
  CHECK(doc.id->value == "SF-1");
  CHECK(doc.id->scheme == "AFL");
  REQUIRE(doc.type_code);
  CHECK(doc.type_code->value == "130");
  REQUIRE(doc.issue_date);
  CHECK(doc.issue_date->value == "2025-02-30");

  REQUIRE(line.actual_delivery_dates.size() == 2);
  CHECK(line.actual_delivery_dates[0].value == "2025-01-10");
  CHECK(line.actual_delivery_dates[1].value == "2025-01-11");
  CHECK(line.actual_delivery_dates[1].source.path() ==
        "/Invoice/cac:InvoiceLine[1]/cac:Delivery[3]/cbc:ActualDeliveryDate");
  // UBL has no line status code nor parent line id of its own.
  CHECK_FALSE(line.status_reason_code);
  CHECK_FALSE(line.parent_line_id);

  // An empty BillingReference is a reference with nothing in it.
  const InvoiceLine& bare = inv.lines[1];
  REQUIRE(bare.invoice_references.size() == 1);
  CHECK_FALSE(bare.invoice_references[0].id);
  CHECK(bare.invoice_references[0].line_ids.empty());
  CHECK(bare.document_references.empty());
  CHECK(bare.actual_delivery_dates.empty());
}

TEST_CASE("read_cii reads a line's preceding invoices, status, parent and delivery date",
          "[readers][cii][fr-lines]") {
  const Invoice inv = read(kCii, Syntax::Cii);
  REQUIRE(inv.lines.size() == 2);
  const InvoiceLine& line = inv.lines[0];

  REQUIRE(line.status_reason_code);
  CHECK(line.status_reason_code->value == "DETAIL");
  REQUIRE(line.parent_line_id);
  CHECK(line.parent_line_id->value == "0");

  REQUIRE(line.invoice_references.size() == 2);
  const LineInvoiceReference& ref = line.invoice_references[0];
  CHECK(ref.source.path() ==
        "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/"
        "ram:IncludedSupplyChainTradeLineItem[1]/ram:SpecifiedLineTradeSettlement/"
        "ram:InvoiceReferencedDocument[1]");
  REQUIRE(ref.id);
  CHECK(ref.id->value == "F-0");
  REQUIRE(ref.type_code);
  CHECK(ref.type_code->value == "380");
  REQUIRE(ref.issue_date);
  CHECK(ref.issue_date->value == "20250115");
  CHECK_FALSE(ref.status_code);
  CHECK(ref.line_ids.empty());
  // A FormattedIssueDateTime without its date string is no date.
  CHECK_FALSE(line.invoice_references[1].id);
  CHECK_FALSE(line.invoice_references[1].issue_date);

  REQUIRE(line.actual_delivery_dates.size() == 1);
  CHECK(line.actual_delivery_dates[0].value == "20250110");
  CHECK(line.actual_delivery_dates[0].source.path().ends_with(
      "ram:ActualDeliverySupplyChainEvent/ram:OccurrenceDateTime/udt:DateTimeString"));
  CHECK(line.document_references.empty());

  const InvoiceLine& second = inv.lines[1];
  CHECK_FALSE(second.status_reason_code);
  CHECK_FALSE(second.parent_line_id);
  CHECK(second.invoice_references.empty());
  CHECK(second.actual_delivery_dates.empty());
}

TEST_CASE("a group's head: CII by the line's status and parent, UBL by its billing reference",
          "[fr][fr-lines]") {
  const Invoice cii = read(kCii, Syntax::Cii);
  CHECK_FALSE(fr::is_group_head_cii(cii, cii.lines[0]));  // DETAIL, with a parent
  CHECK_FALSE(fr::is_group_head_cii(cii, cii.lines[1]));  // no status
  InvoiceLine head = cii.lines[0];
  head.status_reason_code->value = "GROUP";
  CHECK_FALSE(fr::is_group_head_cii(cii, head));  // still a parent
  head.parent_line_id.reset();
  CHECK(fr::is_group_head_cii(cii, head));

  Invoice ubl = read(kUbl, Syntax::Ubl);
  const auto& refs = ubl.lines[0].invoice_references;
  // Its status is written " GROUP ": the reference compares it as written.
  CHECK_FALSE(fr::is_group_reference_ubl(ubl, refs[0]));
  ubl.padded_texts.clear();  // now read as "GROUP"
  CHECK(fr::is_group_reference_ubl(ubl, refs[0]));
  CHECK_FALSE(fr::is_group_reference_ubl(ubl, refs[1]));  // another invoice, no status
  CHECK_FALSE(fr::is_group_reference_ubl(ubl, ubl.lines[1].invoice_references[0]));  // empty
  LineInvoiceReference child = refs[0];
  child.line_ids.push_back(Text{"1", {}});
  CHECK_FALSE(fr::is_group_reference_ubl(ubl, child));  // a reference line: not a head
  ubl.number->value = "F-2";
  CHECK_FALSE(fr::is_group_reference_ubl(ubl, refs[0]));  // not this invoice's number
}

TEST_CASE("BR-FR-01 .. -04 on a CII line's preceding invoice and delivery date", "[fr][fr-lines]") {
  Invoice inv = with_line(Syntax::Cii);
  inv.lines[0].invoice_references.push_back(reference("FT-2026-0811", "20260915"));
  inv.lines[0].actual_delivery_dates.push_back(text("20261001"));
  CHECK(fired(inv).empty());

  inv.lines[0].invoice_references[0].id = text(std::string(36, 'A'));
  CHECK(fired(inv) == std::multiset<std::string>{"BR-FR-01_EXT-FR-FE-136"});
  inv.lines[0].invoice_references[0].id = text("FT 2026");
  CHECK(fired(inv) == std::multiset<std::string>{"BR-FR-02_EXT-FR-FE-136"});
  inv.lines[0].invoice_references[0] = reference("FT-2026-0811", "19991231", "326");
  CHECK(fired(inv) ==
        std::multiset<std::string>{"BR-FR-03_EXT-FR-FE-138", "BR-FR-04_EXT-FR-FE-137"});
  inv.lines[0].invoice_references[0] = reference("FT-2026-0811", "2026-09-15");  // UBL's form
  inv.lines[0].actual_delivery_dates.push_back(text("21000101"));
  CHECK(fired(inv) ==
        std::multiset<std::string>{"BR-FR-03_EXT-FR-FE-138", "BR-FR-03_EXT-FR-FE-158"});
  // The UBL-only elements are not read in CII.
  inv = with_line(Syntax::Cii);
  inv.lines[0].document_references.push_back(document("A B", "1999-12-31"));
  inv.lines[0].invoice_references.push_back(reference("", "", ""));
  inv.lines[0].invoice_references[0].document_reference_id = text(std::string(36, ' '));
  CHECK(fired(inv).empty());
}

TEST_CASE("BR-FR-01 .. -04 read other UBL elements", "[fr][fr-lines]") {
  Invoice inv = with_line(Syntax::Ubl);
  // The billing reference's id is not tested in UBL: only its type.
  inv.lines[0].invoice_references.push_back(
      reference("FT 2026 0811 " + std::string(30, 'A'), "1999-12-31", "326"));
  CHECK(fired(inv) == std::multiset<std::string>{"BR-FR-04_EXT-FR-FE-137"});
  // BR-FR-01 reads the billing reference's cac:DocumentReference.
  inv.lines[0].invoice_references[0] = reference("F-0", "2026-09-15");
  inv.lines[0].invoice_references[0].document_reference_id = text(std::string(36, 'A'));
  CHECK(fired(inv) == std::multiset<std::string>{"BR-FR-01_EXT-FR-FE-136-1"});
  inv.lines[0].invoice_references[0].document_reference_id = text("A B");
  CHECK(fired(inv) == std::multiset<std::string>{"BR-FR-01_BT-EXT-FR-FE-136-2"});
  // BR-FR-02 and BR-FR-03 the line's cac:DocumentReference.
  inv.lines[0].invoice_references.clear();
  inv.lines[0].document_references.push_back(document("SF 1", "2026-02-29"));
  CHECK(fired(inv) ==
        std::multiset<std::string>{"BR-FR-02_EXT-FR-FE-136", "BR-FR-03_EXT-FR-FE-138"});
  inv.lines[0].document_references[0] = document("SF-1", "2028-02-29");
  inv.lines[0].actual_delivery_dates = {text("2026-10-01"), text("20261001")};
  CHECK(fired(inv) == std::multiset<std::string>{"BR-FR-03_EXT-FR-FE-158"});
}

TEST_CASE("BR-FR-BD-02: a bi-directional invoice has exactly two group heads", "[fr][fr-lines]") {
  for (Syntax syntax : {Syntax::Cii, Syntax::Ubl}) {
    CHECK(fired(bidirectional(syntax, 2)).empty());
    CHECK(fired(bidirectional(syntax, 1)) ==
          std::multiset<std::string>{"BR-FR-BD-02_EXT-FR-FE-163"});
    CHECK(fired(bidirectional(syntax, 3)) ==
          std::multiset<std::string>{"BR-FR-BD-02_EXT-FR-FE-163"});
    Invoice other = bidirectional(syntax, 3);
    other.business_process = text("S8");  // multi-vendor, not bi-directional
    CHECK(fired(other).empty());
    other.business_process = text(" M9 ");
    CHECK_FALSE(fired(other).empty());
  }
  // A child line is no head: CII by its parent, UBL by its reference line.
  Invoice cii = bidirectional(Syntax::Cii, 3);
  cii.lines[2].parent_line_id = text("1");
  CHECK(fired(cii).empty());
  Invoice ubl = bidirectional(Syntax::Ubl, 3);
  ubl.lines[2].invoice_references[0].line_ids.push_back(text("1"));
  CHECK(fired(ubl).empty());
  // UBL counts references, not lines.
  ubl = bidirectional(Syntax::Ubl, 1);
  ubl.lines[0].invoice_references.push_back(ubl.lines[0].invoice_references[0]);
  CHECK(fired(ubl).empty());
}

TEST_CASE("BR-FR-BD-13 (CII), BR-FR-MV-BD (UBL): a bi-directional invoice's type",
          "[fr][fr-lines]") {
  for (Syntax syntax : {Syntax::Cii, Syntax::Ubl}) {
    const std::string id = syntax == Syntax::Cii ? "BR-FR-BD-13_BT-3" : "BR-FR-MV-BD_BT-3";
    Invoice inv = bidirectional(syntax, 2);
    for (const char* type : {"389", "261", "501", "500", "502", "471", " 473 "}) {
      inv.type_code = text(type);
      CHECK_FALSE(fired(inv).contains(id));
    }
    for (const char* type : {"380", "381", ""}) {
      inv.type_code = text(type);
      CHECK(fired(inv).count(id) == 1);
    }
    inv.type_code.reset();  // the context is the element
    CHECK(fired(inv).empty());
    inv = bidirectional(syntax, 2);
    inv.business_process = text("S1");
    inv.type_code = text("380");
    CHECK(fired(inv).empty());
  }
}

TEST_CASE("BR-FR-BD-14: a bi-directional corrective invoice's group heads name what they correct",
          "[fr][fr-lines]") {
  const std::multiset<std::string> both = {"BR-FR-BD-14-EXT-FR-FE-136",
                                           "BR-FR-BD-14-EXT-FR-FE-138"};
  Invoice cii = bidirectional(Syntax::Cii, 2);
  cii.type_code = text("261");
  cii.lines[0].invoice_references.push_back(reference("F-0", "20260915", ""));
  CHECK(fired(cii) == both);  // line 2 names nothing
  cii.lines[1].invoice_references.push_back(reference("", "20260915", ""));
  CHECK(fired(cii) == std::multiset<std::string>{"BR-FR-BD-14-EXT-FR-FE-136"});
  cii.lines[1].invoice_references.push_back(reference("F-00", "", ""));  // any reference counts
  CHECK(fired(cii).empty());
  cii.type_code = text("389");  // not a corrective type
  cii.lines[1].invoice_references.clear();
  CHECK(fired(cii).empty());

  Invoice ubl = bidirectional(Syntax::Ubl, 2);
  ubl.type_code = text("471");
  ubl.lines[0].invoice_references.push_back(reference("F-0", "2026-09-15", ""));
  CHECK(fired(ubl) == both);  // line 2 names nothing
  // A reference to the invoice itself does not count.
  ubl.lines[1].invoice_references.push_back(reference("F-1", "2026-09-15", ""));
  CHECK(fired(ubl) == both);
  ubl.lines[1].invoice_references.push_back(reference("F-0", "", ""));
  CHECK(fired(ubl) == std::multiset<std::string>{"BR-FR-BD-14-EXT-FR-FE-138"});
  ubl.lines[1].invoice_references.back().issue_date = text("2026-09-15");
  CHECK(fired(ubl).empty());
}

TEST_CASE("the line references warn in transition mode; the bi-directional rules stay fatal",
          "[fr][fr-lines]") {
  Invoice inv = bidirectional(Syntax::Cii, 1);
  inv.type_code = text("380");
  inv.lines[0].actual_delivery_dates.push_back(text("21000101"));
  std::map<std::string, Severity> severity;
  for (const Finding& f : lint(inv, RuleMode::Transition))
    severity[f.rule] = f.severity;
  CHECK(severity.size() == 3);
  CHECK(severity["BR-FR-03_EXT-FR-FE-158"] == Severity::Warning);
  CHECK(severity["BR-FR-BD-02_EXT-FR-FE-163"] == Severity::Fatal);
  CHECK(severity["BR-FR-BD-13_BT-3"] == Severity::Fatal);
}
