// The values every document model is made of: text, identifiers, numbers
// and amounts, each with the place it came from.
#pragma once

#include <string>

#include "rules/model/decimal.hpp"
#include "rules/model/source.hpp"

namespace cprokit {

struct Text {
  std::string value;
  SourceRef source;
};

// An identifier with its optional scheme (BT-x-1 "scheme identifier").
struct Identifier {
  std::string value;
  std::string scheme;  // empty when absent
  SourceRef source;
  bool scheme_given = false;  // the scheme attribute is there, even empty
  // CII: a party's ram:GlobalID rather than its ram:ID (the reform puts a
  // SIRET, scheme 0009, in the first). UBL has no such distinction: false.
  bool global = false;
};

// A number and an amount keep their text as written besides their value:
// the reform's rules (BR-FR-DEC-*) judge how a value is written (digits,
// decimals, sign), which the value alone no longer says ("+1.50", "01.5").
struct Number {
  Decimal value;
  SourceRef source;
  std::string text;  // as written, white space included
};

// A monetary amount; `currency` is the currencyID attribute as written
// (empty when absent).
struct Amount {
  Decimal value;
  std::string currency;
  SourceRef source;
  std::string text;  // as written (see Number)
};

// An amount element whose text is no decimal ("1e2", " 1.0E2", "", "abc"):
// XML-07 reports it and the model has no Amount for it, so that no rule
// reads it as a value. A few of the reform's tests (BR-FR-CO-09, -MV-05,
// -MV-10) read such an element with XPath number(), to which "1e2" is 100,
// or test that it is there: they find it here, as written.
struct UnreadableAmount {
  std::string text;
  std::string currency;  // the currencyID attribute as written
  SourceRef source;
};

// A yes/no value (JSON true/false).
struct Flag {
  bool value = false;
  SourceRef source;
};

}  // namespace cprokit
