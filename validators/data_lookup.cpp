#include "validators/data_lookup.hpp"

#include <cstdlib>

namespace cprokit {

DataLookup find_data(const std::optional<std::filesystem::path>& option, const DataPlaces& places,
                     const std::function<bool(const std::filesystem::path&)>& holds) {
  DataLookup lookup;
  const auto try_place = [&](const std::filesystem::path& place, std::string_view by) {
    lookup.tried.push_back(place);
    if (!holds(place)) return false;
    lookup.found = place;
    lookup.found_by = by;
    return true;
  };
  if (option) {
    // An explicit place that is wrong must not silently fall back.
    if (!try_place(*option, places.option)) lookup.found_by = places.option;
    return lookup;
  }
  const std::string environment(places.environment);
  const char* env = std::getenv(environment.c_str());
  if (env != nullptr && *env != '\0' && try_place(env, places.environment)) return lookup;
  if (!places.installed.empty() && try_place(places.installed, "installed data")) return lookup;
  if (!places.build_default.empty()) try_place(places.build_default, "build default");
  return lookup;
}

}  // namespace cprokit
