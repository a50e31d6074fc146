// Collects the findings of the rules the engine runs.
#pragma once

#include <utility>
#include <vector>

#include "rules/engine/rule.hpp"
#include "rules/finding.hpp"

namespace cprokit {

class Reporter {
 public:
  explicit Reporter(std::vector<Finding>& out) : out_(out) {}

  // The rule whose check runs next; its id, severity and terms go on each finding.
  void start(const Rule& rule) { rule_ = &rule; }

  void fire(Location where, Message message) {
    out_.push_back(
        Finding{rule_->id, rule_->severity, std::move(message), std::move(where), rule_->terms});
  }
  void fire(const SourceRef& where, Message message) { fire(where.location(), std::move(message)); }

 private:
  std::vector<Finding>& out_;
  const Rule* rule_ = nullptr;
};

}  // namespace cprokit
