#include "cli/credentials_option.hpp"

#include <cstdlib>

#include <fmt/core.h>

#include "cli/user_error.hpp"

namespace cprokit::cli {

std::pair<std::string, std::string> pair_of(std::string_view option, std::string_view shape,
                                            const std::string& value) {
  const auto colon = value.find(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == value.size()) {
    throw UserError(
        {fmt::format("{} : attendu {} (deux parties séparées par un deux-points)", option, shape),
         fmt::format("{}: expected {} (two parts separated by a colon)", option, shape)});
  }
  return {value.substr(0, colon), value.substr(colon + 1)};
}

std::optional<std::string> option_or_env(const std::optional<std::string>& option,
                                         const char* variable) {
  if (option) return option;
  if (const char* env = std::getenv(variable); env != nullptr && *env != '\0') return env;
  return std::nullopt;
}

std::string required_option_or_env(const std::optional<std::string>& option, const char* variable,
                                   std::string_view name) {
  if (auto value = option_or_env(option, variable)) return *value;
  throw UserError({fmt::format("{} manquant (ou la variable {})", name, variable),
                   fmt::format("{} missing (or the variable {})", name, variable)});
}

}  // namespace cprokit::cli
