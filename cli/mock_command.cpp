// cprokit mock: the offline Chorus Pro server (mock-chorus/).
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <thread>

#include <fmt/core.h>

#include <boost/program_options.hpp>

#include "cli/arguments.hpp"
#include "cli/codelists_option.hpp"
#include "cli/commands.hpp"
#include "cli/directory_option.hpp"
#include "cli/exit_codes.hpp"
#include "cli/option_file.hpp"
#include "cli/scenario_option.hpp"
#include "cli/usage_error.hpp"
#include "cli/user_error.hpp"
#include "cli/xsd_option.hpp"
#include "mock-chorus/api/admin.hpp"
#include "mock-chorus/auth/secret_hash.hpp"
#include "mock-chorus/listen.hpp"
#include "mock-chorus/mock.hpp"
#include "mock-chorus/server.hpp"
#include "validators/base64.hpp"
#include "validators/directory/directory_file.hpp"
#include "validators/directory/insee_file.hpp"

namespace cprokit::cli {
namespace {

namespace po = boost::program_options;

constexpr std::string_view kExamples = R"(
Exemples / examples:
  cprokit mock --directory fixtures/directory/matheysine.json
  cprokit mock --port 0 --data /tmp/essai --flux-delay 500    (un port libre / any free port)
  cprokit mock -d fixtures/directory/matheysine.json --insee fixtures/directory/insee.json
  cprokit mock -d fixtures/directory/matheysine.json --scenario fixtures/scenarios/valid/pannes.json --seed 7

Scénarios (--scenario, répétable) : des règles qui décident du sort des factures
qui correspondent (flux IN_REJETE ou IN_INCIDENTE, statut REJETEE, SUSPENDUE ou
MISE_EN_PAIEMENT après un délai) et des pannes par chemin (latence, statut 500,
502, 503 ou 429, réponse perdue, réponse coupée, jeton qui expire tôt), tirées de
façon reproductible : même graine (--seed) et mêmes appels, mêmes pannes. Ils
vivent en mémoire : rechargés à chaque démarrage, ajoutés ou effacés par
/_mock/scenarios. Un fichier :
  {"name": "rejets", "rules": [{"match": {"invoiceNumber": "F-REJ-*"},
     "outcome": {"flux": "IN_REJETE", "errors": [{"libelleErreurDP": "Montant incohérent"}]}}],
   "faults": [{"endpoint": "/cpro/factures/v1/deposer/flux", "kind": "status",
     "status": 503, "rate": 0.5}]}
Format complet : docs/scenario.schema.json. Scenarios (--scenario, repeatable):
rules that decide what becomes of matching invoices, and faults per path, drawn
reproducibly: the same seed (--seed) and the same calls give the same faults.
They live in memory: loaded again at each start, added or cleared through
/_mock/scenarios.

Le portail (pages pour les personnes) est servi à / : création de compte,
activation par courriel (boîte du mock : GET /_mock/mails, et fichiers .eml
sous --data/mails/), connexion avec code par courriel sur un nouvel appareil
(--no-2fa pour les tests automatiques). The portal (pages for people) is
served at /: account creation, activation by mail (the mock's outbox), sign-in
with a code by mail on a new device.

Le mock parle l'API Chorus Pro (chemins /cpro/…, champs, codes) : jeton par
POST /api/oauth/token (client_credentials), puis chaque appel avec
« Authorization: Bearer <jeton> » et « cpro-account: base64(login:motdepasse) ».
Les dépôts (deposer/flux, soumettre) sont contrôlés par les règles de
« cprokit lint --profile chorus » avec l'annuaire du mock. L'API d'administration
demande l'en-tête X-Mock-Admin avec le jeton affiché au démarrage. Le portail
(les pages du site Chorus Pro, pour s'entraîner au dépôt manuel) est à
http://HÔTE:PORT/ dans un navigateur. Voir README.

The mock speaks the Chorus Pro API. Get a token, then send both headers on
every call. Deposits are controlled by the rules of `cprokit lint --profile
chorus` with the mock's directory. The admin API needs the X-Mock-Admin header
with the token printed at start. The portal (the Chorus Pro web site's pages, to
rehearse manual deposits) is at http://HOST:PORT/ in a browser. See README.

API d'administration / admin API:
)";

constexpr std::string_view kExitCodes = R"(
Codes de sortie / exit codes:
  0  arrêté par Ctrl-C ou SIGTERM / stopped by Ctrl-C or SIGTERM
  2  usage incorrect, fichier illisible ou refusé (--scenario : chaque erreur à son
     pointeur JSON), port déjà utilisé (un seul mock par port) ou adresse --bind qui
     n'est pas de cette machine / usage error, unreadable or refused file (--scenario:
     every error at its JSON Pointer), port in use (one mock per port) or a --bind
     address not of this machine
)";

// The examples and explanations, the admin routes as the mock serves them
// (listed from its route table, so the help cannot miss one), the exit codes.
std::string help_epilogue() {
  std::string out(kExamples);
  std::size_t width = 0;
  for (const auto& route : mock::admin_routes())
    width = std::max(width, route.method.size());
  for (const auto& route : mock::admin_routes()) {
    out += fmt::format("  {:<{}} {}\n", route.method, width, route.shown);
  }
  out += kExitCodes;
  return out;
}

struct Args {
  std::string lang = "fr";
  int port = 8080;
  std::string bind = "127.0.0.1";
  std::string data = ".cprokit-mock";
  std::optional<std::string> directory;
  std::optional<std::string> schemas;
  std::optional<std::string> codelists;
  bool no_codelists = false;
  std::optional<std::string> admin_token;
  std::optional<std::string> insee;
  bool no_2fa = false;
  bool no_xsd = false;
  std::int64_t token_lifetime = 3600;
  std::int64_t flux_delay = 0;
  std::int64_t lifecycle_delay = 200;
  std::int64_t request_timeout = 30;
  std::vector<std::string> scenarios;
  std::optional<std::int64_t> seed;
};

constexpr std::int64_t kMaxSeed = 9007199254740991;  // 2^53 − 1, as in a scenario file

po::options_description visible_options(Args& a) {
  po::options_description d("cprokit mock [options]\n\nOptions");
  d.add_options()("help,h", "cette aide / this help")(
      "lang,l", po::value(&a.lang)->default_value(a.lang),
      "langue des messages de la commande / language of the command's messages: fr | en")(
      "port", po::value(&a.port)->default_value(a.port),
      "port TCP (0 : un port libre / any free port)")(
      "bind", po::value(&a.bind)->default_value(a.bind), "adresse d'écoute / address to listen on")(
      "data", po::value(&a.data)->default_value(a.data),
      "dossier des données (SQLite), gardées d'un démarrage à l'autre / data folder, kept "
      "across restarts")(
      "directory,d", po::value<std::string>(),
      "annuaire à charger (structures, clients PISTE, comptes techniques) ; sans lui, celui "
      "des données / directory file to load; without it, the one in the data folder")(
      "schemas", po::value<std::string>(), "dossier des schémas XSD / XSD schemas folder")(
      "no-xsd", po::bool_switch(&a.no_xsd), "ne pas valider par XSD / no XSD validation")(
      "codelists", po::value<std::string>(),
      "listes de codes des règles BR-CL (JSON, voir README) / code lists of the BR-CL rules")(
      "no-codelists", po::bool_switch(&a.no_codelists), "sans règles BR-CL / skip the BR-CL rules")(
      "insee", po::value<std::string>(),
      "registre INSEE simulé (JSON : SIRET → raison sociale, adresse…) qui pré-remplit la "
      "création de compte du portail ; sans lui, rien n'est pré-rempli / INSEE register "
      "(JSON) that pre-fills the portal's account creation")(
      "no-2fa", po::bool_switch(&a.no_2fa),
      "portail sans second facteur (code par courriel), pour les tests automatiques / portal "
      "without the second factor, for automated tests")(
      "admin-token", po::value<std::string>(),
      "jeton de l'API /_mock/ (par défaut : tiré au hasard) / admin API token (default: random)")(
      "token-lifetime", po::value(&a.token_lifetime)->default_value(a.token_lifetime),
      "durée des jetons, en secondes / token lifetime, seconds")(
      "flux-delay", po::value(&a.flux_delay)->default_value(a.flux_delay),
      "pause entre deux états d'un flux, en ms / pause between flux states, ms")(
      "lifecycle-delay", po::value(&a.lifecycle_delay)->default_value(a.lifecycle_delay),
      "pause DEPOSEE → EN_COURS_ACHEMINEMENT → MISE_A_DISPOSITION, en ms")(
      "request-timeout", po::value(&a.request_timeout)->default_value(a.request_timeout),
      "délai pour recevoir une requête entière (ligne, en-têtes, corps), en secondes ; "
      "au-delà : 408 et connexion fermée / time to receive a whole request (line, headers, "
      "body), seconds; past it: 408 and the connection closed")(
      "scenario", po::value(&a.scenarios)->composing(),
      "scénario à charger (JSON, répétable ; voir plus bas) / scenario file to load "
      "(repeatable; see below)")(
      "seed", po::value<std::int64_t>(),
      "graine des pannes des scénarios (par défaut : celle du fichier, sinon 1) / seed of the "
      "scenarios' faults (default: the file's, else 1)");
  return d;
}

void check_range(std::string_view option, std::int64_t value, std::int64_t low, std::int64_t high) {
  if (value < low || value > high) {
    throw UserError(
        {fmt::format("--{} : {} hors de l'intervalle [{}, {}]", option, value, low, high),
         fmt::format("--{}: {} out of the range [{}, {}]", option, value, low, high)});
  }
}

// --insee FILE, read whole at start: a bad file stops the mock, naming the place.
std::shared_ptr<const directory::InseeRegister> load_insee(const std::string& path) {
  const std::string text = read_option_file("--insee", path);
  try {
    return std::make_shared<const directory::InseeRegister>(directory::read_insee_file(text));
  } catch (const directory::DirectoryError& e) {
    throw UserError({fmt::format("--insee {} : {}", path, e.message_fr()),
                     fmt::format("--insee {}: {}", path, e.what())});
  }
}

// The admin token, also written (owner-only) to DATA/admin-token for scripts.
std::string admin_token(const Args& a) {
  std::string token = a.admin_token ? *a.admin_token : mock::random_hex(24);
  const auto path = std::filesystem::path(a.data) / "admin-token";
  const mode_t old = umask(077);
  std::ofstream(path) << token << '\n';
  umask(old);
  return token;
}

void print_banner(std::ostream& out, const mock::Mock& m, const std::string& base,
                  const std::optional<directory::DirectoryFile>& loaded,
                  const std::vector<std::string>& scenario_lines) {
  const auto catalogue = m.catalogue();
  out << fmt::format(
      "cprokit mock — Chorus Pro hors ligne / offline Chorus Pro\n"
      "  Portail    {}/  (navigateur / browser)\n"
      "  API        {}/cpro/…\n"
      "  Jeton      POST {}/api/oauth/token  (grant_type=client_credentials)\n"
      "  Données    {} ({} structures)\n",
      base, base, base, m.options().data_dir.string(), catalogue->directory->structures.size());
  if (loaded) {
    for (const auto& c : loaded->clients)
      out << fmt::format("  Client     client_id={} client_secret={}\n", c.client_id,
                         c.client_secret);
    for (const auto& t : loaded->technical_accounts) {
      const chorus::Structure* s = loaded->directory.structure_by_id(t.id_structure_cpp);
      out << fmt::format("  Compte     {} ({}, idStructureCPP {})\n             cpro-account: {}\n",
                         t.login, s != nullptr ? s->raison_sociale : "", t.id_structure_cpp,
                         cprokit::encode_base64(t.login + ":" + t.mot_de_passe));
    }
    for (const auto& p : loaded->portal_accounts) {
      out << fmt::format("  Portail    {} / {} (idStructureCPP {})\n", p.email, p.mot_de_passe,
                         p.id_structure_cpp);
    }
  } else if (catalogue->directory->structures.empty()) {
    out << "  Annuaire vide : relancez avec --directory FICHIER (ex. "
           "fixtures/directory/matheysine.json)\n  Empty directory: restart with --directory "
           "FILE\n";
  } else {
    out << "  Identifiants : ceux de l'annuaire chargé auparavant (secrets gardés hachés) / "
           "credentials: those of the directory loaded before (secrets kept hashed)\n";
  }
  for (const auto& line : scenario_lines)
    out << "  Scénario   " << line << '\n';
  if (m.options().seed) {
    out << fmt::format("  Graine     {} (--seed) pour tous les scénarios / for every scenario\n",
                       *m.options().seed);
  } else if (scenario_lines.empty()) {
    out << "  Graine     celle de chaque scénario, sinon 1 / each scenario's, else 1\n";
  }
  out << fmt::format("  Admin      en-tête X-Mock-Admin: {}\n", m.options().admin_token);
  out << "Ctrl-C pour arrêter / to stop." << std::endl;
}

}  // namespace

int mock_command(const std::vector<std::string>& argv) {
  Args a;
  po::options_description visible = visible_options(a);
  mock::MockOptions options;
  std::optional<std::string> directory_text;
  std::vector<ScenarioFile> scenario_files;
  Lang lang = requested_lang(argv);
  try {
    po::variables_map vm;
    std::vector<std::string> positionals;
    if (!parse_arguments(argv, visible, positionals, help_epilogue(), vm)) return kExitOk;
    lang = parse_lang(a.lang);
    if (!positionals.empty()) {
      throw UserError(
          {fmt::format("argument en trop : « {} » (le mock n'en prend aucun)", positionals.front()),
           fmt::format("unexpected argument \"{}\" (the mock takes none)", positionals.front())});
    }
    if (vm.count("directory") != 0) a.directory = vm["directory"].as<std::string>();
    if (vm.count("schemas") != 0) a.schemas = vm["schemas"].as<std::string>();
    if (vm.count("codelists") != 0) a.codelists = vm["codelists"].as<std::string>();
    if (vm.count("admin-token") != 0) a.admin_token = vm["admin-token"].as<std::string>();
    if (vm.count("insee") != 0) a.insee = vm["insee"].as<std::string>();
    if (vm.count("seed") != 0) a.seed = vm["seed"].as<std::int64_t>();
    check_range("port", a.port, 0, 65535);
    check_range("token-lifetime", a.token_lifetime, 1, 86400);
    check_range("flux-delay", a.flux_delay, 0, 3'600'000);
    check_range("lifecycle-delay", a.lifecycle_delay, 0, 3'600'000);
    check_range("request-timeout", a.request_timeout, 1, 3600);
    if (a.seed) check_range("seed", *a.seed, 0, kMaxSeed);
    scenario_files = read_scenario_files(a.scenarios);
    if (a.directory) directory_text = read_option_file("--directory", *a.directory);
    if (a.insee) options.insee = load_insee(*a.insee);
    options.xsd = setup_xsd(a.no_xsd, a.schemas);
    LintOptions lists;  // the mock's deposit controls say nothing of missing lists
    setup_code_lists(a.no_codelists, a.codelists, lists);
    options.code_lists = lists.code_lists;
  } catch (const std::exception& e) {
    return refuse_usage("mock", e, lang);
  }
  options.data_dir = a.data;
  options.token_lifetime = a.token_lifetime * 1000;
  options.flux_step = a.flux_delay;
  options.lifecycle_step = a.lifecycle_delay;
  options.request_timeout = a.request_timeout * 1000;
  options.second_factor = !a.no_2fa;
  if (a.seed) options.seed = static_cast<std::uint64_t>(*a.seed);

  // SIGINT and SIGTERM are waited for by one thread, which stops the server.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  std::optional<mock::Mock> m;
  std::optional<directory::DirectoryFile> loaded;
  try {
    mock::init_crypto();
    std::filesystem::create_directories(a.data);
    options.admin_token = admin_token(a);
    m.emplace(options, mock::wall_clock);
    if (directory_text) {
      try {
        loaded = m->load_directory(*directory_text);
      } catch (const directory::DirectoryError& e) {
        return refuse_usage("mock", directory_error(*a.directory, e), lang);
      }
    }
  } catch (const std::filesystem::filesystem_error& e) {
    return refuse_usage("mock", path_error("--data " + a.data, e.code().value()), lang);
  } catch (const std::exception& e) {
    return refuse_usage("mock",
                        UserError({fmt::format("--data {} : inutilisable : {}", a.data, e.what()),
                                   fmt::format("--data {}: cannot be used: {}", a.data, e.what())}),
                        lang);
  }

  // Loaded now: their rules apply to what is deposited from this start on.
  std::vector<std::string> scenario_lines;
  for (auto& file : scenario_files) {
    const std::size_t rules = file.scenario.rules.size();
    const std::size_t faults = file.scenario.faults.size();
    const std::string name = file.scenario.name;
    const auto added = m->scenarios().add(std::move(file.scenario), m->now());
    scenario_lines.push_back(fmt::format("{}{} : {} règle(s), {} panne(s), graine / seed {}",
                                         file.path, name.empty() ? "" : " « " + name + " »", rules,
                                         faults, added.seed));
  }

  mock::MockServer server(*m);
  int port = 0;
  try {
    port = server.bind(a.bind, a.port);
  } catch (const mock::ListenError& e) {
    // Not a mistake of the command line: no pointer to --help.
    std::cerr << "cprokit mock: " << (lang == Lang::Fr ? e.message_fr() : e.what()) << '\n';
    return kExitUsage;
  }
  print_banner(std::cout, *m, fmt::format("http://{}:{}", a.bind, port), loaded, scenario_lines);
  std::thread waiter([&] {
    int signal = 0;
    sigwait(&stop_signals, &signal);
    server.stop();
  });
  server.run();
  // Wake the waiter if the server stopped on its own: the signal is blocked
  // in every thread, so only its sigwait takes it.
  kill(getpid(), SIGTERM);
  waiter.join();
  std::cout << "cprokit mock: arrêté / stopped" << std::endl;
  return kExitOk;
}

}  // namespace cprokit::cli
