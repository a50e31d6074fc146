// The syntax-binding rules of the EN 16931 validation artefacts v1.3.16
// (UBL-CR/SR/DT, CII-SR/DT): which elements and attributes the UBL and CII
// syntaxes may carry in an EN 16931 invoice, and how often. Pure data in our
// own notation; validators/binding evaluates it on the XML while reading.
//
// Notation. A context says which elements a rule is about:
//   "/a/b"      the element b child of the root a;
//   "a/b"       any element b whose parent is a;
//   "a|b"       one step, either name;  "p1, p2"  either pattern;
//   "*Amount"   any element whose name ends with "Amount" ("ram:*ID": in ram).
// A target is a path below the context: steps "x/y", a last step "@attr" for
// an attribute, and a leading "//" for anywhere in the document.
// Names use the official prefixes (ubl cn cac cbc ext; rsm ram udt qdt),
// whatever prefixes the document itself binds.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "rules/engine/registry.hpp"
#include "rules/finding.hpp"

namespace cprokit::binding {

// A test the context pattern alone cannot say.
enum class Guard : std::uint8_t {
  None,
  ChargeFalse,        // cbc:ChargeIndicator is false
  ChargeTrue,         // cbc:ChargeIndicator is true
  NotPriceAmount,     // not *PriceAmount, nor under a cac:Price with a cac:AllowanceCharge
  NotTaxTotalAmount,  // not ram:TaxTotalAmount
  Format102,          // @format = '102'
};

// Every element is tested by the first context of its syntax that matches it
// (the official rules of one syntax sit in one schematron pattern): the order
// of the contexts is part of the semantics.
struct Context {
  std::string_view pattern;
  Guard guard = Guard::None;
  std::string_view label_fr;  // how a message names it; "" for the whole invoice
  std::string_view label_en;
};

enum class Kind : std::uint8_t {
  Absent,      // the target does not occur below the context
  AtMostOne,   // it occurs at most once
  AtMostTwo,   // at most twice
  ExactlyOne,  // exactly once
  Required,    // at least once
  Special,     // a test of its own, in validators/binding, named by the rule id
};

struct Entry {
  std::string_view id;
  Severity severity;
  Kind kind;
  std::uint8_t context;  // index into the syntax's contexts
  // What the rule reads; for Special, "//x" names elements the walk records.
  std::string_view target;
  std::string_view fr = {};  // Special only: the rule in both languages
  std::string_view en = {};
};

struct Table {
  std::string_view syntax;  // "UBL", "CII"
  std::span<const Context> contexts;
  std::span<const Entry> entries;
};

const Table& ubl_table();
const Table& cii_table();

// The rules an earlier context of the same pattern hides from every element:
// they are listed, like in the official artefacts, but can never fire.
bool is_shadowed(std::string_view id);

void register_rules(Registry& registry);

}  // namespace cprokit::binding
