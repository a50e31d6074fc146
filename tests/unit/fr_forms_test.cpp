// How the reform wants values written (rules/fr/values) and the rules that
// judge them: BR-FR-DEC-01..04 (amounts, quantities, prices, VAT rates),
// BR-FR-01/02 (invoice numbers), BR-FR-03 (dates). Their agreement with the FNFE-MPE reference is
// the fixtures' business (fixtures/invoices/fr/).
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

Number number(const std::string& text) {
  return Number{*Decimal::parse(text), {}, text};
}
Amount amount(const std::string& text) {
  return Amount{*Decimal::parse(text), "EUR", {}, text};
}

// The ids starting with `prefix` fired on `inv` under fr-ctc.
std::set<std::string> fired(const Invoice& inv, std::string_view prefix = "BR-FR-DEC-") {
  return test::fr_fired(inv, {prefix});
}

// BR-FR-01 and BR-FR-02, those on the invoice numbers.
std::set<std::string> number_rules(const Invoice& inv) {
  std::set<std::string> out = fired(inv, "BR-FR-01_");
  out.merge(fired(inv, "BR-FR-02_"));
  return out;
}

Invoice one_line_invoice(Syntax syntax) {
  Invoice inv;
  inv.syntax = syntax;
  inv.kind = DocumentKind::Invoice;
  inv.lines.emplace_back();
  return inv;
}

}  // namespace

TEST_CASE("has_decimal_form: amounts, 2 decimals and 19 characters, sign counted", "[fr]") {
  for (const char* ok : {"0", "1250.50", "-1250.5", "1234567890123456789", "123456789012345678.9",
                         "-123456789012345678"}) {
    CHECK(fr::has_decimal_form(ok, fr::kAmountForm));
  }
  for (const char* bad : {"1250.505", "+12", ".5", "5.", "12,50", "", "-", "1 250",
                          "12345678901234567890", "-1234567890123456789", "1e3"}) {
    CHECK_FALSE(fr::has_decimal_form(bad, fr::kAmountForm));
  }
}

TEST_CASE("has_decimal_form: quantities, prices and rates", "[fr]") {
  CHECK(fr::has_decimal_form("-2.5000", fr::kQuantityForm));
  CHECK_FALSE(fr::has_decimal_form("2.50000", fr::kQuantityForm));
  CHECK(fr::has_decimal_form("0.123456", fr::kPriceForm));
  CHECK_FALSE(fr::has_decimal_form("-0.5", fr::kPriceForm));
  CHECK(fr::has_decimal_form("-0.5", fr::kSignedPriceForm));
  CHECK_FALSE(fr::has_decimal_form("0.1234567", fr::kSignedPriceForm));
  CHECK(fr::has_decimal_form("20", fr::kRateForm));
  CHECK(fr::has_decimal_form("20.00", fr::kRateForm));
  CHECK(fr::has_decimal_form("99.99", fr::kRateForm));
  CHECK_FALSE(fr::has_decimal_form("100.00", fr::kRateForm));  // 5 characters
  CHECK_FALSE(fr::has_decimal_form("5.555", fr::kRateForm));
  CHECK_FALSE(fr::has_decimal_form("-5", fr::kRateForm));
}

TEST_CASE("is_bidirectional_billing_mode: S9, B9, M9", "[fr]") {
  CHECK(fr::is_bidirectional_billing_mode("S9"));
  CHECK(fr::is_bidirectional_billing_mode(" M9 "));
  CHECK_FALSE(fr::is_bidirectional_billing_mode("S8"));
  CHECK_FALSE(fr::is_bidirectional_billing_mode(""));
}

TEST_CASE("BR-FR-DEC-01: amounts as written, whatever their value", "[fr]") {
  for (Syntax syntax : {Syntax::Cii, Syntax::Ubl}) {
    Invoice inv = one_line_invoice(syntax);
    inv.totals.emplace();
    inv.totals->payable = amount("100.00");
    inv.lines[0].net_amount = amount("100.0");
    CHECK(fired(inv).empty());
    inv.totals->payable = amount("100.000");  // the same value, three decimals
    inv.lines[0].net_amount = amount("+100");
    CHECK(fired(inv) == std::set<std::string>{"BR-FR-DEC-01_BT-115", "BR-FR-DEC-01_BT-131"});
    inv.vat_totals.push_back(amount("20.001"));  // BT-110 and BT-111 alike
    CHECK(fired(inv).contains("BR-FR-DEC-01_BT-110"));
  }
}

TEST_CASE("BR-FR-DEC-02/03: quantities and prices", "[fr]") {
  Invoice inv = one_line_invoice(Syntax::Cii);
  InvoiceLine& line = inv.lines[0];
  line.quantity = number(" 1.00000 ");  // white space normalized, five decimals
  line.price_base_quantity = number("1");
  line.net_price = number("-1.5");
  CHECK(fired(inv) == std::set<std::string>{"BR-FR-DEC-02_BT-129", "BR-FR-DEC-03_BT-146"});
  // A bi-directional contract (cadre S9, B9, M9) may have negative prices.
  inv.business_process = Text{"B9", {}};
  CHECK_FALSE(fired(inv).contains("BR-FR-DEC-03_BT-146"));
}

TEST_CASE("fits_identifier_length: 35 characters, not bytes", "[fr]") {
  CHECK(fr::fits_identifier_length(std::string(35, 'A')));
  CHECK_FALSE(fr::fits_identifier_length(std::string(36, 'A')));
  CHECK(fr::fits_identifier_length(std::string(34, 'A') + "é"));  // 36 bytes, 35 characters
}

TEST_CASE("is_identifier_format: letters, digits and + - _ /, no space", "[fr]") {
  for (const char* ok : {"F2025-001", "A/B_C+D", "0"})
    CHECK(fr::is_identifier_format(ok));
  for (const char* bad : {"", "F 2025", "F2025.001", "Fé", "F#1", "F2025\t001"})
    CHECK_FALSE(fr::is_identifier_format(bad));
}

TEST_CASE("is_reform_date: each syntax's form, a day that exists, 2000 to 2099", "[fr]") {
  CHECK(fr::is_reform_date_cii("20240229"));
  CHECK(fr::is_reform_date_cii("20250115T10:00"));  // past the 8th character: not read
  CHECK(fr::is_reform_date_cii("20001231"));
  for (const char* bad : {"20250229", "21000101", "19991231", "20251301", "20250100", "20250431",
                          "2025011", "2025-01-15", ""}) {
    CHECK_FALSE(fr::is_reform_date_cii(bad));
  }
  CHECK(fr::is_reform_date_ubl("2024-02-29"));
  CHECK(fr::is_reform_date_ubl("2099-12-31"));
  for (const char* bad : {"2025-02-29", "1999-12-31", "2025-1-15", "20250115", "2025-01-15Z",
                          "2025-06-31", "2025/01/15"}) {
    CHECK_FALSE(fr::is_reform_date_ubl(bad));
  }
}

TEST_CASE("BR-FR-01/02: the invoice number, under each syntax's ids", "[fr]") {
  Invoice cii = one_line_invoice(Syntax::Cii);
  cii.number = Text{"F 2025-001", {}};
  CHECK(number_rules(cii) == std::set<std::string>{"BR-FR-02_BT-1"});
  cii.number = Text{std::string(36, '1'), {}};
  CHECK(number_rules(cii) == std::set<std::string>{"BR-FR-01_BT-1"});
  Invoice ubl = one_line_invoice(Syntax::Ubl);
  ubl.number = Text{"F 2025-001", {}};
  CHECK(number_rules(ubl) == std::set<std::string>{"BR-FR-01_BT-1-2", "BR-FR-02_BT-1"});
  ubl.number = Text{"F2025-001", {}};
  ubl.preceding_invoices.push_back({Text{std::string(36, '1'), {}}, std::nullopt, {}});
  CHECK(number_rules(ubl) == std::set<std::string>{"BR-FR-01_BT-25-1"});
}

TEST_CASE("BR-FR-03: dates, the line period under each syntax's ids", "[fr]") {
  Invoice cii = one_line_invoice(Syntax::Cii);
  cii.issue_date = Text{"20250230", {}};
  cii.lines[0].period.emplace();
  cii.lines[0].period->end = Text{"19991231", {}};
  CHECK(fired(cii, "BR-FR-03") == std::set<std::string>{"BR-FR-03_BT-2", "BR-FR-03_EXT-FR-FE-135"});
  Invoice ubl = one_line_invoice(Syntax::Ubl);
  ubl.issue_date = Text{"2025-01-15", {}};
  ubl.lines[0].period.emplace();
  ubl.lines[0].period->end = Text{"1999-12-31", {}};
  ubl.due_date = Text{"20250215", {}};  // CII's form in a UBL invoice
  CHECK(fired(ubl, "BR-FR-03") == std::set<std::string>{"BR-FR-03_BT-135", "BR-FR-03_BT-9"});
}
