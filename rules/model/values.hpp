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

// A yes/no value (JSON true/false).
struct Flag {
  bool value = false;
  SourceRef source;
};

}  // namespace cprokit
