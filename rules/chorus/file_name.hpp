// What a deposited file may be called: a name, never a path. The mock
// stores names and hands them back (consulterCR's nomFichierFlux, the
// portal's lists, a download's Content-Disposition); whoever writes such a
// file to disk under that name must not be led out of their folder, nor
// shown a name with control characters in it.
#pragma once

#include <optional>
#include <string_view>

#include "rules/finding.hpp"

namespace cprokit::chorus {

// The longest name most file systems take (bytes of UTF-8).
inline constexpr std::size_t kMaxFileNameBytes = 255;

// What is wrong with `name` as a file's name (nomFichier, pieceJointeNom):
// empty, too long, "." or "..", a '/' or '\', a control character, or not
// UTF-8; none when it is a plain name.
std::optional<Message> file_name_problem(std::string_view name);

// The same for a path inside a lot (.tar.gz), where folders are allowed:
// each of its '/'-separated parts must be a plain name, and the path may
// not start with '/' (absolute) nor climb with "..".
std::optional<Message> archive_path_problem(std::string_view path);

}  // namespace cprokit::chorus
