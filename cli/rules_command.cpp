#include <algorithm>
#include <iostream>
#include <vector>

#include <fmt/core.h>
#include <boost/program_options.hpp>

#include "cli/arguments.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/report/catalogue.hpp"
#include "cli/report/labels.hpp"
#include "cli/usage_error.hpp"
#include "cli/user_error.hpp"
#include "rules/catalogue/catalogue.hpp"
#include "rules/engine/registry.hpp"

namespace cprokit::cli {
namespace po = boost::program_options;
namespace {

constexpr std::string_view kExamples = R"(
Exemples / examples:
  cprokit rules                    toutes les règles / every rule
  cprokit rules --profile en16931  les règles d'un profil / the rules of a profile
  cprokit rules --profiles         les profils / the profiles
  cprokit rules BR-CO-10           explique une règle / explains one rule
  cprokit rules --lang en xml-01   en anglais (l'identifiant ignore la casse) / in English (any case)
  cprokit rules --format json      le catalogue pour les machines / the catalogue for machines
  cprokit rules --format markdown  le catalogue en tableaux (docs/rules.md) / as tables
  cprokit rules --format summary   le catalogue en bref, par série / in short, by series
  cprokit rules -f table --family CPRO --lang en   un tableau par famille / one family's table

Codes de sortie / exit codes:
  0  liste ou explication écrite / list or explanation written
  2  option invalide, règle ou profil inconnu / bad option, unknown rule or profile
)";

std::string kinds_of(const Rule& rule, Lang lang) {
  std::string out;
  for (auto k : rule.applies_to.kinds())
    out += (out.empty() ? "" : ", ") + std::string(name(k));
  return out.empty() ? (lang == Lang::Fr ? "aucun" : "none") : out;
}

std::string_view checked_by(const Rule& rule, Lang lang) {
  bool fr = lang == Lang::Fr;
  if (rule.unchecked) {
    return fr ? "aucun : les artefacts officiels ne la contrôlent pas (test true()), cprokit non "
                "plus"
              : "none: the official artefacts do not check it (test true()), nor does cprokit";
  }
  if (rule.checks.any()) {
    return fr ? "moteur de règles, sur le modèle du document"
              : "the rule engine, on the document's model";
  }
  return fr ? "validators/, à la lecture du document ou du lot"
            : "validators/, while reading the document or the run";
}

void explain(const Rule& rule, Lang lang) {
  bool fr = lang == Lang::Fr;
  std::string terms;
  for (const auto& t : rule.terms)
    terms += (terms.empty() ? "" : ", ") + t;
  std::cout << fmt::format("{}  ({})\n\n{}\n\n", rule.id, name(rule.severity), rule.title.in(lang));
  std::cout << fmt::format("{:<22}{}\n",
                           fr ? "S'applique à :" : "Applies to:", kinds_of(rule, lang));
  if (!terms.empty()) {
    std::cout << fmt::format("{:<22}{}\n", fr ? "Termes métier :" : "Business terms:", terms);
  }
  std::cout << fmt::format("{:<22}{}\n", "Source :", rule.source);
  std::cout << fmt::format("{:<22}{}\n", fr ? "Contrôle :" : "Checked by:", checked_by(rule, lang));
  std::cout << fmt::format("\n{}\n", rule.title.in(fr ? Lang::En : Lang::Fr));
}

}  // namespace

int rules_command(const std::vector<std::string>& argv) {
  std::string lang_name = "fr";
  std::string profile_name;  // none: every rule of the catalogue
  std::string format = "text";
  bool list_profiles = false;
  std::vector<std::string> ids;
  std::vector<std::string> families;
  po::options_description visible("cprokit rules [options] [ID]\n\nOptions");
  visible.add_options()("help,h", "cette aide / this help")(
      "lang,l", po::value(&lang_name)->default_value(lang_name), "fr | en")(
      "profile,p", po::value(&profile_name),
      "seulement les règles de ce profil (sans : tout le catalogue, BR-FR compris) / only "
      "this profile's rules (without: the whole catalogue, BR-FR included)")(
      "profiles", po::bool_switch(&list_profiles), "liste les profils / lists the profiles")(
      "format,f", po::value(&format)->default_value(format),
      "text | json | markdown | summary | table : json et markdown donnent tout le catalogue "
      "(id, sévérité, documents, termes, source, texte FR et EN), summary un tableau des séries "
      "d'identifiants et de leurs effectifs, table un tableau id, sévérité, règle dans la langue "
      "choisie / json and markdown give the whole catalogue (id, severity, documents, terms, "
      "source, FR and EN text), summary a table of the id series and their counts, table an id, "
      "severity, rule table in the chosen language")(
      "family", po::value(&families),
      "seulement cette famille (CPRO, ACCT, BR…), répétable / only this family, repeatable");

  const Registry& registry = catalogue::builtin();
  Lang lang = requested_lang(argv);
  const Profile* profile = nullptr;
  try {
    po::variables_map vm;
    if (!parse_arguments(argv, visible, ids, kExamples, vm)) return kExitOk;
    lang = parse_lang(lang_name);
    if (!profile_name.empty()) profile = registry.profile(profile_name);
    if (!profile_name.empty() && profile == nullptr) {
      throw UserError(
          {fmt::format("--profile : « {} » inconnu (cprokit rules --profiles)", profile_name),
           fmt::format("--profile: unknown \"{}\" (cprokit rules --profiles)", profile_name)});
    }
    if (ids.size() > 1) {
      throw UserError({"une seule règle à la fois", "one rule at a time"});
    }
    if (format != "text" && format != "json" && format != "markdown" && format != "summary" &&
        format != "table") {
      throw UserError(
          {fmt::format("--format : « {} » inconnu, attendu text, json, markdown, summary ou table",
                       format),
           fmt::format("--format: unknown \"{}\", expected text, json, markdown, summary or table",
                       format)});
    }
  } catch (const std::exception& e) {
    return refuse_usage("rules", e, lang);
  }

  if (list_profiles) {
    for (const auto& p : registry.profiles()) {
      std::cout << fmt::format("{:<10} {}\n", p.name, p.description.in(lang));
    }
    return kExitOk;
  }
  std::vector<const Rule*> selected;
  if (!ids.empty()) {
    const Rule* rule = registry.find(ids.front());
    if (rule == nullptr) {
      return refuse_usage(
          "rules",
          UserError(
              {fmt::format("règle inconnue « {} » : cprokit rules les liste toutes", ids.front()),
               fmt::format("unknown rule \"{}\": cprokit rules lists them all", ids.front())}),
          lang);
    }
    if (format == "text") {
      explain(*rule, lang);
      return kExitOk;
    }
    selected.push_back(rule);
  } else {
    // A family named takes its sub-families (BR takes BR-CL).
    const auto wanted = [&](const Rule& rule) {
      return families.empty() || std::ranges::any_of(families, [&](const std::string& f) {
               return f == registry.family_of(rule).id || f == registry.group_of(rule).id;
             });
    };
    for (const auto& rule : registry.rules()) {
      if ((profile == nullptr || profile->includes(rule)) && wanted(rule)) {
        selected.push_back(&rule);
      }
    }
  }
  if (format == "json") {
    report::write_catalogue_json(std::cout, selected, CPROKIT_VERSION, profile_name);
  } else if (format == "markdown") {
    report::write_catalogue_markdown(std::cout, selected, profile_name);
  } else if (format == "summary") {
    report::write_catalogue_summary(std::cout, selected, lang);
  } else if (format == "table") {
    report::write_catalogue_table(std::cout, selected, lang);
  } else {
    for (const Rule* rule : selected) {
      std::cout << fmt::format("{:<10} {:<8} {}\n", rule->id, name(rule->severity),
                               rule->title.in(lang));
    }
  }
  return kExitOk;
}

}  // namespace cprokit::cli
