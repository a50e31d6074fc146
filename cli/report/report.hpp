// Output formats of `cprokit lint`.
#pragma once

#include <ostream>
#include <string_view>
#include <vector>

#include "rules/finding.hpp"
#include "validators/pipeline.hpp"

namespace cprokit::cli::report {

struct Summary {
  std::size_t documents = 0, valid = 0, invalid = 0;
  std::size_t fatal = 0, warning = 0, info = 0;
};

Summary summarize(const std::vector<LintedDocument>& documents);

// The JSON contract (see README "JSON output"); messages in `lang`.
void write_json(std::ostream& out, const std::vector<LintedDocument>& documents,
                std::string_view version, Lang lang);

// For people: findings grouped by file, colour only when asked.
void write_human(std::ostream& out, const std::vector<LintedDocument>& documents, Lang lang,
                 bool color);

}  // namespace cprokit::cli::report
