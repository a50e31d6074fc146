#include <nlohmann/json.hpp>

#include "cli/report/report.hpp"

namespace cprokit::cli::report {

Summary summarize(const std::vector<LintedDocument>& documents) {
  Summary s;
  for (const auto& doc : documents) {
    ++s.documents;
    ++(doc.valid() ? s.valid : s.invalid);
    for (const auto& f : doc.findings) {
      switch (f.severity) {
        case Severity::Fatal:
          ++s.fatal;
          break;
        case Severity::Warning:
          ++s.warning;
          break;
        case Severity::Info:
          ++s.info;
          break;
      }
    }
  }
  return s;
}

void write_json(std::ostream& out, const std::vector<LintedDocument>& documents,
                std::string_view version, Lang lang) {
  using nlohmann::ordered_json;
  ordered_json docs = ordered_json::array();
  for (const auto& doc : documents) {
    ordered_json findings = ordered_json::array();
    for (const auto& f : doc.findings) {
      findings.push_back({{"rule", f.rule},
                          {"severity", name(f.severity)},
                          {"message", f.message.in(lang)},
                          {"location", f.where.path},
                          {"line", f.where.line == 0 ? ordered_json() : ordered_json(f.where.line)},
                          {"terms", f.terms}});
    }
    docs.push_back({{"path", doc.path},
                    {"sha256", doc.sha256},
                    {"kind", name(doc.kind)},
                    {"syntax", name(doc.syntax)},
                    {"valid", doc.valid()},
                    {"findings", std::move(findings)}});
  }
  Summary s = summarize(documents);
  ordered_json root = {{"tool", {{"name", "cprokit"}, {"version", version}}},
                       {"documents", std::move(docs)},
                       {"summary",
                        {{"documents", s.documents},
                         {"valid", s.valid},
                         {"invalid", s.invalid},
                         {"fatal", s.fatal},
                         {"warning", s.warning},
                         {"info", s.info}}}};
  // Invalid UTF-8 in a message (never expected) is replaced rather than thrown.
  out << root.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace cprokit::cli::report
