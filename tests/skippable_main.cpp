// The Catch2 main of the test programs with test cases that skip (skip.hpp):
// a run that failed nothing but skipped something exits 77.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <iostream>

#include "tests/skip.hpp"

namespace cprokit::testing {
namespace {

bool g_skipped = false;

}  // namespace

void skip(std::string_view reason) {
  std::cout << "skipped: " << reason << std::endl;
  g_skipped = true;
}

}  // namespace cprokit::testing

int main(int argc, char* argv[]) {
  const int failed = Catch::Session().run(argc, argv);
  constexpr int kSkipped = 77;  // ctest's SKIP_RETURN_CODE for these tests
  return failed == 0 && cprokit::testing::g_skipped ? kSkipped : failed;
}
