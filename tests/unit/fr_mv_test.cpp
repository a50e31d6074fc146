// The multi-vendor rules (BR-FR-MV, rules/fr/multi_vendor_rules.cpp) and
// the values they test. Their agreement with the FNFE-MPE reference is the
// fixtures' business (fixtures/invoices/fr/).
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "rules/catalogue/catalogue.hpp"
#include "rules/engine/engine.hpp"
#include "rules/fr/values.hpp"
#include "tests/unit/fr_fired.hpp"

using namespace cprokit;

namespace {

// The BR-FR-MV ids fired on `inv` under fr-ctc.
std::set<std::string> fired(const Invoice& inv) {
  return test::fr_fired(inv, {"BR-FR-MV-"});
}

Invoice invoice(Syntax syntax, std::string_view mode, std::string_view type) {
  Invoice inv;
  inv.syntax = syntax;
  inv.kind = DocumentKind::Invoice;
  inv.number = Text{"F-1", {}};
  inv.business_process = Text{std::string(mode), {}};
  inv.type_code = Text{std::string(type), {}};
  inv.currency = Text{"EUR", {}};
  return inv;
}

Text text(std::string_view value) {
  return Text{std::string(value), {}};
}

Amount amount(const std::string& value) {
  return Amount{*Decimal::parse(value), "EUR", {}, value};
}

// A line of sub-invoice `number` of the seller `seller`: in CII, of status
// `status` under `parent`; in UBL, the same told by a billing reference to
// the invoice itself.
InvoiceLine line(Syntax syntax, std::string_view id, std::string_view status,
                 std::string_view parent, std::string_view number, std::string_view seller) {
  InvoiceLine out;
  out.id = text(id);
  out.net_amount = amount("0.00");
  out.vat_totals.push_back(amount("0.00"));
  Party party;
  party.name = text("Vendeur");
  party.legal_id = Identifier{std::string(seller), {}, {}};
  party.address = Address{};
  party.address->country = text("FR");
  out.item_seller = party;
  if (syntax == Syntax::Cii) {
    out.status_reason_code = text(status);
    if (!parent.empty()) out.parent_line_id = text(parent);
    out.object_references.push_back({text(number), text("AFL"), text("130"), {}});
    out.object_references.push_back({text("S1"), text("AVV"), text("130"), {}});
  } else {
    LineInvoiceReference ref;
    ref.id = text("F-1");
    ref.status_code = text(status);
    if (!parent.empty()) ref.line_ids.push_back(text(parent));
    out.invoice_references.push_back(ref);
    out.document_references.push_back(
        {Identifier{std::string(number), "AFL", {}, true}, text("130"), std::nullopt, {}});
    out.document_references.push_back(
        {Identifier{"S1", "AVV", {}, true}, text("130"), std::nullopt, {}});
  }
  return out;
}

// A multi-vendor invoice F-1 of seller 111111111: its sub-invoice F-1 (a
// GROUP line G1 and an INFORMATION line 1 under it).
Invoice multi_vendor(Syntax syntax) {
  Invoice inv = invoice(syntax, "S8", "380");
  inv.seller.legal_id = Identifier{"111111111", "0002", {}, true};
  inv.lines.push_back(line(syntax, "G1", "GROUP", "", "F-1", "111111111"));
  inv.lines.push_back(line(syntax, "1", "INFORMATION", "G1", "F-1", "111111111"));
  return inv;
}

}  // namespace

TEST_CASE("is_special_billing_mode and is_multi_vendor_billing_mode", "[fr][mv]") {
  for (const char* mode : {"S8", "B8", "M8", " M8 "}) {
    CHECK(fr::is_special_billing_mode(mode));
    CHECK(fr::is_multi_vendor_billing_mode(mode));
  }
  for (const char* mode : {"S9", "B9", "M9"}) {
    CHECK(fr::is_special_billing_mode(mode));
    CHECK_FALSE(fr::is_multi_vendor_billing_mode(mode));
  }
  for (const char* mode : {"S1", "M 8", "m8", "", "S88"}) {
    CHECK_FALSE(fr::is_special_billing_mode(mode));
    CHECK_FALSE(fr::is_multi_vendor_billing_mode(mode));
  }
}

TEST_CASE("is_self_billed_type and is_corrective_or_credit_type", "[fr][mv]") {
  for (const char* type : {"389", "261", "501", "500", "502", "471", "473"}) {
    CHECK(fr::is_self_billed_type(type));
    CHECK_FALSE(fr::is_corrective_or_credit_type(type));
  }
  for (const char* type : {"384", "472", "381", "396", "503"}) {
    CHECK(fr::is_corrective_or_credit_type(type));
    CHECK_FALSE(fr::is_self_billed_type(type));
  }
  for (const char* type : {"380", "", " 389", "3890"}) {
    CHECK_FALSE(fr::is_self_billed_type(type));
    CHECK_FALSE(fr::is_corrective_or_credit_type(type));
  }
}

TEST_CASE("BR-FR-MV-13: a multi-vendor invoice is not self-billed", "[fr][mv]") {
  for (Syntax syntax : {Syntax::Ubl, Syntax::Cii}) {
    CHECK(fired(invoice(syntax, "M8", "389")).contains("BR-FR-MV-13_BT-3"));
    CHECK(fired(invoice(syntax, "S8", "")).contains("BR-FR-MV-13_BT-3"));
    CHECK_FALSE(fired(invoice(syntax, "S8", "380")).contains("BR-FR-MV-13_BT-3"));
    // Bi-directional and ordinary invoices are not multi-vendor.
    CHECK_FALSE(fired(invoice(syntax, "S9", "389")).contains("BR-FR-MV-13_BT-3"));
    CHECK_FALSE(fired(invoice(syntax, "S1", "389")).contains("BR-FR-MV-13_BT-3"));
    Invoice without_type = invoice(syntax, "B8", "");
    without_type.type_code.reset();
    CHECK_FALSE(fired(without_type).contains("BR-FR-MV-13_BT-3"));
  }
}

TEST_CASE("BR-FR-MV: a well-formed multi-vendor invoice fires nothing", "[fr][mv]") {
  for (Syntax syntax : {Syntax::Ubl, Syntax::Cii}) {
    CHECK(fired(multi_vendor(syntax)).empty());
  }
}

TEST_CASE("BR-FR-MV-02, -03: the GROUP line and what it gives", "[fr][mv]") {
  for (Syntax syntax : {Syntax::Ubl, Syntax::Cii}) {
    Invoice no_group = multi_vendor(syntax);
    no_group.lines.erase(no_group.lines.begin());
    CHECK(fired(no_group).contains("BR-FR-MV-02_EXT-FR-FE-163"));

    Invoice no_name = multi_vendor(syntax);
    no_name.lines[0].item_seller->name = text(" ");
    CHECK(fired(no_name) == std::set<std::string>{"BR-FR-MV-03_EXT-FR-FE-164"});

    // A VAT accounting currency asks for the GROUP line's VAT in it too.
    Invoice usd = multi_vendor(syntax);
    usd.vat_currency = text("USD");
    CHECK(fired(usd) == std::set<std::string>{"BR-FR-MV-03_EXT-FR-FE-182"});
    usd.lines[0].vat_totals.push_back({*Decimal::parse("0"), "USD", {}, "0"});
    CHECK(fired(usd).empty());
  }
}

TEST_CASE("BR-FR-MV-03: the AFL number, missing, fails a UBL head only", "[fr][mv]") {
  Invoice ubl = multi_vendor(Syntax::Ubl);
  ubl.lines[0].document_references.erase(ubl.lines[0].document_references.begin());
  CHECK(fired(ubl).contains("BR-FR-MV-03_BT-128_AFL"));
  Invoice cii = multi_vendor(Syntax::Cii);
  cii.lines[0].object_references.erase(cii.lines[0].object_references.begin());
  CHECK_FALSE(fired(cii).contains("BR-FR-MV-03_BT-128_AFL"));
  // The AVV framework is not a multi-vendor one.
  for (Syntax syntax : {Syntax::Ubl, Syntax::Cii}) {
    Invoice m8 = multi_vendor(syntax);
    if (syntax == Syntax::Ubl) {
      m8.lines[0].document_references[1].id->value = "M8";
    } else {
      m8.lines[0].object_references[1].id = text("M8");
    }
    CHECK(fired(m8) == std::set<std::string>{"BR-FR-MV-03_BT-128_AVV"});
  }
}

TEST_CASE("BR-FR-MV-05, -06, -07: a line against its GROUP line", "[fr][mv]") {
  for (Syntax syntax : {Syntax::Ubl, Syntax::Cii}) {
    // A DETAIL line of 10.00 under a GROUP line of 0.00: 0.01 allowed per line.
    Invoice detail = multi_vendor(syntax);
    detail.lines.push_back(line(syntax, "2", "DETAIL", "G1", "F-1", "111111111"));
    detail.lines.back().net_amount = amount("10.00");
    detail.lines.back().vat_exemption_reason = text("#F-1#");
    CHECK(fired(detail) == std::set<std::string>{"BR-FR-MV-05_EXT-FR-FE-BG-12"});
    detail.lines[0].net_amount = amount("9.99");
    CHECK(fired(detail).empty());
    detail.lines.back().vat_exemption_reason = text("F-1");
    CHECK(fired(detail) == std::set<std::string>{"BR-FR-MV-08_BT-128"});

    Invoice other_seller = multi_vendor(syntax);
    other_seller.lines[1].item_seller->legal_id->value = "222222222";
    CHECK(fired(other_seller) == std::set<std::string>{"BR-FR-MV-06_EXT-FR-FE-167"});

    Invoice other_number = multi_vendor(syntax);
    if (syntax == Syntax::Ubl) {
      other_number.lines[1].document_references[0].id->value = "F-2";
    } else {
      other_number.lines[1].object_references[0].id = text("F-2");
    }
    CHECK(fired(other_number) == std::set<std::string>{"BR-FR-MV-07_BT-128"});
  }
}

TEST_CASE("BR-FR-MV-11, -12: sub-invoice numbers", "[fr][mv]") {
  for (Syntax syntax : {Syntax::Ubl, Syntax::Cii}) {
    // Another seller's sub-invoice under the same number.
    Invoice twice = multi_vendor(syntax);
    twice.lines.push_back(line(syntax, "G2", "GROUP", "", "F-1", "333333333"));
    CHECK(fired(twice) == std::set<std::string>{"BR-FR-MV-12_BT-128"});
    // The seller's only sub-invoice not numbered as the invoice.
    Invoice renamed = multi_vendor(syntax);
    for (InvoiceLine& l : renamed.lines) {
      if (syntax == Syntax::Ubl) {
        l.document_references[0].id->value = "SF-1";
      } else {
        l.object_references[0].id = text("SF-1");
      }
    }
    CHECK(fired(renamed) == std::set<std::string>{"BR-FR-MV-11_BT-128"});
  }
}

TEST_CASE("BR-FR-MV-14: a corrective GROUP line names the sub-invoice corrected", "[fr][mv]") {
  for (Syntax syntax : {Syntax::Ubl, Syntax::Cii}) {
    Invoice corrective = multi_vendor(syntax);
    corrective.type_code = text("384");
    CHECK(fired(corrective) ==
          std::set<std::string>{"BR-FR-MV-14-EXT-FR-FE-136", "BR-FR-MV-14-EXT-FR-FE-138"});
    LineInvoiceReference corrected;
    corrected.id = text("F-0");
    corrective.lines[0].invoice_references.push_back(corrected);
    CHECK(fired(corrective) == std::set<std::string>{"BR-FR-MV-14-EXT-FR-FE-138"});
    corrective.lines[0].invoice_references.back().issue_date = text("2026-09-01");
    CHECK(fired(corrective).empty());
  }
}
