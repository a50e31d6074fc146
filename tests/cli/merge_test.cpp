// cprokit merge: the reports of one run from the jsonl reports of its shards.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "tests/cli/cli_support.hpp"
#include "tests/skip.hpp"

namespace cprokit::test {
namespace {

namespace fs = std::filesystem;

const std::string kUbl = std::string(CPROKIT_FIXTURES_DIR) + "/invoices/ubl";
const std::string kCii = std::string(CPROKIT_FIXTURES_DIR) + "/invoices/cii";

// The lines of `text`, the last one (the summary) left out.
std::vector<std::string> document_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1)
    lines.push_back(text.substr(start, end - start));
  if (!lines.empty()) lines.pop_back();
  return lines;
}

// Two shards linted apart, in `dir`: the UBL fixtures, then the CII ones.
void lint_shards(const fs::path& dir, const std::vector<std::string>& second_options = {}) {
  const RunResult a = run({"lint", "-f", "jsonl", "-o", (dir / "a.jsonl").string(), kUbl});
  std::vector<std::string> args{"lint", "-f", "jsonl", "-o", (dir / "b.jsonl").string()};
  args.insert(args.end(), second_options.begin(), second_options.end());
  args.push_back(kCii);
  const RunResult b = run(args);
  REQUIRE(a.exited());
  REQUIRE(a.exit_code <= 1);
  REQUIRE(b.exited());
  REQUIRE(b.exit_code <= 1);
}

}  // namespace

TEST_CASE("merge: two shards merged make the reports of one lint of both", "[merge]") {
  const fs::path dir = fresh_dir("merge-same");
  lint_shards(dir);
  const RunResult whole = run({"lint", "-f", "json", "-o", (dir / "whole.json").string(), "-f",
                               "jsonl", "-o", (dir / "whole.jsonl").string(), kUbl, kCii});
  const RunResult merged = run({"merge",
                                "-f",
                                "json",
                                "-o",
                                (dir / "merged.json").string(),
                                "-f",
                                "jsonl",
                                "-o",
                                (dir / "merged.jsonl").string(),
                                "-f",
                                "sarif",
                                "-o",
                                (dir / "merged.sarif").string(),
                                "-f",
                                "html",
                                "-o",
                                (dir / "merged.html").string(),
                                "-f",
                                "junit",
                                "-o",
                                (dir / "merged.xml").string(),
                                (dir / "a.jsonl").string(),
                                (dir / "b.jsonl").string()});
  INFO(merged.err);
  REQUIRE(merged.exited());
  CHECK(merged.exit_code == whole.exit_code);
  // The JSON contract holds no time: the same bytes.
  CHECK(read_file(dir / "merged.json") == read_file(dir / "whole.json"));
  CHECK(document_lines(read_file(dir / "merged.jsonl")) ==
        document_lines(read_file(dir / "whole.jsonl")));
  const auto sarif = nlohmann::json::parse(read_file(dir / "merged.sarif"));
  const auto json = nlohmann::json::parse(read_file(dir / "merged.json"));
  CHECK(sarif["runs"][0]["artifacts"].size() == json["documents"].size());
  CHECK(contains(read_file(dir / "merged.html"), "</html>"));
  CHECK(contains(read_file(dir / "merged.xml"), "</testsuites>"));
}

TEST_CASE("merge: the exit code is lint's, --fail-on included", "[merge]") {
  const fs::path dir = fresh_dir("merge-exit");
  const std::string ok = (dir / "ok.xml").string();
  const std::string bad = (dir / "bad.xml").string();
  write_file(ok, ubl_invoice());
  write_file(bad, ubl_invoice("99.00"));
  auto lint = [&](const std::string& shard, const std::string& fail_on, const std::string& file) {
    return run({"lint", "-f", "jsonl", "-o", (dir / shard).string(), "--fail-on", fail_on, file})
        .exit_code;
  };
  auto merge = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"merge", "-f", "json", "-o", (dir / "m.json").string()});
    return run(args).exit_code;
  };
  REQUIRE(lint("ok.jsonl", "fatal", ok) == 0);
  const int ok_on_warning = lint("ok-w.jsonl", "warning", ok);  // 1 if it has a warning
  REQUIRE(lint("bad.jsonl", "fatal", bad) == 1);
  CHECK(merge({(dir / "ok.jsonl").string()}) == 0);
  CHECK(merge({(dir / "ok.jsonl").string(), (dir / "bad.jsonl").string()}) == 1);
  // The shards' level by default, --fail-on's when given.
  CHECK(merge({(dir / "ok-w.jsonl").string()}) == ok_on_warning);
  CHECK(merge({"--fail-on", "warning", (dir / "ok.jsonl").string()}) == ok_on_warning);
  CHECK(merge({"--fail-on", "fatal", (dir / "ok-w.jsonl").string()}) == 0);
}

TEST_CASE("merge: shards of different lints are refused, both named, unless --force", "[merge]") {
  const fs::path dir = fresh_dir("merge-mismatch");
  lint_shards(dir, {"--profile", "en16931"});
  const std::string a = (dir / "a.jsonl").string();
  const std::string b = (dir / "b.jsonl").string();
  const RunResult refused =
      run({"merge", "--lang", "en", "-f", "json", "-o", (dir / "m.json").string(), a, b});
  CHECK(refused.exit_code == 2);
  CHECK(contains(refused.err, a));
  CHECK(contains(refused.err, b));
  CHECK(contains(refused.err, "profile: all / en16931"));
  CHECK_FALSE(fs::exists(dir / "m.json"));
  const RunResult forced =
      run({"merge", "--force", "-f", "json", "-o", (dir / "m.json").string(), a, b});
  CHECK(forced.exited());
  CHECK(forced.exit_code <= 1);
  CHECK(fs::exists(dir / "m.json"));
}

TEST_CASE("merge: shards judged by different CII schemas are refused", "[merge]") {
  if (!have_shared_xsd()) SKIP_TEST("no XSD schemas in " + shared_xsd_dir().string());
  const fs::path dir = fresh_dir("merge-cii-schema");
  lint_shards(dir, {"--schemas", shared_xsd_dir().string(), "--cii-schema", "d22b"});
  const RunResult refused =
      run({"merge", "--lang", "en", "-f", "json", "-o", (dir / "m.json").string(),
           (dir / "a.jsonl").string(), (dir / "b.jsonl").string()});
  CHECK(refused.exit_code == 2);
  CHECK(contains(refused.err, "cii-schema: null / d22b"));
}

TEST_CASE("merge: a damaged or unfinished shard is named with its line, exit 5", "[merge]") {
  const fs::path dir = fresh_dir("merge-damaged");
  lint_shards(dir);
  std::string text = read_file(dir / "a.jsonl");
  const std::size_t second = text.find('\n') + 1;
  text.insert(second + 10, "\"");  // inside the second line
  write_file(dir / "damaged.jsonl", text);
  const RunResult damaged =
      run({"merge", "--lang", "en", (dir / "damaged.jsonl").string(), (dir / "b.jsonl").string()});
  CHECK(damaged.exit_code == 5);
  CHECK(contains(damaged.err, (dir / "damaged.jsonl").string() + ", line 2: not JSON"));

  const std::string whole = read_file(dir / "b.jsonl");
  const std::size_t last = whole.rfind('\n', whole.size() - 2) + 1;
  write_file(dir / "unfinished.jsonl", whole.substr(0, last));
  const RunResult unfinished = run({"merge", "--lang", "en", (dir / "unfinished.jsonl").string()});
  CHECK(unfinished.exit_code == 5);
  CHECK(contains(unfinished.err, "no summary line"));
}

}  // namespace cprokit::test
