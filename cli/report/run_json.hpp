// What a jsonl report records about its run beyond the JSON contract's tool
// and summary (the "run" member of its last line), and the way back: enough
// for `cprokit merge` to write every other format from jsonl shards.
#pragma once

#include <stdexcept>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "cli/report/report.hpp"
#include "rules/engine/engine.hpp"
#include "rules/engine/registry.hpp"

namespace cprokit::cli::report {

// {"profile", "lang", "fail_on", "started", "catalogue_digest", "options",
// "rules"}: the rules by id, in registry order.
nlohmann::ordered_json run_json(const RunInfo& run);

class RunJsonError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The RunInfo of a jsonl report's last line: `tool` (the contract's) and
// `run` (run_json()'s), the profile and rules looked up in `registry`. Throws
// RunJsonError naming the member that is missing or wrong.
RunInfo run_from_json(const nlohmann::json& tool, const nlohmann::json& run,
                      const Registry& registry);

// What the run-level rules took from a document (LintedDocument::run_notes),
// kept on its jsonl line so that a merge of shards checks them across all:
// [{"rule", "scope", "value", "location", "line"}].
nlohmann::ordered_json run_notes_json(const std::vector<RunNote>& notes);
// Throws RunJsonError, a rule that is not a run-level rule of `registry` too.
std::vector<RunNote> run_notes_from_json(const nlohmann::json& notes, const Registry& registry);

}  // namespace cprokit::cli::report
