#include "cli/run_info.hpp"

#include <algorithm>
#include <chrono>
#include <sstream>
#include <utility>
#include <vector>

#include <fmt/chrono.h>
#include <fmt/core.h>

#include "cli/report/catalogue.hpp"
#include "rules/catalogue/catalogue.hpp"
#include "validators/sha256.hpp"

namespace cprokit::cli {

std::string utc_now() {
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}",
                     std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
}

report::RunInfo make_run_info(const RunChoices& choices, const XsdSetup& xsd,
                              report::References references, Lang lang) {
  report::RunInfo run;
  run.references = std::move(references);
  run.version = CPROKIT_VERSION;
  run.profile = choices.profile;
  run.started = utc_now();
  run.lang = lang;
  run.fail_on = choices.fail_on == "warning" ? Severity::Warning : Severity::Fatal;
  const Registry& registry = catalogue::builtin();
  const Profile* profile = registry.profile(choices.profile);
  std::vector<const Rule*> catalogue_rules;
  for (const Rule& rule : registry.rules()) {
    if (profile->includes(rule)) catalogue_rules.push_back(&rule);
  }
  if (choices.catalogue_digest) {
    std::ostringstream catalogue;
    report::write_catalogue_json(catalogue, catalogue_rules, run.version, run.profile);
    run.catalogue_digest = sha256_hex(catalogue.view());
  }
  // Of the profile's rules, those this run can apply: not XSD-01 without
  // schemas, not BR-CL-* without code lists; XSD-02 and LIST-01 only when
  // what they report on was wanted and not found.
  const Needs available{.xsd = bool(xsd.schemas), .code_lists = choices.code_lists};
  const Needs wanted{.xsd = !xsd.disabled, .code_lists = !choices.no_codelists};
  for (const Rule* rule : catalogue_rules) {
    if (registry.applies(*rule, available, wanted)) run.rules.push_back(rule);
  }
  run.options = {
      {"profile", choices.profile},
      {"xsd", xsd.schemas ? "on" : (xsd.disabled ? "off (--no-xsd)" : "schemas not found")},
      {"codelists",
       choices.code_lists ? "on" : (choices.no_codelists ? "off (--no-codelists)" : "not found")},
      {"arithmetic", choices.exact ? "exact" : "reference"},
      {"directory", choices.directory},
      {"with", choices.with},
      {"name", choices.name},
      {"max-bytes", std::to_string(choices.max_bytes)},
      {"fail-on", choices.fail_on},
  };
  // The CII schema is said when it is not the default one: a reform run
  // with --cii-schema d22b judges another grammar than an EN 16931 run.
  if (xsd.schemas && xsd.cii_schema == xsd::CiiSchema::D22b) {
    run.options.emplace_back("cii-schema", "d22b");
  }
  // Only a run with rules it changes says which mode it ran in.
  if (std::ranges::any_of(run.rules,
                          [](const Rule* r) { return r->transition_severity.has_value(); })) {
    run.options.emplace_back("fr-mode", choices.fr_mode);
  }
  return run;
}

}  // namespace cprokit::cli
