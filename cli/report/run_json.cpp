#include "cli/report/run_json.hpp"

#include <string>

#include <nlohmann/json.hpp>

namespace cprokit::cli::report {

using nlohmann::ordered_json;

ordered_json run_json(const RunInfo& run) {
  ordered_json options = ordered_json::object();
  for (const auto& [key, value] : run.options)
    options[key] = value;
  ordered_json rules = ordered_json::array();
  for (const Rule* rule : run.rules)
    rules.push_back(rule->id);
  return {{"profile", run.profile},
          {"lang", run.lang == Lang::Fr ? "fr" : "en"},
          {"fail_on", name(run.fail_on)},
          {"started", run.started},
          {"catalogue_digest", run.catalogue_digest},
          {"options", std::move(options)},
          {"rules", std::move(rules)}};
}

namespace {

std::string text(const nlohmann::json& object, const char* key, const char* where) {
  if (!object.is_object() || !object.contains(key) || !object[key].is_string()) {
    throw RunJsonError(std::string(where) + "." + key + ": missing or not a string");
  }
  return object[key].get<std::string>();
}

std::optional<DataDigest> digest_from_json(const nlohmann::json& value, const char* key) {
  if (value.is_null()) return std::nullopt;
  DataDigest digest{text(value, "path", key), text(value, "sha256", key)};
  if (value.contains("files") && value["files"].is_number_unsigned()) {
    digest.files = value["files"].get<std::size_t>();
  }
  return digest;
}

}  // namespace

RunInfo run_from_json(const nlohmann::json& tool, const nlohmann::json& run,
                      const Registry& registry) {
  RunInfo info;
  info.version = text(tool, "version", "tool");
  if (!tool.contains("references") || !tool["references"].is_object()) {
    throw RunJsonError("tool.references: missing");
  }
  const nlohmann::json& refs = tool["references"];
  for (const char* key : {"directory", "codelists", "xsd"}) {
    if (!refs.contains(key))
      throw RunJsonError(std::string("tool.references.") + key + ": missing");
  }
  info.references.directory = digest_from_json(refs["directory"], "directory");
  info.references.codelists = digest_from_json(refs["codelists"], "codelists");
  info.references.xsd = digest_from_json(refs["xsd"], "xsd");

  info.profile = text(run, "profile", "run");
  if (registry.profile(info.profile) == nullptr) {
    throw RunJsonError("run.profile: \"" + info.profile + "\" is no profile of this cprokit");
  }
  const std::string lang = text(run, "lang", "run");
  if (lang != "fr" && lang != "en") throw RunJsonError("run.lang: neither fr nor en");
  info.lang = lang == "fr" ? Lang::Fr : Lang::En;
  const std::string fail_on = text(run, "fail_on", "run");
  if (fail_on != "fatal" && fail_on != "warning") {
    throw RunJsonError("run.fail_on: neither fatal nor warning");
  }
  info.fail_on = fail_on == "fatal" ? Severity::Fatal : Severity::Warning;
  info.started = text(run, "started", "run");
  info.catalogue_digest = text(run, "catalogue_digest", "run");
  if (run.contains("options") && run["options"].is_object()) {
    for (const auto& [key, value] : run["options"].items()) {
      if (value.is_string()) info.options.emplace_back(key, value.get<std::string>());
    }
  }
  if (!run.contains("rules") || !run["rules"].is_array()) {
    throw RunJsonError("run.rules: missing or not an array");
  }
  for (const auto& id : run["rules"]) {
    const Rule* rule = id.is_string() ? registry.find(id.get<std::string>()) : nullptr;
    if (rule == nullptr)
      throw RunJsonError("run.rules: " + id.dump() + " is no rule of this cprokit");
    info.rules.push_back(rule);
  }
  return info;
}

ordered_json run_notes_json(const std::vector<RunNote>& notes) {
  ordered_json out = ordered_json::array();
  for (const RunNote& note : notes) {
    out.push_back({{"rule", note.rule->id},
                   {"scope", note.key.scope},
                   {"value", note.key.value},
                   {"location", note.key.where.path},
                   {"line", note.key.where.line}});
  }
  return out;
}

std::vector<RunNote> run_notes_from_json(const nlohmann::json& notes, const Registry& registry) {
  if (!notes.is_array()) throw RunJsonError("run_notes: not an array");
  std::vector<RunNote> out;
  for (const auto& note : notes) {
    RunNote& n = out.emplace_back();
    const std::string id = text(note, "rule", "run_notes");
    n.rule = registry.find(id);
    if (n.rule == nullptr || !n.rule->run_check.any()) {
      throw RunJsonError("run_notes: " + id + " is no run-level rule of this cprokit");
    }
    n.key.scope = text(note, "scope", "run_notes");
    n.key.value = text(note, "value", "run_notes");
    n.key.where.path = text(note, "location", "run_notes");
    if (note.contains("line") && note["line"].is_number_unsigned()) {
      n.key.where.line = note["line"].get<std::uint32_t>();
    }
  }
  return out;
}

}  // namespace cprokit::cli::report
