#include "mock-chorus/portal/fields.hpp"

#include <nlohmann/json.hpp>

namespace cprokit::mock::portal {

Data form_data(const Data& values, const FieldErrors& errors) {
  Data fields = Data::object();
  for (const auto& [id, value] : values.items())
    fields[id] = {{"value", value}};
  Data summary = Data::array();
  for (const FieldError& e : errors) {
    // A message no field takes links to the page's content.
    summary.push_back({{"field", e.field.empty() ? "contenu" : e.field}, {"message", e.message}});
    if (e.field.empty()) continue;
    Data& field = fields[e.field];
    if (field.contains("error")) continue;
    field["error"] = e.message;
    if (!e.rule.empty()) field["rule"] = e.rule;
  }
  return {
      {"f", std::move(fields)}, {"has_errors", !summary.empty()}, {"errors", std::move(summary)}};
}

Data field(const PortalCall& call, const Data& form, const Input& spec) {
  const std::string id(spec.id);
  Data out = {{"id", id},
              {"label", call.text(spec.label_key)},
              {"type", spec.type_},
              {"optional", spec.optional_}};
  if (!spec.autocomplete_.empty()) out["autocomplete"] = spec.autocomplete_;
  std::string described;
  if (!spec.hint_key_.empty()) {
    out["hint"] = call.text(spec.hint_key_);
    described = id + "-hint";
  }
  const Data& f = form["f"];
  if (f.contains(id)) {
    const Data& typed_in = f[id];
    if (typed_in.contains("value") && typed_in["value"].is_string())
      out["value"] = typed_in["value"];
    if (typed_in.contains("error")) {
      out["error"] = typed_in["error"];
      if (typed_in.contains("rule")) out["rule"] = typed_in["rule"];
      described += (described.empty() ? "" : " ") + id + "-error";
    }
  }
  if (!described.empty()) out["describedby"] = described;
  return out;
}

std::string typed(const PortalCall& call, const std::string& name) {
  const std::string& raw = call.request.field(name);
  const auto first = raw.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  return raw.substr(first, raw.find_last_not_of(" \t\r\n") - first + 1);
}

}  // namespace cprokit::mock::portal
