// The binding evaluator on small documents: context shadowing, a count rule,
// a value rule, in both syntaxes, and any prefix the document binds.
#include "validators/binding/binding_check.hpp"

#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <type_traits>
#include <vector>

#include "rules/catalogue/catalogue.hpp"
#include "rules/engine/registry.hpp"
#include "validators/binding/document_view.hpp"
#include "validators/binding/resolved_names.hpp"
#include "validators/xml/names.hpp"
#include "validators/xml/safe_xml.hpp"

using namespace cprokit;

namespace {

constexpr const char* kUblOpen =
    R"(<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" )"
    R"(xmlns:a="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" )"
    R"(xmlns:b="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">)";

constexpr const char* kCiiOpen =
    R"(<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100" )"
    R"(xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100" )"
    R"(xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">)";

// The binding rules fired on `xml`, each with the number of its findings.
std::multiset<std::string> fired(const std::string& xml, Syntax syntax) {
  std::vector<Finding> findings;
  auto loaded = xml::load(xml, {1U << 20U, 200}, findings);
  REQUIRE(loaded);
  binding::check(*loaded, syntax, *catalogue::builtin().profile("all"), findings);
  std::multiset<std::string> out;
  for (const auto& f : findings)
    out.insert(f.rule);
  return out;
}

}  // namespace

TEST_CASE("binding: a count rule fires once per context node, at the extra element") {
  const std::string two_periods =
      std::string(kUblOpen) + "<a:InvoicePeriod/><a:InvoicePeriod/></Invoice>";
  CHECK(fired(two_periods, Syntax::Ubl).count("UBL-SR-08") == 1);
  const std::string one_period = std::string(kUblOpen) + "<a:InvoicePeriod/></Invoice>";
  CHECK_FALSE(fired(one_period, Syntax::Ubl).contains("UBL-SR-08"));
}

TEST_CASE("binding: a value rule reads the element's text (UBL version, CII date 102)") {
  auto version = [](const char* v) {
    return std::string(kUblOpen) + "<b:UBLVersionID>" + v + "</b:UBLVersionID></Invoice>";
  };
  CHECK(fired(version("2.0"), Syntax::Ubl).count("UBL-CR-002") == 1);
  CHECK_FALSE(fired(version("2.1"), Syntax::Ubl).contains("UBL-CR-002"));
  auto date = [](const char* v) {
    return std::string(kCiiOpen) +
           R"(<rsm:ExchangedDocument><ram:IssueDateTime><udt:DateTimeString format="102">)" + v +
           "</udt:DateTimeString></ram:IssueDateTime></rsm:ExchangedDocument>"
           "</rsm:CrossIndustryInvoice>";
  };
  CHECK(fired(date("20261301"), Syntax::Cii).count("CII-DT-097") == 1);
  CHECK_FALSE(fired(date("20261231"), Syntax::Cii).contains("CII-DT-097"));
}

TEST_CASE("binding: an element is judged by the first context that matches it only") {
  // The document's TypeCode is taken by the //ram:TypeCode context first: its
  // @name fires CII-DT-008, its @listID not CII-DT-010 (a later context).
  const std::string xml = std::string(kCiiOpen) +
                          R"(<rsm:ExchangedDocument><ram:TypeCode name="x" listID="y">380)"
                          "</ram:TypeCode></rsm:ExchangedDocument></rsm:CrossIndustryInvoice>";
  auto got = fired(xml, Syntax::Cii);
  CHECK(got.count("CII-DT-008") == 1);
  CHECK_FALSE(got.contains("CII-DT-010"));
  // The document's ID is a key identifier: CII-DT-005 for its @schemeID, and
  // not the CII-DT-101..104 of the other identifiers.
  const std::string id = std::string(kCiiOpen) +
                         R"(<rsm:ExchangedDocument><ram:ID schemeID="x" schemeURI="u">F1)"
                         "</ram:ID></rsm:ExchangedDocument></rsm:CrossIndustryInvoice>";
  auto ids = fired(id, Syntax::Cii);
  CHECK(ids.count("CII-DT-005") == 1);
  CHECK(ids.count("CII-DT-004") == 1);
  CHECK_FALSE(ids.contains("CII-DT-104"));
}

TEST_CASE("binding: names are matched by namespace, whatever the document's prefixes") {
  const std::string other_prefix =
      R"(<i:Invoice xmlns:i="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" )"
      R"(xmlns:z="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2">)"
      "<z:Signature/></i:Invoice>";
  CHECK(fired(other_prefix, Syntax::Ubl).count("UBL-CR-137") == 1);
  const std::string wrong_namespace =
      R"(<i:Invoice xmlns:i="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" )"
      R"(xmlns:z="urn:other">)"
      "<z:Signature/></i:Invoice>";
  CHECK_FALSE(fired(wrong_namespace, Syntax::Ubl).contains("UBL-CR-137"));
}

TEST_CASE("binding: names resolved on one document are reused only under the same bindings") {
  const std::string cac =
      R"(<i:Invoice xmlns:i="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" )"
      R"(xmlns:z="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2">)"
      "<z:Signature/></i:Invoice>";
  const std::string other =
      R"(<i:Invoice xmlns:i="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" )"
      R"(xmlns:z="urn:other"><z:Signature/></i:Invoice>)";
  // The same qualified name, z:Signature, in turn under both bindings.
  for (int round = 0; round < 2; ++round) {
    CHECK_FALSE(fired(other, Syntax::Ubl).contains("UBL-CR-137"));
    CHECK(fired(cac, Syntax::Ubl).count("UBL-CR-137") == 1);
  }
}

TEST_CASE("binding: two views on one thread each resolve under their own bindings") {
  const binding::Program& program = binding::program_for(Syntax::Ubl);
  std::vector<Finding> findings;
  auto cac = xml::load(
      R"(<i:Invoice xmlns:i="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" )"
      R"(xmlns:z="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2">)"
      "<z:Signature/></i:Invoice>",
      {1U << 20U, 200}, findings);
  auto other =
      xml::load(R"(<i:Invoice xmlns:i="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" )"
                R"(xmlns:z="urn:other"><z:Signature/></i:Invoice>)",
                {1U << 20U, 200}, findings);
  REQUIRE(cac);
  REQUIRE(other);
  const pugi::xml_node cac_root = cac->doc.document_element();
  const pugi::xml_node other_root = other->doc.document_element();
  const binding::DocumentView first(program, cac_root, false);
  CHECK(first.resolve(cac_root.first_child()).id != binding::kNoName);
  // The second view resolves under its own bindings: the first must not
  // read its names, nor the second the first's.
  const binding::DocumentView second(program, other_root, false);
  CHECK(second.resolve(other_root.first_child()).id == binding::kNoName);
  CHECK(second.resolve(other_root.first_child()).ns == -1);
  CHECK(first.resolve(cac_root.first_child()).id != binding::kNoName);
  CHECK(first.resolve(cac_root.first_child()).ns ==
        program.namespace_of_uri(
            "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"));
}

TEST_CASE("binding: a thread keeps the names resolved under each of several bindings") {
  const binding::Program& program = binding::program_for(Syntax::Ubl);
  const binding::ResolvedNames::Bindings cac{
      {"z", "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"}};
  const binding::ResolvedNames::Bindings other{{"z", "urn:other"}};
  binding::ResolvedNames& first = binding::ResolvedNames::for_document(program, cac);
  const std::uint64_t generation = first.generation();
  const std::size_t hash = binding::XmlNameHash{}("z:KeptSignature");
  first.add("z:KeptSignature", hash, binding::ResolvedName{});
  // A mixed batch alternates between generators, each binding its own
  // prefixes: coming back to the first bindings finds their names kept.
  binding::ResolvedNames::for_document(program, other);
  binding::ResolvedNames& again = binding::ResolvedNames::for_document(program, cac);
  CHECK(&again == &first);
  CHECK(again.generation() == generation);
  CHECK(again.find("z:KeptSignature", hash) != nullptr);
}

TEST_CASE("binding: a document of many or long names resolves them all") {
  // Past 4,096 names the thread's table starts afresh; names over 256 bytes
  // are resolved but not kept. The rule on the last element still fires.
  std::string xml = kUblOpen;
  for (int i = 0; i < 5000; ++i)
    xml += "<b:N" + std::to_string(i) + "/>";
  xml += "<b:" + std::string(300, 'L') + "/><b:" + std::string(300, 'L') + "/>";
  xml += "<a:Signature/></Invoice>";
  CHECK(fired(xml, Syntax::Ubl).count("UBL-CR-137") == 1);
  CHECK(fired(xml, Syntax::Ubl).count("UBL-CR-137") == 1);
}

namespace {

// Each call builds its name in a string of its own, gone when it returns, as
// the special checks build "party/ID" paths: the next call's string reuses
// the same bytes. Not inlined, so that both calls use the same stack slot.
[[gnu::noinline]] bool matches_built(const binding::DocumentView& view,
                                     const pugi::xml_node& element, const char* canonical) {
  const std::string built(canonical);
  return view.matcher(built)(element);
}

}  // namespace

TEST_CASE("binding: a matcher built from a caller's temporary name keeps no view of it") {
  const binding::Program& program = binding::program_for(Syntax::Ubl);
  std::vector<Finding> findings;
  auto loaded = xml::load(std::string(kUblOpen) + "<a:Party/><b:Note/></Invoice>", {1U << 20U, 200},
                          findings);
  REQUIRE(loaded);
  const pugi::xml_node root = loaded->doc.document_element();
  const binding::DocumentView view(program, root, false);
  const pugi::xml_node party = root.first_child();
  const pugi::xml_node note = party.next_sibling();
  // Same length prefixes, other namespaces: a remembered view of the first
  // string would read the second's bytes and keep the first's namespace.
  CHECK(matches_built(view, party, "cac:Party"));
  CHECK(matches_built(view, note, "cbc:Note"));
  CHECK_FALSE(matches_built(view, note, "cac:Note"));
  CHECK(matches_built(view, note, "cbc:Note"));
}

// Names remembers a URI's prefix by the address of its characters: a URI
// built in a string of the moment must not pass for a NamespaceUri, whose
// characters stay in place. No implicit conversion makes one.
static_assert(!std::is_convertible_v<std::string, xml::NamespaceUri>);
static_assert(!std::is_convertible_v<std::string_view, xml::NamespaceUri>);
static_assert(!std::is_convertible_v<const char*, xml::NamespaceUri>);
static_assert(std::is_convertible_v<xml::NamespaceUri, std::string_view>);

TEST_CASE("binding: UBL-SR-13 counts a tax scheme without an id as not VAT") {
  // "cac:TaxScheme/upper-case(cbc:ID) != 'VAT'": an empty cac:TaxScheme gives
  // "", which is not VAT; a PartyTaxScheme without cac:TaxScheme gives nothing.
  auto seller = [](const std::string& second) {
    return std::string(kUblOpen) +
           "<a:AccountingSupplierParty><a:Party><a:PartyTaxScheme><b:CompanyID>3812345678"
           "</b:CompanyID><a:TaxScheme><b:ID>FC</b:ID></a:TaxScheme></a:PartyTaxScheme>"
           "<a:PartyTaxScheme><b:CompanyID>FR19812345676</b:CompanyID>" +
           second + "</a:PartyTaxScheme></a:Party></a:AccountingSupplierParty></Invoice>";
  };
  CHECK(fired(seller("<a:TaxScheme/>"), Syntax::Ubl).count("UBL-SR-13") == 1);
  CHECK_FALSE(fired(seller("<a:TaxScheme><b:ID>VAT</b:ID></a:TaxScheme>"), Syntax::Ubl)
                  .contains("UBL-SR-13"));
  CHECK_FALSE(fired(seller(""), Syntax::Ubl).contains("UBL-SR-13"));
}
