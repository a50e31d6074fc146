// Secrets given on the command line or in the environment (--client
// ID:SECRET / CPROKIT_CLIENT, --account LOGIN:PASSWORD / CPROKIT_ACCOUNT):
// read the same way by every command that calls an API (deposit, rehearse),
// and never repeated in an error.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace cprokit::cli {

// "A:B" split at the first colon; throws UserError naming `option` and the
// `shape` expected ("ID:SECRET") otherwise, without the value.
std::pair<std::string, std::string> pair_of(std::string_view option, std::string_view shape,
                                            const std::string& value);

// The option's value, else the environment variable's (unset or empty: none).
std::optional<std::string> option_or_env(const std::optional<std::string>& option,
                                         const char* variable);

// option_or_env(), or a UserError saying that `name` (or `variable`) is missing.
std::string required_option_or_env(const std::optional<std::string>& option, const char* variable,
                                   std::string_view name);

}  // namespace cprokit::cli
