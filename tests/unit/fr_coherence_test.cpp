// BR-FR-CO-03 … -15 (the document's terms agree with one another) and
// BR-FR-DEC-04 (how VAT rates are written), on invoices built here: the
// reference's quirks each rule keeps. Agreement with the FNFE-MPE reference
// on whole documents is the fixtures' business (fixtures/invoices/fr/).
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

#include "rules/catalogue/catalogue.hpp"
#include "rules/engine/engine.hpp"
#include "tests/unit/fr_fired.hpp"

using namespace cprokit;

namespace {

Text text(std::string value) {
  return Text{std::move(value), {}};
}

Amount amount(const std::string& written, std::string currency = {}) {
  Amount out;
  out.value = *Decimal::parse(written);
  out.currency = std::move(currency);
  out.text = written;
  return out;
}

Number number(const std::string& written) {
  Number out;
  out.value = *Decimal::parse(written);
  out.text = written;
  return out;
}

Invoice invoice(Syntax syntax, DocumentKind kind = DocumentKind::Invoice) {
  Invoice inv;
  inv.syntax = syntax;
  inv.kind = kind;
  inv.business_process = text("S1");
  inv.type_code = text(kind == DocumentKind::CreditNote ? "381" : "380");
  inv.issue_date = text(syntax == Syntax::Cii ? "20261006" : "2026-10-06");
  inv.currency = text("EUR");
  inv.preceding_invoices.push_back({text("FT-2026-0801"), text("20260803"), {}});
  return inv;
}

// The ids of this group that fire (CO-* and DEC-04), whatever else does.
std::set<std::string> fired(const Invoice& inv) {
  // BR-FR-CO-10 (the parties' identifiers) is another group's.
  return test::fr_fired(
      inv, {"BR-FR-CO-0", "BR-FR-CO-12", "BR-FR-CO-14", "BR-FR-CO-15", "BR-FR-DEC-04"});
}

using Ids = std::set<std::string>;

}  // namespace

TEST_CASE("BR-FR-CO-07: CII fires without an issue date, UBL does not", "[fr][coherence]") {
  Invoice cii = invoice(Syntax::Cii);
  cii.due_date = text("20261005");
  CHECK(fired(cii) == Ids{"BR-FR-CO-07_BT-9"});
  cii.due_date = text("20261006");  // the issue date itself
  CHECK(fired(cii).empty());
  cii.issue_date.reset();
  CHECK(fired(cii) == Ids{"BR-FR-CO-07_BT-9"});

  Invoice ubl = invoice(Syntax::Ubl);
  ubl.due_date = text("2026-10-05");
  CHECK(fired(ubl) == Ids{"BR-FR-CO-07_BT-9"});
  ubl.issue_date.reset();
  CHECK(fired(ubl).empty());
}

TEST_CASE("BR-FR-CO-07: an empty due date fires in UBL only", "[fr][coherence]") {
  Invoice ubl = invoice(Syntax::Ubl);
  ubl.due_date = text("");
  CHECK(fired(ubl) == Ids{"BR-FR-CO-07_BT-9"});
  Invoice cii = invoice(Syntax::Cii);
  cii.due_date = text("");
  CHECK(fired(cii).empty());
}

TEST_CASE("BR-FR-CO-07: down payments and invoices already paid are exempt", "[fr][coherence]") {
  for (Syntax syntax : {Syntax::Cii, Syntax::Ubl}) {
    Invoice inv = invoice(syntax);
    inv.due_date = text(syntax == Syntax::Cii ? "20260101" : "2026-01-01");
    inv.type_code = text("386");
    CHECK(fired(inv).empty());
    inv.type_code = text("380");
    inv.business_process = text("M2");
    CHECK_FALSE(fired(inv).contains("BR-FR-CO-07_BT-9"));
  }
}

TEST_CASE("BR-FR-CO-07: UBL reads cbc:DueDate, not a credit note's payment due date",
          "[fr][coherence]") {
  Invoice ubl = invoice(Syntax::Ubl, DocumentKind::CreditNote);
  ubl.payment_means_due_date = text("2026-01-01");
  ubl.due_date = ubl.payment_means_due_date;
  ubl.due_date_in_payment_means = true;
  CHECK(fired(ubl).empty());
  ubl.due_date_in_payment_means = false;
  CHECK(fired(ubl) == Ids{"BR-FR-CO-07_BT-9"});
}

TEST_CASE("BR-FR-CO-09: amounts compared as XPath numbers", "[fr][coherence]") {
  for (Syntax syntax : {Syntax::Cii, Syntax::Ubl}) {
    Invoice inv = invoice(syntax);
    inv.business_process = text("B2");
    inv.due_date = text(syntax == Syntax::Cii ? "20261006" : "2026-10-06");
    inv.totals.emplace();
    // Missing amounts are NaN: equal to nothing, not 0.
    CHECK(fired(inv) == Ids{"BR-FR-CO-09_BT-23-1", "BR-FR-CO-09_BT-23-2"});
    inv.totals->tax_inclusive = amount("120.00");
    inv.totals->prepaid = amount("120");
    inv.totals->payable = amount("0.00");
    CHECK(fired(inv).empty());
    inv.totals->payable = amount("-0.01");
    CHECK(fired(inv) == Ids{"BR-FR-CO-09_BT-23-2"});
  }
}

TEST_CASE("BR-FR-CO-09: UBL takes a payment means' due date, on invoices too", "[fr][coherence]") {
  Invoice ubl = invoice(Syntax::Ubl);
  ubl.business_process = text("S2");
  ubl.totals.emplace();
  ubl.totals->tax_inclusive = amount("10");
  ubl.totals->prepaid = amount("10");
  ubl.totals->payable = amount("0");
  CHECK(fired(ubl) == Ids{"BR-FR-CO-09_BT-23-3"});
  ubl.payment_means_due_date = text("2026-10-06");
  CHECK(fired(ubl).empty());
  ubl.due_date = text("");  // cbc:DueDate first, even empty
  CHECK(fired(ubl).contains("BR-FR-CO-09_BT-23-3"));
}

TEST_CASE("BR-FR-CO-03 and -04: UBL reads credit notes, resp. invoices, only", "[fr][coherence]") {
  Invoice ubl = invoice(Syntax::Ubl);
  ubl.type_code = text("262");
  CHECK(fired(ubl).empty());
  ubl.kind = DocumentKind::CreditNote;
  CHECK(fired(ubl) == Ids{"BR-FR-CO-03_BT-3"});
  ubl.contract_reference = text("CT-1");
  ubl.invoicing_periods.push_back({text("2026-07-01"), text("2026-09-30"), {}, {}, {}, {}});
  CHECK(fired(ubl).empty());

  Invoice cii = invoice(Syntax::Cii);
  cii.type_code = text("471");
  CHECK(fired(cii).empty());
  cii.preceding_invoices.push_back({});  // counted, with or without an id
  CHECK(fired(cii) == Ids{"BR-FR-CO-04_BT-4"});
  Invoice credit = invoice(Syntax::Ubl, DocumentKind::CreditNote);
  credit.type_code = text("384");
  credit.preceding_invoices.clear();
  CHECK_FALSE(fired(credit).contains("BR-FR-CO-04_BT-3"));
}

TEST_CASE("BR-FR-CO-08: B4, S4, M4 exclude the down payment types", "[fr][coherence]") {
  Invoice inv = invoice(Syntax::Cii);
  inv.business_process = text("M4");
  CHECK(fired(inv).empty());
  inv.type_code = text("500");
  CHECK(fired(inv) == Ids{"BR-FR-CO-08_BT-23"});
}

TEST_CASE("BR-FR-CO-12: not in euros, the VAT in euros", "[fr][coherence]") {
  Invoice inv = invoice(Syntax::Ubl);
  inv.currency = text("CHF");
  inv.vat_currency = text("EUR");
  inv.vat_totals = {amount("10.00", "CHF")};
  CHECK(fired(inv) == Ids{"BR-FR-CO-12_BT-5"});
  inv.vat_totals.push_back(amount("9.50", "EUR"));
  CHECK(fired(inv).empty());
  inv.vat_currency.reset();
  CHECK(fired(inv) == Ids{"BR-FR-CO-12_BT-5"});
  inv.currency.reset();  // no BT-5: nothing differs from EUR
  CHECK(fired(inv).empty());
}

TEST_CASE("BR-FR-CO-14 and -15: a member of a single taxable person", "[fr][coherence]") {
  Invoice ubl = invoice(Syntax::Ubl);
  Identifier au;
  au.value = "FR41552081317";
  au.scheme = "0231";
  ubl.seller.identifiers = {au};
  CHECK(fired(ubl) == Ids{"BR-FR-CO-14_BT-29-1", "BR-FR-CO-15_BT-29-1"});
  // UBL joins the notes: the value runs up to the next '#'.
  ubl.notes = {text("#AAB#Pas d'escompte#TXD#MEMBRE_ASSUJETTI_"), text("UNIQUE#BAR#B2B")};
  ubl.representative_has_tax_scheme = true;
  ubl.representative_company_id = text("FR41552081317");
  CHECK(fired(ubl).empty());
  ubl.representative_company_id = text("");
  CHECK(fired(ubl) == Ids{"BR-FR-CO-15_BT-29-1"});

  Invoice cii = invoice(Syntax::Cii);
  cii.seller.identifiers = {au};  // a ram:ID, not a ram:GlobalID: not read
  CHECK(fired(cii).empty());
  cii.seller.identifiers.front().global = true;
  cii.included_notes.push_back({text("TXD"), text("MEMBRE_ASSUJETTI_UNIQUE"), {}});
  cii.tax_representative.emplace();
  CHECK(fired(cii) == Ids{"BR-FR-CO-15_BT-29-1"});
  cii.tax_representative->vat_id = text("FR41552081317");
  CHECK(fired(cii).empty());
}

TEST_CASE("BR-FR-DEC-04: at most 4 characters, 2 decimals, unsigned", "[fr][coherence]") {
  for (Syntax syntax : {Syntax::Cii, Syntax::Ubl}) {
    Invoice inv = invoice(syntax, DocumentKind::CreditNote);
    InvoiceLine line;
    line.vat_rate = number("5.500");
    inv.lines.push_back(line);
    VatBreakdown breakdown;
    breakdown.rate = number("-5.5");
    inv.vat_breakdown.push_back(breakdown);
    AllowanceCharge charge;
    charge.vat_rate = number("100.5");
    inv.allowances_charges.push_back(charge);
    CHECK(fired(inv) == Ids{"BR-FR-DEC-04_BT-152", "BR-FR-DEC-04_BT-119"});
    inv.allowances_charges.front().vat_rate = number("100.50");
    CHECK(fired(inv).contains("BR-FR-DEC-04_BT-96_BT-103"));
  }
}

TEST_CASE("BR-FR-CO-05: a credit note refers to the invoices it credits", "[fr][coherence]") {
  LineInvoiceReference other;
  other.id = text("FT-2026-0801");
  other.issue_date = text("2026-08-03");
  for (Syntax syntax : {Syntax::Cii, Syntax::Ubl}) {
    Invoice inv = invoice(syntax, DocumentKind::CreditNote);
    inv.number = text("AV-2026-0001");
    inv.lines.resize(2);
    CHECK(fired(inv).empty());  // the header's reference
    inv.preceding_invoices.front().issue_date.reset();
    CHECK(fired(inv) == Ids{"BR-FR-CO-05_BT-3"});
    inv.lines.front().invoice_references = {other};
    CHECK(fired(inv) == Ids{"BR-FR-CO-05_BT-3"});
    inv.lines.back().invoice_references = {other};
    CHECK(fired(inv).empty());  // every line's
  }
  // UBL: a group's head (a reference carrying the credit note's own
  // number, not of status DETAIL) needs none.
  Invoice ubl = invoice(Syntax::Ubl, DocumentKind::CreditNote);
  ubl.number = text("AV-2026-0001");
  ubl.preceding_invoices.clear();
  ubl.lines.resize(1);
  LineInvoiceReference own;
  own.id = ubl.number;
  ubl.lines.front().invoice_references = {own};
  CHECK(fired(ubl).empty());
  ubl.lines.front().invoice_references.front().status_code = text("DETAIL");
  CHECK(fired(ubl) == Ids{"BR-FR-CO-05_BT-3"});
  ubl.kind = DocumentKind::Invoice;  // UBL reads credit notes only
  CHECK(fired(ubl).empty());
}
