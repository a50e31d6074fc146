// The HTML report's summary form (lint --html-detail): what an auditor reads
// of a large run in a file that stays small and opens fast — findings by
// rule, documents by supplier and by buyer, the invalid documents with their
// findings (capped), the valid ones as `sha256  name` lines grouped by
// folder, and where the full detail is. It keeps counters by rule and by
// party; the lists wait in spools, as the full report's sections do.
#pragma once

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <unordered_map>

#include "cli/report/report.hpp"
#include "cli/report/rule_lookup.hpp"
#include "cli/report/spool.hpp"
#include "validators/parties.hpp"

namespace cprokit::cli::report {

class HtmlSummary {
 public:
  static constexpr std::size_t kFindingsShown = 20;  // per invalid document
  static constexpr std::size_t kMessageShown = 100;  // characters of a finding's message
  static constexpr std::size_t kPartiesShown = 50;   // per table of parties
  // Lines of one block of valid documents: a folder of 100,000 is laid out
  // block by block as it scrolls into sight.
  static constexpr std::size_t kValidLinesPerBlock = 1000;

  // `run` and `rules` outlive the summary.
  HtmlSummary(const RunInfo& run, const RuleLookup& rules) : run_(run), rules_(rules) {}

  void add(const LintedDocument& doc);
  // The sections that follow the run's totals; `forced`: --html-detail
  // summary rather than the threshold.
  void write(std::ostream& out, bool forced, std::size_t threshold);

  struct Tally {
    std::size_t documents = 0, invalid = 0, findings = 0;
  };
  struct RuleTally {
    Severity severity = Severity::Fatal;
    std::string message;  // the first one seen, for a rule the run does not list
    std::size_t documents = 0, findings = 0;
  };
  struct PartyTally {
    PartyKey party;
    Tally tally;
  };

 private:
  using Parties = std::unordered_map<std::string, PartyTally>;

  void add_invalid(const LintedDocument& doc);
  void add_valid(const LintedDocument& doc);
  void end_valid_block();
  void write_where_detail(std::ostream& out, bool forced, std::size_t threshold) const;
  void write_rules(std::ostream& out) const;
  void write_parties(std::ostream& out, const Parties& parties, const Tally& unread, bool sellers,
                     std::string_view id) const;
  void write_documents(std::ostream& out);

  const RunInfo& run_;
  const RuleLookup& rules_;
  std::unordered_map<std::string, RuleTally> by_rule_;  // at most one per rule
  Parties sellers_, buyers_;                            // one per distinct party
  Tally unread_;  // documents with no invoice read: no seller, no buyer
  std::size_t invalid_ = 0, valid_ = 0;
  Spool invalid_list_;
  Spool valid_list_;
  std::optional<std::string> valid_folder_;  // of the last valid line: a new one opens a block
  std::string valid_block_;                  // its lines, written out when it ends
  std::size_t valid_block_lines_ = 0;
};

}  // namespace cprokit::cli::report
