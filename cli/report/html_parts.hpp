// The fixed parts of the HTML report: its style sheet, and the bar chart of
// the findings by rule family (inline SVG: the report needs no script and no
// file beside it).
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "rules/finding.hpp"

namespace cprokit::cli::report {

// Screen and print (@media print) styles.
std::string_view html_style();
// What the summary form adds (lint --html-detail): its lists of documents.
std::string_view html_summary_style();

// Findings of one rule family, by severity (fatal, warning, info).
struct FamilyCount {
  std::string family;
  std::array<std::size_t, 3> by_severity{};

  std::size_t total() const { return by_severity[0] + by_severity[1] + by_severity[2]; }
};

// A horizontal stacked bar per family, longest first; every text escaped.
std::string html_bar_chart(std::vector<FamilyCount> families, Lang lang);

}  // namespace cprokit::cli::report
