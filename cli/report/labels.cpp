#include "cli/report/labels.hpp"

#include <array>
#include <map>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "rules/catalogue/catalogue.hpp"

namespace cprokit::cli::report {
namespace {

struct Words {
  std::string_view fr, en;
};

// The keys of RunInfo::options (lint_command.cpp), in words.
const std::map<std::string_view, Words, std::less<>> kOptions = {
    {"profile", {"Profil (--profile)", "Profile (--profile)"}},
    {"xsd", {"Validation XSD (--schemas, --no-xsd)", "XSD validation (--schemas, --no-xsd)"}},
    {"codelists",
     {"Listes de codes BR-CL (--codelists, --no-codelists)",
      "BR-CL code lists (--codelists, --no-codelists)"}},
    {"arithmetic", {"Arithmétique (--exact-arithmetic)", "Arithmetic (--exact-arithmetic)"}},
    {"directory", {"Annuaire des structures (--directory)", "Structure directory (--directory)"}},
    {"with",
     {"Facture des demandes de dépôt (--with)", "Invoice of the deposit requests (--with)"}},
    {"name", {"Nom de dépôt (--name)", "Deposit name (--name)"}},
    {"max-bytes",
     {"Taille maximale en octets (--max-bytes)", "Largest file in bytes (--max-bytes)"}},
    {"fail-on", {"Code de sortie 1 à partir de (--fail-on)", "Exit code 1 from (--fail-on)"}},
    {"fr-mode", {"Règles BR-FR (--fr-mode)", "BR-FR rules (--fr-mode)"}},
};

struct OptionValue {
  std::string_view key, value;
  Words words;
};

// The values of those options that are words rather than data (as
// lint_command.cpp writes them).
constexpr std::array<OptionValue, 12> kOptionValues{{
    {"xsd", "on", {"activée", "on"}},
    {"xsd", "off (--no-xsd)", {"désactivée (--no-xsd)", "off (--no-xsd)"}},
    {"xsd", "schemas not found", {"schémas introuvables", "schemas not found"}},
    {"codelists", "on", {"activées", "on"}},
    {"codelists", "off (--no-codelists)", {"désactivées (--no-codelists)", "off (--no-codelists)"}},
    {"codelists", "not found", {"introuvables", "not found"}},
    {"arithmetic", "exact", {"exacte", "exact"}},
    {"arithmetic", "reference", {"celle des artefacts officiels", "the official artefacts'"}},
    {"fail-on", "fatal", {"fatale", "fatal"}},
    {"fail-on", "warning", {"avertissement", "warning"}},
    {"fr-mode", "strict", {"strictes : toutes bloquantes", "strict: all fatal"}},
    {"fr-mode",
     "transition",
     {"transition : avertissements tolérés", "transition: tolerated warnings"}},
}};

}  // namespace

std::string_view option_label(std::string_view key, Lang lang) {
  auto known = kOptions.find(key);
  if (known == kOptions.end()) return key;
  return lang == Lang::Fr ? known->second.fr : known->second.en;
}

std::string_view option_value_label(std::string_view key, std::string_view value, Lang lang) {
  for (const OptionValue& v : kOptionValues) {
    if (v.key == key && v.value == value) return lang == Lang::Fr ? v.words.fr : v.words.en;
  }
  return value;
}

std::string_view kind_label(DocumentKind kind, Lang lang) {
  bool fr = lang == Lang::Fr;
  switch (kind) {
    case DocumentKind::Invoice:
      return fr ? "facture" : "invoice";
    case DocumentKind::CreditNote:
      return fr ? "avoir" : "credit note";
    case DocumentKind::Account:
      return fr ? "compte" : "account";
    case DocumentKind::DepositRequest:
      return fr ? "demande de dépôt" : "deposit request";
    case DocumentKind::Unknown:
      break;
  }
  return fr ? "document non reconnu" : "unrecognised document";
}

std::string_view severity_label(Severity severity, Lang lang) {
  bool fr = lang == Lang::Fr;
  switch (severity) {
    case Severity::Fatal:
      return fr ? "fatale" : "fatal";
    case Severity::Warning:
      return fr ? "avertissement" : "warning";
    case Severity::Info:
      break;
  }
  return "info";
}

std::string_view verdict_label(bool valid, Lang lang) {
  if (lang == Lang::Fr) return valid ? "valide" : "invalide";
  return valid ? "valid" : "invalid";
}

std::string_view family_of(std::string_view rule_id) {
  const Registry& registry = catalogue::builtin();
  const Rule* rule = registry.find(rule_id);
  return rule == nullptr ? rule_id : std::string_view(registry.group_of(*rule).id);
}

std::string_view family_title(std::string_view family, Lang lang) {
  const Family* known = catalogue::builtin().family(family);
  return known == nullptr ? family : std::string_view(known->title.in(lang));
}

std::string place_label(const Location& where, Lang lang) {
  if (where.line == 0) return {};
  std::string place = fmt::format("{} {}", lang == Lang::Fr ? "ligne" : "line", where.line);
  if (where.column != 0) place += fmt::format(":{}", where.column);
  return place;
}

std::string finding_text(const Finding& finding, Lang lang) {
  std::string text = fmt::format("[{}] {}", severity_label(finding.severity, lang), finding.rule);
  for (const std::string& part : {place_label(finding.where, lang), finding.where.path}) {
    if (!part.empty()) text += " " + part;
  }
  text += fmt::format("{} {}", lang == Lang::Fr ? " :" : ":", finding.message.in(lang));
  if (!finding.terms.empty()) text += fmt::format(" ({})", fmt::join(finding.terms, ", "));
  return text;
}

}  // namespace cprokit::cli::report
