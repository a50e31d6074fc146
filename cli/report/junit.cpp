#include <algorithm>
#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/core.h>

#include "cli/report/labels.hpp"
#include "cli/report/report.hpp"
#include "cli/report/spool.hpp"
#include "validators/xml/escape.hpp"

namespace cprokit::cli::report {
namespace {

// One testcase: a rule that fired on the document, and all it found there.
struct Case {
  std::string_view rule;
  std::vector<const Finding*> findings;

  bool fails(Severity fail_on) const {
    return std::any_of(findings.begin(), findings.end(),
                       [&](const Finding* f) { return fails_run(*f, fail_on); });
  }
};

// The rules that fired on a document, in the order they first fired. A
// document has few: the lookup is a scan.
std::vector<Case> cases_of(const LintedDocument& doc) {
  std::vector<Case> cases;
  for (const Finding& f : doc.findings) {
    auto it =
        std::find_if(cases.begin(), cases.end(), [&](const Case& c) { return c.rule == f.rule; });
    if (it == cases.end()) it = cases.insert(cases.end(), {f.rule, {}});
    it->findings.push_back(&f);
  }
  return cases;
}

// JUnit times are decimal seconds.
std::string seconds(std::chrono::nanoseconds time) {
  return fmt::format("{:.6f}", std::chrono::duration<double>(time).count());
}

struct Counts {
  std::size_t tests = 0, failures = 0;
  std::chrono::nanoseconds time{};

  std::string attributes() const {
    return fmt::format(R"(tests="{}" failures="{}" errors="0" skipped="0" time="{}")", tests,
                       failures, seconds(time));
  }
};

// The findings of a case that fail the run (--fail-on) make its <failure>,
// one line each, typed by the worst of them; the others are its
// <system-out>, one line each. `time` is the case's share of its document's.
std::string testcase(const Case& c, const std::string& path, std::chrono::nanoseconds time,
                     const RunInfo& run) {
  std::string out = fmt::format(R"(    <testcase classname="{}" name="{}" file="{}" time="{}")",
                                xml::xml_escape(family_of(c.rule)), xml::xml_escape(c.rule),
                                xml::xml_escape(path), seconds(time));
  std::vector<const Finding*> failing;
  std::string failure_text;
  std::string notes;
  for (const Finding* f : c.findings) {
    if (fails_run(*f, run.fail_on)) {
      failing.push_back(f);
      failure_text += finding_text(*f, run.lang) + '\n';
    } else {
      notes += finding_text(*f, run.lang) + '\n';
    }
  }
  out += ">\n";
  if (!failing.empty()) {
    const Finding* worst = *std::min_element(
        failing.begin(), failing.end(),
        [](const Finding* a, const Finding* b) { return a->severity < b->severity; });
    std::string message = failing.front()->message.in(run.lang);
    if (failing.size() > 1) message += fmt::format(" (+{})", failing.size() - 1);
    out +=
        fmt::format("      <failure message=\"{}\" type=\"{}\">{}</failure>\n",
                    xml::xml_escape(message), name(worst->severity), xml::xml_escape(failure_text));
  }
  if (!notes.empty())
    out += fmt::format("      <system-out>{}</system-out>\n", xml::xml_escape(notes));
  return out + "    </testcase>\n";
}

// JUnit XML as linters write it for GitLab, Jenkins and GitHub's reporters:
// a testsuite per document (named by its path), a testcase per rule that
// fired on it (classname: the rule's family) holding all its findings there,
// red when one of them fails the run as --fail-on says (so a reader's red
// and green are cprokit's exit code), and one passing testcase for a
// document without finding. A run applies hundreds of rules to a document:
// listing those that did not fire made reports too large for CI servers.
// The totals of <testsuites> are known at the end: the suites wait in a spool.
class JunitWriter final : public Writer {
 public:
  explicit JunitWriter(std::ostream& out) : out_(out) {}

  void begin(const RunInfo& run) override { run_ = run; }

  void document(const LintedDocument& doc) override {
    const std::vector<Case> cases = cases_of(doc);
    Counts counts{std::max<std::size_t>(cases.size(), 1), 0, doc.lint_time};
    // The rules ran together: each case gets an equal share of the
    // document's time, so that the cases add up to the suite.
    const std::chrono::nanoseconds share = doc.lint_time / counts.tests;
    std::string body;
    for (const Case& c : cases) {
      body += testcase(c, doc.path, share, run_);
      if (c.fails(run_.fail_on)) ++counts.failures;
    }
    if (cases.empty()) {
      body +=
          fmt::format("    <testcase classname=\"cprokit\" name=\"{}\" file=\"{}\" time=\"{}\"/>\n",
                      run_.lang == Lang::Fr ? "aucun constat" : "no finding",
                      xml::xml_escape(doc.path), seconds(share));
    }
    total_.tests += counts.tests;
    total_.failures += counts.failures;
    total_.time += counts.time;
    spool_.write(fmt::format(
        "  <testsuite name=\"{}\" {}>\n    <properties>\n"
        "      <property name=\"kind\" value=\"{}\"/>\n"
        "      <property name=\"syntax\" value=\"{}\"/>\n"
        "      <property name=\"sha256\" value=\"{}\"/>\n"
        "      <property name=\"verdict\" value=\"{}\"/>\n    </properties>\n{}  </testsuite>\n",
        xml::xml_escape(doc.path), counts.attributes(), name(doc.kind), name(doc.syntax),
        doc.sha256, doc.valid() ? "valid" : "invalid", body));
  }

  void end(const Summary& /*summary*/) override {
    out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         << fmt::format("<testsuites name=\"cprokit lint\" {}>\n", total_.attributes());
    spool_.copy_to(out_);
    out_ << "</testsuites>\n";
  }

 private:
  std::ostream& out_;
  RunInfo run_;
  Spool spool_;
  Counts total_;
};

}  // namespace

std::unique_ptr<Writer> make_junit_writer(std::ostream& out) {
  return std::make_unique<JunitWriter>(out);
}

}  // namespace cprokit::cli::report
