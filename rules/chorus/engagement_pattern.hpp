// A buyer's formatNumeroEngagement, compiled by RE2: matching runs in time
// linear in the number's length whatever the pattern, so a hostile directory
// file cannot make a lint or the mock spin (std::regex backtracks, and
// recurses once per character).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <variant>

namespace re2 {
class RE2;
}

namespace cprokit::chorus {

class EngagementPattern {
 public:
  // Longer patterns are refused: no real engagement format needs them.
  static constexpr std::size_t kMaxLength = 1000;

  // The compiled pattern, or why `pattern` is not one RE2 takes (in
  // English, as RE2 says it).
  static std::variant<EngagementPattern, std::string> compile(const std::string& pattern);

  // Whether the whole of `number` matches (as std::regex_match did).
  bool matches(std::string_view number) const;

 private:
  explicit EngagementPattern(std::shared_ptr<const re2::RE2> compiled);
  std::shared_ptr<const re2::RE2> compiled_;  // shared: RE2 is not copyable, structures are
};

}  // namespace cprokit::chorus
