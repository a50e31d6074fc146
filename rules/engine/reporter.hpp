// Collects the findings of the rules the engine runs.
#pragma once

#include <utility>
#include <vector>

#include "rules/engine/context.hpp"
#include "rules/engine/rule.hpp"
#include "rules/finding.hpp"

namespace cprokit {

class Reporter {
 public:
  explicit Reporter(std::vector<Finding>& out) : out_(out) {}

  // The rule whose check runs next, and the severity the run gives it
  // (severity_in): its id, that severity and its terms go on each finding.
  void start(const Rule& rule, Severity severity) {
    rule_ = &rule;
    severity_ = severity;
  }

  void fire(Location where, Message message) {
    fire_as(severity_, std::move(where), std::move(message));
  }
  void fire(const SourceRef& where, Message message) { fire(where.location(), std::move(message)); }
  // With a severity other than the rule's: a rule that can only suspect a
  // problem (say, without the structure directory) reports it as a warning.
  void fire_as(Severity severity, Location where, Message message) {
    out_.push_back(
        Finding{rule_->id, severity, std::move(message), std::move(where), rule_->terms});
  }

 private:
  std::vector<Finding>& out_;
  const Rule* rule_ = nullptr;
  Severity severity_ = Severity::Fatal;
};

// The severity `rule` has in a run of `mode`.
inline Severity severity_in(const Rule& rule, RuleMode mode) {
  return mode == RuleMode::Transition && rule.transition_severity ? *rule.transition_severity
                                                                  : rule.severity;
}

}  // namespace cprokit
