// Where run-time data that cprokit does not ship (the XSD schemas, the code
// lists) is looked for, in order: the command-line option, an environment
// variable, the installed data, the build-time default.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cprokit {

struct DataPlaces {
  std::string_view option;         // "--schemas": an explicit place never falls back
  std::string_view environment;    // "CPROKIT_SCHEMAS"
  std::string_view installed;      // empty: none
  std::string_view build_default;  // empty: none
};

struct DataLookup {
  std::optional<std::filesystem::path> found;
  std::string found_by;  // the option, the variable, "installed data", "build default"
  std::vector<std::filesystem::path> tried;
};

// The first place where `holds` is true. With `option` given, only there.
DataLookup find_data(const std::optional<std::filesystem::path>& option, const DataPlaces& places,
                     const std::function<bool(const std::filesystem::path&)>& holds);

}  // namespace cprokit
