#include "cli/report/html_parts.hpp"

#include <algorithm>

#include <fmt/core.h>

#include "cli/report/labels.hpp"
#include "validators/xml/escape.hpp"

namespace cprokit::cli::report {

std::string_view html_style() {
  return R"(
:root { --fatal: #b71c1c; --warning: #b45f06; --info: #1f5f9e; --ok: #2e7d32; --line: #d0d4da; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #1b1f24;
       margin: 0 auto; max-width: 1200px; padding: 1.5rem; background: #fff; }
h1 { font-size: 1.7rem; margin: 0 0 .2rem; }
h2 { font-size: 1.3rem; border-bottom: 2px solid #1b1f24; padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .3rem; overflow-wrap: anywhere; }
.sub, .meta { color: #555; margin: 0 0 .5rem; }
code { font: .9em ui-monospace, "DejaVu Sans Mono", monospace; overflow-wrap: anywhere; }
.cards { display: flex; flex-wrap: wrap; gap: .6rem; margin: .8rem 0; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: .5rem .9rem; min-width: 8rem; }
.card b { display: block; font-size: 1.5rem; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: .3rem .45rem; text-align: left; vertical-align: top; }
th { background: #f1f3f5; }
thead { display: table-header-group; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.verdict { display: inline-block; padding: 0 .45rem; border-radius: 4px; color: #fff; font-size: .85rem; }
.verdict.ok { background: var(--ok); }
.verdict.bad { background: var(--fatal); }
.sev { font-weight: 600; }
.sev.fatal { color: var(--fatal); } .sev.warning { color: var(--warning); } .sev.info { color: var(--info); }
.doc { border-top: 1px solid var(--line); }
.none { color: var(--ok); }
.fix { color: #333; font-size: .92em; }
svg text { font: 12px system-ui, "DejaVu Sans", sans-serif; fill: #1b1f24; }
.digest { font-size: .8em; }
@media print {
  @page { margin: 14mm; }
  body { font-size: 10pt; max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  h3, .meta { break-after: avoid; }
  tr, .card, svg { break-inside: avoid; }
  th { background: none; }
  .verdict { border: 1px solid #000; color: #000; background: none !important; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
)";
}

// content-visibility: a block out of sight is neither laid out nor painted
// until it scrolls near (the browser's search finds it all the same): a
// 100,000-document summary loads about 3 times faster. The --lines each
// block carries keep the scroll bar true meanwhile.
std::string_view html_summary_style() {
  return R"(
pre.inv { white-space: pre-wrap; padding-left: 1.2rem; text-indent: -1.2rem; }
h4 { font-size: .95rem; margin: .9rem 0 .2rem; }
pre { font: .8em/1.35 ui-monospace, "DejaVu Sans Mono", monospace; margin: 0 0 .6rem;
      overflow-x: auto; }
pre { content-visibility: auto; contain-intrinsic-size: auto calc(var(--lines, 1) * 1.35em); }
)";
}

std::string html_bar_chart(std::vector<FamilyCount> families, Lang lang) {
  bool fr = lang == Lang::Fr;
  std::string title = fr ? "Constats par famille de règles" : "Findings by rule family";
  if (families.empty()) return {};
  std::stable_sort(families.begin(), families.end(),
                   [](const auto& a, const auto& b) { return a.total() > b.total(); });
  constexpr int kLabel = 330;  // width of the family names
  constexpr int kBar = 420;    // the longest bar
  constexpr int kRow = 26;
  constexpr int kTop = 30;  // below the legend
  const std::size_t most = families.front().total();
  const int height = kTop + static_cast<int>(families.size()) * kRow + 6;
  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"{0}\" height=\"{1}\" "
      "viewBox=\"0 0 {0} {1}\" aria-label=\"{2}\"><title>{2}</title>\n",
      kLabel + kBar + 60, height, xml::xml_escape(title));
  // Legend: the three severities and their colours.
  constexpr std::array<std::string_view, 3> kColours{"#b71c1c", "#b45f06", "#1f5f9e"};
  constexpr std::array<Severity, 3> kSeverities{Severity::Fatal, Severity::Warning, Severity::Info};
  for (std::size_t s = 0; s < kSeverities.size(); ++s) {
    int x = kLabel + static_cast<int>(s) * 130;
    svg += fmt::format(
        "<rect x=\"{}\" y=\"6\" width=\"12\" height=\"12\" fill=\"{}\"/><text x=\"{}\" "
        "y=\"16\">{}</text>\n",
        x, kColours[s], x + 16, xml::xml_escape(severity_label(kSeverities[s], lang)));
  }
  int y = kTop;
  for (const FamilyCount& family : families) {
    svg += fmt::format("<text x=\"0\" y=\"{}\">{} — {}</text>\n", y + 15,
                       xml::xml_escape(family.family),
                       xml::xml_escape(family_title(family.family, lang)));
    double x = kLabel;
    for (std::size_t s = 0; s < kSeverities.size(); ++s) {
      double width = static_cast<double>(family.by_severity[s]) * kBar / static_cast<double>(most);
      if (width <= 0) continue;
      svg += fmt::format(
          "<rect x=\"{:.1f}\" y=\"{}\" width=\"{:.1f}\" height=\"18\" fill=\"{}\"><title>{} "
          "{}</title></rect>\n",
          x, y + 2, width, kColours[s], family.by_severity[s],
          xml::xml_escape(severity_label(kSeverities[s], lang)));
      x += width;
    }
    svg += fmt::format("<text x=\"{:.1f}\" y=\"{}\">{}</text>\n", x + 6, y + 15, family.total());
    y += kRow;
  }
  return svg + "</svg>\n";
}

}  // namespace cprokit::cli::report
