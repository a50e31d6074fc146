// The fast path wired into SchemaSet: a document it proves valid is judged
// without Xerces, whose grammar is then not even loaded; its model is kept
// in the grammar cache beside Xerces' grammar and replaced when damaged.
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "tests/unit/scratch.hpp"
#include "validators/xml/safe_xml.hpp"
#include "validators/xsd/grammar_cache.hpp"
#include "validators/xsd/schema_set.hpp"

namespace {

namespace fs = std::filesystem;
using cprokit::DocumentKind;
using cprokit::Syntax;
using cprokit::test::ScopedEnv;
using cprokit::test::TempDir;
using cprokit::xsd::GrammarCache;
using cprokit::xsd::SchemaSet;
using cprokit::xsd::XsdError;

constexpr std::string_view kUblNs = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
constexpr std::string_view kCreditNs = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
constexpr std::string_view kCiiNs = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";

void write_file(const fs::path& path, std::string_view content) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << content;
  REQUIRE(out.good());
}

// A schema the fast path handles whole: a sequence, a bounded string, integers.
std::string tiny_xsd(std::string_view ns, std::string_view root) {
  return std::string(R"(<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace=")") +
         std::string(ns) + R"(" elementFormDefault="qualified">
  <xs:element name=")" +
         std::string(root) + R"(">
    <xs:complexType><xs:sequence>
      <xs:element name="ID"><xs:simpleType><xs:restriction base="xs:token">
        <xs:minLength value="1"/></xs:restriction></xs:simpleType></xs:element>
      <xs:element name="N" type="xs:integer" minOccurs="0" maxOccurs="unbounded"/>
    </xs:sequence></xs:complexType>
  </xs:element>
</xs:schema>
)";
}

std::string doc(std::string_view body) {
  return "<?xml version=\"1.0\"?>\n<Invoice xmlns=\"" + std::string(kUblNs) + "\">\n" +
         std::string(body) + "\n</Invoice>\n";
}

struct Fixture {
  TempDir schemas;
  TempDir cache;
  ScopedEnv env{"CPROKIT_CACHE_DIR", cache.path().string()};
  Fixture() {
    write_file(schemas.path() / cprokit::xsd::kUblInvoiceXsd, tiny_xsd(kUblNs, "Invoice"));
    write_file(schemas.path() / cprokit::xsd::kUblCreditNoteXsd, tiny_xsd(kCreditNs, "CreditNote"));
    write_file(schemas.path() / cprokit::xsd::kCiiXsd, tiny_xsd(kCiiNs, "CrossIndustryInvoice"));
  }

  fs::path file(std::string_view group) const {
    auto found = GrammarCache::for_folder(fs::canonical(schemas.path()));
    REQUIRE(found);
    return found->file(group);
  }
};

// What the set says of `bytes`, an invoice, given the loader's tree.
std::vector<XsdError> judge(const SchemaSet& set, const std::string& bytes) {
  std::vector<cprokit::Finding> findings;
  const auto loaded = cprokit::xml::load(bytes, {1 << 20, 100}, findings);
  REQUIRE(loaded);
  return set.validate(bytes, loaded->doc, DocumentKind::Invoice, Syntax::Ubl);
}

const std::string kValid = doc("<ID> FA-1 </ID><N>1</N><N>-2</N>");
const std::string kInvalid = doc("<ID>FA-1</ID><N>x</N>");

}  // namespace

TEST_CASE("xsd fast path: a document proven valid does not load Xerces' grammar",
          "[xsd][cache][fast]") {
  Fixture f;
  CHECK(judge(*SchemaSet::load(f.schemas.path()), kValid).empty());
  REQUIRE(fs::exists(f.file("ubl")));
  REQUIRE(fs::exists(f.file("ubl-fast")));
  fs::remove(f.file("ubl"));

  const auto set = SchemaSet::load(f.schemas.path());
  CHECK(judge(*set, kValid).empty());
  CHECK_FALSE(fs::exists(f.file("ubl")));  // neither read nor compiled
  // An error still comes from Xerces, in its words.
  const auto errors = judge(*set, kInvalid);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message.find("'x'") != std::string::npos);
  CHECK(fs::exists(f.file("ubl")));
}

TEST_CASE("xsd fast path: a damaged model in the cache is made again", "[xsd][cache][fast]") {
  Fixture f;
  CHECK(judge(*SchemaSet::load(f.schemas.path()), kValid).empty());
  const auto cache = GrammarCache::for_folder(fs::canonical(f.schemas.path()));
  REQUIRE(cache);
  const auto whole = cache->read("ubl-fast");
  REQUIRE(whole);
  // Checked by the cache (its digest) and then by the model (its format).
  cache->write("ubl-fast", whole->substr(0, whole->size() / 2));
  fs::remove(f.file("ubl"));

  CHECK(judge(*SchemaSet::load(f.schemas.path()), kValid).empty());
  CHECK(cache->read("ubl-fast") == whole);
}
