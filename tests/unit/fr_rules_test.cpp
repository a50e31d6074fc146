// The BR-FR pack: the schematron's value tests re-written (rules/fr/values),
// the rules on invoices built here, and the severity each run mode gives them.
// Their agreement with the FNFE-MPE reference is the fixtures' business
// (fixtures/invoices/fr/).
#include "rules/fr/values.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "rules/catalogue/catalogue.hpp"
#include "rules/engine/engine.hpp"
#include "rules/fr/processing_type.hpp"
#include "tests/unit/fr_fired.hpp"

using namespace cprokit;

namespace {

Identifier id(std::string value, std::string scheme, bool global = false) {
  Identifier out;
  out.value = std::move(value);
  out.scheme = std::move(scheme);
  out.scheme_given = !out.scheme.empty();
  out.global = global;
  return out;
}

Note note(std::string subject) {
  Note out;
  out.subject_code = Text{std::move(subject), {}};
  out.content = Text{"texte", {}};
  return out;
}

// An invoice every rule of the pack accepts, in `syntax`.
Invoice reform_invoice(Syntax syntax) {
  Invoice inv;
  inv.syntax = syntax;
  inv.kind = DocumentKind::Invoice;
  inv.business_process = Text{"S1", {}};
  inv.type_code = Text{"380", {}};
  if (syntax == Syntax::Cii) {
    for (const char* subject : {"PMT", "PMD", "AAB"})
      inv.included_notes.push_back(note(subject));
  } else {
    inv.notes = {Text{"#PMT#Indemnité forfaitaire : 40 EUR", {}},
                 Text{"#PMD#Pénalités : 3 fois le taux légal", {}},
                 Text{"#AAB#Pas d'escompte", {}}};
  }
  const bool global = syntax == Syntax::Cii;
  inv.seller.legal_entity = SourceRef{};
  inv.seller.legal_id = id("732829320", "0002");
  inv.seller.identifiers = {id("73282932000074", "0009", global)};
  inv.seller.electronic_address = id("732829320", "0225");
  inv.buyer.legal_entity = SourceRef{};
  inv.buyer.legal_id = id("200040657", "0002");
  inv.buyer.identifiers = {id("20004065700013", "0009", global)};
  inv.buyer.electronic_address = id("200040657", "0225");
  return inv;
}

std::vector<Finding> lint(const Invoice& inv, RuleMode mode = RuleMode::Strict) {
  return test::fr_findings(
      inv, [](const std::string& id) { return catalogue::builtin().family_of(id)->id == "BR-FR"; },
      mode);
}

std::set<std::string> fired(const Invoice& inv) {
  std::set<std::string> out;
  for (const Finding& f : lint(inv))
    out.insert(f.rule);
  return out;
}

}  // namespace

TEST_CASE("normalize_space trims and joins white space as XPath does", "[fr]") {
  CHECK(normalize_space("  732 829\t\n320 ") == "732 829 320");
  CHECK(normalize_space("").empty());
  CHECK(normalize_space(" \t ").empty());
}

TEST_CASE("is_siren: nine digits once white space is normalized", "[fr]") {
  CHECK(fr::is_siren("732829320"));
  CHECK(fr::is_siren(" 732829320 "));
  CHECK_FALSE(fr::is_siren("732 829 320"));
  CHECK_FALSE(fr::is_siren("73282932"));
  CHECK_FALSE(fr::is_siren("7328293200"));
  CHECK_FALSE(fr::is_siren("73282932A"));
  CHECK_FALSE(fr::is_siren(""));
}

TEST_CASE("siret_matches_siren: 14 digits starting with the SIREN", "[fr]") {
  CHECK(fr::siret_matches_siren("73282932000074", "732829320"));
  CHECK_FALSE(fr::siret_matches_siren("73282932000074", "200040657"));
  CHECK_FALSE(fr::siret_matches_siren("7328293200007", "732829320"));
  CHECK_FALSE(fr::siret_matches_siren("7328293200007A", "732829320"));
  CHECK_FALSE(fr::siret_matches_siren("73282932000074", ""));  // no SIREN to start with
}

TEST_CASE("is_billing_mode: the reform's twenty codes, as written", "[fr]") {
  for (const char* code : {"B1", "S1", "M1", "B2", "S2", "M2", "S3", "B4", "S4", "M4",
                           "S5", "S6", "B7", "S7", "B8", "S8", "M8", "B9", "S9", "M9"}) {
    CHECK(fr::is_billing_mode(code));
  }
  for (const char* code : {"A1", "M3", "B3", "b1", " S1", "S1 ", "", "S10"})
    CHECK_FALSE(fr::is_billing_mode(code));
}

TEST_CASE("is_document_type: the reform's sixteen types of BT-3", "[fr]") {
  for (const char* code : {"380", "389", "393", "501", "386", "500", "384", "471", "472", "473",
                           "261", "262", "381", "396", "502", "503"}) {
    CHECK(fr::is_document_type(code));
  }
  for (const char* code : {"326", "751", "383", "", " 380"})
    CHECK_FALSE(fr::is_document_type(code));
}

TEST_CASE("BR-FR-04: the document type BT-3", "[fr]") {
  for (Syntax syntax : {Syntax::Cii, Syntax::Ubl}) {
    Invoice inv = reform_invoice(syntax);
    inv.type_code = Text{"751", {}};
    CHECK(fired(inv) == std::set<std::string>{"BR-FR-04_BT-3"});
    inv.type_code.reset();  // the test's context is the element: nothing to test
    CHECK(fired(inv).empty());
  }
}

TEST_CASE("occurrences counts non-overlapping markers left to right", "[fr]") {
  CHECK(fr::occurrences("#PMT#a#PMT#", "#PMT#") == 2);
  CHECK(fr::occurrences("#PMT#PMT#", "#PMT#") == 1);
  CHECK(fr::occurrences("", "#PMT#") == 0);
  CHECK(fr::occurrences("#PM", "#PMT#") == 0);
}

TEST_CASE("a reform invoice fires no BR-FR rule, in either syntax", "[fr]") {
  CHECK(fired(reform_invoice(Syntax::Cii)).empty());
  CHECK(fired(reform_invoice(Syntax::Ubl)).empty());
}

TEST_CASE("BR-FR-08: the billing framework BT-23", "[fr]") {
  for (Syntax syntax : {Syntax::Cii, Syntax::Ubl}) {
    Invoice inv = reform_invoice(syntax);
    inv.business_process.reset();
    CHECK(fired(inv) == std::set<std::string>{"BR-FR-08_BT-23"});
    inv.business_process = Text{"A1", {}};  // a Chorus Pro cadre, not the reform's
    CHECK(fired(inv) == std::set<std::string>{"BR-FR-08_BT-23"});
  }
}

TEST_CASE("BR-FR-05/06: each syntax's notes under its own ids", "[fr]") {
  Invoice cii = reform_invoice(Syntax::Cii);
  cii.included_notes.erase(cii.included_notes.begin());  // no PMT
  cii.included_notes.push_back(note("AAB"));
  cii.included_notes.push_back(note("TXD"));
  cii.included_notes.push_back(note("TXD"));
  CHECK(fired(cii) ==
        std::set<std::string>{"BR-FR-05_BT-22_PMT", "BR-FR-06_BT-21_AAB", "BR-FR-06_BT-21_TXD"});

  Invoice ubl = reform_invoice(Syntax::Ubl);
  ubl.notes[0].value = "Indemnité forfaitaire : 40 EUR";  // its #PMT# marker gone
  ubl.notes.push_back(Text{"#AAB#Pas d'escompte#TXD#a#TXD#b", {}});
  CHECK(fired(ubl) ==
        std::set<std::string>{"BR-FR-05_BT-22-1", "BR-FR-06_BT-21-3", "BR-FR-06_BT-21-4"});
}

TEST_CASE("BR-FR-10 and BR-FR-32: SIRENs are nine digits", "[fr]") {
  for (Syntax syntax : {Syntax::Cii, Syntax::Ubl}) {
    Invoice inv = reform_invoice(syntax);
    inv.seller.legal_id = id("73282932", "0002");
    CHECK(fired(inv) ==
          std::set<std::string>{"BR-FR-10_BT-30", "BR-FR-32-LEGALID", "BR-FR-09_BT-29"});
    inv.seller.legal_id = id("73282932000074", "0009");  // a SIRET where the SIREN goes
    CHECK(fired(inv) == std::set<std::string>{"BR-FR-10_BT-30", "BR-FR-09_BT-29"});
  }
  // UBL tests BR-FR-10 on the seller's PartyLegalEntity: without one, silent.
  Invoice ubl = reform_invoice(Syntax::Ubl);
  ubl.seller.legal_entity.reset();
  ubl.seller.legal_id.reset();
  CHECK(fired(ubl) == std::set<std::string>{"BR-FR-09_BT-29"});
  Invoice cii = reform_invoice(Syntax::Cii);
  cii.seller.legal_entity.reset();
  cii.seller.legal_id.reset();
  CHECK(fired(cii) == std::set<std::string>{"BR-FR-10_BT-30", "BR-FR-09_BT-29"});

  // Party identifiers of scheme 0002 or 0231: UBL's every one, CII's GlobalIDs.
  ubl = reform_invoice(Syntax::Ubl);
  ubl.buyer.identifiers.push_back(id("2000406", "0231"));
  CHECK(fired(ubl) == std::set<std::string>{"BR-FR-32-ID"});
  cii = reform_invoice(Syntax::Cii);
  cii.buyer.identifiers.push_back(id("2000406", "0231", true));
  cii.buyer.identifiers.push_back(id("2000406", "0002", false));  // a ram:ID: not read
  CHECK(fired(cii) == std::set<std::string>{"BR-FR-32-GLOBALID"});
}

TEST_CASE("BR-FR-09: a SIRET starts with its party's SIREN", "[fr]") {
  Invoice inv = reform_invoice(Syntax::Cii);
  inv.buyer.identifiers = {id("73282932000074", "0009", true)};
  CHECK(fired(inv) == std::set<std::string>{"BR-FR-09_BT-46"});
  inv.buyer.identifiers = {id("73282932000074", "0009", false)};  // a ram:ID: not read
  CHECK(fired(inv).empty());

  // The payee without a SIREN: its SIRET needs its 14 digits only.
  inv = reform_invoice(Syntax::Ubl);
  inv.payee = Party{};
  inv.payee->identifiers = {id("44306184100047", "0009")};
  CHECK(fired(inv).empty());
  inv.payee->identifiers = {id("4430618410004", "0009")};
  CHECK(fired(inv) == std::set<std::string>{"BR-FR-09_BT-60"});
}

TEST_CASE("BR-FR-12 and BR-FR-13: both electronic addresses", "[fr]") {
  for (Syntax syntax : {Syntax::Cii, Syntax::Ubl}) {
    Invoice inv = reform_invoice(syntax);
    inv.buyer.electronic_address.reset();
    inv.seller.electronic_address->value.clear();
    // Empty, still of scheme 0225: not of the characters BR-FR-23 allows either.
    CHECK(fired(inv) ==
          std::set<std::string>{"BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-23_BT-34"});
  }
}

TEST_CASE("is_vat_category: S, E, AE, K, G, O, Z, as written", "[fr]") {
  for (const char* code : {"S", "E", "AE", "K", "G", "O", "Z"})
    CHECK(fr::is_vat_category(code));
  for (const char* code : {"L", "M", "B", "s", "", " S"})
    CHECK_FALSE(fr::is_vat_category(code));
}

TEST_CASE("is_vat_rate: the French rates in the forms the reform lists", "[fr]") {
  for (const char* rate : {"20", "20.0", "20.00", "5.5", "5.50", "2.1", "0", "0.00", "8.5", "1.05"})
    CHECK(fr::is_vat_rate(rate));
  for (const char* rate : {"19", "20.000", "5.500", "20%", "1.050", "21", ""})
    CHECK_FALSE(fr::is_vat_rate(rate));
}

namespace {

// An invoice with one of each group that carries a VAT category and rate.
Invoice with_vat_groups(Syntax syntax, const char* category, const char* rate,
                        DocumentKind kind = DocumentKind::Invoice) {
  Invoice inv = reform_invoice(syntax);
  inv.kind = kind;
  const Number number{*Decimal::parse(rate), {}, rate};
  AllowanceCharge ac;
  ac.vat_category = Text{category, {}};
  ac.vat_rate = number;
  inv.allowances_charges.push_back(ac);
  VatBreakdown vb;
  vb.category = Text{category, {}};
  vb.rate = number;
  inv.vat_breakdown.push_back(vb);
  InvoiceLine line;
  line.vat_category = Text{category, {}};
  line.vat_rate = number;
  inv.lines.push_back(line);
  return inv;
}

}  // namespace

TEST_CASE("BR-FR-15 and BR-FR-16: VAT categories and rates, each syntax's ids", "[fr]") {
  CHECK(fired(with_vat_groups(Syntax::Cii, "S", "20.00")).empty());
  CHECK(fired(with_vat_groups(Syntax::Ubl, "S", "5.5")).empty());

  CHECK(fired(with_vat_groups(Syntax::Cii, "L", "20")) ==
        std::set<std::string>{"BR-FR-15_BT-95_BT-102", "BR-FR-15_BT-95_BT-102_LM",
                              "BR-FR-15_BT-95_BT-118", "BR-FR-15_BT-95_BT-118_LM",
                              "BR-FR-15_BT-95_BT-151", "BR-FR-15_BT-95_BT-151_LM"});
  CHECK(fired(with_vat_groups(Syntax::Ubl, "M", "20")) ==
        std::set<std::string>{"BR-FR-15_BT-95_BT-102-1", "BR-FR-15_BT-95_BT-102-2",
                              "BR-FR-15_BT-118-1", "BR-FR-15_BT-118-2", "BR-FR-15_BT-151-1",
                              "BR-FR-08_BT-151-2"});
  // Not a French category, but not L or M either: the first asserts only.
  CHECK(fired(with_vat_groups(Syntax::Ubl, "B", "20")) ==
        std::set<std::string>{"BR-FR-15_BT-95_BT-102-1", "BR-FR-15_BT-118-1", "BR-FR-15_BT-151-1"});

  CHECK(fired(with_vat_groups(Syntax::Cii, "S", "19")) ==
        std::set<std::string>{"BR-FR-16_BT-96_BT-103", "BR-FR-16_BT-119", "BR-FR-16_BT-152"});
  // BR-FR-DEC-04 refuses its form too (3 decimals, a sign).
  CHECK(fired(with_vat_groups(Syntax::Ubl, "S", "20.000")) ==
        std::set<std::string>{"BR-FR-16_BT-96", "BR-FR-16_BT-119", "BR-FR-16_BT-152",
                              "BR-FR-DEC-04_BT-96_BT-103", "BR-FR-DEC-04_BT-119",
                              "BR-FR-DEC-04_BT-152"});
  // The rate as written: the same value spelt otherwise is not in the list.
  CHECK(fired(with_vat_groups(Syntax::Cii, "S", "020")) ==
        std::set<std::string>{"BR-FR-16_BT-96_BT-103", "BR-FR-16_BT-119", "BR-FR-16_BT-152"});
  // BR-FR-DEC-04 refuses its form too (3 decimals, a sign).
  CHECK(fired(with_vat_groups(Syntax::Ubl, "S", "+20")) ==
        std::set<std::string>{"BR-FR-16_BT-96", "BR-FR-16_BT-119", "BR-FR-16_BT-152",
                              "BR-FR-DEC-04_BT-96_BT-103", "BR-FR-DEC-04_BT-119",
                              "BR-FR-DEC-04_BT-152"});
  // UBL tests BT-152 on cac:InvoiceLine only.
  CHECK(fired(with_vat_groups(Syntax::Ubl, "S", "19", DocumentKind::CreditNote)) ==
        std::set<std::string>{"BR-FR-16_BT-96", "BR-FR-16_BT-119"});
}

TEST_CASE("BR-FR-15: a VAT breakdown without a category, CII only", "[fr]") {
  for (Syntax syntax : {Syntax::Cii, Syntax::Ubl}) {
    Invoice inv = reform_invoice(syntax);
    inv.vat_breakdown.emplace_back();
    CHECK(fired(inv) == (syntax == Syntax::Cii ? std::set<std::string>{"BR-FR-15_BT-95_BT-118"}
                                               : std::set<std::string>{}));
  }
}

TEST_CASE("the BAR treatment UBL reads: the notes joined, up to the next #", "[fr]") {
  Invoice inv = reform_invoice(Syntax::Ubl);
  CHECK(fr::ubl_bar_treatment(inv).empty());
  inv.notes.push_back(Text{"#BAR#B2B", {}});
  CHECK(fr::ubl_bar_treatment(inv) == "B2B");
  CHECK(fr::declares_b2b(inv));
  inv.notes.push_back(Text{"suite", {}});  // joined without a separator
  CHECK(fr::ubl_bar_treatment(inv) == "B2Bsuite");
  CHECK_FALSE(fr::declares_b2b(inv));
  inv.notes.back().value = "#TXD#autre";
  CHECK(fr::ubl_bar_treatment(inv) == "B2B");
}

namespace {

Invoice with_bar(Syntax syntax, const char* treatment) {
  Invoice inv = reform_invoice(syntax);
  if (syntax == Syntax::Cii) {
    Note bar = note("BAR");
    bar.content = Text{treatment, {}};
    inv.included_notes.push_back(bar);
  } else {
    inv.notes.push_back(Text{std::string("#BAR#") + treatment, {}});
  }
  return inv;
}

}  // namespace

TEST_CASE("BR-FR-20 and BR-FR-31: the processing types of the BAR notes", "[fr]") {
  for (Syntax syntax : {Syntax::Cii, Syntax::Ubl}) {
    CHECK(fired(with_bar(syntax, "B2C")).empty());
    CHECK(fired(with_bar(syntax, "B2G")) == std::set<std::string>{"BR-FR-20_BT-21"});
  }
  // B2CINT: in the CII file's list, not in the UBL one's.
  CHECK(fired(with_bar(Syntax::Cii, "B2CINT")).empty());
  CHECK(fired(with_bar(Syntax::Ubl, "B2CINT")) == std::set<std::string>{"BR-FR-20_BT-21"});

  Invoice cii = with_bar(Syntax::Cii, "B2B");
  cii.included_notes.push_back(cii.included_notes.back());
  CHECK(fired(cii) == std::set<std::string>{"BR-FR-31_BT-21"});
  cii.included_notes.back().content->value = "autre";  // not a type: not counted
  CHECK(fired(cii) == std::set<std::string>{"BR-FR-20_BT-21"});
}

TEST_CASE("BR-FR-11: a B2B invoice gives the buyer's SIREN", "[fr]") {
  for (Syntax syntax : {Syntax::Cii, Syntax::Ubl}) {
    Invoice inv = with_bar(syntax, "B2B");
    CHECK(fired(inv).empty());
    inv.buyer.identifiers.clear();  // its SIRET would want the SIREN too (BR-FR-09)
    inv.buyer.legal_id->scheme = "0009";
    CHECK(fired(inv) == std::set<std::string>{"BR-FR-11_BT-47"});
    inv = with_bar(syntax, "B2C");  // not B2B: no SIREN needed
    inv.buyer.identifiers.clear();
    inv.buyer.legal_id.reset();
    CHECK(fired(inv).empty());
  }
}

TEST_CASE("is_scheme_id_format: letters, digits and + - _ . only", "[fr]") {
  for (const char* value : {"732829320", "732829320_ACHATS", "a.b-c+d", "X"})
    CHECK(fr::is_scheme_id_format(value));
  for (const char* value : {"", "732829320 ACHATS", "achats/2", "é", "a@b"})
    CHECK_FALSE(fr::is_scheme_id_format(value));
}

TEST_CASE("char_count counts characters, not bytes", "[fr]") {
  CHECK(fr::char_count("") == 0);
  CHECK(fr::char_count("abc") == 3);
  CHECK(fr::char_count("été") == 3);
  CHECK(fr::char_count("€") == 1);
}

TEST_CASE("BR-FR-21 and BR-FR-22: a B2B addressee's address starts with its SIREN", "[fr]") {
  for (Syntax syntax : {Syntax::Cii, Syntax::Ubl}) {
    Invoice inv = with_bar(syntax, "B2B");
    CHECK(fired(inv).empty());
    inv.buyer.electronic_address->value = "ACHATS_200040657";
    CHECK(fired(inv) == std::set<std::string>{"BR-FR-21_BT-49"});
    inv.type_code = Text{"389", {}};  // self-billed: the seller's address counts
    CHECK(fired(inv).empty());
    inv.seller.electronic_address->scheme = "0009";
    CHECK(fired(inv) == std::set<std::string>{"BR-FR-22_BT-34"});
  }
  // UBL asks BR-FR-22 of any processing type, CII of B2B only.
  for (Syntax syntax : {Syntax::Cii, Syntax::Ubl}) {
    Invoice inv = with_bar(syntax, "B2C");
    inv.type_code = Text{"389", {}};
    inv.seller.electronic_address->scheme = "0009";
    CHECK(fired(inv) == (syntax == Syntax::Ubl ? std::set<std::string>{"BR-FR-22_BT-34"}
                                               : std::set<std::string>{}));
  }
}

TEST_CASE("BR-FR-23 to BR-FR-26: characters and lengths of addresses and private ids", "[fr]") {
  for (Syntax syntax : {Syntax::Cii, Syntax::Ubl}) {
    Invoice inv = reform_invoice(syntax);
    inv.buyer.electronic_address->value = "200040657 achats";
    inv.payee = Party{};
    inv.payee->electronic_address = id(std::string(126, 'a'), "0088");
    CHECK(fired(inv) == std::set<std::string>{"BR-FR-23_BT-49", "BR-FR-25_EXT-FR-FE-29"});
    inv.payee->electronic_address = id(std::string(125, 'a'), "0225");
    inv.buyer.electronic_address = id(std::string(126, 'a'), "0088");  // any scheme
    CHECK(fired(inv) == std::set<std::string>{"BR-FR-25_BT-49"});

    inv = reform_invoice(syntax);
    const bool global = syntax == Syntax::Cii;
    inv.seller.identifiers.push_back(id("client 42", "0224", global));
    inv.buyer.identifiers.push_back(id(std::string(101, 'x'), "0224", global));
    CHECK(fired(inv) == std::set<std::string>{"BR-FR-24_BT-29", "BR-FR-26_BT-46"});
  }
  // CII reads the ram:GlobalID ones only.
  Invoice cii = reform_invoice(Syntax::Cii);
  cii.seller.identifiers.push_back(id("client 42", "0224", false));
  CHECK(fired(cii).empty());
}

TEST_CASE("the run mode: BR-FR fatal when strict, a warning in transition", "[fr]") {
  Invoice inv = reform_invoice(Syntax::Cii);
  inv.business_process.reset();
  auto strict = lint(inv, RuleMode::Strict);
  auto transition = lint(inv, RuleMode::Transition);
  REQUIRE(strict.size() == 1);
  REQUIRE(transition.size() == 1);
  CHECK(strict[0].severity == Severity::Fatal);
  CHECK(transition[0].severity == Severity::Warning);
  // Every rule of the pack has its transition severity; no other rule has one.
  for (const Rule& rule : catalogue::builtin().rules()) {
    INFO(rule.id);
    CHECK(rule.transition_severity.has_value() ==
          (catalogue::builtin().family_of(rule).id == "BR-FR"));
  }
}

TEST_CASE("every BR-FR rule has its source, terms and both titles", "[fr]") {
  for (const Rule& rule : catalogue::builtin().rules()) {
    if (catalogue::builtin().family_of(rule).id != "BR-FR") continue;
    INFO(rule.id);
    CHECK(rule.source == "FNFE-MPE BR-FR 1.4.0.02 (XP Z12-012)");
    CHECK_FALSE(rule.terms.empty());
    CHECK_FALSE(rule.title.fr.empty());
    CHECK_FALSE(rule.title.en.empty());
    CHECK(rule.checks.invoice != nullptr);
  }
}
