// The rule catalogue for machines and for the docs: `cprokit rules --format
// json|markdown`. docs/rules.md is the markdown of every rule, and a test
// keeps it in step with the registry.
#pragma once

#include <ostream>
#include <span>
#include <string_view>

#include "rules/engine/rule.hpp"

namespace cprokit::cli::report {

// Every rule with its id, severity, the documents it applies to, its
// business terms, its source and its text in French and English.
void write_catalogue_json(std::ostream& out, std::span<const Rule* const> rules,
                          std::string_view version, std::string_view profile);

// The same as markdown tables, one section per id family (BR, CPRO, XML…).
void write_catalogue_markdown(std::ostream& out, std::span<const Rule* const> rules,
                              std::string_view profile);

}  // namespace cprokit::cli::report
