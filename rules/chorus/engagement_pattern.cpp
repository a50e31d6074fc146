#include "rules/chorus/engagement_pattern.hpp"

#include <re2/re2.h>

#include <fmt/core.h>

namespace cprokit::chorus {
namespace {

// A pattern's compiled program may take this much memory; past it RE2 refuses
// the pattern (a{1000}{1000} and the like) instead of growing without bound.
constexpr std::int64_t kMaxProgramBytes = std::int64_t{1} << 20;

}  // namespace

EngagementPattern::EngagementPattern(std::shared_ptr<const re2::RE2> compiled)
    : compiled_(std::move(compiled)) {}

std::variant<EngagementPattern, std::string> EngagementPattern::compile(
    const std::string& pattern) {
  if (pattern.size() > kMaxLength) {
    return fmt::format("pattern of {} characters, {} at most", pattern.size(), kMaxLength);
  }
  re2::RE2::Options options;
  options.set_log_errors(false);  // the error is returned, never printed by RE2
  options.set_max_mem(kMaxProgramBytes);
  auto compiled = std::make_shared<const re2::RE2>(pattern, options);
  if (!compiled->ok()) return compiled->error();
  return EngagementPattern(std::move(compiled));
}

bool EngagementPattern::matches(std::string_view number) const {
  return re2::RE2::FullMatch(number, *compiled_);
}

}  // namespace cprokit::chorus
