#include "mock-chorus/portal/lang.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <optional>
#include <string>

namespace cprokit::mock::portal {
namespace {

std::optional<Lang> parse(std::string_view text) {
  if (text == "fr") return Lang::fr;
  if (text == "en") return Lang::en;
  return std::nullopt;
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::ranges::transform(out, out.begin(),
                         [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// The language ranges in the order written; q-values only exclude (q=0):
// browsers list ranges by preference already.
std::optional<Lang> from_accept_language(std::string_view header) {
  while (!header.empty()) {
    const std::size_t comma = header.find(',');
    std::string_view range = header.substr(0, comma);
    header = comma == std::string_view::npos ? std::string_view{} : header.substr(comma + 1);
    const std::size_t semicolon = range.find(';');
    const std::string parameters =
        semicolon == std::string_view::npos ? "" : lower(range.substr(semicolon));
    range = range.substr(0, semicolon);
    while (!range.empty() && range.front() == ' ')
      range.remove_prefix(1);
    while (!range.empty() && range.back() == ' ')
      range.remove_suffix(1);
    if (const std::size_t q = parameters.find("q="); q != std::string::npos) {
      if (std::strtod(parameters.c_str() + q + 2, nullptr) <= 0) continue;  // "not acceptable"
    }
    // The primary subtag of a language range ("en" of "en-GB", RFC 4647).
    const std::size_t subtag_end = range.find('-');
    const std::string primary = lower(range.substr(0, subtag_end));
    if (auto lang = parse(primary)) return lang;
  }
  return std::nullopt;
}

}  // namespace

std::string_view code(Lang lang) {
  return lang == Lang::en ? "en" : "fr";
}

Lang negotiate(std::string_view query, std::string_view cookie, std::string_view accept_language) {
  if (auto lang = parse(query)) return *lang;
  if (auto lang = parse(cookie)) return *lang;
  return from_accept_language(accept_language).value_or(Lang::fr);
}

}  // namespace cprokit::mock::portal
