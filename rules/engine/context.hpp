// What a rule may know besides the invoice: the run's options.
// (The Chorus Pro structure directory joins here with its own issue.)
#pragma once

namespace cprokit {

// How sums of amounts are computed where the official artefacts and exact
// arithmetic disagree (rules/en16931 says which rules are concerned).
enum class Arithmetic {
  Reference,  // as the official EN 16931 validation artefacts compute: same verdicts
  Exact,      // exact decimal everywhere
};

struct Context {
  Arithmetic arithmetic = Arithmetic::Reference;
};

}  // namespace cprokit
