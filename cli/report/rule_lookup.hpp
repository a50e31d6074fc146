// The rules of a run by id: the formats that describe a finding's rule
// (SARIF, JUnit, HTML) look it up for each finding.
#pragma once

#include <span>
#include <string_view>
#include <unordered_map>

#include "rules/engine/rule.hpp"

namespace cprokit::cli::report {

class RuleLookup {
 public:
  explicit RuleLookup(std::span<const Rule* const> rules) {
    for (const Rule* rule : rules)
      by_id_.emplace(rule->id, rule);
  }
  // Null for an id the run does not apply (none is expected).
  const Rule* find(std::string_view id) const {
    auto it = by_id_.find(id);
    return it == by_id_.end() ? nullptr : it->second;
  }

 private:
  std::unordered_map<std::string_view, const Rule*> by_id_;
};

}  // namespace cprokit::cli::report
