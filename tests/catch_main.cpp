// The Catch2 main of every test binary, which also reports skipped test
// cases to ctest (tests/skip.hpp).
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "tests/skip.hpp"

namespace {

int cases_run = 0;
int cases_skipped = 0;
bool current_skipped = false;

class SkipCounter final : public Catch::TestEventListenerBase {
 public:
  using TestEventListenerBase::TestEventListenerBase;

  void testCaseStarting(const Catch::TestCaseInfo& info) override {
    TestEventListenerBase::testCaseStarting(info);
    current_skipped = false;
  }
  void testCaseEnded(const Catch::TestCaseStats& stats) override {
    TestEventListenerBase::testCaseEnded(stats);
    ++cases_run;
    if (current_skipped) ++cases_skipped;
  }
};

}  // namespace

CATCH_REGISTER_LISTENER(SkipCounter)

namespace cprokit::testing {

void mark_skipped() {
  current_skipped = true;
}

}  // namespace cprokit::testing

int main(int argc, char* argv[]) {
  Catch::Session session;
  if (const int rc = session.applyCommandLine(argc, argv); rc != 0) return rc;
  const int failures = session.run();  // Catch's count of failed assertions, at most 255
  if (failures != 0) return failures == cprokit::testing::kSkipExitCode ? 1 : failures;
  const bool all_skipped = cases_run > 0 && cases_skipped == cases_run;
  return all_skipped ? cprokit::testing::kSkipExitCode : 0;
}
