#include "cli/report/document_json.hpp"

#include <nlohmann/json.hpp>

namespace cprokit::cli::report {

using nlohmann::ordered_json;

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
