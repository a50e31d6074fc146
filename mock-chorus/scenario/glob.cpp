#include "mock-chorus/scenario/glob.hpp"

namespace cprokit::mock::scenario {

// The classic greedy walk: on a mismatch after a `*`, that star takes one
// more character and matching resumes after it. Only the last star matters
// (what an earlier star took can always be given to it instead), so no
// earlier choice is ever revisited: each text position is resumed from at
// most once per star, without recursion or memory.
bool glob_matches(std::string_view pattern, std::string_view text) {
  std::size_t p = 0;
  std::size_t t = 0;
  std::size_t star = std::string_view::npos;  // the last `*` seen
  std::size_t resume = 0;                     // where the text resumes after it
  while (t < text.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == text[t])) {
      ++p;
      ++t;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      resume = t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*')
    ++p;
  return p == pattern.size();
}

}  // namespace cprokit::mock::scenario
