#include <array>
#include <stdexcept>
#include <string>

#include "cli/report/report.hpp"

namespace cprokit::cli::report {

void Summary::add(const LintedDocument& doc) {
  ++documents;
  ++(doc.valid() ? valid : invalid);
  for (const auto& f : doc.findings) {
    switch (f.severity) {
      case Severity::Fatal:
        ++fatal;
        break;
      case Severity::Warning:
        ++warning;
        break;
      case Severity::Info:
        ++info;
        break;
    }
  }
}

namespace {
constexpr std::array<std::string_view, 7> kFormats{"human", "json", "jsonl", "sarif",
                                                   "junit", "svrl", "html"};
}  // namespace

std::span<const std::string_view> format_names() {
  return kFormats;
}

bool records_references(std::string_view format) {
  return format == "json" || format == "jsonl" || format == "sarif" || format == "html";
}

bool records_catalogue(std::string_view format) {
  return format == "jsonl" || format == "sarif" || format == "html";
}

std::unique_ptr<Writer> make_writer(std::string_view format, std::ostream& out, bool color,
                                    const HtmlOptions& html) {
  if (format == "human") return make_human_writer(out, color);
  if (format == "json") return make_json_writer(out);
  if (format == "jsonl") return make_jsonl_writer(out);
  if (format == "sarif") return make_sarif_writer(out);
  if (format == "junit") return make_junit_writer(out);
  if (format == "svrl") return make_svrl_writer(out);
  if (format == "html") return make_html_writer(out, html);
  throw std::invalid_argument("unknown report format: " + std::string(format));
}

}  // namespace cprokit::cli::report
