#include "cli/codelists_option.hpp"

#include <cerrno>
#include <filesystem>
#include <memory>
#include <system_error>

#include <fmt/core.h>

#include "cli/user_error.hpp"

#include "validators/codelists/code_list_file.hpp"

namespace cprokit::cli {

std::optional<DataDigest> setup_code_lists(bool no_code_lists,
                                           const std::optional<std::string>& file,
                                           LintOptions& options) {
  if (no_code_lists) return std::nullopt;
  std::optional<std::filesystem::path> option;
  if (file) option = *file;
  const DataLookup lookup = codelists::find_code_lists(option);
  if (lookup.found) {
    try {
      DataDigest digest{lookup.found->string(), {}};
      options.code_lists = std::make_shared<const en16931::CodeLists>(
          codelists::load_code_lists(*lookup.found, &digest.sha256));
      return digest;
    } catch (const codelists::CodeListError& e) {
      if (option) {
        throw UserError({fmt::format("--codelists {}", e.message_fr()),
                         fmt::format("--codelists {}", e.what())});
      }
      options.code_lists_missing = {
          fmt::format("Règles BR-CL non vérifiées : la liste de codes trouvée via {} est "
                      "inutilisable : {}",
                      lookup.found_by, e.message_fr()),
          fmt::format("BR-CL rules not checked: the code list file found through {} cannot be "
                      "used: {}",
                      lookup.found_by, e.what())};
      return std::nullopt;
    }
  }
  if (option) {
    std::error_code ec;
    const bool directory = std::filesystem::is_directory(*option, ec);
    throw path_error("--codelists " + *file, ec ? ec.value() : (directory ? EISDIR : ENOENT));
  }
  std::string tried;
  for (const auto& p : lookup.tried)
    tried += (tried.empty() ? "" : ", ") + p.string();
  if (tried.empty()) tried = "—";
  options.code_lists_missing = {
      fmt::format("Règles BR-CL non vérifiées : listes de codes introuvables (cherchées dans : "
                  "{}). Prenez codelists.json (listes des artefacts officiels EN 16931 v1.3.16), "
                  "puis --codelists FICHIER ou CPROKIT_CODELISTS ; voir README. --no-codelists "
                  "fait taire cet avertissement.",
                  tried),
      fmt::format("BR-CL rules not checked: code lists not found (looked in: {}). Get "
                  "codelists.json (the lists of the official EN 16931 artefacts v1.3.16), then "
                  "use --codelists FILE or CPROKIT_CODELISTS; see README. --no-codelists "
                  "silences this warning.",
                  tried)};
  return std::nullopt;
}

}  // namespace cprokit::cli
