#include "cli/deposit_output.hpp"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "cli/exit_codes.hpp"
#include "rules/catalogue/catalogue.hpp"

namespace cprokit::cli {
namespace {

using client::DepositReport;
using client::Outcome;
using nlohmann::ordered_json;

Message outcome_words(Outcome o) {
  switch (o) {
    case Outcome::Integrated:
      return {"intégrée", "integrated"};
    case Outcome::PartlyIntegrated:
      return {"intégrée en partie", "partly integrated"};
    case Outcome::Rejected:
      return {"rejetée", "rejected"};
    case Outcome::RefusedByPreflight:
      return {"non déposée : refusée par la vérification préalable",
              "not deposited: refused by the pre-flight check"};
    case Outcome::Lost:
      return {"sort inconnu (réponse perdue)", "outcome unknown (answer lost)"};
    case Outcome::Failed:
      return {"échec", "failed"};
    case Outcome::Pending:
      return {"déposée, pas encore traitée", "deposited, not processed yet"};
    case Outcome::AlreadyDeposited:
      return {"déjà déposée", "already deposited"};
    case Outcome::Unreadable:
      return {"illisible", "unreadable"};
  }
  return {"?", "?"};
}

// The catalogue's English words for a rule the server's error names.
std::string rule_in_english(const std::string& rule) {
  if (rule.empty()) return {};
  const Rule* known = catalogue::builtin().find(rule);
  return known != nullptr ? known->title.en : std::string();
}

std::string place(const Finding& f) {
  if (f.where.line != 0) return fmt::format(" ({}, {})", f.where.path, f.where.line);
  return f.where.path.empty() ? "" : fmt::format(" ({})", f.where.path);
}

}  // namespace

void write_deposits_text(std::ostream& out, std::span<const DepositReport> reports, Lang lang) {
  const bool fr = lang == Lang::Fr;
  int retries = 0;
  for (const DepositReport& r : reports) {
    retries += r.retries;
    std::string line =
        fmt::format("{}{} {}", r.file, fr ? " :" : ":", outcome_words(r.outcome).in(lang));
    if (!r.numero_flux_depot.empty()) {
      line += fmt::format(" — flux {}", r.numero_flux_depot);
      if (!r.etat.empty()) line += fmt::format(" ({})", r.etat);
    }
    if (r.recovered)
      line += fr ? " — retrouvé après une réponse perdue" : " — found again after a lost answer";
    out << line << '\n';
    for (const auto& invoice : r.invoices) {
      out << fmt::format("  {} {}{} identifiantFactureCPP {} ({})\n", fr ? "facture" : "invoice",
                         invoice.numero_facture, fr ? " :" : ":", invoice.identifiant_facture_cpp,
                         invoice.statut);
    }
    for (const Finding& f : r.findings) {
      if (f.severity == Severity::Info) continue;
      out << fmt::format("  [{}] {}{} {}{}\n", f.rule, name(f.severity), fr ? " :" : ":",
                         f.message.in(lang), place(f));
    }
    for (const auto& e : r.errors) {
      out << fmt::format("  {} {}{} {}\n", fr ? "erreur" : "error", e.list,
                         e.code.empty() ? "" : " " + e.code, e.libelle);
      if (lang == Lang::En) {
        if (const std::string words = rule_in_english(e.rule); !words.empty())
          out << fmt::format("    {}: {}\n", e.rule, words);
      }
    }
    if (!r.message.en.empty()) out << "  → " << r.message.in(lang) << '\n';
  }
  out << (fr ? fmt::format("{} fichier(s), {} nouvel(s) essai(s)\n", reports.size(), retries)
             : fmt::format("{} file(s), {} retry(ies)\n", reports.size(), retries));
}

void write_deposits_json(std::ostream& out, std::span<const DepositReport> reports,
                         const std::string& server, Lang lang) {
  ordered_json files = ordered_json::array();
  ordered_json counts = ordered_json::object();
  for (const DepositReport& r : reports) {
    ordered_json invoices = ordered_json::array();
    for (const auto& i : r.invoices)
      invoices.push_back({{"identifiantFactureCPP", i.identifiant_facture_cpp},
                          {"numeroFacture", i.numero_facture},
                          {"statut", i.statut}});
    ordered_json errors = ordered_json::array();
    for (const auto& e : r.errors) {
      const Rule* known = e.rule.empty() ? nullptr : catalogue::builtin().find(e.rule);
      errors.push_back(
          {{"list", e.list},
           {"code", e.code},
           {"libelle", e.libelle},
           {"rule", e.rule.empty() ? ordered_json() : ordered_json(e.rule)},
           {"ruleText", known != nullptr ? ordered_json(known->title.in(lang)) : ordered_json()}});
    }
    ordered_json findings = ordered_json::array();
    for (const Finding& f : r.findings) {
      findings.push_back(
          {{"rule", f.rule},
           {"severity", name(f.severity)},
           {"message", f.message.in(lang)},
           {"location", f.where.path},
           {"line", f.where.line != 0 ? ordered_json(f.where.line) : ordered_json()}});
    }
    const auto nullable = [](const std::string& s) {
      return s.empty() ? ordered_json() : ordered_json(s);
    };
    files.push_back(
        {{"path", r.file},
         {"sha256", nullable(r.sha256)},
         {"outcome", client::name(r.outcome)},
         {"syntaxeFlux", nullable(r.syntaxe_flux)},
         {"numeroFluxDepot", nullable(r.numero_flux_depot)},
         {"etat", nullable(r.etat)},
         {"recovered", r.recovered},
         {"retries", r.retries},
         {"invoices", std::move(invoices)},
         {"errors", std::move(errors)},
         {"findings", std::move(findings)},
         {"message", r.message.en.empty() ? ordered_json() : ordered_json(r.message.in(lang))}});
    const std::string key(client::name(r.outcome));
    counts[key] = counts.value(key, 0) + 1;
  }
  ordered_json doc = {{"tool", {{"name", "cprokit"}, {"version", CPROKIT_VERSION}}},
                      {"server", server},
                      {"files", std::move(files)},
                      {"summary", {{"files", reports.size()}, {"outcomes", std::move(counts)}}},
                      {"exitCode", deposit_exit_code(reports)}};
  out << doc.dump(2) << '\n';
}

int deposit_exit_code(std::span<const DepositReport> reports) {
  bool unknown = false;
  bool unreadable = false;
  bool refused = false;
  for (const DepositReport& r : reports) {
    switch (r.outcome) {
      case Outcome::Integrated:
        break;
      case Outcome::AlreadyDeposited:
        if (r.etat == "IN_INTEGRE_PARTIEL") refused = true;
        if (r.etat != "IN_INTEGRE" && r.etat != "IN_INTEGRE_PARTIEL") unknown = true;
        break;
      case Outcome::Rejected:
      case Outcome::PartlyIntegrated:
      case Outcome::RefusedByPreflight:
        refused = true;
        break;
      case Outcome::Unreadable:
        unreadable = true;
        break;
      case Outcome::Lost:
      case Outcome::Pending:
      case Outcome::Failed:
        unknown = true;
        break;
    }
  }
  if (unknown) return kExitUnknown;
  if (unreadable) return kExitUsage;
  return refused ? kExitFatal : kExitOk;
}

}  // namespace cprokit::cli
