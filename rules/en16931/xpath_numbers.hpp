// Arithmetic as the official tests evaluate it. XPath round() takes halves
// toward +infinity (round(-0.125 * 100) is -12); a test that casts with
// xs:decimal() computes in exact decimals, one that sums or compares untyped
// values computes in binary doubles (rules.md, "Engine semantics").
#pragma once

#include <cmath>

#include "rules/model/decimal.hpp"

namespace cprokit::en16931 {

// round(x * 10 * 10) div 100 on decimals.
inline Decimal round2(const Decimal& d) {
  return d.round_half_up(2);
}

// XPath round() on a double: the nearest integer, halves toward +infinity.
inline double xpath_round(double x) {
  double floor = std::floor(x);
  return x - floor >= 0.5 ? floor + 1 : floor;
}

// round(x * 10 * 10) div 100 on doubles, step by step as XPath does it:
// x * 10 * 10 is not always x * 100 in binary.
inline double round2(double x) {
  return xpath_round(x * 10 * 10) / 100;
}

}  // namespace cprokit::en16931
