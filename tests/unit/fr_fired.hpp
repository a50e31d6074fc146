// What the BR-FR unit tests share: an invoice linted under the fr-ctc
// profile, keeping the findings (or the ids) of the rules a test is about.
#pragma once

#include <algorithm>
#include <initializer_list>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "rules/catalogue/catalogue.hpp"
#include "rules/engine/engine.hpp"

namespace cprokit::test {

// The findings of fr-ctc on `inv`, in `mode`, of the rules whose id `keep`
// accepts, in the order the engine gives them.
template <class Keep>
std::vector<Finding> fr_findings(const Invoice& inv, Keep keep, RuleMode mode = RuleMode::Strict) {
  const Registry& registry = catalogue::builtin();
  Context context;
  context.mode = mode;
  std::vector<Finding> all;
  run_rules(registry, *registry.profile("fr-ctc"), inv, context, all);
  std::erase_if(all, [&](const Finding& f) { return !keep(f.rule); });
  return all;
}

// The ids fr-ctc fires on `inv` that start with one of `prefixes`, each once.
inline std::set<std::string> fr_fired(const Invoice& inv,
                                      std::initializer_list<std::string_view> prefixes) {
  const auto ours = [&](const std::string& id) {
    return std::ranges::any_of(prefixes, [&](std::string_view p) { return id.starts_with(p); });
  };
  std::set<std::string> out;
  for (const Finding& f : fr_findings(inv, ours))
    out.insert(f.rule);
  return out;
}

}  // namespace cprokit::test
