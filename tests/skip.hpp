// Skipping a test case whose data is absent, so that ctest says "skipped"
// rather than "passed" for a test that checked nothing. Catch2 v2 has no
// skip: the test case calls skip() and returns, and skippable_main.cpp ends
// the run with exit code 77, which ctest reports as skipped (the test's
// SKIP_RETURN_CODE property). ctest runs each test case alone, so the code
// speaks for that one case.
#pragma once

#include <string_view>

namespace cprokit::testing {

// Says why on standard output and marks the run skipped.
void skip(std::string_view reason);

}  // namespace cprokit::testing
