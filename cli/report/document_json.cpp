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

namespace {

ordered_json digest_json(const std::optional<DataDigest>& digest, bool with_files) {
  if (!digest) return nullptr;
  ordered_json out = {{"path", digest->path}, {"sha256", digest->sha256}};
  if (with_files) out["files"] = digest->files;
  return out;
}

}  // namespace

ordered_json references_json(const References& r) {
  return {{"directory", digest_json(r.directory, false)},
          {"codelists", digest_json(r.codelists, false)},
          {"xsd", digest_json(r.xsd, true)}};
}

ordered_json tool_json(const RunInfo& run) {
  return {{"name", "cprokit"},
          {"version", run.version},
          {"references", references_json(run.references)}};
}

std::string compact(const ordered_json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace cprokit::cli::report
