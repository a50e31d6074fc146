// A finding: one rule that fired on one place of one document.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "rules/model/source.hpp"

namespace cprokit {

enum class Severity { Fatal, Warning, Info };

constexpr std::string_view name(Severity s) {
  switch (s) {
    case Severity::Fatal:
      return "fatal";
    case Severity::Warning:
      return "warning";
    case Severity::Info:
      break;
  }
  return "info";
}

enum class Lang { Fr, En };

// A message in both languages the tool speaks; the output picks one.
struct Message {
  std::string fr;
  std::string en;
  const std::string& in(Lang lang) const { return lang == Lang::Fr ? fr : en; }
};

struct Finding {
  std::string rule;  // "BR-CO-10", "XML-01", ...
  Severity severity = Severity::Fatal;
  Message message;
  Location where;
  std::vector<std::string> terms;  // business terms concerned: "BT-106"
};

inline bool has_fatal(const std::vector<Finding>& findings) {
  return std::ranges::any_of(findings,
                             [](const Finding& f) { return f.severity == Severity::Fatal; });
}

}  // namespace cprokit
