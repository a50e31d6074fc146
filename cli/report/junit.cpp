#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "cli/report/labels.hpp"
#include "cli/report/report.hpp"
#include "cli/report/spool.hpp"
#include "validators/xml/escape.hpp"

namespace cprokit::cli::report {
namespace {

// One testcase: a rule, and what it found in the document.
struct Case {
  std::string_view rule;
  bool unchecked = false;
  std::vector<const Finding*> findings;

  bool failed() const {
    return std::any_of(findings.begin(), findings.end(),
                       [](const Finding* f) { return f->severity == Severity::Fatal; });
  }
  bool skipped() const { return unchecked && findings.empty(); }
};

// Whether a rule can judge a document of that syntax: the syntax-binding
// rules are named after theirs (UBL-…, CII-…; a Factur-X PDF carries CII).
bool for_syntax(const Rule& rule, Syntax syntax) {
  if (rule.id.starts_with("UBL-")) return syntax == Syntax::Ubl;
  if (rule.id.starts_with("CII-")) return syntax == Syntax::Cii || syntax == Syntax::FacturX;
  return true;
}

// The testcases of a document: every rule the run applies to its kind and
// syntax, in registry order, then any rule that fired without being one of them.
std::vector<Case> cases_of(const LintedDocument& doc, const std::vector<const Rule*>& rules) {
  std::vector<Case> cases;
  std::unordered_map<std::string_view, std::size_t> by_rule;
  for (const Rule* rule : rules) {
    if (!rule->applies_to.contains(doc.kind) || !for_syntax(*rule, doc.syntax)) continue;
    by_rule.emplace(rule->id, cases.size());
    cases.push_back({rule->id, rule->unchecked, {}});
  }
  for (const Finding& f : doc.findings) {
    auto [it, added] = by_rule.emplace(f.rule, cases.size());
    if (added) cases.push_back({f.rule, false, {}});
    cases[it->second].findings.push_back(&f);
  }
  return cases;
}

struct Counts {
  std::size_t tests = 0, failures = 0, skipped = 0;

  void add(const Counts& other) {
    tests += other.tests;
    failures += other.failures;
    skipped += other.skipped;
  }
  std::string attributes() const {
    return fmt::format(R"(tests="{}" failures="{}" errors="0" skipped="{}")", tests, failures,
                       skipped);
  }
};

std::string testcase(const Case& c, Lang lang) {
  std::string out = fmt::format(R"(    <testcase classname="{}" name="{}")",
                                xml::xml_escape(family_of(c.rule)), xml::xml_escape(c.rule));
  if (c.findings.empty() && !c.skipped()) return out + "/>\n";
  out += ">\n";
  if (c.skipped()) {
    out += fmt::format(
        "      <skipped message=\"{}\"/>\n",
        xml::xml_escape(
            lang == Lang::Fr
                ? fmt::format("règle du catalogue que personne ne vérifie (cprokit rules {})",
                              c.rule)
                : fmt::format("catalogue rule checked by no one (cprokit rules {})", c.rule)));
  }
  std::string notes;  // the warnings and infos, one a line
  for (const Finding* f : c.findings) {
    if (f->severity == Severity::Fatal) {
      out += fmt::format("      <failure message=\"{}\" type=\"{}\">{}</failure>\n",
                         xml::xml_escape(f->message.in(lang)), name(f->severity),
                         xml::xml_escape(finding_text(*f, lang)));
    } else {
      notes += finding_text(*f, lang) + '\n';
    }
  }
  if (!notes.empty())
    out += fmt::format("      <system-out>{}</system-out>\n", xml::xml_escape(notes));
  return out + "    </testcase>\n";
}

// JUnit XML as GitLab, Jenkins and GitHub's reporters read it: a testsuite
// per document (named by its path), a testcase per rule applied to its kind
// (classname: the rule's family), a failure per fatal finding, warnings and
// infos in system-out, rules checked by no one skipped. The totals of
// <testsuites> are known at the end: the suites wait in a spool.
class JunitWriter final : public Writer {
 public:
  explicit JunitWriter(std::ostream& out) : out_(out) {}

  void begin(const RunInfo& run) override {
    lang_ = run.lang;
    rules_ = run.rules;
  }

  void document(const LintedDocument& doc) override {
    Counts counts;
    std::string cases;
    for (const Case& c : cases_of(doc, rules_)) {
      ++counts.tests;
      if (c.failed()) ++counts.failures;
      if (c.skipped()) ++counts.skipped;
      cases += testcase(c, lang_);
    }
    total_.add(counts);
    spool_.write(fmt::format(
        "  <testsuite name=\"{}\" {}>\n    <properties>\n"
        "      <property name=\"kind\" value=\"{}\"/>\n"
        "      <property name=\"syntax\" value=\"{}\"/>\n"
        "      <property name=\"sha256\" value=\"{}\"/>\n"
        "      <property name=\"verdict\" value=\"{}\"/>\n    </properties>\n{}  </testsuite>\n",
        xml::xml_escape(doc.path), counts.attributes(), name(doc.kind), name(doc.syntax),
        doc.sha256, verdict_label(doc.valid(), lang_), cases));
  }

  void end(const Summary& /*summary*/) override {
    out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         << fmt::format("<testsuites name=\"cprokit lint\" {}>\n", total_.attributes());
    spool_.copy_to(out_);
    out_ << "</testsuites>\n";
  }

 private:
  std::ostream& out_;
  Lang lang_ = Lang::Fr;
  std::vector<const Rule*> rules_;
  Spool spool_;
  Counts total_;
};

}  // namespace

std::unique_ptr<Writer> make_junit_writer(std::ostream& out) {
  return std::make_unique<JunitWriter>(out);
}

}  // namespace cprokit::cli::report
