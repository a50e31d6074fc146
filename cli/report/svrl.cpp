#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/core.h>

#include "cli/report/labels.hpp"
#include "cli/report/report.hpp"
#include "validators/xml/escape.hpp"

namespace cprokit::cli::report {
namespace {

constexpr std::string_view kOurNamespace = "urn:cprokit:svrl-reports";

std::string_view flag(Severity severity) {
  switch (severity) {
    case Severity::Fatal:
      return "fatal";
    case Severity::Warning:
      return "warning";
    case Severity::Info:
      break;
  }
  return "information";
}

// The rule families that speak about a document: those of the rules applied
// to its kind, in registry order, then those of any other rule that fired.
std::vector<std::string_view> families_of(const LintedDocument& doc,
                                          const std::vector<const Rule*>& rules) {
  std::vector<std::string_view> families;
  auto add = [&](std::string_view id) {
    std::string_view family = family_of(id);
    if (std::find(families.begin(), families.end(), family) == families.end()) {
      families.push_back(family);
    }
  };
  for (const Rule* rule : rules) {
    if (rule->applies_to.contains(doc.kind)) add(rule->id);
  }
  for (const Finding& f : doc.findings)
    add(f.rule);
  return families;
}

// ISO Schematron's report language: a svrl:schematron-output per document,
// an active pattern per rule family, and a failed assert per finding (id: the
// rule, test: the rule too, since cprokit's checks are not XPath). SVRL has
// one document per report; the run's reports sit in one root of our own
// namespace, closed by a summary.
class SvrlWriter final : public Writer {
 public:
  explicit SvrlWriter(std::ostream& out) : out_(out) {}

  void begin(const RunInfo& run) override {
    lang_ = run.lang;
    rules_ = run.rules;
    out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         << fmt::format(
                "<cprokit:reports xmlns:cprokit=\"{}\" "
                "xmlns:svrl=\"http://purl.oclc.org/dsdl/svrl\" "
                "version=\"{}\" profile=\"{}\" lang=\"{}\">\n",
                kOurNamespace, xml::xml_escape(run.version), xml::xml_escape(run.profile),
                run.lang == Lang::Fr ? "fr" : "en");
  }

  void document(const LintedDocument& doc) override {
    std::string path = xml::xml_escape(doc.path);
    out_ << fmt::format("  <svrl:schematron-output title=\"{}\">\n", path);
    for (std::string_view family : families_of(doc, rules_)) {
      out_ << fmt::format(
          "    <svrl:active-pattern id=\"{}\" name=\"{}\" document=\"{}\"/>\n"
          "    <svrl:fired-rule context=\"/\"/>\n",
          xml::xml_escape(family), xml::xml_escape(family_title(family, lang_)), path);
      for (const Finding& f : doc.findings) {
        if (family_of(f.rule) != family) continue;
        std::string id = xml::xml_escape(f.rule);
        out_ << fmt::format(
            "    <svrl:failed-assert id=\"{}\" flag=\"{}\" location=\"{}\" test=\"{}\">\n"
            "      <svrl:text>{}</svrl:text>\n    </svrl:failed-assert>\n",
            id, flag(f.severity), xml::xml_escape(f.where.path.empty() ? "/" : f.where.path), id,
            xml::xml_escape(f.message.in(lang_)));
      }
    }
    out_ << "  </svrl:schematron-output>\n";
  }

  void end(const Summary& s) override {
    out_ << fmt::format(
        "  <cprokit:summary documents=\"{}\" valid=\"{}\" invalid=\"{}\" fatal=\"{}\" "
        "warning=\"{}\" info=\"{}\"/>\n</cprokit:reports>\n",
        s.documents, s.valid, s.invalid, s.fatal, s.warning, s.info);
  }

 private:
  std::ostream& out_;
  Lang lang_ = Lang::Fr;
  std::vector<const Rule*> rules_;
};

}  // namespace

std::unique_ptr<Writer> make_svrl_writer(std::ostream& out) {
  return std::make_unique<SvrlWriter>(out);
}

}  // namespace cprokit::cli::report
