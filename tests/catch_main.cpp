// The Catch2 main of every test binary, which also reports to ctest a run
// whose test cases were all skipped (tests/skip.hpp).
//
// It counts the skipped test cases itself rather than through a Catch
// listener: once any listener is registered, Catch 2 reports every passing
// assertion, copying each time every INFO message in scope. A test that keeps
// a program's whole output in an INFO then copies megabytes per assertion:
// "every fixture through the binary" took 373 s under ASan so.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "tests/skip.hpp"

namespace {

// The names of the test cases that called mark_skipped, each once.
std::set<std::string>& skipped_cases() {
  static std::set<std::string> names;
  return names;
}

}  // namespace

namespace cprokit::testing {

void mark_skipped() {
  skipped_cases().insert(Catch::getResultCapture().getCurrentTestName());
}

}  // namespace cprokit::testing

int main(int argc, char* argv[]) {
  Catch::Session session;
  if (const int rc = session.applyCommandLine(argc, argv); rc != 0) return rc;
  const int failures = session.run();  // Catch's count of failed assertions, at most 255
  if (failures != 0) return failures == cprokit::testing::kSkipExitCode ? 1 : failures;
  const Catch::Config& config = session.config();
  const std::size_t selected =
      Catch::filterTests(Catch::getAllTestCasesSorted(config), config.testSpec(), config).size();
  const bool all_skipped = selected > 0 && skipped_cases().size() == selected;
  return all_skipped ? cprokit::testing::kSkipExitCode : 0;
}
