#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "cli/report/document_json.hpp"
#include "cli/report/labels.hpp"
#include "cli/report/report.hpp"
#include "cli/report/rule_lookup.hpp"
#include "cli/report/spool.hpp"
#include "validators/xml/escape.hpp"

namespace cprokit::cli::report {
namespace {

using nlohmann::ordered_json;

constexpr std::string_view kSchema =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

std::string_view level(Severity severity) {
  switch (severity) {
    case Severity::Fatal:
      return "error";
    case Severity::Warning:
      return "warning";
    case Severity::Info:
      break;
  }
  return "note";
}

bool is_xml(Syntax syntax) {
  return syntax == Syntax::Ubl || syntax == Syntax::Cii || syntax == Syntax::FacturX;
}

ordered_json rule_descriptor(const Rule& rule, Lang lang) {
  bool fr = lang == Lang::Fr;
  const std::string& title = rule.title.in(lang);
  std::string terms;
  if (!rule.terms.empty()) {
    terms = fr ? fmt::format(" Termes : {}.", fmt::join(rule.terms, ", "))
               : fmt::format(" Terms: {}.", fmt::join(rule.terms, ", "));
  }
  std::string help =
      fr ? fmt::format(
               "Corrigez le document pour qu'il respecte la règle : {}{} Source : {}. "
               "Détails : cprokit rules {}",
               title, terms, rule.source, rule.id)
         : fmt::format(
               "Fix the document so that it meets the rule: {}{} Source: {}. Details: "
               "cprokit rules {}",
               title, terms, rule.source, rule.id);
  return {{"id", rule.id},
          {"shortDescription", {{"text", title}}},
          {"fullDescription", {{"text", fmt::format("{} ({})", title, rule.source)}}},
          {"help", {{"text", help}}},
          {"defaultConfiguration", {{"level", level(rule.severity)}}},
          {"properties", {{"tags", ordered_json::array({family_of(rule.id)})}}}};
}

// SARIF 2.1.0, one run. Results are written as the documents come; the
// artifacts wait in a spool and the tool (with the descriptors of the rules
// that fired, indexed in the order they first fired) comes after them: JSON
// gives object members no order, so the run's members need not be in the
// usual one.
class SarifWriter final : public Writer {
 public:
  explicit SarifWriter(std::ostream& out) : out_(out) {}

  void begin(const RunInfo& run) override {
    run_ = run;
    rules_.emplace(run_.rules);
    out_ << fmt::format(
        "{{\n  \"$schema\": \"{}\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {{\n"
        "      \"language\": \"{}\",\n      \"results\": [",
        kSchema, run.lang == Lang::Fr ? "fr" : "en");
  }

  void document(const LintedDocument& doc) override {
    std::string uri = xml::valid_utf8(xml::uri_reference(doc.path));
    std::size_t artifact = artifacts_++;
    ordered_json entry = {{"location", {{"uri", uri}}},
                          {"length", doc.size},
                          {"roles", ordered_json::array({"analysisTarget"})}};
    if (!doc.sha256.empty()) entry["hashes"] = {{"sha-256", doc.sha256}};
    artifacts_spool_.write(fmt::format("{}\n        {}", artifact == 0 ? "" : ",", compact(entry)));
    for (const Finding& f : doc.findings) {
      out_ << (first_result_ ? "\n        " : ",\n        ")
           << compact(result(f, uri, artifact, doc.syntax));
      first_result_ = false;
    }
  }

  void end(const Summary& s) override {
    out_ << (first_result_ ? "]" : "\n      ]") << ",\n      \"artifacts\": [";
    artifacts_spool_.copy_to(out_);
    ordered_json descriptors = ordered_json::array();
    for (const Rule* rule : fired_)
      descriptors.push_back(rule_descriptor(*rule, run_.lang));
    ordered_json tool = {{"driver",
                          {{"name", "cprokit"},
                           {"version", run_.version},
                           {"semanticVersion", run_.version},
                           {"rules", std::move(descriptors)}}}};
    ordered_json options = ordered_json::object();
    for (const auto& [key, value] : run_.options)
      options[key] = value;
    ordered_json invocation = {{"executionSuccessful", true},
                               {"startTimeUtc", run_.started},
                               {"properties", {{"options", std::move(options)}}}};
    ordered_json properties = {{"profile", run_.profile},
                               {"catalogueSha256", run_.catalogue_digest},
                               {"references", references_json(run_.references)},
                               {"summary", summary_json(s)}};
    out_ << (artifacts_ == 0 ? "]" : "\n      ]") << ",\n      \"tool\": " << compact(tool)
         << ",\n      \"invocations\": [" << compact(invocation)
         << "],\n      \"properties\": " << compact(properties) << "\n    }\n  ]\n}\n";
  }

 private:
  ordered_json result(const Finding& f, const std::string& uri, std::size_t artifact,
                      Syntax syntax) {
    ordered_json physical = {{"artifactLocation", {{"uri", uri}, {"index", artifact}}}};
    if (f.where.line != 0) {
      physical["region"] = {{"startLine", f.where.line}};
      if (f.where.column != 0) physical["region"]["startColumn"] = f.where.column;
    }
    ordered_json location = {{"physicalLocation", std::move(physical)}};
    if (!f.where.path.empty()) {
      ordered_json logical = {{"fullyQualifiedName", f.where.path}};
      if (is_xml(syntax)) logical["kind"] = "element";
      location["logicalLocations"] = ordered_json::array({std::move(logical)});
    }
    ordered_json out = {{"ruleId", f.rule}};
    if (auto index = rule_index(f.rule)) out["ruleIndex"] = *index;
    out["level"] = level(f.severity);
    out["message"] = {{"text", f.message.in(run_.lang)}};
    out["locations"] = ordered_json::array({std::move(location)});
    return out;
  }

  // The rule's index among the descriptors, adding it on its first finding;
  // nullopt for an id the run does not know.
  std::optional<std::size_t> rule_index(const std::string& id) {
    if (auto it = index_.find(id); it != index_.end()) return it->second;
    const Rule* rule = rules_->find(id);
    if (rule == nullptr) return std::nullopt;
    index_.emplace(id, fired_.size());
    fired_.push_back(rule);
    return fired_.size() - 1;
  }

  std::ostream& out_;
  RunInfo run_;
  std::optional<RuleLookup> rules_;
  Spool artifacts_spool_;
  std::size_t artifacts_ = 0;
  bool first_result_ = true;
  std::vector<const Rule*> fired_;  // at most the run's rules, whatever the documents
  std::unordered_map<std::string, std::size_t> index_;
};

}  // namespace

std::unique_ptr<Writer> make_sarif_writer(std::ostream& out) {
  return std::make_unique<SarifWriter>(out);
}

}  // namespace cprokit::cli::report
