// cprokit deposit: lints invoices with the server's directory and deposits
// them on Chorus Pro (or the mock) through the API client (cli/client/).
#include <algorithm>
#include <atomic>
#include <iostream>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include <fmt/core.h>
#include <boost/program_options.hpp>

#include "cli/arguments.hpp"
#include "cli/client/deposit.hpp"
#include "cli/codelists_option.hpp"
#include "cli/commands.hpp"
#include "cli/credentials_option.hpp"
#include "cli/deposit_output.hpp"
#include "cli/exit_codes.hpp"
#include "cli/usage_error.hpp"
#include "cli/user_error.hpp"
#include "cli/xsd_option.hpp"
#include "rules/chorus/syntaxe_flux.hpp"

namespace cprokit::cli {
namespace {

namespace po = boost::program_options;

constexpr std::string_view kHelp = R"(
Identifiants / credentials:
  --client et --account, ou les variables d'environnement CPROKIT_CLIENT
  (ID:SECRET de l'application PISTE) et CPROKIT_ACCOUNT (LOGIN:MOTDEPASSE du
  compte technique Chorus Pro) ; les options l'emportent. Ils ne sont jamais
  affichés. / --client and --account, or the environment variables
  CPROKIT_CLIENT and CPROKIT_ACCOUNT; the options win. Never printed.

Ce que fait chaque dépôt / what each deposit does:
  1. le journal (--journal) dit s'il est déjà parti vers ce serveur et ce compte ;
  2. la facture est lue (UBL, CII, Factur-X), son acheteur cherché sur le serveur
     (structures/v1/rechercher, consulter, rechercher/services,
     engagementsJuridiques/v1/rechercher) ;
  3. elle est vérifiée comme « cprokit lint --profile chorus » avec l'annuaire
     du serveur : un constat bloquant l'arrête (sauf --force) ;
  4. factures/v1/deposer/flux, jamais deux fois : une réponse perdue est
     d'abord cherchée par factures/v1/rechercher/fournisseur ;
  5. transverses/v1/consulterCRDetaille jusqu'à un état final (--wait), puis
     les identifiants des factures.
  The journal, the buyer looked up, the pre-flight lint with the server's
  directory, deposer/flux (never twice: a lost answer is looked for first),
  the flux followed to a final state, the invoices' ids.

Exemples / examples:
  Contre le mock / against the mock (cprokit mock -d fixtures/directory/matheysine.json):
    cprokit deposit --server http://127.0.0.1:8080 \
      --client cprokit-demo-client:cprokit-demo-secret-not-a-real-one \
      --account TECH_25000103@cprokit.invalid:demo-mot-de-passe-alpine facture.xml
  Contre le bac à sable PISTE / against the PISTE sandbox:
    export CPROKIT_CLIENT='ID:SECRET' CPROKIT_ACCOUNT='TECH_…:MOTDEPASSE'
    cprokit deposit --server https://sandbox-api.piste.gouv.fr \
      --token-url https://sandbox-oauth.piste.gouv.fr/api/oauth/token factures/*.xml
  En production / in production: https://api.piste.gouv.fr et/and
    https://oauth.piste.gouv.fr/api/oauth/token
  Pour un outil / for a tool:  cprokit deposit --format json … > depots.json

Codes de sortie / exit codes:
  0  chaque fichier intégré (IN_INTEGRE), ou déjà déposé et intégré /
     every file integrated, or deposited and integrated before
  1  un fichier rejeté, intégré en partie ou refusé par la vérification
     préalable / a file rejected, partly integrated or refused by the pre-flight lint
  2  usage incorrect, fichier illisible, identifiants mal écrits / usage error,
     unreadable file, credentials not written ID:SECRET or LOGIN:PASSWORD
  3  erreur interne / internal error
  4  sort inconnu (réponse perdue et dépôt introuvable, ou pas final dans --wait),
     ou serveur injoignable, ou authentification refusée / outcome unknown (answer
     lost and not found again, or not final within --wait), or the server could
     not be reached or refused the credentials
)";

struct Args {
  std::string lang = "fr";
  std::string server;
  std::string token_url;
  std::optional<std::string> client;
  std::optional<std::string> account;
  unsigned jobs = 4;
  double wait = 300;
  double timeout = 60;
  int retries = 4;
  bool force = false;
  bool again = false;
  bool resend_lost = false;
  std::optional<std::string> journal;
  std::string format = "text";
  std::string syntaxe_flux;
  std::optional<std::string> ca_file;
  bool no_xsd = false;
  std::vector<std::string> files;
};

po::options_description visible_options(Args& a) {
  po::options_description d("cprokit deposit --server URL [options] FICHIER…\n\nOptions");
  d.add_options()("help,h", "cette aide / this help")(
      "lang,l", po::value(&a.lang)->default_value(a.lang), "fr | en")(
      "server", po::value(&a.server), "adresse de l'API (http:// ou https://) / the API's address")(
      "token-url", po::value(&a.token_url),
      "adresse du jeton OAuth (défaut : SERVEUR/api/oauth/token) / OAuth token URL")(
      "client", po::value<std::string>(), "ID:SECRET de l'application PISTE (ou CPROKIT_CLIENT)")(
      "account", po::value<std::string>(),
      "LOGIN:MOTDEPASSE du compte technique Chorus Pro (ou CPROKIT_ACCOUNT)")(
      "jobs,j", po::value(&a.jobs)->default_value(a.jobs),
      "fichiers en cours à la fois / files in flight")(
      "wait", po::value(&a.wait)->default_value(a.wait),
      "attente d'un état final, en secondes / wait for a final state, seconds")(
      "timeout", po::value(&a.timeout)->default_value(a.timeout),
      "délai d'une réponse, en secondes / timeout of one answer, seconds")(
      "retries", po::value(&a.retries)->default_value(a.retries),
      "nouveaux essais d'un appel au plus / retries of one call at most")(
      "force", po::bool_switch(&a.force),
      "déposer malgré un constat bloquant / deposit despite a fatal finding")(
      "again", po::bool_switch(&a.again),
      "déposer même si le journal dit que c'est déjà fait / deposit even if the journal says "
      "it went already")(
      "resend-lost", po::bool_switch(&a.resend_lost),
      "renvoyer un fichier dont la réponse a été perdue / send again a file whose answer was "
      "lost")(
      "journal", po::value<std::string>(),
      "journal des dépôts (défaut : $XDG_STATE_HOME/cprokit/deposits.jsonl) / deposit journal")(
      "format,f", po::value(&a.format)->default_value(a.format), "text | json")(
      "syntaxe-flux", po::value(&a.syntaxe_flux),
      "syntaxeFlux imposée (défaut : selon le fichier) / syntaxeFlux to use")(
      "ca-file", po::value<std::string>(),
      "autorités de certification (PEM) au lieu de celles du système / CA file")(
      "no-xsd", po::bool_switch(&a.no_xsd),
      "vérification préalable sans XSD / pre-flight lint without XSD");
  return d;
}

client::Credentials credentials_of(const Args& a) {
  client::Credentials c;
  std::tie(c.client_id, c.client_secret) = pair_of(
      "--client", "ID:SECRET", required_option_or_env(a.client, "CPROKIT_CLIENT", "--client"));
  std::tie(c.login, c.password) =
      pair_of("--account", "LOGIN:MOTDEPASSE",
              required_option_or_env(a.account, "CPROKIT_ACCOUNT", "--account"));
  return c;
}

void check(bool ok, std::string fr, std::string en) {
  if (!ok) throw UserError({std::move(fr), std::move(en)});
}

std::chrono::milliseconds seconds(double value) {
  return std::chrono::milliseconds{static_cast<std::int64_t>(value * 1000)};
}

}  // namespace

int deposit_command(const std::vector<std::string>& argv) {
  Args a;
  po::options_description visible = visible_options(a);
  Lang lang = requested_lang(argv);
  client::Credentials credentials;
  client::ClientOptions client_options;
  client::DepositOptions deposit;
  std::optional<client::Journal> journal;
  try {
    po::variables_map vm;
    if (!parse_arguments(argv, visible, a.files, kHelp, vm)) return kExitOk;
    lang = parse_lang(a.lang);
    if (vm.count("client") != 0) a.client = vm["client"].as<std::string>();
    if (vm.count("account") != 0) a.account = vm["account"].as<std::string>();
    if (vm.count("journal") != 0) a.journal = vm["journal"].as<std::string>();
    if (vm.count("ca-file") != 0) a.ca_file = vm["ca-file"].as<std::string>();
    check(!a.server.empty(), "--server manquant : l'adresse de l'API (ex. http://127.0.0.1:8080)",
          "--server missing: the API's address (e.g. http://127.0.0.1:8080)");
    check(a.server.starts_with("http://") || a.server.starts_with("https://"),
          fmt::format("--server « {} » : attendu http://… ou https://…", a.server),
          fmt::format("--server \"{}\": expected http://… or https://…", a.server));
    check(a.token_url.empty() || a.token_url.starts_with("http://") ||
              a.token_url.starts_with("https://"),
          "--token-url : attendu http://… ou https://…",
          "--token-url: expected http://… or https://…");
    check(!a.files.empty(), "aucun fichier à déposer", "no file to deposit");
    check(a.format == "text" || a.format == "json",
          fmt::format("--format : « {} » inconnu, attendu text ou json", a.format),
          fmt::format("--format: unknown \"{}\", expected text or json", a.format));
    check(a.jobs >= 1 && a.jobs <= 64, "--jobs : entre 1 et 64", "--jobs: between 1 and 64");
    check(a.retries >= 0 && a.retries <= 20, "--retries : entre 0 et 20",
          "--retries: between 0 and 20");
    check(a.wait >= 0 && a.wait <= 86400, "--wait : entre 0 et 86400 secondes",
          "--wait: between 0 and 86400 seconds");
    check(a.timeout > 0 && a.timeout <= 3600, "--timeout : entre 0 et 3600 secondes",
          "--timeout: between 0 and 3600 seconds");
    check(a.syntaxe_flux.empty() || chorus::find_syntaxe(a.syntaxe_flux).has_value(),
          fmt::format("--syntaxe-flux « {} » inconnue (ex. IN_DP_E1_UBL_INVOICE)", a.syntaxe_flux),
          fmt::format("--syntaxe-flux \"{}\" unknown (e.g. IN_DP_E1_UBL_INVOICE)", a.syntaxe_flux));
    credentials = credentials_of(a);

    LintOptions lint;
    lint.profile = "chorus";
    setup_code_lists(false, std::nullopt, lint);
    deposit.linter = std::make_shared<const Linter>(lint, setup_xsd(a.no_xsd, std::nullopt));
  } catch (const std::exception& e) {
    return refuse_usage("deposit", e, lang);
  }

  std::mutex err_mutex;
  client_options.timeout = seconds(a.timeout);
  client_options.max_attempts = a.retries + 1;
  client_options.ca_file = a.ca_file;
  client_options.log = [&](const Message& m) {
    const std::lock_guard lock(err_mutex);
    std::cerr << "cprokit deposit: " << m.in(lang) << '\n';
  };
  client::ChorusClient client({a.server, a.token_url}, credentials, client_options);
  journal.emplace(a.journal ? std::filesystem::path(*a.journal) : client::Journal::default_path());
  deposit.journal = &*journal;
  deposit.force = a.force;
  deposit.again = a.again;
  deposit.resend_lost = a.resend_lost;
  deposit.syntaxe_flux = a.syntaxe_flux;
  deposit.wait = seconds(a.wait);

  std::vector<client::DepositReport> reports(a.files.size());
  std::atomic<std::size_t> next{0};
  std::vector<std::thread> workers;
  const auto threads = std::min<std::size_t>(a.jobs, a.files.size());
  for (std::size_t t = 0; t < threads; ++t) {
    workers.emplace_back([&] {
      for (std::size_t i = next++; i < a.files.size(); i = next++)
        reports[i] = client::deposit_file(client, a.files[i], deposit);
    });
  }
  for (auto& w : workers)
    w.join();

  if (a.format == "json") {
    write_deposits_json(std::cout, reports, a.server, lang);
  } else {
    write_deposits_text(std::cout, reports, lang);
  }
  std::cout.flush();
  return deposit_exit_code(reports);
}

}  // namespace cprokit::cli
