// The part of a compiled XSD grammar that the fast path checks documents
// against (fast_validator.hpp): element declarations, their content models,
// attributes and simple types, for one grammar group (UBL, CII).
//
// Plain arrays of 32-bit fields and one string table, so that the model is
// written to the grammar cache and read back with a few copies and bounds
// checks (about a millisecond), instead of Xerces' deserialisation (~30 ms).
// Whatever the fast path does not check is kept as "unsupported" (index 0 of
// the element types and of the simple types): a document that reaches it is
// left to Xerces.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace cprokit::xsd::fast {

// A slice of FastGrammar::strings.
struct Text {
  std::uint32_t offset = 0;
  std::uint32_t size = 0;
};

// The XML Schema built-in type a simple type restricts, as far as the value
// checks (fast_values.hpp) know it.
enum class Builtin : std::uint32_t {
  Unsupported,
  String,
  NormalizedString,
  Token,
  NmToken,
  Language,
  Decimal,
  Integer,
  NonNegativeInteger,
  PositiveInteger,
  NonPositiveInteger,
  NegativeInteger,
  Long,
  Int,
  Short,
  Byte,
  UnsignedLong,
  UnsignedInt,
  UnsignedShort,
  UnsignedByte,
  Boolean,
  Date,
  Time,
  DateTime,
  Base64Binary,
  AnyUri,
};

enum class WhiteSpace : std::uint32_t { Preserve, Replace, Collapse };

enum class FacetKind : std::uint32_t {
  Length,
  MinLength,
  MaxLength,
  TotalDigits,
  FractionDigits,
  MinInclusive,
  MaxInclusive,
  MinExclusive,
  MaxExclusive,
  Enumeration,
};

// One facet of one restriction step; a value must satisfy every facet of
// every step between its type and the built-in one.
struct Facet {
  FacetKind kind = FacetKind::Length;
  std::uint32_t number = 0;             // lengths and digit counts
  Text value;                           // bounds, as written in the schema
  std::uint32_t first_enumeration = 0;  // in enumerations, for Enumeration
  std::uint32_t enumeration_count = 0;
};

struct SimpleType {
  Builtin builtin = Builtin::Unsupported;
  WhiteSpace white_space = WhiteSpace::Preserve;
  std::uint32_t first_facet = 0;
  std::uint32_t facet_count = 0;
};

enum class Content : std::uint32_t {
  Unsupported,
  Empty,     // no child element, no text
  Simple,    // text of `simple_type`, no child element
  Elements,  // a sequence of element particles, no text
  Choice,    // one of the element particles (repeated within its bounds), no text
};

// The type of an element: what it may hold and which attributes it takes.
struct ElementType {
  Content content = Content::Unsupported;
  std::uint32_t simple_type = 0;  // in simple_types, for Simple
  std::uint32_t first_particle = 0;
  std::uint32_t particle_count = 0;
  std::uint32_t first_attribute = 0;
  std::uint32_t attribute_count = 0;
};

struct Element {
  Text ns;  // empty: no namespace
  Text name;
  std::uint32_t type = 0;  // in types; 0 (unsupported) for what the fast path leaves to Xerces
};

// One element of a sequence or choice, whose element names are all
// different (so that taking each child by the first particle of its name, in
// order, decides it).
struct Particle {
  std::uint32_t element = 0;  // in elements
  std::uint32_t min_occurs = 0;
  std::uint32_t max_occurs = 0;  // kUnbounded for "unbounded"
};

inline constexpr std::uint32_t kUnbounded = 0xFFFFFFFFU;

struct Attribute {
  Text ns;
  Text name;
  std::uint32_t simple_type = 0;
  std::uint32_t required = 0;
};

struct FastGrammar {
  std::string strings;
  std::vector<Element> elements;
  std::vector<std::uint32_t> roots;  // global elements a document may start with
  std::vector<ElementType> types;    // [0]: unsupported
  std::vector<Particle> particles;
  std::vector<Attribute> attributes;
  std::vector<SimpleType> simple_types;  // [0]: unsupported
  std::vector<Facet> facets;
  std::vector<Text> enumerations;

  std::string_view text(Text t) const { return std::string_view(strings).substr(t.offset, t.size); }

  // The root declaration {ns}name, or null.
  const Element* root(std::string_view ns, std::string_view name) const;

  // The bytes kept in the grammar cache, and the model they hold (nullopt
  // when they are not a whole model of this format with every index in range).
  std::string to_bytes() const;
  static std::optional<FastGrammar> from_bytes(std::string_view bytes);
};

// Builds a model: interns strings, keeps slots 0 of types and simple types
// for "unsupported".
class FastGrammarBuilder {
 public:
  FastGrammarBuilder();
  Text intern(std::string_view s);
  FastGrammar& grammar() { return grammar_; }
  const FastGrammar& grammar() const { return grammar_; }
  FastGrammar take() { return std::move(grammar_); }

 private:
  FastGrammar grammar_;
  std::unordered_map<std::string, Text> interned_;
};

}  // namespace cprokit::xsd::fast
