#include "cli/report/document_json.hpp"

namespace cprokit::cli::report {

using nlohmann::ordered_json;

ordered_json document_json(const LintedDocument& doc, Lang lang) {
  ordered_json findings = ordered_json::array();
  for (const auto& f : doc.findings) {
    findings.push_back({{"rule", f.rule},
                        {"severity", name(f.severity)},
                        {"message", f.message.in(lang)},
                        {"location", f.where.path},
                        {"line", f.where.line == 0 ? ordered_json() : ordered_json(f.where.line)},
                        {"terms", f.terms}});
  }
  return {{"path", doc.path},           {"sha256", doc.sha256}, {"kind", name(doc.kind)},
          {"syntax", name(doc.syntax)}, {"valid", doc.valid()}, {"findings", std::move(findings)}};
}

ordered_json summary_json(const Summary& s) {
  return {{"documents", s.documents}, {"valid", s.valid},     {"invalid", s.invalid},
          {"fatal", s.fatal},         {"warning", s.warning}, {"info", s.info}};
}

std::string compact(const ordered_json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace cprokit::cli::report
