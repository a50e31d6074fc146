// A test case that cannot run here says so and is reported *skipped* by
// ctest, never passed: its data is absent (the EN 16931 schemas or examples
// of ../shared, on a clone without them), or the machine cannot show what it
// checks (root reads every folder).
//
// SKIP_TEST(reason) prints the reason and leaves the test case. The test
// main (catch_main.cpp) exits with kSkipExitCode when every test case it
// ran was skipped and none failed, which ctest reads as "skipped"
// (SKIP_RETURN_CODE, tests/CMakeLists.txt): ctest runs one test case per
// process. A run of several test cases exits as usual, the skips printed.
#pragma once

#include <catch2/catch.hpp>

namespace cprokit::testing {

inline constexpr int kSkipExitCode = 77;

// Marks the running test case skipped (SKIP_TEST says why).
void mark_skipped();

}  // namespace cprokit::testing

#define SKIP_TEST(reason)               \
  do {                                  \
    WARN("skipped: " << (reason));      \
    ::cprokit::testing::mark_skipped(); \
    return;                             \
  } while (false)
