#include <unistd.h>

#include <charconv>
#include <cstdlib>
#include <iostream>
#include <optional>

#include <fmt/format.h>
#include <boost/program_options.hpp>

#include "cli/arguments.hpp"
#include "cli/codelists_option.hpp"
#include "cli/commands.hpp"
#include "cli/directory_option.hpp"
#include "cli/exit_codes.hpp"
#include "cli/inputs.hpp"
#include "cli/invoice_option.hpp"
#include "cli/report/report.hpp"
#include "cli/xsd_option.hpp"
#include "validators/pipeline.hpp"

namespace cprokit::cli {
namespace po = boost::program_options;
namespace {

constexpr std::string_view kExamples = R"(
Exemples / examples:
  cprokit lint facture.xml                     une facture, sortie lisible / one invoice, for people
  cprokit lint factures/                       tout un dossier (.xml, .pdf, .json) / a whole folder
  cat facture.xml | cprokit lint -             l'entrée standard / standard input
  cprokit lint --format json --lang en a.xml   JSON pour les outils / JSON for tools
  cprokit lint --schemas ~/xsd facture.xml     schémas XSD d'un autre dossier / XSD schemas from a folder
  cprokit lint --no-xsd facture.xml            sans validation XSD / without XSD validation
  cprokit lint --codelists codelists.json f.xml  listes de codes des règles BR-CL /
                                               code lists of the BR-CL rules
  cprokit lint -d annuaire.json facture.xml    avec l'annuaire des structures Chorus Pro /
                                               with the Chorus Pro structure directory
  cprokit lint --name "Dupont_F-001" a.xml     le nom du document déposé / the deposit name
  cprokit lint -d annuaire.json depot.json     une demande de dépôt (soumettre) / a deposit request
  cprokit lint --with facture.xml depot.json   ses montants comparés à la facture /
                                               its amounts checked against the invoice file
  cprokit lint compte.json                     un formulaire de création de compte / an account form

Codes de sortie / exit codes:
  0  aucune erreur fatale / no fatal finding
  1  au moins une erreur fatale / at least one fatal finding
  2  usage incorrect ou chemin illisible / usage error or unreadable path
  3  erreur interne / internal error

Schémas XSD / XSD schemas: --schemas DIR, sinon/else $CPROKIT_SCHEMAS, sinon/else
the installed data folder, sinon/else the folder set at build time. DIR holds
ubl-2.1/maindoc/UBL-Invoice-2.1.xsd (OASIS UBL 2.1) and
cii-d16b-scrdm-subset/uncoupled/CII/uncefact/data/standard/CrossIndustryInvoice_100pD16B.xsd
(UN/CEFACT CII D16B, from the EN 16931 validation artefacts); see README.

Listes de codes / code lists (BR-CL-*): --codelists FILE, sinon/else
$CPROKIT_CODELISTS, sinon/else the installed codelists.json, sinon/else the file
set at build time. FILE is JSON: {"ubl": {"BR-CL-04": {"codes": ["EUR", ...]},
...}, "cii": {...}}, made from the code lists of the official EN 16931
validation artefacts v1.3.16; see README. Without it, the BR-CL rules are not
checked and LIST-01 says so (--no-codelists: silently).
)";

struct Args {
  std::vector<std::string> inputs;
  std::string format = "human";
  std::string lang = "fr";
  std::string color = "auto";
  std::optional<std::string> schemas;
  std::optional<std::string> directory;
  std::optional<std::string> with;
  std::optional<std::string> codelists;
  bool no_xsd = false;
  bool no_codelists = false;
  bool exact = false;
  std::string max_bytes;  // checked by parse_size: Boost would wrap "-1" to SIZE_MAX
  LintOptions lint;
};

po::options_description visible_options(Args& a) {
  po::options_description d("cprokit lint [options] FICHIER|DOSSIER|- ...\n\nOptions");
  d.add_options()("help,h", "cette aide / this help")(
      "format,f", po::value(&a.format)->default_value(a.format), "human | json")(
      "lang,l", po::value(&a.lang)->default_value(a.lang),
      "langue des messages / language of the messages: fr | en")(
      "profile,p", po::value(&a.lint.profile)->default_value(a.lint.profile),
      "jeu de règles / rule set: all | chorus | en16931 | syntax (cprokit rules --profiles)")(
      "directory,d", po::value<std::string>(),
      "annuaire des structures Chorus Pro (JSON, voir README) : SIRET, services et "
      "engagements des acheteurs / Chorus Pro structure directory (JSON, see README): the "
      "buyers' SIRETs, services and engagements")(
      "name", po::value(&a.lint.deposit_name),
      "nom du document déposé (par défaut : le nom du fichier) / name of the deposited "
      "document (default: the file's name)")(
      "with", po::value<std::string>(),
      "la facture (UBL, CII) d'une demande de dépôt JSON : ses totaux doivent être ceux "
      "saisis (CPRO-TOT-05) / the invoice (UBL, CII) of a JSON deposit request: its totals "
      "must be the ones entered (CPRO-TOT-05)")(
      "schemas", po::value<std::string>(), "dossier des schémas XSD / folder of the XSD schemas")(
      "no-xsd", po::bool_switch(&a.no_xsd), "sans validation XSD / skip XSD validation")(
      "codelists", po::value<std::string>(),
      "listes de codes des règles BR-CL (JSON, voir README) / code lists of the BR-CL rules "
      "(JSON, see README)")(
      "no-codelists", po::bool_switch(&a.no_codelists),
      "sans règles BR-CL, sans avertissement LIST-01 / skip the BR-CL rules, no LIST-01 "
      "warning")("max-bytes",
                 po::value(&a.max_bytes)->default_value(std::to_string(a.lint.max_bytes)),
                 "taille maximale d'un fichier, en octets / largest file accepted, in bytes")(
      "exact-arithmetic", po::bool_switch(&a.exact),
      "sommes décimales exactes partout, au lieu du calcul des artefacts officiels "
      "(CII : virgule flottante) / exact decimal sums everywhere, instead of the official "
      "artefacts' arithmetic (CII: binary floating point)")(
      "color", po::value(&a.color)->default_value(a.color),
      "couleurs / colours: auto | always | never");
  return d;
}

std::size_t parse_size(const std::string& text) {
  std::size_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value == 0) {
    throw po::error(fmt::format(
        "--max-bytes: « {} » n'est pas un nombre d'octets positif / is not a positive byte count",
        text));
  }
  return value;
}

bool use_color(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  if (mode != "auto") throw po::error("--color: auto | always | never");
  return isatty(STDOUT_FILENO) != 0 && std::getenv("NO_COLOR") == nullptr;
}

}  // namespace

int lint_command(const std::vector<std::string>& argv) {
  Args a;
  po::options_description visible = visible_options(a);

  Lang lang = Lang::Fr;
  XsdSetup xsd;
  std::vector<InputPath> inputs;
  bool color = false;
  try {
    po::variables_map vm;
    if (!parse_arguments(argv, visible, a.inputs, kExamples, vm)) return kExitOk;
    if (vm.count("schemas") != 0) a.schemas = vm["schemas"].as<std::string>();
    if (vm.count("codelists") != 0) a.codelists = vm["codelists"].as<std::string>();
    if (vm.count("directory") != 0) a.directory = vm["directory"].as<std::string>();
    if (vm.count("with") != 0) a.with = vm["with"].as<std::string>();
    lang = parse_lang(a.lang);
    a.lint.max_bytes = parse_size(a.max_bytes);
    color = use_color(a.color);
    if (a.format != "human" && a.format != "json") {
      throw po::error(fmt::format("--format: « {} » inconnu / unknown (human | json)", a.format));
    }
    if (Registry::builtin().profile(a.lint.profile) == nullptr) {
      throw po::error(fmt::format("--profile: « {} » inconnu / unknown (cprokit rules --profiles)",
                                  a.lint.profile));
    }
    if (a.inputs.empty()) {
      throw po::error("aucun fichier à vérifier / no file to check (FICHIER|DOSSIER|-)");
    }
    inputs = expand_inputs(a.inputs);
    if (a.directory) a.lint.directory = load_directory_file(*a.directory);
    if (a.with) a.lint.invoice_file = load_invoice_file(*a.with, a.lint);
    xsd = setup_xsd(a.no_xsd, a.schemas);
    setup_code_lists(a.no_codelists, a.codelists, a.lint);
  } catch (const std::exception& e) {
    std::cerr << "cprokit lint: " << e.what() << "\n(cprokit lint --help)\n";
    return kExitUsage;
  }
  a.lint.context.arithmetic = a.exact ? Arithmetic::Exact : Arithmetic::Reference;

  Linter linter(a.lint, std::move(xsd));
  LintRun run(linter);
  std::vector<LintedDocument> results;
  results.reserve(inputs.size());
  bool unreadable = false;
  for (const auto& input : inputs) {
    try {
      InputContent content = read_input(input, a.lint.max_bytes);
      results.push_back(content.oversized
                            ? run.refuse_too_large(input.path, content.size,
                                                   std::move(content.sha256_if_oversized))
                            : run.lint(input.path, content.bytes));
    } catch (const std::runtime_error& e) {
      std::cerr << "cprokit lint: " << e.what() << '\n';
      unreadable = true;
    }
  }

  if (a.format == "json") {
    report::write_json(std::cout, results, CPROKIT_VERSION, lang);
  } else {
    report::write_human(std::cout, results, lang, color);
  }
  if (unreadable) return kExitUsage;
  for (const auto& doc : results) {
    if (!doc.valid()) return kExitFatal;
  }
  return kExitOk;
}

}  // namespace cprokit::cli
