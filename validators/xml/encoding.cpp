#include "validators/xml/encoding.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <utility>

#include <fmt/core.h>

namespace cprokit::xml {
namespace {

enum class Declared { Utf8, Latin1, Other };

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// The encoding named by the XML declaration, "" when there is none.
std::string declared_encoding(std::string_view text) {
  if (!text.starts_with("<?xml")) return {};
  std::string_view decl = text.substr(0, text.find("?>"));
  std::size_t at = decl.find("encoding");
  if (at == std::string_view::npos) return {};
  std::size_t quote = decl.find_first_of("\"'", at);
  if (quote == std::string_view::npos) return {};
  std::size_t end = decl.find(decl[quote], quote + 1);
  if (end == std::string_view::npos) return {};
  return std::string(decl.substr(quote + 1, end - quote - 1));
}

Declared classify(const std::string& name) {
  std::string n = lower(name);
  if (n.empty() || n == "utf-8" || n == "utf8" || n == "us-ascii" || n == "ascii") {
    return Declared::Utf8;
  }
  if (n == "iso-8859-1" || n == "iso8859-1" || n == "iso_8859-1" || n == "latin1" ||
      n == "latin-1" || n == "l1") {
    return Declared::Latin1;
  }
  return Declared::Other;
}

// Line and column (in characters) of byte `offset`, for messages.
std::pair<std::uint32_t, std::uint32_t> position_of(std::string_view s, std::size_t offset) {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    auto b = static_cast<unsigned char>(s[i]);
    if (b == '\n') {
      ++line;
      column = 1;
    } else if ((b & 0xC0U) != 0x80U) {
      ++column;
    }
  }
  return {line, column};
}

std::optional<EncodingProblem> check_utf8(std::string_view s) {
  constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;  // set in each non-ASCII byte
  std::size_t i = 0;
  while (i < s.size()) {
    // Most of an invoice is ASCII: skip it 32 bytes at a time, then 8.
    if (i + 32 <= s.size()) {
      std::array<std::uint64_t, 4> words{};
      std::memcpy(words.data(), s.data() + i, sizeof words);
      if (((words[0] | words[1] | words[2] | words[3]) & kHighBits) == 0) {
        i += 32;
        continue;
      }
    }
    if (i + 8 <= s.size()) {
      std::uint64_t word = 0;
      std::memcpy(&word, s.data() + i, sizeof word);
      if ((word & kHighBits) == 0) {
        i += 8;
        continue;
      }
    }
    auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      ++i;
      continue;
    }
    std::size_t n = utf8_sequence(s, i);
    if (n == 0) {
      auto [line, column] = position_of(s, i);
      return EncodingProblem{
          {fmt::format("Octet 0x{:02X} invalide en UTF-8 (ligne {}, colonne {}). Le fichier "
                       "est sans doute en ISO-8859-1 ou Windows-1252 : déclarez "
                       "encoding=\"ISO-8859-1\" ou enregistrez-le en UTF-8.",
                       b, line, column),
           fmt::format("Byte 0x{:02X} is not valid UTF-8 (line {}, column {}). The file is "
                       "probably ISO-8859-1 or Windows-1252: declare encoding=\"ISO-8859-1\" "
                       "or save it as UTF-8.",
                       b, line, column)},
          line,
          column};
    }
    i += n;
  }
  return std::nullopt;
}

std::string latin1_to_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char c : s) {
    auto b = static_cast<unsigned char>(c);
    if (b < 0x80) {
      out.push_back(c);
    } else {
      out.push_back(static_cast<char>(0xC0U | (b >> 6U)));
      out.push_back(static_cast<char>(0x80U | (b & 0x3FU)));
    }
  }
  return out;
}

bool looks_utf16(std::string_view s) {
  if (s.size() < 2) return false;
  auto b0 = static_cast<unsigned char>(s[0]);
  auto b1 = static_cast<unsigned char>(s[1]);
  return (b0 == 0xFE && b1 == 0xFF) || (b0 == 0xFF && b1 == 0xFE) || (b0 == 0 && b1 == '<') ||
         (b0 == '<' && b1 == 0);
}

}  // namespace

std::size_t utf8_sequence(std::string_view s, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char b0 = byte(i);
  std::size_t n = 0;
  unsigned char lo = 0x80;
  unsigned char hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    n = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    n = 3;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    n = 4;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < n; ++k) {
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  }
  return n;
}

Utf8Text to_utf8(std::string_view bytes) {
  Utf8Text out;
  if (looks_utf16(bytes)) {
    out.problem =
        EncodingProblem{{"Fichier en UTF-16, non pris en charge : enregistrez-le en UTF-8.",
                         "The file is UTF-16, which is not supported: save it as UTF-8."}};
    return out;
  }
  bool bom = bytes.starts_with("\xEF\xBB\xBF");
  if (bom) bytes.remove_prefix(3);

  out.input = bytes;
  std::string name = declared_encoding(bytes);
  switch (classify(name)) {
    case Declared::Utf8:
      out.problem = check_utf8(bytes);
      break;
    case Declared::Latin1:
      if (bom) {
        out.problem = EncodingProblem{
            {"Le fichier commence par une marque UTF-8 mais déclare ISO-8859-1 : "
             "retirez l'une ou l'autre.",
             "The file starts with a UTF-8 byte order mark but declares ISO-8859-1: "
             "remove one of them."}};
        break;
      }
      out.converted = latin1_to_utf8(bytes);
      out.is_converted = true;
      break;
    case Declared::Other:
      out.problem = EncodingProblem{
          {fmt::format("Encodage « {} » non pris en charge : seuls UTF-8 et ISO-8859-1 le "
                       "sont. Enregistrez le fichier en UTF-8.",
                       name),
           fmt::format("Encoding \"{}\" is not supported: only UTF-8 and ISO-8859-1 are. "
                       "Save the file as UTF-8.",
                       name)},
          1,
          1};
      break;
  }
  return out;
}

}  // namespace cprokit::xml
