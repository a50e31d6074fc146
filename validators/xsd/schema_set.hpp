// XSD validation with Xerces-C against the UBL 2.1 and CII D16B schemas, and
// the CII schemas a document's guideline calls for (grammar_groups.hpp).
//
// The grammars are compiled from one folder when a first document needs them
// (UBL, CII, a Factur-X profile…), then shared; validation never resolves
// anything outside that folder and never reaches the network.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "rules/model/document_type.hpp"
#include "validators/data_lookup.hpp"
#include "validators/xsd/grammar_groups.hpp"

namespace cprokit::xsd {

// The entry points, relative to the schema folder (the layout of the EN 16931
// material: UBL 2.1 "maindoc"/"common" and the CII D16B SCRDM subset).
inline constexpr std::string_view kUblInvoiceXsd = "ubl-2.1/maindoc/UBL-Invoice-2.1.xsd";
inline constexpr std::string_view kUblCreditNoteXsd = "ubl-2.1/maindoc/UBL-CreditNote-2.1.xsd";
inline constexpr std::string_view kCiiXsd =
    "cii-d16b-scrdm-subset/uncoupled/CII/uncefact/data/standard/CrossIndustryInvoice_100pD16B.xsd";
// Optional (see GrammarGroup::optional): the Factur-X 1.09 profiles' schemas,
// from the Factur-X package of FNFE-MPE and FeRD, and the reform's CII D22B.
inline constexpr std::string_view kFacturXMinimumXsd = "facturx-1.09/minimum/Factur-X_MINIMUM.xsd";
inline constexpr std::string_view kFacturXBasicWlXsd = "facturx-1.09/basicwl/Factur-X_BASICWL.xsd";
inline constexpr std::string_view kFacturXBasicXsd = "facturx-1.09/basic/Factur-X_BASIC.xsd";
inline constexpr std::string_view kFacturXExtendedXsd =
    "facturx-1.09/extended/Factur-X_EXTENDED.xsd";
inline constexpr std::string_view kCiiD22bXsd =
    "cii-d22b-uncoupled/CrossIndustryInvoice_100pD22B.xsd";

struct XsdError {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::string message;  // Xerces' own text (English)
};

// A schema folder that cannot be used: missing entry point, unreadable or
// invalid schema. what() names the file. Thrown by load() for a missing
// entry point, by validate() for a grammar that does not compile.
class SchemaError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class SchemaSet {
 public:
  // The schema set of `dir`, whose UBL and CII D16B entry points must exist
  // (else SchemaError); the optional groups' may be missing (has()). A
  // grammar is compiled when a document first needs it.
  static std::unique_ptr<SchemaSet> load(const std::filesystem::path& dir);
  virtual ~SchemaSet() = default;

  // Validates one document of the given kind and syntax (Ubl + Invoice or
  // CreditNote, Cii + Invoice or CreditNote) with Xerces, against the
  // grammar of `group` (an index in kGroups: group_of(syntax), or for a CII
  // group_for()'s choice). The bytes are well-formed XML without DOCTYPE (the
  // safe loader has checked). Thread-safe. Throws SchemaError, every time,
  // when the grammar it needs does not compile or is not in the folder.
  virtual std::vector<XsdError> validate(std::string_view bytes, DocumentKind kind, Syntax syntax,
                                         std::size_t group) const = 0;

  // Whether the fast path (fast_validator.hpp) proves the document valid
  // against the grammar of `group` without Xerces, given also the tree
  // xml::load made of the bytes: then validate() finds no error.
  // Thread-safe; false when it cannot tell.
  virtual bool proven_valid(std::string_view bytes, const pugi::xml_document& parsed,
                            DocumentKind kind, Syntax syntax, std::size_t group) const = 0;

  // validate(), skipped for a document the fast path proves valid: Xerces
  // then neither parses it again nor, in a run of such documents, loads its
  // grammar at all.
  std::vector<XsdError> validate(std::string_view bytes, const pugi::xml_document& parsed,
                                 DocumentKind kind, Syntax syntax, std::size_t group) const {
    if (proven_valid(bytes, parsed, kind, syntax, group)) return {};
    return validate(bytes, kind, syntax, group);
  }

  // The same against the grammar of the syntax (UBL 2.1, CII D16B).
  std::vector<XsdError> validate(std::string_view bytes, DocumentKind kind, Syntax syntax) const {
    return validate(bytes, kind, syntax, group_of(syntax));
  }
  bool proven_valid(std::string_view bytes, const pugi::xml_document& parsed, DocumentKind kind,
                    Syntax syntax) const {
    return proven_valid(bytes, parsed, kind, syntax, group_of(syntax));
  }
  std::vector<XsdError> validate(std::string_view bytes, const pugi::xml_document& parsed,
                                 DocumentKind kind, Syntax syntax) const {
    return validate(bytes, parsed, kind, syntax, group_of(syntax));
  }

  const std::filesystem::path& folder() const { return folder_; }

  // Whether the folder holds the entry points of `group` (always true for
  // UBL and CII D16B, which load() requires).
  bool has(std::size_t group) const { return present_.at(group); }

 protected:
  SchemaSet(std::filesystem::path folder, std::array<bool, kGroupCount> present)
      : folder_(std::move(folder)), present_(present) {}

 private:
  std::filesystem::path folder_;
  std::array<bool, kGroupCount> present_;
};

// Where the schemas are looked for, in order: the --schemas option, the
// CPROKIT_SCHEMAS environment variable, the installed data folder, the
// build-time default. A candidate counts when its UBL Invoice entry point exists.
using SchemaLookup = DataLookup;

SchemaLookup find_schemas(const std::optional<std::filesystem::path>& option_dir);

}  // namespace cprokit::xsd
