#include "mock-chorus/portal/assets.hpp"

#include <algorithm>

namespace cprokit::mock::portal {

std::optional<std::string_view> asset(std::string_view name) {
  const auto all = assets();
  const auto it = std::ranges::find(all, name, &Asset::name);
  if (it == all.end()) return std::nullopt;
  return it->text;
}

}  // namespace cprokit::mock::portal
