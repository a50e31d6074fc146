// The JSON object of one linted document as the JSON contract spells it
// (README, "JSON output"), and the way back: the one place that knows its
// fields. The reports (cli/report/) write it, the library's to_json() gives
// it, `cprokit merge` reads it back from jsonl shards.
#pragma once

#include <optional>
#include <stdexcept>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "rules/finding.hpp"
#include "rules/model/document_type.hpp"
#include "validators/pipeline.hpp"

namespace cprokit {

nlohmann::ordered_json document_json(const LintedDocument& doc, Lang lang);

// A document object of the contract read back; each message is the text of
// the language the report was written in, in both Message fields. Throws
// DocumentJsonError when a field is missing or of the wrong type or spelling.
LintedDocument document_from_json(const nlohmann::json& object);

class DocumentJsonError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The values name() spells, read back; nullopt for any other text.
std::optional<Severity> severity_named(std::string_view text);
std::optional<DocumentKind> kind_named(std::string_view text);
std::optional<Syntax> syntax_named(std::string_view text);

}  // namespace cprokit
