// The JSON of one linted document and of a run's summary, as the JSON
// contract spells them (README, "JSON output"): shared by the json and
// jsonl formats.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "cli/report/report.hpp"

namespace cprokit::cli::report {

nlohmann::ordered_json document_json(const LintedDocument& doc, Lang lang);
nlohmann::ordered_json summary_json(const Summary& summary);

// `value` on one line; invalid UTF-8 (a file name may hold any byte) is
// replaced rather than thrown.
std::string compact(const nlohmann::ordered_json& value);

}  // namespace cprokit::cli::report
