#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include <unistd.h>

#include <catch2/catch.hpp>

#include "tests/skip.hpp"
#include "tests/unit/scratch.hpp"
#include "validators/xsd/schema_set.hpp"
#include "validators/xsd/xsd_message.hpp"

namespace {

namespace fs = std::filesystem;
using cprokit::DocumentKind;
using cprokit::Syntax;
using cprokit::xsd::SchemaError;
using cprokit::xsd::SchemaSet;
using cprokit::xsd::XsdError;

constexpr std::string_view kUblInvoiceNs = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
constexpr std::string_view kUblCreditNoteNs =
    "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
constexpr std::string_view kCiiNs = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";

using cprokit::test::TempDir;

// Sets (or unsets, with nullopt) CPROKIT_SCHEMAS for one scope.
class SchemasEnv : public cprokit::test::ScopedEnv {
 public:
  explicit SchemasEnv(const std::optional<fs::path>& value)
      : ScopedEnv("CPROKIT_SCHEMAS",
                  value ? std::optional<std::string>(value->string()) : std::nullopt) {}
};

void write_file(const fs::path& path, std::string_view content) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << content;
  REQUIRE(out.good());
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

bool contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

std::string describe(const std::vector<XsdError>& errors) {
  std::string text;
  for (const auto& e : errors) {
    text += std::to_string(e.line) + ":" + std::to_string(e.column) + " " + e.message + "\n";
  }
  return text;
}

bool same(const std::vector<XsdError>& a, const std::vector<XsdError>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const auto& x, const auto& y) {
    return x.line == y.line && x.column == y.column && x.message == y.message;
  });
}

// A tiny schema folder with the real layout, so that most tests need no
// ../shared. `extra` goes at the top of the UBL Invoice schema.

std::string tiny_xsd(std::string_view ns, std::string_view root, std::string_view include,
                     std::string_view extra) {
  return std::string(R"(<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns=")") +
         std::string(ns) + R"(" targetNamespace=")" + std::string(ns) +
         R"(" elementFormDefault="qualified">
  )" + std::string(extra) +
         R"(
  <xs:include schemaLocation=")" +
         std::string(include) + R"("/>
  <xs:element name=")" +
         std::string(root) +
         R"(">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="ID" type="IdType"/>
        <xs:element name="N" type="xs:integer" minOccurs="0" maxOccurs="unbounded"/>
      </xs:sequence>
    </xs:complexType>
  </xs:element>
</xs:schema>
)";
}

constexpr std::string_view kTinyCommon = R"(<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:simpleType name="IdType">
    <xs:restriction base="xs:string"><xs:minLength value="1"/></xs:restriction>
  </xs:simpleType>
</xs:schema>
)";

void write_tiny_schemas(const fs::path& dir, std::string_view invoice_extra = "") {
  using cprokit::xsd::kCiiXsd;
  using cprokit::xsd::kUblCreditNoteXsd;
  using cprokit::xsd::kUblInvoiceXsd;
  write_file(dir / kUblInvoiceXsd,
             tiny_xsd(kUblInvoiceNs, "Invoice", "../common/Tiny-Common.xsd", invoice_extra));
  write_file(dir / kUblCreditNoteXsd,
             tiny_xsd(kUblCreditNoteNs, "CreditNote", "../common/Tiny-Common.xsd", ""));
  write_file(dir / "ubl-2.1/common/Tiny-Common.xsd", kTinyCommon);
  write_file(dir / kCiiXsd, tiny_xsd(kCiiNs, "CrossIndustryInvoice", "Tiny-Common.xsd", ""));
  write_file((dir / kCiiXsd).parent_path() / "Tiny-Common.xsd", kTinyCommon);
}

std::string tiny_doc(std::string_view ns, std::string_view root, std::string_view body) {
  return "<?xml version=\"1.0\"?>\n<" + std::string(root) + " xmlns=\"" + std::string(ns) +
         "\">\n" + std::string(body) + "\n</" + std::string(root) + ">\n";
}

const std::string kTinyInvoice = tiny_doc(kUblInvoiceNs, "Invoice", "<ID>1</ID>");
const std::string kTinyInvoiceNoId = tiny_doc(kUblInvoiceNs, "Invoice", "<N>1</N>");

// Why the folder cannot be used: load() checks the entry points, the UBL
// Invoice grammar is compiled when a first invoice needs it.
std::string load_error(const fs::path& dir) {
  try {
    SchemaSet::load(dir)->validate(kTinyInvoice, DocumentKind::Invoice, Syntax::Ubl);
  } catch (const SchemaError& e) {
    return e.what();
  }
  FAIL("SchemaSet::load(" << dir << ") did not throw");
  return {};
}

// The real EN 16931 material: the schema folder this build uses by default
// (CPROKIT_DEFAULT_SCHEMAS, ../shared/en16931/xsd) and the official examples
// and tests beside it in ../shared. Absent on a bare clone: the tests that
// need them are then reported skipped (tests/skip.hpp).

fs::path shared_dir() {
  return fs::path(CPROKIT_SHARED_DIR) / "en16931";
}

fs::path real_schema_dir() {
  return CPROKIT_DEFAULT_SCHEMAS;
}

bool have(const fs::path& path) {
  std::error_code ec;
  return !path.empty() && fs::exists(path, ec);
}

const SchemaSet& real_schemas() {
  static const std::unique_ptr<SchemaSet> schemas = SchemaSet::load(real_schema_dir());
  return *schemas;
}

// Leaves the test case, reported skipped, when a file or folder it reads is
// absent.
#define SKIP_WITHOUT(file)                                                     \
  do {                                                                         \
    const fs::path& needed = (file);                                           \
    if (!have(needed)) {                                                       \
      SKIP_TEST("no " + needed.string() +                                      \
                " (the EN 16931 material is not shipped: configure with "      \
                "-DCPROKIT_SHARED_DIR=DIR or -DCPROKIT_DEFAULT_SCHEMAS=DIR)"); \
    }                                                                          \
  } while (false)

#define SKIP_WITHOUT_REAL_SCHEMAS() SKIP_WITHOUT(real_schema_dir() / cprokit::xsd::kUblInvoiceXsd)

// An XSD-valid UBL invoice with only the mandatory elements; `id` is the
// cbc:ID line (empty to leave the mandatory element out), `root_extra` goes
// into the root start tag.
std::string minimal_ubl(std::string_view id, std::string_view root_extra = "") {
  return std::string(R"(<?xml version="1.0" encoding="UTF-8"?>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
         xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
         xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2" )") +
         std::string(root_extra) + R"(>
  )" + std::string(id) +
         R"(
  <cbc:IssueDate>2024-01-01</cbc:IssueDate>
  <cac:AccountingSupplierParty><cac:Party/></cac:AccountingSupplierParty>
  <cac:AccountingCustomerParty><cac:Party/></cac:AccountingCustomerParty>
  <cac:LegalMonetaryTotal><cbc:PayableAmount currencyID="EUR">1</cbc:PayableAmount></cac:LegalMonetaryTotal>
  <cac:InvoiceLine>
    <cbc:ID>1</cbc:ID>
    <cbc:LineExtensionAmount currencyID="EUR">1</cbc:LineExtensionAmount>
    <cac:Item/>
  </cac:InvoiceLine>
</Invoice>
)";
}

constexpr std::string_view kIdLine = "<cbc:ID>INV-1</cbc:ID>";

std::vector<fs::path> xml_files(const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::string ext = entry.path().extension().string();
    for (auto& c : ext)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (entry.is_regular_file() && ext == ".xml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Validates `good` and `bad` alternately from two threads and compares every
// result with the single-threaded one.
void check_two_threads(const SchemaSet& schemas, const std::string& good, const std::string& bad,
                       DocumentKind kind, Syntax syntax, int rounds) {
  const auto good_errors = schemas.validate(good, kind, syntax);
  const auto bad_errors = schemas.validate(bad, kind, syntax);
  REQUIRE(good_errors.empty());
  REQUIRE_FALSE(bad_errors.empty());
  std::atomic<int> wrong{0};
  const auto run = [&](bool good_first) {
    for (int i = 0; i < rounds; ++i) {
      const bool use_good = (i % 2 == 0) == good_first;
      const auto errors = schemas.validate(use_good ? good : bad, kind, syntax);
      if (!same(errors, use_good ? good_errors : bad_errors)) ++wrong;
    }
  };
  std::thread a(run, true);
  std::thread b(run, false);
  a.join();
  b.join();
  CHECK(wrong == 0);
}

}  // namespace

// ----------------------------------------------------------------- loading

TEST_CASE("xsd: loading a folder without the schemas names the missing file", "[xsd]") {
  TempDir dir;
  CHECK(contains(load_error(dir.path()), "UBL-Invoice-2.1.xsd"));
  CHECK(contains(load_error(dir.path() / "does-not-exist"), "UBL-Invoice-2.1.xsd"));

  write_tiny_schemas(dir.path());
  fs::remove(dir.path() / cprokit::xsd::kUblCreditNoteXsd);
  CHECK(contains(load_error(dir.path()), "UBL-CreditNote-2.1.xsd"));
}

TEST_CASE("xsd: a schema that does not compile names the file and the problem", "[xsd]") {
  TempDir dir;
  write_tiny_schemas(dir.path());
  write_file(dir.path() / "ubl-2.1/common/Tiny-Common.xsd", "<xs:schema");
  const std::string message = load_error(dir.path());
  CHECK(contains(message, "UBL-Invoice-2.1.xsd"));
  CHECK(contains(message, "Tiny-Common.xsd"));
}

TEST_CASE("xsd: a missing included file inside the folder is an error", "[xsd]") {
  TempDir dir;
  write_tiny_schemas(dir.path(), R"(<xs:include schemaLocation="Nowhere.xsd"/>)");
  const std::string message = load_error(dir.path());
  CHECK(contains(message, "Nowhere.xsd"));
  CHECK(contains(message, "no such file"));
}

TEST_CASE("xsd: a self-made schema folder loads and validates", "[xsd]") {
  TempDir dir;
  write_tiny_schemas(dir.path());
  const auto schemas = SchemaSet::load(dir.path());
  CHECK(schemas->folder() == dir.path());

  CHECK(schemas->validate(kTinyInvoice, DocumentKind::Invoice, Syntax::Ubl).empty());
  CHECK(schemas
            ->validate(tiny_doc(kUblCreditNoteNs, "CreditNote", "<ID>1</ID>"),
                       DocumentKind::CreditNote, Syntax::Ubl)
            .empty());
  const std::string cii = tiny_doc(kCiiNs, "CrossIndustryInvoice", "<ID>1</ID>");
  CHECK(schemas->validate(cii, DocumentKind::Invoice, Syntax::Cii).empty());
  CHECK(schemas->validate(cii, DocumentKind::CreditNote, Syntax::Cii).empty());

  const auto errors = schemas->validate(kTinyInvoiceNoId, DocumentKind::Invoice, Syntax::Ubl);
  INFO(describe(errors));
  REQUIRE_FALSE(errors.empty());
  CHECK(errors[0].line > 0);
  CHECK(errors[0].column > 0);
}

TEST_CASE("xsd: Xerces' texts put in words in French and English, kept as the detail", "[xsd]") {
  TempDir dir;
  write_tiny_schemas(dir.path());
  const auto schemas = SchemaSet::load(dir.path());
  struct Case {
    std::string body;
    std::string fr;  // what the French sentence says
  };
  const std::vector<Case> cases = {
      {"<N>1</N>", "l'élément « N » n'est pas permis ici"},
      {"", "cet élément ne peut pas être vide"},
      {"<ID>1</ID><Nope/>", "l'élément « Nope » n'existe pas dans le schéma"},
      {R"(<ID lang="fr">1</ID>)", "l'attribut « lang » n'est pas permis sur l'élément « ID »"},
      {"<ID></ID>", "«  » est trop court : 0 caractère(s), 1 au moins"},
      {"<ID>1</ID><N>douze</N>", "« douze » n'a pas la forme que le schéma demande"},
  };
  for (const auto& c : cases) {
    const auto errors = schemas->validate(tiny_doc(kUblInvoiceNs, "Invoice", c.body),
                                          DocumentKind::Invoice, Syntax::Ubl);
    INFO(c.body << "\n" << describe(errors));
    REQUIRE_FALSE(errors.empty());
    const XsdError& e = errors.front();
    const cprokit::Message m = cprokit::xsd::error_message(e);
    INFO(m.fr << "\n" << m.en);
    CHECK(m.fr.starts_with("Non conforme au schéma XSD (ligne " + std::to_string(e.line) +
                           ", colonne " + std::to_string(e.column) + ") : "));
    CHECK(contains(m.fr, c.fr));
    CHECK(m.fr.ends_with(". Détail (Xerces) : " + e.message));
    CHECK(m.en.starts_with("Not valid against the XSD schema (line " + std::to_string(e.line) +
                           ", column " + std::to_string(e.column) + "): "));
    CHECK(m.en.ends_with(". Detail (Xerces): " + e.message));
  }
  // A text of no known shape is given as it is, said to be in English.
  const cprokit::Message other = cprokit::xsd::error_message({3, 7, "some new text"});
  CHECK(other.fr ==
        "Non conforme au schéma XSD (ligne 3, colonne 7). Détail, en anglais (Xerces) : some new "
        "text");
  CHECK(other.en == "Not valid against the XSD schema (line 3, column 7): some new text");
}

TEST_CASE("xsd: schema imports outside the folder are refused", "[xsd]") {
  const char* location = GENERATE("/etc/passwd", "file:///etc/passwd",
                                  "file://localhost/etc/passwd", "file://elsewhere/etc/passwd",
                                  "../../../../../../../../../../../../../../etc/passwd",
                                  "http://example.invalid/x.xsd", "https://example.invalid/x.xsd",
                                  "ftp://example.invalid/x.xsd", "ftp:../common/Tiny-Common.xsd");
  TempDir dir;
  write_tiny_schemas(dir.path(),
                     std::string(R"(<xs:import namespace="urn:elsewhere" schemaLocation=")") +
                         location + R"("/>)");
  const auto start = std::chrono::steady_clock::now();
  const std::string message = load_error(dir.path());
  INFO(message);
  CHECK(contains(message, "refused"));
  CHECK(contains(message, location));
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
}

TEST_CASE("xsd: a symbolic link leading out of the folder is refused", "[xsd]") {
  TempDir dir;
  TempDir outside;
  write_file(outside.path() / "Outside.xsd", kTinyCommon);
  write_tiny_schemas(dir.path(), R"(<xs:include schemaLocation="../common/Link.xsd"/>)");
  fs::create_symlink(outside.path() / "Outside.xsd", dir.path() / "ubl-2.1/common/Link.xsd");
  const std::string message = load_error(dir.path());
  INFO(message);
  CHECK(contains(message, "refused"));
  CHECK(contains(message, "outside the schema folder"));
}

// -------------------------------------------------------------- validation

TEST_CASE("xsd: xsi:schemaLocation hints are ignored", "[xsd]") {
  TempDir dir;
  write_tiny_schemas(dir.path());
  const auto schemas = SchemaSet::load(dir.path());
  const char* hint = GENERATE("urn:oasis:names:specification:ubl:schema:xsd:Invoice-2 /etc/passwd",
                              "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2",
                              "urn:elsewhere http://example.invalid/x.xsd");
  const std::string attributes =
      std::string(R"(xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation=")") +
      hint + "\"";
  const auto with_hint = [&](std::string_view body) {
    return "<Invoice xmlns=\"" + std::string(kUblInvoiceNs) + "\" " + attributes + ">" +
           std::string(body) + "</Invoice>";
  };
  INFO(hint);
  const auto valid = schemas->validate(with_hint("<ID>1</ID>"), DocumentKind::Invoice, Syntax::Ubl);
  INFO(describe(valid));
  CHECK(valid.empty());
  CHECK_FALSE(schemas->validate(with_hint("<N>1</N>"), DocumentKind::Invoice, Syntax::Ubl).empty());
}

TEST_CASE("xsd: external entities of a document are refused", "[xsd]") {
  TempDir dir;
  write_tiny_schemas(dir.path());
  const auto schemas = SchemaSet::load(dir.path());
  const char* location = GENERATE("/etc/passwd", "file:///etc/passwd", "http://example.invalid/e");
  const std::string doc = "<?xml version=\"1.0\"?>\n<!DOCTYPE Invoice [<!ENTITY e SYSTEM \"" +
                          std::string(location) + "\">]>\n<Invoice xmlns=\"" +
                          std::string(kUblInvoiceNs) + "\"><ID>&e;</ID></Invoice>\n";
  const auto errors = schemas->validate(doc, DocumentKind::Invoice, Syntax::Ubl);
  INFO(describe(errors));
  REQUIRE_FALSE(errors.empty());
  CHECK(std::any_of(errors.begin(), errors.end(),
                    [](const auto& e) { return contains(e.message, "refused"); }));
  CHECK_FALSE(contains(describe(errors), "root:"));
}

TEST_CASE("xsd: entity expansion is limited", "[xsd]") {
  TempDir dir;
  write_tiny_schemas(dir.path());
  const auto schemas = SchemaSet::load(dir.path());
  std::string entities = "<!ENTITY e0 \"lol\">";
  for (int i = 1; i < 10; ++i) {
    std::string value;
    for (int j = 0; j < 10; ++j)
      value += "&e" + std::to_string(i - 1) + ";";
    entities += "<!ENTITY e" + std::to_string(i) + " \"" + value + "\">";
  }
  const std::string doc = "<?xml version=\"1.0\"?>\n<!DOCTYPE Invoice [" + entities +
                          "]>\n<Invoice xmlns=\"" + std::string(kUblInvoiceNs) +
                          "\"><ID>&e9;</ID></Invoice>\n";
  const auto start = std::chrono::steady_clock::now();
  const auto errors = schemas->validate(doc, DocumentKind::Invoice, Syntax::Ubl);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
  INFO(describe(errors));
  CHECK(std::any_of(errors.begin(), errors.end(),
                    [](const auto& e) { return contains(e.message, "entity expansions"); }));
}

TEST_CASE("xsd: errors are capped at 100 per document", "[xsd]") {
  TempDir dir;
  write_tiny_schemas(dir.path());
  const auto schemas = SchemaSet::load(dir.path());
  std::string body = "<ID>1</ID>";
  for (int i = 0; i < 150; ++i)
    body += "\n<N>x</N>";
  const auto errors = schemas->validate(tiny_doc(kUblInvoiceNs, "Invoice", body),
                                        DocumentKind::Invoice, Syntax::Ubl);
  REQUIRE(errors.size() == 101);
  CHECK(errors[0].line == 4);
  CHECK(errors[99].line > errors[0].line);
  CHECK(errors.back().message == "... further errors not shown");
}

TEST_CASE("xsd: 100 errors are all given, the 101st is not", "[xsd][thresholds]") {
  TempDir dir;
  write_tiny_schemas(dir.path());
  const auto schemas = SchemaSet::load(dir.path());
  const auto errors_for = [&](int wrong) {
    std::string body = "<ID>1</ID>";
    for (int i = 0; i < wrong; ++i)
      body += "\n<N>x</N>";  // one error each
    return schemas->validate(tiny_doc(kUblInvoiceNs, "Invoice", body), DocumentKind::Invoice,
                             Syntax::Ubl);
  };
  const auto hundred = errors_for(100);
  REQUIRE(hundred.size() == 100);
  CHECK(hundred.back().message != "... further errors not shown");
  CHECK(hundred.back().line == 103);
  const auto more = errors_for(101);
  REQUIRE(more.size() == 101);
  CHECK(more[99].line == 103);
  CHECK(more.back().message == "... further errors not shown");
}

TEST_CASE("xsd: the root element must be the one of the expected grammar", "[xsd]") {
  TempDir dir;
  write_tiny_schemas(dir.path());
  const auto schemas = SchemaSet::load(dir.path());
  const auto errors = schemas->validate(kTinyInvoice, DocumentKind::CreditNote, Syntax::Ubl);
  INFO(describe(errors));
  REQUIRE(errors.size() == 1);
  CHECK(contains(errors[0].message, "root element"));
  CHECK(errors[0].line == 2);
  // The CII grammar is compiled apart, without the UBL namespaces: their
  // elements are undeclared there too (a case the pipeline, which takes the
  // syntax from the root, never makes).
  const auto cii = schemas->validate(kTinyInvoice, DocumentKind::Invoice, Syntax::Cii);
  INFO(describe(cii));
  CHECK(std::any_of(cii.begin(), cii.end(), [](const auto& e) {
    return contains(e.message, "root element") && e.line == 2;
  }));
  const auto no_grammar =
      schemas->validate("<Invoice><ID>1</ID></Invoice>", DocumentKind::Invoice, Syntax::Ubl);
  INFO(describe(no_grammar));
  CHECK(std::any_of(no_grammar.begin(), no_grammar.end(),
                    [](const auto& e) { return contains(e.message, "root element"); }));
}

TEST_CASE("xsd: kinds and syntaxes without a grammar give one error", "[xsd]") {
  TempDir dir;
  write_tiny_schemas(dir.path());
  const auto schemas = SchemaSet::load(dir.path());
  CHECK(schemas->validate(kTinyInvoice, DocumentKind::Account, Syntax::Ubl).size() == 1);
  CHECK(schemas->validate(kTinyInvoice, DocumentKind::Invoice, Syntax::CproJson).size() == 1);
  CHECK(schemas->validate(kTinyInvoice, DocumentKind::Unknown, Syntax::Unknown).size() == 1);
}

TEST_CASE("xsd: malformed bytes give errors, not exceptions", "[xsd]") {
  TempDir dir;
  write_tiny_schemas(dir.path());
  const auto schemas = SchemaSet::load(dir.path());
  for (const std::string_view bytes :
       {std::string_view(""), std::string_view("<Invoice"), std::string_view("\xff\xfe<\0", 4)}) {
    std::vector<XsdError> errors;
    REQUIRE_NOTHROW(errors = schemas->validate(bytes, DocumentKind::Invoice, Syntax::Ubl));
    CHECK_FALSE(errors.empty());
  }
}

// Xerces stops at a fatal error and throws when asked to scan on: the user
// gets the error, not the exception after it.
TEST_CASE("xsd: a fatal error is given once, without the stop that follows it", "[xsd]") {
  TempDir dir;
  write_tiny_schemas(dir.path());
  const auto schemas = SchemaSet::load(dir.path());
  const std::string_view good = R"(<?xml version="1.0"?>)";
  std::string bytes(kTinyInvoice);
  REQUIRE(bytes.starts_with(good));
  bytes.replace(0, good.size(), R"(<?xml version="1.0" encodingX="UTF-8"?>)");
  const auto errors = schemas->validate(bytes, DocumentKind::Invoice, Syntax::Ubl);
  INFO(describe(errors));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].line == 1);
  CHECK(errors[0].message.find("scanNext") == std::string::npos);
}

// A schema set keeps its readers for the next documents: nothing of one
// document (its errors, a stop at the cap, an ignored schemaLocation hint, a
// malformed end) may change what the next one gets.
TEST_CASE("xsd: each document is judged as by a fresh schema set", "[xsd]") {
  TempDir dir;
  write_tiny_schemas(dir.path());
  std::string capped = "<ID>1</ID>";
  for (int i = 0; i < 150; ++i)
    capped += "\n<N>x</N>";
  const std::string odd_hint = "<Invoice xmlns=\"" + std::string(kUblInvoiceNs) +
                               "\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                               "xsi:schemaLocation=\"urn:x\"><ID>1</ID></Invoice>";
  const std::vector<std::pair<std::string, DocumentKind>> documents{
      {tiny_doc(kUblInvoiceNs, "Invoice", capped), DocumentKind::Invoice},
      {kTinyInvoice, DocumentKind::Invoice},
      {odd_hint, DocumentKind::Invoice},
      {"<Invoice xmlns=\"" + std::string(kUblInvoiceNs) + "\"><ID>1</ID><N>",
       DocumentKind::Invoice},
      {kTinyInvoiceNoId, DocumentKind::Invoice},
      {kTinyInvoice, DocumentKind::CreditNote},
      {kTinyInvoice, DocumentKind::Invoice},
  };
  const auto shared = SchemaSet::load(dir.path());
  for (int pass = 0; pass < 2; ++pass) {
    for (std::size_t i = 0; i < documents.size(); ++i) {
      const auto& [bytes, kind] = documents[i];
      const auto fresh = SchemaSet::load(dir.path())->validate(bytes, kind, Syntax::Ubl);
      const auto reused = shared->validate(bytes, kind, Syntax::Ubl);
      INFO("pass " << pass << ", document " << i << "\nfresh:\n"
                   << describe(fresh) << "after the others:\n"
                   << describe(reused));
      CHECK(same(fresh, reused));
    }
  }
}

TEST_CASE("xsd: validate is safe from two threads (self-made schemas)", "[xsd]") {
  TempDir dir;
  write_tiny_schemas(dir.path());
  const auto schemas = SchemaSet::load(dir.path());
  check_two_threads(*schemas, kTinyInvoice, kTinyInvoiceNoId, DocumentKind::Invoice, Syntax::Ubl,
                    200);
}

// ------------------------------------------------------------ find_schemas

TEST_CASE("xsd: find_schemas looks at --schemas, then CPROKIT_SCHEMAS, then the defaults",
          "[xsd]") {
  TempDir option;
  TempDir env;
  TempDir empty;
  write_file(option.path() / cprokit::xsd::kUblInvoiceXsd, "");
  write_file(env.path() / cprokit::xsd::kUblInvoiceXsd, "");

  SECTION("the option comes first") {
    const SchemasEnv guard(env.path());
    const auto lookup = cprokit::xsd::find_schemas(option.path());
    REQUIRE(lookup.found);
    CHECK(*lookup.found == option.path());
    CHECK(lookup.found_by == "--schemas");
    CHECK(lookup.tried == std::vector<fs::path>{option.path()});
  }
  SECTION("then the environment") {
    const SchemasEnv guard(env.path());
    const auto lookup = cprokit::xsd::find_schemas(std::nullopt);
    REQUIRE(lookup.found);
    CHECK(*lookup.found == env.path());
    CHECK(lookup.found_by == "CPROKIT_SCHEMAS");
    CHECK(lookup.tried == std::vector<fs::path>{env.path()});
  }
  SECTION("a wrong environment falls back to the installed data and the build default") {
    const SchemasEnv guard(empty.path());
    const auto lookup = cprokit::xsd::find_schemas(std::nullopt);
    REQUIRE_FALSE(lookup.tried.empty());
    CHECK(lookup.tried.front() == empty.path());
    CHECK(lookup.tried.size() <= 3);
    if (lookup.found) {
      CHECK(*lookup.found != empty.path());
      CHECK((lookup.found_by == "installed data" || lookup.found_by == "build default"));
      CHECK(*lookup.found == lookup.tried.back());
    } else {
      CHECK(lookup.found_by.empty());
    }
  }
  SECTION("without option nor environment the environment is not tried") {
    const SchemasEnv guard(std::nullopt);
    const auto lookup = cprokit::xsd::find_schemas(std::nullopt);
    CHECK(lookup.tried.size() <= 2);
    CHECK(std::find(lookup.tried.begin(), lookup.tried.end(), env.path()) == lookup.tried.end());
  }
}

TEST_CASE("xsd: an explicit wrong --schemas folder does not fall back", "[xsd]") {
  TempDir env;
  TempDir wrong;
  write_file(env.path() / cprokit::xsd::kUblInvoiceXsd, "");
  const SchemasEnv guard(env.path());
  const auto lookup = cprokit::xsd::find_schemas(wrong.path());
  CHECK_FALSE(lookup.found);
  CHECK(lookup.found_by == "--schemas");
  CHECK(lookup.tried == std::vector<fs::path>{wrong.path()});
}

// ------------------------------------------- the real schemas in ../shared

TEST_CASE("xsd: the real schema folder loads", "[xsd][shared]") {
  SKIP_WITHOUT_REAL_SCHEMAS();
  REQUIRE_NOTHROW(real_schemas());
  CHECK(real_schemas().folder() == real_schema_dir());
}

TEST_CASE("xsd: every UBL example validates", "[xsd][shared]") {
  SKIP_WITHOUT_REAL_SCHEMAS();
  SKIP_WITHOUT(shared_dir() / "examples/ubl");
  const auto files = xml_files(shared_dir() / "examples/ubl");
  REQUIRE_FALSE(files.empty());
  int credit_notes = 0;
  for (const auto& file : files) {
    const std::string bytes = read_file(file);
    const bool credit_note = contains(bytes, kUblCreditNoteNs);
    credit_notes += credit_note ? 1 : 0;
    const auto errors = real_schemas().validate(
        bytes, credit_note ? DocumentKind::CreditNote : DocumentKind::Invoice, Syntax::Ubl);
    INFO(file << "\n" << describe(errors));
    CHECK(errors.empty());
  }
  CHECK(credit_notes >= 1);
}

TEST_CASE("xsd: every CII example validates", "[xsd][shared]") {
  SKIP_WITHOUT_REAL_SCHEMAS();
  SKIP_WITHOUT(shared_dir() / "examples/cii");
  const auto files = xml_files(shared_dir() / "examples/cii");
  REQUIRE_FALSE(files.empty());
  for (const auto& file : files) {
    const auto errors =
        real_schemas().validate(read_file(file), DocumentKind::Invoice, Syntax::Cii);
    INFO(file << "\n" << describe(errors));
    CHECK(errors.empty());
  }
}

TEST_CASE("xsd: a UBL invoice without a mandatory element is reported with its position",
          "[xsd][shared]") {
  SKIP_WITHOUT_REAL_SCHEMAS();
  const fs::path fragment = shared_dir() / "tests/ubl/Invoice-unit-UBL/BR-01__02.xml";
  SKIP_WITHOUT(fragment);
  REQUIRE(
      real_schemas().validate(minimal_ubl(kIdLine), DocumentKind::Invoice, Syntax::Ubl).empty());

  const auto errors = real_schemas().validate(minimal_ubl(""), DocumentKind::Invoice, Syntax::Ubl);
  INFO(describe(errors));
  REQUIRE_FALSE(errors.empty());
  CHECK(errors[0].line > 0);
  CHECK(errors[0].column > 0);

  CHECK_FALSE(
      real_schemas().validate(read_file(fragment), DocumentKind::Invoice, Syntax::Ubl).empty());
}

TEST_CASE("xsd: a UBL credit note is not accepted as an invoice", "[xsd][shared]") {
  SKIP_WITHOUT_REAL_SCHEMAS();
  const fs::path file = shared_dir() / "examples/ubl/ubl-tc434-creditnote1.xml";
  SKIP_WITHOUT(file);
  const std::string bytes = read_file(file);
  REQUIRE(real_schemas().validate(bytes, DocumentKind::CreditNote, Syntax::Ubl).empty());
  const auto errors = real_schemas().validate(bytes, DocumentKind::Invoice, Syntax::Ubl);
  INFO(describe(errors));
  REQUIRE(errors.size() == 1);
  CHECK(contains(errors[0].message, "root element"));
  CHECK_FALSE(real_schemas().validate(bytes, DocumentKind::Invoice, Syntax::Cii).empty());
}

TEST_CASE("xsd: xsi:schemaLocation hints are ignored for the cached grammar", "[xsd][shared]") {
  SKIP_WITHOUT_REAL_SCHEMAS();
  const std::string hint =
      R"(xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation=")" +
      std::string(kUblInvoiceNs) + R"( http://example.invalid/x.xsd")";
  const auto start = std::chrono::steady_clock::now();
  const auto valid =
      real_schemas().validate(minimal_ubl(kIdLine, hint), DocumentKind::Invoice, Syntax::Ubl);
  const auto invalid =
      real_schemas().validate(minimal_ubl("", hint), DocumentKind::Invoice, Syntax::Ubl);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
  INFO(describe(valid) << describe(invalid));
  CHECK(valid.empty());
  CHECK_FALSE(invalid.empty());
}

TEST_CASE("xsd: validate is safe from two threads (real schemas)", "[xsd][shared]") {
  SKIP_WITHOUT_REAL_SCHEMAS();
  SKIP_WITHOUT(shared_dir() / "examples/ubl/ubl-tc434-example1.xml");
  SKIP_WITHOUT(shared_dir() / "examples/cii/CII_example1.xml");
  check_two_threads(real_schemas(), read_file(shared_dir() / "examples/ubl/ubl-tc434-example1.xml"),
                    minimal_ubl(""), DocumentKind::Invoice, Syntax::Ubl, 40);
  check_two_threads(real_schemas(), read_file(shared_dir() / "examples/cii/CII_example1.xml"),
                    minimal_ubl(kIdLine), DocumentKind::Invoice, Syntax::Cii, 40);
}

// ------------------------------------------------------------ lazy loading

// A broken CII schema, compiled only when a CII document comes, stops
// neither the loading nor the UBL documents.
TEST_CASE("xsd: a grammar that does not compile fails only the documents that need it", "[xsd]") {
  TempDir schemas;
  write_tiny_schemas(schemas.path());
  write_file(schemas.path() / cprokit::xsd::kCiiXsd, "not a schema");
  const auto set = SchemaSet::load(schemas.path());
  CHECK(set->validate(kTinyInvoice, DocumentKind::Invoice, Syntax::Ubl).empty());
  const std::string cii = tiny_doc(kCiiNs, "CrossIndustryInvoice", "<ID>1</ID>");
  for (int i = 0; i < 2; ++i) {  // the same error every time
    try {
      set->validate(cii, DocumentKind::Invoice, Syntax::Cii);
      FAIL("no SchemaError");
    } catch (const SchemaError& e) {
      CHECK(contains(e.what(), "CrossIndustryInvoice_100pD16B.xsd"));
    }
  }
  CHECK(set->validate(kTinyInvoice, DocumentKind::Invoice, Syntax::Ubl).empty());
}
