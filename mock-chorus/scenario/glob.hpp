// Glob matching for a scenario's invoiceNumber: `*` any run of characters,
// `?` exactly one, every other character itself. No regular expression
// engine and no backtracking: the cost is bounded by pattern length × text
// length whatever the pattern (a few thousand steps for an invoice number),
// so a hostile pattern ("*a*a*a*…b") cannot take seconds.
#pragma once

#include <string_view>

namespace cprokit::mock::scenario {

bool glob_matches(std::string_view pattern, std::string_view text);

}  // namespace cprokit::mock::scenario
