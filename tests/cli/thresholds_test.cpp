// The limits of the command line, at their edge: one case exactly at the
// limit, accepted, and one just past it, refused, so that a limit moved by
// one, or a <= turned into <, fails a test (the rules' limits are pinned in
// tests/unit/thresholds_test.cpp, the mock's in tests/mock/thresholds_test.cpp).
#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/cli/cli_support.hpp"

namespace fs = std::filesystem;
using cprokit::test::contains;
using cprokit::test::fresh_dir;
using cprokit::test::read_file;
using cprokit::test::run;
using cprokit::test::RunResult;
using cprokit::test::write_file;

namespace {

constexpr std::size_t kMiB = std::size_t{1024} * 1024;

// The rule ids of the only document of a `lint --format json` run.
std::vector<std::string> rules_of(const RunResult& r) {
  INFO(r.err);
  REQUIRE(r.exited());
  const auto report = nlohmann::json::parse(r.out);
  REQUIRE(report.at("documents").size() == 1);
  std::vector<std::string> rules;
  for (const auto& f : report.at("documents")[0].at("findings"))
    rules.push_back(f.at("rule"));
  return rules;
}

bool has(const std::vector<std::string>& rules, const std::string& rule) {
  return std::find(rules.begin(), rules.end(), rule) != rules.end();
}

}  // namespace

TEST_CASE("thresholds: lint reads a file of 20 MB by default, not one byte more",
          "[thresholds][hostile]") {
  // The Chorus Pro invoice, made exactly `size` bytes long by a comment.
  const std::string invoice =
      read_file(fs::path(CPROKIT_FIXTURES_DIR) / "invoices/chorus/invoice-chorus-ok.xml");
  const fs::path file = fresh_dir("thresholds-max-bytes") / "large.xml";
  const auto lint_of_size = [&](std::size_t size) {
    std::string bytes = invoice;
    bytes.insert(bytes.find("<Invoice"),
                 "<!--" + std::string(size - invoice.size() - 8, 'x') + "-->\n");
    REQUIRE(bytes.size() == size);
    write_file(file, bytes);
    return rules_of(run({"lint", "--format", "json", "--no-xsd", "--no-codelists", file.string()}));
  };
  const std::vector<std::string> at = lint_of_size(20 * kMiB);
  CHECK_FALSE(has(at, "XML-03"));
  CHECK(has(at, "CPRO-SIZE-01"));  // read and judged: over Chorus Pro's 10 MB
  CHECK(lint_of_size(20 * kMiB + 1) == std::vector<std::string>{"XML-03"});
}

TEST_CASE("thresholds: lint --jobs from 1 to 256, --max-bytes from 1", "[thresholds][usage]") {
  const std::string file = std::string(CPROKIT_FIXTURES_DIR) + "/invoices/ubl/invoice-valid.xml";
  for (const char* jobs : {"1", "256"}) {
    INFO("--jobs " << jobs);
    const RunResult r = run({"lint", "--no-xsd", "--no-codelists", "--jobs", jobs, file});
    CHECK(r.exit_code == 0);
  }
  const RunResult many = run({"lint", "--jobs", "257", file});
  CHECK(many.exit_code == 2);
  CHECK(contains(many.err, "--jobs"));

  const RunResult one_byte = run({"lint", "--format", "json", "--max-bytes", "1", file});
  CHECK(rules_of(one_byte) == std::vector<std::string>{"XML-03"});
  const RunResult none = run({"lint", "--max-bytes", "0", file});
  CHECK(none.exit_code == 2);
  CHECK(contains(none.err, "--max-bytes"));
}

TEST_CASE("thresholds: the mock's numeric options, each end of their range",
          "[thresholds][usage]") {
  // A value the range accepts gets as far as reading --directory, which
  // does not exist here: the mock never starts. One past it is refused
  // first, naming the option.
  const fs::path dir = fresh_dir("thresholds-mock-options");
  const std::string missing = (dir / "no-directory.json").string();
  struct Range {
    std::string option;
    std::string low, high, below, above;
  };
  const std::vector<Range> ranges = {
      {"--token-lifetime", "1", "86400", "0", "86401"},
      {"--flux-delay", "0", "3600000", "-1", "3600001"},
      {"--lifecycle-delay", "0", "3600000", "-1", "3600001"},
      {"--request-timeout", "1", "3600", "0", "3601"},
      {"--port", "0", "65535", "-1", "65536"},
  };
  for (const Range& range : ranges) {
    for (const std::string& value : {range.low, range.high}) {
      INFO(range.option << "=" << value);
      const RunResult r = run({"mock", "--data", (dir / "data").string(), "--directory", missing,
                               range.option + "=" + value});
      CHECK(r.exit_code == 2);
      CHECK(contains(r.err, missing));
      CHECK_FALSE(contains(r.err, range.option));
    }
    for (const std::string& value : {range.below, range.above}) {
      INFO(range.option << "=" << value);
      const RunResult r = run({"mock", "--data", (dir / "data").string(), "--directory", missing,
                               range.option + "=" + value});
      CHECK(r.exit_code == 2);
      CHECK(contains(r.err, range.option));
    }
  }
}
