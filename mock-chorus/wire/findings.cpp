#include "mock-chorus/wire/findings.hpp"

#include <fmt/core.h>

namespace cprokit::mock {

std::string place_of(const Location& where, Lang lang) {
  const char* line = lang == Lang::Fr ? "ligne" : "line";
  if (where.line == 0) return where.path.empty() ? "" : fmt::format(" ({})", where.path);
  if (where.path.empty()) return fmt::format(" ({} {})", line, where.line);
  return fmt::format(" ({}, {} {})", where.path, line, where.line);
}

std::string quoted(const Finding& finding, Lang lang) {
  return fmt::format("[{}] {}{}", finding.rule, finding.message.in(lang),
                     place_of(finding.where, lang));
}

}  // namespace cprokit::mock
