// Output formats of `cprokit lint`. A report is written as the run goes: the
// documents arrive one at a time, in input order, and a writer keeps no more
// of them than its format needs, so a run of any size holds no result list.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rules/engine/rule.hpp"
#include "rules/finding.hpp"
#include "validators/data_digest.hpp"
#include "validators/pipeline.hpp"

namespace cprokit::cli::report {

// Whether a finding fails the run (exit code 1, a red JUnit testcase):
// fatal ones always, warnings too under --fail-on warning (fail_on ==
// Severity::Warning), infos never.
inline bool fails_run(const Finding& finding, Severity fail_on) {
  return finding.severity != Severity::Info && finding.severity <= fail_on;
}

struct Summary {
  std::size_t documents = 0, valid = 0, invalid = 0;
  std::size_t fatal = 0, warning = 0, info = 0;

  void add(const LintedDocument& doc);
};

// The reference data the run judged with; nullopt: not used.
struct References {
  std::optional<DataDigest> directory;  // --directory
  std::optional<DataDigest> codelists;  // the code lists of the BR-CL rules
  std::optional<DataDigest> xsd;        // the XSD set: folder_digest(folder, ".xsd")
};

// A report the run writes: its format, and its file (empty: standard output).
struct ReportOutput {
  std::string format;
  std::string path;
};

// What a report says about the run itself (the audit trail of the HTML
// report, the tool section of SARIF).
struct RunInfo {
  std::string version;           // cprokit's
  std::string profile;           // the rule set's name
  std::string started;           // ISO 8601, UTC
  std::string catalogue_digest;  // SHA-256 of `cprokit rules --format json`
  std::vector<std::pair<std::string, std::string>> options;  // as given, for the record
  References references;
  Lang lang = Lang::Fr;
  Severity fail_on = Severity::Fatal;  // --fail-on
  std::vector<const Rule*> rules;      // the rules the run applies, in registry order
  std::vector<ReportOutput> outputs;   // every report of the run (--format, -o)
};

// How much the HTML report holds (lint --html-detail): every document in
// full, or a summary (totals by rule and by party, the invalid documents with
// their findings, the valid ones by SHA-256) that stays small and opens fast
// whatever the number of documents. Auto: the summary past `threshold`
// documents.
enum class HtmlDetail { Auto, Full, Summary };

struct HtmlOptions {
  // A full report is about 3.4 KB a document: 1,000 make ~3.4 MB, that a
  // browser still opens in about a second and a reader can still scroll.
  static constexpr std::size_t kDefaultThreshold = 1000;

  HtmlDetail detail = HtmlDetail::Auto;
  std::size_t threshold = kDefaultThreshold;
};

class Writer {
 public:
  virtual ~Writer() = default;
  virtual void begin(const RunInfo& run) = 0;
  virtual void document(const LintedDocument& doc) = 0;  // in input order
  virtual void end(const Summary& summary) = 0;
};

// The formats `lint --format` takes, in the order --help lists them.
std::span<const std::string_view> format_names();
// Whether a report of `format` prints the run's References (the audit
// trail): the XSD set is hashed only for those.
bool records_references(std::string_view format);
// Whether a report of `format` prints the digest of the rule catalogue
// (RunInfo::catalogue_digest): writing and hashing the catalogue's JSON is
// most of a small run's own time, done only for those.
bool records_catalogue(std::string_view format);

// A writer of `format` (one of format_names()) to `out`. `color` matters to
// the human format only.
std::unique_ptr<Writer> make_writer(std::string_view format, std::ostream& out, bool color,
                                    const HtmlOptions& html = {});

std::unique_ptr<Writer> make_human_writer(std::ostream& out, bool color);
std::unique_ptr<Writer> make_json_writer(std::ostream& out);
std::unique_ptr<Writer> make_jsonl_writer(std::ostream& out);
std::unique_ptr<Writer> make_sarif_writer(std::ostream& out);
std::unique_ptr<Writer> make_junit_writer(std::ostream& out);
std::unique_ptr<Writer> make_svrl_writer(std::ostream& out);
std::unique_ptr<Writer> make_html_writer(std::ostream& out, const HtmlOptions& options = {});

}  // namespace cprokit::cli::report
