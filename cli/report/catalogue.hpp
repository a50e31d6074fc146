// The rule catalogue for machines and for the docs: `cprokit rules --format
// json|markdown|summary|table`. docs/rules.md is the markdown of every rule,
// the README's rule tables are summary and table outputs, and tests keep both
// in step with the registry.
#pragma once

#include <ostream>
#include <span>
#include <string_view>

#include "rules/engine/rule.hpp"

namespace cprokit::cli::report {

// Every rule with its id, severity, the documents it applies to, its
// business terms, its source, its text in French and English, who checks it,
// its family (as reports group it) and the reference data it depends on.
void write_catalogue_json(std::ostream& out, std::span<const Rule* const> rules,
                          std::string_view version, std::string_view profile);

// The same as markdown tables, one section per id family (BR, CPRO, XML…).
void write_catalogue_markdown(std::ostream& out, std::span<const Rule* const> rules,
                              std::string_view profile);

// The catalogue in short, in one language: one row per series of ids (an id
// less its number: BR-CO, UBL-CR, CPRO-ENG…) with its first and last id and
// its rules by severity, grouped by family; then the total.
void write_catalogue_summary(std::ostream& out, std::span<const Rule* const> rules, Lang lang);

// One table of the rules, in one language: id, severity, what the rule requires.
void write_catalogue_table(std::ostream& out, std::span<const Rule* const> rules, Lang lang);

}  // namespace cprokit::cli::report
