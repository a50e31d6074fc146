// cprokit rehearse: the notice's story against a Chorus Pro mock, one step
// after another, each ticked or crossed (cli/rehearse/).
#include <filesystem>
#include <iostream>
#include <optional>

#include <fmt/core.h>

#include <boost/program_options.hpp>

#include "cli/arguments.hpp"
#include "cli/codelists_option.hpp"
#include "cli/commands.hpp"
#include "cli/credentials_option.hpp"
#include "cli/exit_codes.hpp"
#include "cli/rehearse/private_mock.hpp"
#include "cli/rehearse/rehearsal_data.hpp"
#include "cli/rehearse/step_report.hpp"
#include "cli/rehearse/story.hpp"
#include "cli/usage_error.hpp"
#include "cli/user_error.hpp"
#include "cli/xsd_option.hpp"
#include "mock-chorus/auth/secret_hash.hpp"

namespace cprokit::cli {
namespace {

namespace po = boost::program_options;

constexpr std::string_view kExamples = R"help(
Sans --server, la répétition lance son propre mock (port libre, données
temporaires, annuaire de démonstration) : rien à préparer. Avec --server, elle
parle à un mock déjà lancé (« cprokit mock -d fixtures/directory/matheysine.json »),
dont elle lit la boîte aux lettres et règle le scénario par l'API
d'administration : donnez son jeton (--admin-token ou CPROKIT_MOCK_ADMIN).
Chaque répétition crée son propre fournisseur (SIRET tiré au hasard) et ses
propres numéros de facture : elle peut être rejouée sur le même mock.

Without --server, the rehearsal starts a mock of its own. With --server, it
talks to a running mock, whose outbox and scenarios it reaches through the
admin API: give its token (--admin-token or CPROKIT_MOCK_ADMIN). Each
rehearsal makes its own supplier and invoice numbers: run it again freely.

Étapes / steps:
  compte, espaces, activation, connexion (portail / portal), raccordement
  (compte technique / technical account), api (jeton, rattachements / token,
  attachments), depot-valide (IN_INTEGRE), depot-autre-budget (IN_REJETE,
  CPRO-ENG-03), suivi (MISE_EN_PAIEMENT)

Exemples / examples:
  cprokit rehearse
  cprokit rehearse --format junit > rehearse.xml
  cprokit rehearse --server http://127.0.0.1:8080 --admin-token "$(cat .cprokit-mock/admin-token)"

Codes de sortie / exit codes:
  0  chaque étape a réussi / every step passed
  1  une étape au moins a échoué (ou n'a pas été jouée) / a step failed (or was not run)
  2  usage incorrect / usage error
  3  erreur interne / internal error
)help";

struct Args {
  std::string lang = "fr";
  std::string format = "text";
  std::optional<std::string> server;
  std::optional<std::string> token_url;
  std::optional<std::string> admin_token;
  std::optional<std::string> client;
  std::optional<std::string> schemas;
  bool no_xsd = false;
  int wait = 60;
};

po::options_description visible_options(Args& a) {
  po::options_description d("cprokit rehearse [options]\n\nOptions");
  d.add_options()("help,h", "cette aide / this help")(
      "lang,l", po::value(&a.lang)->default_value(a.lang), "langue / language: fr | en")(
      "format,f", po::value(&a.format)->default_value(a.format),
      "text (une ligne par étape / a line per step) | junit (JUnit XML sur la sortie "
      "standard, les lignes sur l'erreur / on stdout, the lines on stderr)")(
      "server", po::value<std::string>(),
      "URL d'un mock lancé (sans elle : un mock privé) / URL of a running mock (without it: a "
      "private one)")("token-url", po::value<std::string>(),
                      "URL du jeton OAuth (défaut : SERVEUR/api/oauth/token)")(
      "admin-token", po::value<std::string>(),
      "jeton X-Mock-Admin du mock de --server (ou CPROKIT_MOCK_ADMIN)")(
      "client", po::value<std::string>(),
      "application PISTE ID:SECRET (ou CPROKIT_CLIENT ; défaut : celle de l'annuaire de "
      "démonstration) / PISTE application (default: the demo directory's)")(
      "wait", po::value(&a.wait)->default_value(a.wait),
      "attente maximale d'un état ou d'un statut, en secondes / longest wait for a state, s")(
      "schemas", po::value<std::string>(),
      "dossier des schémas XSD du mock privé / XSD folder of the private mock")(
      "no-xsd", po::bool_switch(&a.no_xsd), "mock privé sans XSD / private mock without XSD");
  return d;
}

}  // namespace

int rehearse_command(const std::vector<std::string>& argv) {
  Args a;
  po::options_description visible = visible_options(a);
  Lang lang = requested_lang(argv);
  rehearse::StoryOptions story;
  mock::MockOptions mock_options;
  try {
    po::variables_map vm;
    std::vector<std::string> positionals;
    if (!parse_arguments(argv, visible, positionals, kExamples, vm)) return kExitOk;
    lang = parse_lang(a.lang);
    if (!positionals.empty()) {
      throw UserError({fmt::format("argument en trop : « {} »", positionals.front()),
                       fmt::format("unexpected argument \"{}\"", positionals.front())});
    }
    if (a.format != "text" && a.format != "junit") {
      throw UserError({fmt::format("--format : « {} » inconnu (text ou junit)", a.format),
                       fmt::format("--format: unknown \"{}\" (text or junit)", a.format)});
    }
    if (a.wait < 1 || a.wait > 3600) {
      throw UserError({"--wait : entre 1 et 3600 secondes", "--wait: between 1 and 3600 seconds"});
    }
    if (vm.count("server") != 0) a.server = vm["server"].as<std::string>();
    if (vm.count("token-url") != 0) a.token_url = vm["token-url"].as<std::string>();
    if (vm.count("schemas") != 0) a.schemas = vm["schemas"].as<std::string>();
    if (vm.count("admin-token") != 0) a.admin_token = vm["admin-token"].as<std::string>();
    if (vm.count("client") != 0) a.client = vm["client"].as<std::string>();
    a.admin_token = option_or_env(a.admin_token, "CPROKIT_MOCK_ADMIN");
    if (const auto client = option_or_env(a.client, "CPROKIT_CLIENT")) {
      std::tie(story.client_id, story.client_secret) = pair_of("--client", "ID:SECRET", *client);
    }
    if (!a.server) {
      mock_options.xsd = setup_xsd(a.no_xsd, a.schemas);
      LintOptions lists;
      setup_code_lists(false, std::nullopt, lists);
      mock_options.code_lists = lists.code_lists;
    }
  } catch (const std::exception& e) {
    return refuse_usage("rehearse", e, lang);
  }

  std::optional<rehearse::PrivateMock> private_mock;
  if (a.server) {
    story.server = *a.server;
    story.admin_token = a.admin_token.value_or("");
  } else {
    private_mock.emplace(std::move(mock_options));
    story.server = private_mock->url();
    story.admin_token = private_mock->admin_token();
  }
  if (story.client_id.empty()) {
    const auto demo = rehearse::demo_client();
    story.client_id = demo.client_id;
    story.client_secret = demo.client_secret;
  }
  story.token_url = a.token_url.value_or("");
  story.wait_seconds = a.wait;
  story.work_dir =
      std::filesystem::temp_directory_path() / ("cprokit-rehearse-files-" + mock::random_hex(6));
  std::filesystem::create_directories(story.work_dir);

  const bool junit = a.format == "junit";
  std::ostream& lines = junit ? std::cerr : std::cout;
  lines << fmt::format(
      "cprokit rehearse — {} {}\n",
      lang == Lang::Fr ? "répétition du parcours sur" : "rehearsing the story on",
      story.server +
          (private_mock ? (lang == Lang::Fr ? " (mock privé)" : " (private mock)") : ""));
  std::size_t number = 0;
  const auto results =
      rehearse::run_steps(rehearse::story_steps(story), [&](const rehearse::StepResult& r) {
        lines << rehearse::step_line(r, ++number, lang) << std::flush;
      });
  lines << rehearse::summary_line(results, lang);
  if (junit) rehearse::write_junit(std::cout, results, story.server, lang);
  std::error_code ignored;
  std::filesystem::remove_all(story.work_dir, ignored);
  return rehearse::all_passed(results) ? kExitOk : kExitFatal;
}

}  // namespace cprokit::cli
