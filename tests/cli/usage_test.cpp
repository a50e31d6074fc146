// The cprokit binary's usage: the run() helper every test goes through
// (fork/execve), --version and --help, exit codes, usage errors of every
// subcommand in both languages, and the regressions found on its options.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "tests/cli/cli_support.hpp"

using cprokit::test::contains;
using cprokit::test::fresh_dir;
using cprokit::test::kUnset;
using cprokit::test::run;
using cprokit::test::run_program;
using cprokit::test::RunResult;
using cprokit::test::samples;
using cprokit::test::scratch_root;

// ===========================================================================
// The run() helper itself.

TEST_CASE("run helper: separate streams, stdin, environment changes, signals", "[run]") {
  SECTION("stdout and stderr are kept apart, stdin is fed, big data does not block") {
    std::string big(std::size_t{3} * 1024 * 1024, 'x');  // far more than a pipe buffer
    RunResult r = run_program("/bin/sh", {"-c", "cat; echo to-err >&2; exit 7"}, big);
    CHECK(r.exit_code == 7);
    CHECK(r.signal == 0);
    CHECK(r.out == big);
    CHECK(r.err == "to-err\n");
  }
  SECTION("variables are overridden, added and removed") {
    RunResult before = run_program("/usr/bin/env", {}, {}, {{"PATH", "/usr/bin:/bin"}});
    REQUIRE(before.exit_code == 0);
    CHECK(contains("\n" + before.out, "\nPATH=/usr/bin:/bin\n"));
    RunResult r =
        run_program("/usr/bin/env", {}, {}, {{"CPROKIT_TEST_VAR", "a=b"}, {"PATH", kUnset}});
    CHECK(contains("\n" + r.out, "\nCPROKIT_TEST_VAR=a=b\n"));
    CHECK_FALSE(contains("\n" + r.out, "\nPATH="));
  }
  SECTION("a child killed by a signal is reported as such") {
    RunResult r = run_program("/bin/sh", {"-c", "kill -KILL $$"});
    CHECK(r.signal == 9);
    CHECK_FALSE(r.exited());
  }
  SECTION("a program that cannot be run throws") {
    CHECK_THROWS(run_program("/nonexistent/cprokit-nope", {}));
  }
  SECTION("a child that does not read its input does not hurt the parent") {
    RunResult r = run({"--version"}, std::string(std::size_t{1024} * 1024, 'y'));
    CHECK(r.exit_code == 0);
  }
}

// ===========================================================================
// Usage, exit codes.

TEST_CASE("version: cprokit --version prints the version", "[usage]") {
  RunResult r = run({"--version"});
  CHECK(r.exit_code == 0);
  CHECK(r.out == std::string("cprokit ") + CPROKIT_VERSION + "\n");
  CHECK(r.err.empty());
}

TEST_CASE("no arguments: usage on stderr, exit 2", "[usage]") {
  RunResult r = run({});
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(contains(r.err, "Usage: cprokit"));
}

TEST_CASE("help: cprokit --help prints the usage on stdout, exit 0", "[usage]") {
  RunResult r = run({"--help"});
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "Usage: cprokit"));
}

TEST_CASE("an unknown command: exit 2, named on stderr", "[usage]") {
  RunResult r = run({"frobnicate"});
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(contains(r.err, "frobnicate"));
}

TEST_CASE("lint --help and rules --help: exit 0 with examples", "[usage]") {
  for (std::string command : {"lint", "rules"}) {
    for (std::string flag : {"--help", "-h"}) {
      INFO(command << " " << flag);
      RunResult r = run({command, flag});
      CHECK(r.exit_code == 0);
      CHECK(contains(r.out, "Exemples / examples"));
      CHECK(r.err.empty());
    }
  }
}

TEST_CASE("lint usage errors: exit 2, message on stderr, nothing on stdout", "[usage]") {
  const std::string file = samples().valid.string();
  struct Case {
    std::vector<std::string> args;
    std::string in_message;
  };
  const std::vector<Case> cases = {
      {{"lint", "--bogus-option", file}, "--bogus-option"},
      {{"lint"}, "lint"},
      {{"lint", "--format", "json"}, "lint"},
      {{"lint", "--format", "xml", file}, "xml"},
      {{"lint", "--lang", "de", file}, "de"},
      {{"lint", "--profile", "nope", file}, "nope"},
      {{"lint", "--color", "sometimes", file}, "--color"},
      {{"lint", "--max-bytes", "lots", file}, "max-bytes"},
      {{"lint", "--schemas", "/nonexistent-cprokit-schemas", file}, "/nonexistent-cprokit-schemas"},
      {{"lint", "--fail-on", "info", file}, "--fail-on"},
      {{"lint", "--jobs", "0", file}, "--jobs"},
      {{"lint", "--jobs", "many", file}, "--jobs"},
      {{"lint", "--progress", "sometimes", file}, "--progress"},
      {{"lint", "--cii-schema", "d99a", file}, "--cii-schema"},
      {{"lint", "-f", "json", "-o", "a.json", "-o", "b.json", file}, "-o"},
      {{"lint", "-f", "json", "-f", "human", file}, "sortie standard"},
      {{"lint", "-f", "json", "-o", "/nonexistent-cprokit-dir/r.json", file},
       "/nonexistent-cprokit-dir/r.json"},
  };
  for (const auto& c : cases) {
    std::string shown;
    for (const auto& a : c.args)
      shown += a + " ";
    INFO("cprokit " << shown);
    RunResult r = run(c.args);
    INFO("stdout:\n" << r.out << "\nstderr:\n" << r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(contains(r.err, c.in_message));
  }
}

TEST_CASE("usage errors in French by default, in English with --lang en, every subcommand",
          "[usage]") {
  const std::string file = samples().valid.string();
  const std::string missing = (scratch_root() / "absent.json").string();
  const std::string data = fresh_dir("usage-mock-data").string();
  struct Case {
    std::vector<std::string> args;  // the subcommand first; --lang goes right after it
    std::string fr;
    std::string en;
  };
  const std::vector<Case> cases = {
      {{"lint", "--bogus", file}, "option inconnue : --bogus", "unknown option: --bogus"},
      {{"lint", file, "--format"}, "--format attend une valeur", "--format needs a value"},
      {{"lint", "--no-xsd=yes", file},
       "--no-xsd ne prend pas de valeur",
       "--no-xsd takes no value"},
      {{"lint", "--jobs", "0", file},
       "--jobs : « 0 » n'est pas un nombre de fils",
       "--jobs: \"0\" is not a thread count"},
      {{"lint", "--directory", missing, file},
       "--directory " + missing + " : introuvable",
       "--directory " + missing + ": not found"},
      {{"lint", "--with", missing, file},
       "--with " + missing + " : introuvable",
       "--with " + missing + ": not found"},
      {{"lint", "--codelists", missing, file},
       "--codelists " + missing + " : introuvable",
       "--codelists " + missing + ": not found"},
      {{"lint", "-f", "json", "-o", "/nonexistent-cprokit-dir/r.json", file},
       "-o /nonexistent-cprokit-dir/r.json : introuvable",
       "-o /nonexistent-cprokit-dir/r.json: not found"},
      {{"rules", "--bogus"}, "option inconnue : --bogus", "unknown option: --bogus"},
      {{"rules", "NO-SUCH-RULE"},
       "règle inconnue « NO-SUCH-RULE »",
       "unknown rule \"NO-SUCH-RULE\""},
      {{"id", "--format"}, "--format attend une valeur", "--format needs a value"},
      {{"mock", "--bogus"}, "option inconnue : --bogus", "unknown option: --bogus"},
      {{"mock", "--data", data, "--port", "many"},
       "--port : valeur incorrecte",
       "--port: invalid value"},
      {{"mock", "--data", data, "--directory", missing},
       "--directory " + missing + " : introuvable",
       "--directory " + missing + ": not found"},
  };
  for (const auto& c : cases) {
    std::string shown;
    for (const auto& a : c.args)
      shown += a + " ";
    INFO("cprokit " << shown);
    RunResult fr = run(c.args);
    INFO("stderr:\n" << fr.err);
    CHECK(fr.exit_code == 2);
    CHECK(contains(fr.err, "cprokit " + c.args[0] + ": " + c.fr + ""));
    CHECK_FALSE(contains(fr.err, c.en));
    for (const std::vector<std::string>& lang :
         {std::vector<std::string>{"--lang", "en"}, {"--lang=en"}, {"-len"}}) {
      std::vector<std::string> args = c.args;
      args.insert(args.begin() + 1, lang.begin(), lang.end());
      RunResult en = run(args);
      INFO("--lang en: stderr:\n" << en.err);
      CHECK(en.exit_code == 2);
      CHECK(contains(en.err, "cprokit " + c.args[0] + ": " + c.en));
    }
  }
}

// ===========================================================================
// Regressions of bugs found by these tests.

TEST_CASE("lint --max-bytes rejects a negative size", "[usage]") {
  // boost::program_options would read "-1" into std::size_t as SIZE_MAX.
  const std::string file = samples().valid.string();
  for (const char* value : {"-1", "-1000"}) {
    INFO("--max-bytes=" << value);
    RunResult r = run({"lint", std::string("--max-bytes=") + value, file});
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "max-bytes"));
  }
}

TEST_CASE("lint accepts standard input only once", "[usage]") {
  RunResult r = run({"lint", "-", "-"}, "<x/>");
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "entrée standard"));
  RunResult en = run({"lint", "--lang", "en", "-", "-"}, "<x/>");
  CHECK(en.exit_code == 2);
  CHECK(contains(en.err, "standard input"));
}
