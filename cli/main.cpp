// cprokit: pre-flight checks for invoices sent to French public bodies
// through Chorus Pro.
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/arguments.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "validators/process_memory.hpp"

namespace {

constexpr std::string_view kUsage =
    R"(cprokit — vérifie les factures avant leur dépôt sur Chorus Pro
          checks invoices before they are deposited on Chorus Pro

Usage: cprokit <commande> [options]

Commandes / commands:
  lint    vérifie des factures UBL ou CII / checks UBL or CII invoices
  rules   liste les règles, ou en explique une / lists the rules, or explains one
  id      vérifie un SIREN, un SIRET ou un numéro de TVA / checks a SIREN, SIRET or VAT number
  mock    lance un Chorus Pro hors ligne (API, dépôts, statuts) / runs an offline Chorus Pro
  deposit vérifie puis dépose des factures par l'API Chorus Pro (ou le mock) /
          checks then deposits invoices through the Chorus Pro API (or the mock)
  rehearse joue tout le parcours de dépôt contre un mock / rehearses the whole deposit story
          against a mock
  serve   service HTTP de vérification (POST /v1/lint) / HTTP validation service
  merge   fusionne les rapports jsonl de lots vérifiés à part / merges the jsonl reports of
          shards linted apart
  facturx extrait la facture XML d'un Factur-X, ou en construit un d'une facture CII et d'un
          PDF / extracts the invoice XML of a Factur-X, or builds one from a CII invoice and a PDF

  cprokit <commande> --help   aide d'une commande, avec des exemples / a command's help, with examples
  cprokit --version           version

Exemples / examples:
  cprokit lint facture.xml
  cprokit lint --format json --lang en factures/ > rapport.json
  cprokit rules BR-CO-10
  cprokit id "200 040 657 00013"
)";

}  // namespace

int main(int argc, char** argv) {
  using namespace cprokit::cli;
  cprokit::keep_freed_memory_for_reuse();
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    std::cerr << kUsage;
    return kExitUsage;
  }
  const std::string command = args.front();
  args.erase(args.begin());
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << kUsage;
    return kExitOk;
  }
  if (command == "--version" || command == "-V") {
    std::cout << "cprokit " << CPROKIT_VERSION << '\n';
    return kExitOk;
  }
  try {
    if (command == "lint") return lint_command(args);
    if (command == "rules") return rules_command(args);
    if (command == "id") return id_command(args);
    if (command == "mock") return mock_command(args);
    if (command == "deposit") return deposit_command(args);
    if (command == "rehearse") return rehearse_command(args);
    if (command == "serve") return serve_command(args);
    if (command == "merge") return merge_command(args);
    if (command == "facturx") return facturx_command(args);
  } catch (const std::exception& e) {
    // Bad input never lands here (it becomes findings); this is a bug or the system.
    std::cerr << "cprokit: erreur interne / internal error: " << e.what() << '\n';
    return kExitInternal;
  }
  std::cerr << (requested_lang(args) == cprokit::Lang::En
                    ? "cprokit: unknown command \"" + command + "\"\n\n"
                    : "cprokit: commande inconnue « " + command + " »\n\n")
            << kUsage;
  return kExitUsage;
}
