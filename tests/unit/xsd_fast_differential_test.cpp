// The fast path's one promise, checked against Xerces itself: whenever it
// proves a document valid, Xerces (SchemaSet::validate) reports no error.
// Over every XML fixture, the official examples when ../shared has them,
// and systematic mutations of a few valid invoices; it must also decide
// nearly all the valid examples, or it is of no use.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>
#include <pugixml.hpp>

#include "tests/skip.hpp"
#include "validators/detect.hpp"
#include "validators/xml/names.hpp"
#include "validators/xml/safe_xml.hpp"
#include "validators/xsd/schema_set.hpp"

namespace {

namespace fs = std::filesystem;
using cprokit::DocumentKind;
using cprokit::Syntax;
using cprokit::xsd::SchemaSet;

fs::path real_schema_dir() {
  return CPROKIT_DEFAULT_SCHEMAS;
}

bool have(const fs::path& path) {
  std::error_code ec;
  return !path.empty() && fs::exists(path, ec);
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

const SchemaSet& real_schemas() {
  static const std::unique_ptr<SchemaSet> schemas = SchemaSet::load(real_schema_dir());
  return *schemas;
}

struct Outcome {
  bool invoice = false;   // loaded, and of a kind and syntax with a schema
  bool proven = false;    // the fast path says valid
  bool accepted = false;  // Xerces finds no error
};

// Both verdicts on one document, the kind and syntax detected as the
// pipeline does.
Outcome judge(std::string_view bytes) {
  std::vector<cprokit::Finding> findings;
  auto loaded = cprokit::xml::load(bytes, {std::size_t{20} << 20, 200}, findings);
  if (!loaded) return {};
  const pugi::xml_node root = loaded->doc.document_element();
  const cprokit::xml::Names names(root, loaded->nested_namespace_declarations);
  const auto detected = cprokit::detect_xml_kind(root, names);
  if (detected.syntax != Syntax::Ubl && detected.syntax != Syntax::Cii) return {};
  if (detected.kind != DocumentKind::Invoice && detected.kind != DocumentKind::CreditNote)
    return {};
  Outcome out;
  out.invoice = true;
  out.proven = real_schemas().proven_valid(bytes, loaded->doc, detected.kind, detected.syntax);
  out.accepted = real_schemas().validate(bytes, detected.kind, detected.syntax).empty();
  return out;
}

struct Tally {
  int documents = 0;
  int accepted = 0;
  int proven = 0;
};

// Checks the promise on `bytes` (named `what` in a failure).
void check(const std::string& what, std::string_view bytes, Tally& tally) {
  const Outcome o = judge(bytes);
  if (!o.invoice) return;
  ++tally.documents;
  tally.accepted += o.accepted ? 1 : 0;
  tally.proven += o.proven ? 1 : 0;
  if (o.proven && !o.accepted) {
    FAIL_CHECK("the fast path says valid, Xerces does not: " << what << "\n" << bytes);
  }
}

std::vector<fs::path> xml_files(const fs::path& dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".xml") files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string serialise(const pugi::xml_document& doc) {
  std::ostringstream out;
  doc.save(out, "", pugi::format_raw);
  return out.str();
}

// Every element of `doc`, in document order.
std::vector<pugi::xml_node> elements_of(pugi::xml_document& doc) {
  std::vector<pugi::xml_node> out;
  for (auto node : doc.select_nodes("//*"))
    out.push_back(node.node());
  return out;
}

// The values a leaf or an attribute is set to: each valid for some types
// and not for others.
const std::vector<std::string> kValues = {
    "",
    " ",
    "x",
    "-1",
    "0",
    "1.5",
    "1.555",
    "+1",
    ".5",
    "1e3",
    "2024-02-29",
    "2023-02-29",
    "2024-13-01",
    "2024-1-01",
    "24-01-01",
    "2024-01-01Z",
    "12:00:00",
    "true",
    "yes",
    "AAAA",
    "AA=",
    "http://",
    "a b",
    "EUR",
    "XXX",
    "380",
    "99999999999999999999999",
    std::string(300, 'a'),
    "\t x\t",
    "urn:a:b",
    "http://example.com/a b",
};

// Runs `mutate` on a fresh copy of `base` for each of its elements (a stride
// keeps the count down on large invoices) and checks the results.
void mutate_elements(const std::string& name, const std::string& base, Tally& tally,
                     const std::function<bool(pugi::xml_document&, pugi::xml_node)>& mutate,
                     const std::string& what) {
  pugi::xml_document probe;
  REQUIRE(probe.load_string(base.c_str()));
  const std::size_t count = elements_of(probe).size();
  for (std::size_t i = 1; i < count; ++i) {
    pugi::xml_document doc;
    doc.load_string(base.c_str());
    auto nodes = elements_of(doc);
    if (!mutate(doc, nodes[i])) continue;
    check(name + ": " + what + " of element " + std::to_string(i), serialise(doc), tally);
  }
}

// The tree mutations: drop, duplicate, swap, rename, give an unknown
// attribute, put text in, set each leaf and attribute to each value.
void mutate_tree(const std::string& name, const std::string& base, Tally& tally) {
  mutate_elements(
      name, base, tally, [](auto&, pugi::xml_node n) { return n.parent().remove_child(n); },
      "drop");
  mutate_elements(
      name, base, tally,
      [](auto&, pugi::xml_node n) { return !!n.parent().insert_copy_after(n, n); }, "duplicate");
  mutate_elements(
      name, base, tally,
      [](auto&, pugi::xml_node n) {
        auto next = n.next_sibling();
        return next && !!n.parent().insert_move_after(n, next);
      },
      "swap with next");
  mutate_elements(
      name, base, tally,
      [](auto&, pugi::xml_node n) { return n.set_name((std::string(n.name()) + "X").c_str()); },
      "rename");
  mutate_elements(
      name, base, tally, [](auto&, pugi::xml_node n) { return !!n.append_attribute("foo"); },
      "unknown attribute");
  mutate_elements(
      name, base, tally,
      [](auto&, pugi::xml_node n) {
        return !!n.prepend_child(pugi::node_pcdata).set_value("text");
      },
      "text before the children");
  for (const auto& value : kValues) {
    mutate_elements(
        name, base, tally,
        [&](auto&, pugi::xml_node n) {
          if (n.first_child() && n.first_child().type() == pugi::node_element) {
            return false;
          }
          return n.text().set(value.c_str());
        },
        "text '" + value + "'");
    mutate_elements(
        name, base, tally,
        [&](auto&, pugi::xml_node n) {
          auto a = n.first_attribute();
          while (a && std::string_view(a.name()).starts_with("xmlns")) {
            a = a.next_attribute();
          }
          return a && a.set_value(value.c_str());
        },
        "attribute '" + value + "'");
  }
}

// Byte-level mutations: what pugixml reads leniently and Xerces refuses.
void mutate_bytes(const std::string& name, const std::string& base, Tally& tally) {
  const auto root_end = base.find('>', base.find('<', base.find("?>") + 2));
  const auto first_close = base.find("</");
  const auto at_root = [&](const std::string& insert) {
    std::string s = base;
    s.insert(root_end, insert);
    return s;
  };
  const auto before_first_close = [&](const std::string& insert) {
    std::string s = base;
    s.insert(first_close, insert);
    return s;
  };
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"duplicate attribute", at_root(R"( a="1" a="2")")},
      {"duplicate expanded attribute",
       at_root(R"( xmlns:p="urn:x" xmlns:q="urn:x" p:a="1" q:a="2")")},
      {"undeclared prefix", at_root(" p:a=\"1\"")},
      {"xsi:type", at_root(" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                           "xsi:type=\"x\"")},
      {"xsi:nil", at_root(" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                          "xsi:nil=\"true\"")},
      {"control character", before_first_close("\x01")},
      {"character reference to a control", before_first_close("&#1;")},
      {"unknown entity", before_first_close("&foo;")},
      {"CDATA", before_first_close("<![CDATA[x]]>")},
      {"]]> in text", before_first_close("]]>")},
      {"processing instruction", before_first_close("<?pi x?>")},
      {"comment with --", before_first_close("<!-- a -- b -->")},
      {"encoding declaration",
       R"(<?xml version="1.0" encoding="ISO-8859-1"?>)" + base.substr(base.find("?>") + 2)},
      {"XML 1.1", "<?xml version=\"1.1\"?>" + base.substr(base.find("?>") + 2)},
      {"text after the root", base + "x"},
      {"second root", base + "<a/>"},
      {"no space between attributes", at_root(R"( a="1"b="2")")},
      {"extension content",
       at_root("><ext:UBLExtensions xmlns:ext=\"urn:oasis:names:specification:ubl:schema:xsd:"
               "CommonExtensionComponents-2\"><ext:UBLExtension><ext:ExtensionContent><x "
               "xmlns=\"urn:x\"/></ext:ExtensionContent></ext:UBLExtension></ext:UBLExtensions")},
  };
  for (const auto& [what, bytes] : cases)
    check(name + ": " + what, bytes, tally);
}

TEST_CASE("xsd fast path: never says valid where Xerces finds an error", "[xsd][fast]") {
  if (!have(real_schema_dir() / cprokit::xsd::kUblInvoiceXsd)) {
    SKIP_TEST("no EN 16931 schemas in " + real_schema_dir().string());
  }
  SECTION("the fixtures and the official examples") {
    Tally fixtures;
    for (const auto& file : xml_files(CPROKIT_FIXTURES_DIR))
      check(file.string(), read_file(file), fixtures);
    Tally examples;
    const fs::path shared = fs::path(CPROKIT_SHARED_DIR) / "en16931" / "examples";
    for (const auto& file : xml_files(shared))
      check(file.string(), read_file(file), examples);
    std::cout << "fast path: fixtures " << fixtures.proven << " of " << fixtures.accepted
              << " valid proven (" << fixtures.documents << " invoices); examples "
              << examples.proven << " of " << examples.accepted << " valid proven ("
              << examples.documents << " invoices)\n";
    // Typical invoices must take the fast path: it is there for them.
    CHECK(fixtures.proven * 10 >= fixtures.accepted * 8);
    if (examples.documents > 0) CHECK(examples.proven * 10 >= examples.accepted * 9);
  }
  SECTION("mutations of valid invoices") {
    Tally tally;
    int bases = 0;
    for (const auto* dir : {"invoices/ubl", "invoices/cii"}) {
      int taken = 0;
      for (const auto& file : xml_files(fs::path(CPROKIT_FIXTURES_DIR) / dir)) {
        const std::string base = read_file(file);
        const Outcome o = judge(base);
        if (!o.proven || !o.accepted) continue;
        mutate_tree(file.filename().string(), base, tally);
        mutate_bytes(file.filename().string(), base, tally);
        ++bases;
        if (++taken == 1) break;
      }
    }
    std::cout << "fast path: " << tally.documents << " mutants of " << bases << " invoices, "
              << tally.accepted << " valid, " << tally.proven << " proven\n";
    CHECK(bases == 2);
  }
}

}  // namespace
