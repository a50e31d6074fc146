// The JSON of a run's summary and of the tool that made it, as the JSON
// contract spells them (README, "JSON output"), beside the document's
// (validators/document_json.hpp): shared by the json and jsonl formats (and
// the references by SARIF).
#pragma once

#include <string>

#include <nlohmann/json_fwd.hpp>

#include "cli/report/report.hpp"
#include "validators/document_json.hpp"  // document_json()

namespace cprokit::cli::report {

nlohmann::ordered_json summary_json(const Summary& summary);
// {"name", "version", "references"}.
nlohmann::ordered_json tool_json(const RunInfo& run);
// {"directory", "codelists", "xsd"}: each {"path", "sha256"} ("files" too for
// the XSD set), or null when the run did not use it.
nlohmann::ordered_json references_json(const References& references);

// `value` on one line; invalid UTF-8 (a file name may hold any byte) is
// replaced rather than thrown.
std::string compact(const nlohmann::ordered_json& value);

}  // namespace cprokit::cli::report
