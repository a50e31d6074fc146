// The BR-FR rules on referenced documents and item attributes (BR-FR-04
// EXT-FR-FE-02, -17, -18, -27 … -30), on invoices built here. The readers'
// side, and the agreement with the FNFE-MPE reference, are the fixtures'
// business (fixtures/invoices/fr/rules-*/br-fr-{04,17,18,27,28,29,30}-*).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstddef>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "rules/catalogue/catalogue.hpp"
#include "rules/engine/engine.hpp"
#include "rules/fr/values.hpp"
#include "tests/unit/fr_fired.hpp"

using namespace cprokit;

namespace {

const std::set<std::string> kOurs = {
    "BR-FR-04_EXT-FR-FE-02", "BR-FR-17_BT-123",        "BR-FR-18_BT-123", "BR-FR-27_BG-32",
    "BR-FR-27_BT-160",       "BR-FR-27_EXT-FR-FE-159", "BR-FR-28-Value",  "BR-FR-29_BT-18",
    "BR-FR-29_AFL",          "BR-FR-29_AVV",           "BR-FR-30_BT-128", "BR-FR-30_AFL",
    "BR-FR-30_AVV",          "BR-FR-30_BT-21"};

Invoice invoice(Syntax syntax) {
  Invoice inv;
  inv.syntax = syntax;
  inv.kind = DocumentKind::Invoice;
  return inv;
}

// The ids of this group the fr-ctc profile fires on `inv`, each once.
std::set<std::string> fired(const Invoice& inv) {
  std::set<std::string> out;
  for (const Finding& f :
       test::fr_findings(inv, [](const std::string& id) { return kOurs.contains(id); }))
    out.insert(f.rule);
  return out;
}

std::size_t count_fired(const Invoice& inv, const std::string& rule) {
  return test::fr_findings(inv, [&](const std::string& id) { return id == rule; }).size();
}

Text text(std::string value) {
  return Text{std::move(value), {}};
}

ReferencedDocument described(std::string description, std::string type_code = "916") {
  ReferencedDocument doc;
  doc.descriptions = {text(std::move(description))};
  doc.type_codes = {text(std::move(type_code))};
  return doc;
}

// A CII document of reference type `scheme` with one id.
ReferencedDocument cii_object(std::string scheme, std::string id) {
  ReferencedDocument doc;
  doc.reference_types = {text(std::move(scheme))};
  doc.ids = {Identifier{std::move(id), "", {}, false}};
  return doc;
}

// A UBL document reference with ids of the given schemes.
ReferencedDocument ubl_object(const std::vector<std::pair<std::string, std::string>>& ids) {
  ReferencedDocument doc;
  for (const auto& [scheme, value] : ids)
    doc.ids.push_back(Identifier{value, scheme, {}, true});
  return doc;
}

ItemAttributeForm attribute(std::vector<std::string> names, std::vector<std::string> codes,
                            bool value = true) {
  ItemAttributeForm a;
  for (auto& n : names)
    a.names.push_back(text(std::move(n)));
  for (auto& c : codes)
    a.codes.push_back(text(std::move(c)));
  a.has_value = value;
  return a;
}

}  // namespace

TEST_CASE("is_attachment_code: the reform's twelve codes of BT-123, as written", "[fr]") {
  for (const char* code :
       {"RIB", "LISIBLE", "FEUILLE_DE_STYLE", "PJA", "BORDEREAU_SUIVI", "DOCUMENT_ANNEXE",
        "BON_LIVRAISON", "BON_COMMANDE", "BORDEREAU_SUIVI_VALIDATION", "ETAT_ACOMPTE",
        "FACTURE_PAIEMENT_DIRECT", "RECAPITULATIF_COTRAITANCE"}) {
    CHECK(fr::is_attachment_code(code));
  }
  for (const char* code : {"", "rib", " RIB", "FACTURE", "BON_LIVRAISON "})
    CHECK_FALSE(fr::is_attachment_code(code));
}

TEST_CASE("BR-FR-04_EXT-FR-FE-02: every preceding invoice's type, as written", "[fr]") {
  for (Syntax syntax : {Syntax::Cii, Syntax::Ubl}) {
    Invoice inv = invoice(syntax);
    inv.preceding_invoice_type_codes = {text("380"), text("381")};
    CHECK(fired(inv).empty());
    inv.preceding_invoice_type_codes.push_back(text(" 380"));  // the test trims nothing
    inv.preceding_invoice_type_codes.push_back(text("326"));
    CHECK(count_fired(inv, "BR-FR-04_EXT-FR-FE-02") == 2);
  }
}

TEST_CASE("BR-FR-17_BT-123: CII normalizes type 916's names, UBL reads every one as written",
          "[fr]") {
  Invoice cii = invoice(Syntax::Cii);
  cii.referenced_documents.documents = {described(" RIB "), described(""), described("X", "130")};
  CHECK(fired(cii).empty());
  cii.referenced_documents.documents.push_back(described("FACTURE"));
  CHECK(fired(cii) == std::set<std::string>{"BR-FR-17_BT-123"});

  Invoice ubl = invoice(Syntax::Ubl);
  ubl.referenced_documents.documents = {described("RIB"), ReferencedDocument{}};
  CHECK(fired(ubl).empty());
  ubl.referenced_documents.documents = {described(" RIB ")};
  CHECK(fired(ubl) == std::set<std::string>{"BR-FR-17_BT-123"});
  ubl.referenced_documents.documents = {described("")};  // empty: refused in UBL
  CHECK(fired(ubl) == std::set<std::string>{"BR-FR-17_BT-123"});
}

TEST_CASE("BR-FR-18_BT-123: at most one LISIBLE document, as written", "[fr]") {
  for (Syntax syntax : {Syntax::Cii, Syntax::Ubl}) {
    Invoice inv = invoice(syntax);
    inv.referenced_documents.documents = {described("LISIBLE"), described("LISIBLE ")};
    CHECK(fired(inv).empty() == (syntax == Syntax::Cii));  // UBL: " LISIBLE " is no code
    CHECK(count_fired(inv, "BR-FR-18_BT-123") == 0);
    inv.referenced_documents.documents.push_back(described("LISIBLE"));
    CHECK(count_fired(inv, "BR-FR-18_BT-123") == 1);
  }
}

TEST_CASE("BR-FR-27: CII reads the lines' attributes, UBL those of an item under the root",
          "[fr]") {
  const std::vector<ItemAttributeForm> bad = {attribute({}, {}), attribute({" "}, {}),
                                              attribute({"Couleur"}, {"\t"})};
  Invoice cii = invoice(Syntax::Cii);
  cii.item_attribute_forms = bad;
  CHECK(fired(cii) ==
        std::set<std::string>{"BR-FR-27_BG-32", "BR-FR-27_BT-160", "BR-FR-27_EXT-FR-FE-159"});
  cii.root_item_attribute_forms = bad;
  cii.item_attribute_forms = {attribute({"Couleur"}, {"C1"}), attribute({}, {"C1"})};
  CHECK(fired(cii).empty());

  Invoice ubl = invoice(Syntax::Ubl);
  ubl.item_attribute_forms = bad;
  CHECK(fired(ubl).empty());
  ubl.root_item_attribute_forms = bad;
  CHECK(fired(ubl) ==
        std::set<std::string>{"BR-FR-27_BG-32", "BR-FR-27_BT-160", "BR-FR-27_EXT-FR-FE-159"});
}

TEST_CASE("BR-FR-28-Value: a value, or else a measure with its unit", "[fr]") {
  for (Syntax syntax : {Syntax::Cii, Syntax::Ubl}) {
    Invoice inv = invoice(syntax);
    ItemAttributeForm value = attribute({"Couleur"}, {});
    ItemAttributeForm measure = attribute({"Longueur"}, {}, false);
    measure.has_measure = measure.measure_with_unit = true;
    inv.item_attribute_forms = {value, measure};
    CHECK(fired(inv).empty());
    ItemAttributeForm both = measure;
    both.has_value = true;
    ItemAttributeForm no_unit = measure;
    no_unit.measure_with_unit = false;
    inv.item_attribute_forms = {both, no_unit, attribute({"Rien"}, {}, false)};
    CHECK(count_fired(inv, "BR-FR-28-Value") == 3);
  }
}

TEST_CASE("BR-FR-29: CII counts the documents of a scheme, UBL the ids of one reference", "[fr]") {
  Invoice cii = invoice(Syntax::Cii);
  cii.referenced_documents.documents = {cii_object("AFL", "O1"), cii_object("AVV", "O2"),
                                        cii_object("ABC", " ")};
  CHECK(fired(cii).empty());
  cii.referenced_documents.documents.push_back(cii_object("AFL", "O3"));
  CHECK(fired(cii) == std::set<std::string>{"BR-FR-29_BT-18"});
  cii.referenced_documents.documents = {cii_object("AFL", " "), cii_object("AVV", "")};
  CHECK(fired(cii) == std::set<std::string>{"BR-FR-29_AFL", "BR-FR-29_AVV"});
  // An id whose document has both schemes is tested as AFL only.
  ReferencedDocument both = cii_object("AFL", "");
  both.reference_types.push_back(text("AVV"));
  cii.referenced_documents.documents = {both};
  CHECK(fired(cii) == std::set<std::string>{"BR-FR-29_AFL"});

  Invoice ubl = invoice(Syntax::Ubl);
  ubl.referenced_documents.documents = {ubl_object({{"AFL", "O1"}}), ubl_object({{"AFL", "O2"}})};
  CHECK(fired(ubl).empty());
  ubl.referenced_documents.documents = {ubl_object({{"AFL", "O1"}, {"AFL", "O2"}})};
  CHECK(fired(ubl) == std::set<std::string>{"BR-FR-29_BT-18"});
  ubl.referenced_documents.documents = {ubl_object({{"AVV", " "}, {"ABC", ""}})};
  CHECK(fired(ubl) == std::set<std::string>{"BR-FR-29_AVV"});
}

TEST_CASE("BR-FR-30: the same tests on each line's objects (BT-128)", "[fr]") {
  Invoice cii = invoice(Syntax::Cii);
  ReferencedDocuments line;
  line.documents = {cii_object("AFL", "O1"), cii_object("AFL", "O2"), cii_object("AVV", "")};
  cii.line_objects = {line};
  CHECK(fired(cii) == std::set<std::string>{"BR-FR-30_BT-128", "BR-FR-30_AVV"});
  // Counted per line.
  ReferencedDocuments other;
  other.documents = {cii_object("AFL", "O1")};
  cii.line_objects = {other, other};
  CHECK(fired(cii).empty());

  Invoice ubl = invoice(Syntax::Ubl);
  line.documents = {ubl_object({{"AFL", ""}, {"AFL", "O2"}})};
  ubl.line_objects = {line};
  CHECK(fired(ubl) == std::set<std::string>{"BR-FR-30_BT-128", "BR-FR-30_AFL"});
}

TEST_CASE("BR-FR-30_BT-21 (UBL): one processing type in the #BAR# notes joined", "[fr]") {
  Invoice ubl = invoice(Syntax::Ubl);
  ubl.bar_notes = {text("#BAR#B2B")};
  CHECK(fired(ubl).empty());
  ubl.bar_notes.push_back(text("#BAR#B2CINT"));  // "…B2B#BAR#B2CINT#": two
  CHECK(fired(ubl) == std::set<std::string>{"BR-FR-30_BT-21"});
  ubl.bar_notes = {text("#BAR#B2B "), text("#BAR#B2C")};  // "B2B " is no type
  CHECK(fired(ubl).empty());

  Invoice cii = invoice(Syntax::Cii);  // the CII file has no such id
  cii.bar_notes = {text("#BAR#B2B"), text("#BAR#B2C")};
  CHECK(fired(cii).empty());
}
