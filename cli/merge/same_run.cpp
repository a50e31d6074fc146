#include "cli/merge/same_run.hpp"

#include <array>
#include <string>

#include <fmt/core.h>

namespace cprokit::cli::merge {
namespace {

// The value at `pointer`, as text ("null" when absent), for the message.
std::string at(const nlohmann::json& value, const char* pointer) {
  const nlohmann::json::json_pointer p(pointer);
  return value.contains(p) ? (value[p].is_string() ? value[p].get<std::string>() : value[p].dump())
                           : "null";
}

}  // namespace

void check_same_run(const ShardRun& first, const ShardRun& other) {
  struct Field {
    const char* name;
    const char* pointer;
    bool in_tool;
  };
  static constexpr std::array kFields{
      Field{"version", "/version", true},
      Field{"profile", "/profile", false},
      Field{"lang", "/lang", false},
      Field{"arithmetic", "/options/arithmetic", false},
      Field{"fr-mode", "/options/fr-mode", false},
      Field{"cii-schema", "/options/cii-schema", false},
      Field{"directory sha256", "/references/directory/sha256", true},
      Field{"codelists sha256", "/references/codelists/sha256", true},
      Field{"xsd sha256", "/references/xsd/sha256", true},
  };
  for (const Field& f : kFields) {
    const std::string a = at(f.in_tool ? first.tool : first.run, f.pointer);
    const std::string b = at(f.in_tool ? other.tool : other.run, f.pointer);
    if (a == b) continue;
    throw UserError(
        {fmt::format("{} et {} ne sont pas du même lint ({} : {} / {}) : leur fusion mélangerait "
                     "des jugements différents ; refaites le lot, ou --force",
                     first.path, other.path, f.name, a, b),
         fmt::format("{} and {} are not from the same lint ({}: {} / {}): merging them would mix "
                     "different judgements; lint the shard again, or --force",
                     first.path, other.path, f.name, a, b)});
  }
}

}  // namespace cprokit::cli::merge
