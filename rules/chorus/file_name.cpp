#include "rules/chorus/file_name.hpp"

#include <algorithm>
#include <string>

#include <fmt/core.h>

namespace cprokit::chorus {
namespace {

// Strict UTF-8 (no overlong forms, no surrogates, at most U+10FFFF): a name
// goes into JSON answers, which must be UTF-8.
bool is_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto lead = static_cast<unsigned char>(s[i]);
    std::size_t length = 1;
    unsigned char low = 0x80;
    unsigned char high = 0xbf;  // the allowed range of the second byte
    if (lead < 0x80) {
      ++i;
      continue;
    }
    if (lead >= 0xc2 && lead <= 0xdf) {
      length = 2;
    } else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      low = lead == 0xe0 ? 0xa0 : 0x80;
      high = lead == 0xed ? 0x9f : 0xbf;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      low = lead == 0xf0 ? 0x90 : 0x80;
      high = lead == 0xf4 ? 0x8f : 0xbf;
    } else {
      return false;
    }
    if (i + length > s.size()) return false;
    for (std::size_t k = 1; k < length; ++k) {
      const auto c = static_cast<unsigned char>(s[i + k]);
      if (c < (k == 1 ? low : 0x80) || c > (k == 1 ? high : 0xbf)) return false;
    }
    i += length;
  }
  return true;
}

bool is_control(unsigned char c) {
  return c < 0x20 || c == 0x7f;
}

std::optional<Message> part_problem(std::string_view name, std::string_view shown) {
  if (name.empty()) {
    return Message{fmt::format("« {} » : nom de fichier vide", shown),
                   fmt::format("\"{}\": empty file name", shown)};
  }
  if (name == "." || name == "..") {
    return Message{fmt::format("« {} » : « {} » n'est pas un nom de fichier", shown, name),
                   fmt::format(R"("{}": "{}" is not a file name)", shown, name)};
  }
  for (const char c : name) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '/' || c == '\\' || is_control(u)) {
      return Message{
          fmt::format("« {} » : un nom de fichier, sans chemin (/ ou \\) ni caractère de "
                      "contrôle (octet {:#04x})",
                      shown, u),
          fmt::format("\"{}\": a file name, without a path (/ or \\) or a control character "
                      "(byte {:#04x})",
                      shown, u)};
    }
  }
  return std::nullopt;
}

// The name as it may be shown in a message: control characters replaced.
// The name as it may be shown in a message: control characters replaced,
// cut after 120 bytes (at a character's start: messages stay UTF-8).
std::string printable(std::string_view name) {
  constexpr std::size_t kShown = 120;
  std::size_t cut = std::min(name.size(), kShown);
  while (cut < name.size() && (static_cast<unsigned char>(name[cut]) & 0xc0) == 0x80)
    --cut;
  std::string out;
  for (const char c : name.substr(0, cut))
    out += is_control(static_cast<unsigned char>(c)) ? '?' : c;
  if (cut < name.size()) out += "…";
  return out;
}

std::optional<Message> common_problem(std::string_view name) {
  if (name.size() > kMaxFileNameBytes) {
    return Message{
        fmt::format("nom de fichier de {} octets, {} au plus", name.size(), kMaxFileNameBytes),
        fmt::format("file name of {} bytes, {} at most", name.size(), kMaxFileNameBytes)};
  }
  if (!is_utf8(name)) {
    return Message{"nom de fichier qui n'est pas de l'UTF-8", "file name that is not UTF-8"};
  }
  return std::nullopt;
}

}  // namespace

std::optional<Message> file_name_problem(std::string_view name) {
  if (auto problem = common_problem(name)) return problem;
  return part_problem(name, printable(name));
}

std::optional<Message> archive_path_problem(std::string_view path) {
  if (auto problem = common_problem(path)) return problem;
  const std::string shown = printable(path);
  if (path.starts_with('/')) {
    return Message{fmt::format("« {} » : chemin absolu dans le lot", shown),
                   fmt::format("\"{}\": absolute path in the lot", shown)};
  }
  std::size_t start = 0;
  for (;;) {
    const std::size_t slash = path.find('/', start);
    const std::string_view part = path.substr(start, slash - start);
    // "a//b" and a trailing "/" are what tar writes for folders: harmless.
    if (!part.empty() && part != ".") {
      if (auto problem = part_problem(part, shown)) return problem;
    }
    if (slash == std::string_view::npos) return std::nullopt;
    start = slash + 1;
  }
}

}  // namespace cprokit::chorus
