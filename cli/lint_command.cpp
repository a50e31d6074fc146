#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <optional>
#include <stdexcept>
#include <thread>
#include <utility>

#include <fmt/core.h>
#include <boost/program_options.hpp>

#include "cli/arguments.hpp"
#include "cli/batch.hpp"
#include "cli/codelists_option.hpp"
#include "cli/commands.hpp"
#include "cli/directory_option.hpp"
#include "cli/exit_codes.hpp"
#include "cli/input_walk.hpp"
#include "cli/invoice_option.hpp"
#include "cli/progress.hpp"
#include "cli/report/report.hpp"
#include "cli/report_files.hpp"
#include "cli/run_info.hpp"
#include "cli/usage_error.hpp"
#include "cli/user_error.hpp"
#include "cli/xsd_option.hpp"
#include "rules/catalogue/catalogue.hpp"
#include "rules/chorus/syntaxe_flux.hpp"
#include "rules/syntax/syntax_rules.hpp"
#include "validators/data_digest.hpp"
#include "validators/pipeline.hpp"
#include "validators/process_memory.hpp"
#include "validators/seen_invoices.hpp"

namespace cprokit::cli {
namespace po = boost::program_options;
namespace {

constexpr std::string_view kExamples = R"(
Exemples / examples:
  cprokit lint facture.xml                     une facture, sortie lisible / one invoice, for people
  cprokit lint factures/                       tout un dossier (.xml, .pdf, .json) / a whole folder
  cat facture.xml | cprokit lint -             l'entrée standard / standard input
  cprokit lint --format json --lang en a.xml   JSON pour les outils / JSON for tools
  cprokit lint -f json -o r.json -f human d/   en JSON dans r.json, et à l'écran /
                                               as JSON in r.json, and on screen
  cprokit lint --fail-on warning factures/     code 1 dès un avertissement / exit 1 on a warning
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

Formats (--format, répétable / repeatable; le n-ième -o reçoit le n-ième format,
un format sans -o va sur la sortie standard / the n-th -o takes the n-th format,
a format without -o goes to standard output):
  human  lisible / for people
  json   le contrat JSON (README) / the JSON contract
  jsonl  un document JSON par ligne, écrit dès qu'il est vérifié, puis une ligne
         {"summary": …} / one JSON document a line, written as soon as it is
         checked, then a {"summary": …} line
  sarif  SARIF 2.1.0, pour GitHub code scanning et les éditeurs / for GitHub code
         scanning and editors: cprokit lint -f sarif -o cprokit.sarif factures/
  junit  JUnit XML pour la CI (GitLab, Jenkins) : une suite par document, un cas par
         règle déclenchée, en échec comme le code de sortie (--fail-on) / for CI: a
         suite per document, a case per rule that fired, failed as the exit code
         says (--fail-on): -f junit -o junit.xml
  svrl   le rapport Schematron ISO (SVRL), un svrl:schematron-output par document /
         ISO Schematron's report language, one svrl:schematron-output per document
  html   un rapport autonome pour les auditeurs (synthèse, constats et comment les
         corriger, piste d'audit ; imprimable) / a self-contained report for
         auditors (summary, findings and how to fix them, audit trail; printable):
         cprokit lint -f html -o rapport.html -f human factures/
         Au-delà de 1 000 documents (--html-detail), une synthèse : par règle, par
         fournisseur, par acheteur, les documents invalides et leurs constats, les
         valides par SHA-256 / past 1,000 documents (--html-detail), a summary: by
         rule, by supplier, by buyer, the invalid documents and their findings, the
         valid ones by SHA-256: -f html -o rapport.html -f jsonl -o detail.jsonl

Codes de sortie / exit codes:
  0  rien qui atteigne --fail-on / nothing at the --fail-on level
  1  au moins une erreur fatale (ou un avertissement avec --fail-on warning) /
     at least one fatal finding (or a warning, with --fail-on warning)
  2  usage incorrect, chemin illisible (les autres sont vérifiés), rapport impossible
     à écrire, ou rien à vérifier (dossiers vides, motifs sans fichier ; voir
     --allow-empty) / usage error, a path that cannot be read (the others are
     checked), a report that cannot be written, or nothing to check (empty
     folders, globs that match no file; see --allow-empty)
  3  erreur interne ou du système (dossier temporaire plein) /
     internal or system error (temporary folder full)

Schémas XSD / XSD schemas: --schemas DIR, sinon/else $CPROKIT_SCHEMAS, sinon/else
the installed data folder, sinon/else the folder set at build time. DIR holds
ubl-2.1/maindoc/UBL-Invoice-2.1.xsd (OASIS UBL 2.1) and
cii-d16b-scrdm-subset/uncoupled/CII/uncefact/data/standard/CrossIndustryInvoice_100pD16B.xsd
(UN/CEFACT CII D16B, from the EN 16931 validation artefacts); see README.
Grammaires compilées gardées / compiled grammars kept: ~/.cache/cprokit/xsd, or
$XDG_CACHE_HOME/cprokit/xsd, or $CPROKIT_CACHE_DIR/xsd (CPROKIT_CACHE_DIR= : off).

Listes de codes / code lists (BR-CL-*): --codelists FILE, sinon/else
$CPROKIT_CODELISTS, sinon/else the installed codelists.json, sinon/else the file
set at build time. FILE is JSON: {"ubl": {"BR-CL-04": {"codes": ["EUR", ...]},
...}, "cii": {...}}, made from the code lists of the official EN 16931
validation artefacts v1.3.16; see README. Without it, the BR-CL rules are not
checked and LIST-01 says so (--no-codelists: silently).
)";

struct Args {
  std::vector<std::string> inputs;
  std::vector<std::string> formats;
  std::vector<std::string> outputs;
  std::string fail_on = "fatal";
  std::string jobs;  // checked by parse_jobs; empty: one per core
  FolderFilter filter;
  std::string progress = "auto";
  std::string lang = "fr";
  std::string color = "auto";
  std::string html_detail = "auto";
  std::string fr_mode = "strict";
  std::optional<std::string> schemas;
  std::optional<std::string> directory;
  std::optional<std::string> with;
  std::optional<std::string> syntaxe_flux;
  std::optional<std::string> codelists;
  std::string cii_schema = "d16b";
  bool no_xsd = false;
  bool no_codelists = false;
  bool exact = false;
  bool allow_empty = false;
  std::string max_bytes;  // checked by parse_size: Boost would wrap "-1" to SIZE_MAX
  LintOptions lint;
};

po::options_description visible_options(Args& a) {
  po::options_description d("cprokit lint [options] FICHIER|DOSSIER|- ...\n\nOptions");
  d.add_options()("help,h", "cette aide / this help")(
      "format,f", po::value(&a.formats)->composing(),
      "human | json | jsonl | sarif | junit | svrl | html, répétable / repeatable (défaut / "
      "default: human; voir / see Formats)")(
      "output,o", po::value(&a.outputs)->composing(),
      "fichier du n-ième --format / file of the n-th --format")(
      "fail-on", po::value(&a.fail_on)->default_value(a.fail_on),
      "code 1 à partir de / exit 1 from: fatal | warning")(
      "jobs,j", po::value(&a.jobs),
      "fils de vérification (défaut : un par cœur) ; les rapports gardent l'ordre des "
      "entrées / checking threads (default: one per core); reports keep the input order")(
      "include", po::value(&a.filter.include)->composing(),
      "dans un dossier, seulement les fichiers dont le chemin (sous le dossier) correspond "
      "au motif, répétable / in a folder, only the files whose path (below the folder) "
      "matches the glob, repeatable: --include '2026/*.xml'")(
      "exclude", po::value(&a.filter.exclude)->composing(),
      "dans un dossier, sauf ces fichiers, répétable / in a folder, except these files, "
      "repeatable: --exclude '*brouillon*'")(
      "allow-empty", po::bool_switch(&a.allow_empty),
      "accepter que les dossiers donnés n'aient aucun fichier à vérifier (sinon : code 2) / "
      "accept folders with no file to check (otherwise: exit 2)")(
      "progress", po::value(&a.progress)->default_value(a.progress),
      "barre de progression sur stderr / progress bar on stderr: auto (si terminal / on a "
      "terminal) | never")("lang,l", po::value(&a.lang)->default_value(a.lang),
                           "langue des messages / language of the messages: fr | en")(
      "profile,p", po::value(&a.lint.profile)->default_value(a.lint.profile),
      "jeu de règles / rule set: all | chorus | en16931 | fr-ctc | syntax (cprokit rules "
      "--profiles)")(
      "fr-mode", po::value(&a.fr_mode)->default_value(a.fr_mode),
      "règles BR-FR (profil fr-ctc) / BR-FR rules (fr-ctc profile): strict (toutes "
      "bloquantes / all fatal) | transition (celles que la FNFE-MPE tolère pendant la "
      "transition en avertissements / those FNFE-MPE tolerates during the transition as "
      "warnings)")(
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
      "syntaxe-flux", po::value<std::string>(),
      "syntaxeFlux du dépôt (valeurs de deposit) : le fichier doit être de cette syntaxe "
      "(DOC-02) / syntaxeFlux of the deposit (deposit's values): the file must be of that "
      "syntax (DOC-02)")("schemas", po::value<std::string>(),
                         "dossier des schémas XSD / folder of the XSD schemas")(
      "no-xsd", po::bool_switch(&a.no_xsd), "sans validation XSD / skip XSD validation")(
      "cii-schema", po::value(&a.cii_schema)->default_value(a.cii_schema),
      "schéma des CII dont le BT-24 n'en désigne pas (EN 16931) : d16b | d22b (réforme "
      "2026) / schema of the CII whose BT-24 names none (EN 16931): d16b | d22b (2026 "
      "reform)")(
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
      "couleurs / colours: auto | always | never")(
      "html-detail", po::value(&a.html_detail)->default_value(a.html_detail),
      "rapport html / html report: auto (une synthèse au-delà de 1 000 documents / a summary "
      "past 1,000 documents) | full (chaque document / every document) | summary");
  return d;
}

std::size_t parse_size(const std::string& text) {
  std::size_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value == 0) {
    throw UserError({fmt::format("--max-bytes : « {} » n'est pas un nombre d'octets positif", text),
                     fmt::format("--max-bytes: \"{}\" is not a positive byte count", text)});
  }
  return value;
}

unsigned parse_jobs(const std::string& text) {
  if (text.empty()) return std::max(1U, std::thread::hardware_concurrency());
  unsigned value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value == 0 || value > 256) {
    throw UserError({fmt::format("--jobs : « {} » n'est pas un nombre de fils de 1 à 256", text),
                     fmt::format("--jobs: \"{}\" is not a thread count from 1 to 256", text)});
  }
  return value;
}

xsd::CiiSchema parse_cii_schema(const std::string& name) {
  if (name == "d16b") return xsd::CiiSchema::D16b;
  if (name == "d22b") return xsd::CiiSchema::D22b;
  throw UserError({fmt::format("--cii-schema : « {} » inconnu, attendu d16b ou d22b", name),
                   fmt::format("--cii-schema: unknown \"{}\", expected d16b or d22b", name)});
}

bool use_color(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  if (mode != "auto") {
    throw UserError({fmt::format("--color : « {} » inconnu, attendu auto, always ou never", mode),
                     fmt::format("--color: unknown \"{}\", expected auto, always or never", mode)});
  }
  return isatty(STDOUT_FILENO) != 0 && std::getenv("NO_COLOR") == nullptr;
}

report::HtmlOptions parse_html_detail(const std::string& mode) {
  report::HtmlOptions options;
  if (mode == "full") {
    options.detail = report::HtmlDetail::Full;
  } else if (mode == "summary") {
    options.detail = report::HtmlDetail::Summary;
  } else if (mode != "auto") {
    throw UserError(
        {fmt::format("--html-detail : « {} » inconnu, attendu auto, full ou summary", mode),
         fmt::format("--html-detail: unknown \"{}\", expected auto, full or summary", mode)});
  }
  return options;
}

RuleMode parse_fr_mode(const std::string& mode) {
  if (mode == "strict") return RuleMode::Strict;
  if (mode == "transition") return RuleMode::Transition;
  throw UserError({fmt::format("--fr-mode : « {} » inconnu, attendu strict ou transition", mode),
                   fmt::format("--fr-mode: unknown \"{}\", expected strict or transition", mode)});
}

RunChoices run_choices(const Args& a) {
  return RunChoices{.profile = a.lint.profile,
                    .fr_mode = a.fr_mode,
                    .code_lists = bool(a.lint.code_lists),
                    .no_codelists = a.no_codelists,
                    .exact = a.exact,
                    .directory = a.directory.value_or(""),
                    .with = a.with.value_or(""),
                    .name = a.lint.deposit_name,
                    .max_bytes = a.lint.max_bytes,
                    .fail_on = a.fail_on,
                    .catalogue_digest = std::ranges::any_of(a.formats, report::records_catalogue)};
}

// Why a run found no input at all: its folders hold no file it takes.
Message nothing_to_lint(const Args& a) {
  std::string folders;
  for (const auto& input : a.inputs)
    folders += (folders.empty() ? "" : ", ") + input;
  std::string globs;
  for (const auto& glob : a.filter.include)
    globs += fmt::format(" --include '{}'", glob);
  for (const auto& glob : a.filter.exclude)
    globs += fmt::format(" --exclude '{}'", glob);
  return {fmt::format("aucun fichier à vérifier dans {} (fichiers .xml, .pdf, .json{}) : "
                      "vérifiez le chemin et les motifs, ou ajoutez --allow-empty si c'est "
                      "normal",
                      folders, globs.empty() ? "" : ", retenus par" + globs),
          fmt::format("no file to check in {} (.xml, .pdf, .json files{}): check the path and "
                      "the globs, or add --allow-empty if that is expected",
                      folders, globs.empty() ? "" : " kept by" + globs)};
}

}  // namespace

int lint_command(const std::vector<std::string>& argv) {
  Args a;
  po::options_description visible = visible_options(a);

  Lang lang = requested_lang(argv);
  XsdSetup xsd;
  report::References references;
  std::optional<InputWalk> walk;
  std::vector<ReportFile> reports;
  unsigned jobs = 1;
  bool color = false;
  report::HtmlOptions html;
  try {
    po::variables_map vm;
    if (!parse_arguments(argv, visible, a.inputs, kExamples, vm)) return kExitOk;
    if (vm.count("schemas") != 0) a.schemas = vm["schemas"].as<std::string>();
    if (vm.count("codelists") != 0) a.codelists = vm["codelists"].as<std::string>();
    if (vm.count("directory") != 0) a.directory = vm["directory"].as<std::string>();
    if (vm.count("with") != 0) a.with = vm["with"].as<std::string>();
    if (vm.count("syntaxe-flux") != 0) a.syntaxe_flux = vm["syntaxe-flux"].as<std::string>();
    lang = parse_lang(a.lang);
    a.lint.max_bytes = parse_size(a.max_bytes);
    color = use_color(a.color);
    html = parse_html_detail(a.html_detail);
    a.lint.context.mode = parse_fr_mode(a.fr_mode);
    if (a.fail_on != "fatal" && a.fail_on != "warning") {
      throw UserError(
          {fmt::format("--fail-on : « {} » inconnu, attendu fatal ou warning", a.fail_on),
           fmt::format("--fail-on: unknown \"{}\", expected fatal or warning", a.fail_on)});
    }
    if (catalogue::builtin().profile(a.lint.profile) == nullptr) {
      throw UserError(
          {fmt::format("--profile : « {} » inconnu (cprokit rules --profiles)", a.lint.profile),
           fmt::format("--profile: unknown \"{}\" (cprokit rules --profiles)", a.lint.profile)});
    }
    if (a.syntaxe_flux) {
      a.lint.syntaxe_flux = chorus::find_syntaxe(*a.syntaxe_flux);
      if (!a.lint.syntaxe_flux) {
        throw UserError({fmt::format("--syntaxe-flux « {} » inconnue (ex. IN_DP_E1_UBL_INVOICE)",
                                     *a.syntaxe_flux),
                         fmt::format("--syntaxe-flux \"{}\" unknown (e.g. IN_DP_E1_UBL_INVOICE)",
                                     *a.syntaxe_flux)});
      }
    }
    if (a.inputs.empty()) {
      throw UserError({"aucun fichier à vérifier : donnez un FICHIER, un DOSSIER ou -",
                       "no file to check: give a FILE, a FOLDER or -"});
    }
    jobs = parse_jobs(a.jobs);
    if (a.progress != "auto" && a.progress != "never") {
      throw UserError(
          {fmt::format("--progress : « {} » inconnu, attendu auto ou never", a.progress),
           fmt::format("--progress: unknown \"{}\", expected auto or never", a.progress)});
    }
    walk.emplace(a.inputs, a.filter);
    if (a.directory) {
      DirectoryFile file = load_directory_file(*a.directory);
      a.lint.directory = std::move(file.directory);
      references.directory = std::move(file.digest);
    }
    if (a.with) a.lint.invoice_file = load_invoice_file(*a.with, a.lint);
    xsd = setup_xsd(a.no_xsd, a.schemas);
    xsd.cii_schema = parse_cii_schema(a.cii_schema);
    // Reading every schema file to hash the set: only for a report that shows it.
    if (xsd.schemas && std::ranges::any_of(a.formats, report::records_references)) {
      references.xsd = folder_digest(xsd.schemas->folder(), ".xsd");
    }
    // Before the reports: a refused --codelists must not truncate an -o file.
    references.codelists = setup_code_lists(a.no_codelists, a.codelists, a.lint);
    reports = open_reports(a.formats, a.outputs, color, html);
  } catch (const std::exception& e) {
    return refuse_usage("lint", e, lang);
  }
  a.lint.context.arithmetic = a.exact ? Arithmetic::Exact : Arithmetic::Reference;

  report::RunInfo run_data = make_run_info(run_choices(a), xsd, std::move(references), lang);
  const std::size_t formats = std::max<std::size_t>(a.formats.size(), 1);
  for (std::size_t i = 0; i < formats; ++i) {
    run_data.outputs.push_back(
        {a.formats.empty() ? "human" : a.formats[i], i < a.outputs.size() ? a.outputs[i] : ""});
  }
  // The grammars and code lists outlive the run: freeing them is wasted time.
  keep_until_exit(xsd.schemas);
  keep_until_exit(a.lint.code_lists);
  Linter linter(a.lint, std::move(xsd));
  report::Summary summary;
  bool failed = false;
  // With --schemas, schemas that cannot be used are the user's error, as a
  // missing folder is; a grammar is compiled when a first document needs it,
  // so this shows as XSD-02 on that document, and the run ends in exit 2.
  bool unusable_schemas = false;
  std::size_t unreadable = 0;
  {
    // Counting costs a second walk: only for a line that is drawn.
    const bool terminal = a.progress == "auto" && Progress::terminal();
    const std::size_t total = terminal ? count_inputs(a.inputs, a.filter) : 0;
    // A report on the screen the line is drawn on must never land on it.
    const bool on_screen =
        std::any_of(reports.begin(), reports.end(), [](const ReportFile& r) { return !r.file; }) &&
        Progress::stdout_shares_terminal();
    Progress progress(total, terminal && total > 1, on_screen ? &std::cout : nullptr);
    for (auto& r : reports)
      r.writer->begin(run_data);
    try {
      LintRun run(linter);
      lint_batch(*walk, linter, jobs, [&](BatchItem&& item) {
        progress.before_reports();
        if (item.doc) {
          LintedDocument& doc = *item.doc;
          run.add(doc);
          summary.add(doc);
          failed = failed ||
                   std::any_of(doc.findings.begin(), doc.findings.end(), [&](const Finding& f) {
                     return report::fails_run(f, run_data.fail_on);
                   });
          unusable_schemas = unusable_schemas ||
                             (a.schemas && std::any_of(doc.findings.begin(), doc.findings.end(),
                                                       [](const Finding& f) {
                                                         return f.rule == syntax::kXsdUnavailable;
                                                       }));
          for (auto& r : reports)
            r.writer->document(doc);
        } else {
          std::cout.flush();  // what the reports wrote comes first on a shared screen
          std::cerr << "cprokit lint: " << item.unreadable.in(lang) << '\n';
          ++unreadable;
        }
        progress.done_one();
      });
    } catch (const SeenInvoicesError& e) {
      // The rest of the run would miss duplicates: it stops here, its
      // reports left unfinished (no summary), rather than pass them over.
      progress.erase();
      std::cerr << "cprokit lint: " << e.what() << '\n';
      return kExitInternal;
    }
  }
  const bool unwritten = !end_reports(reports, a.outputs, summary, "lint", lang);
  if (summary.documents == 0 && unreadable == 0 && !a.allow_empty) {
    std::cerr << "cprokit lint: " << nothing_to_lint(a).in(lang) << '\n';
    return kExitUsage;
  }
  if (unusable_schemas) {
    std::cerr
        << "cprokit lint: "
        << Message{fmt::format("--schemas {} : schémas inutilisables (voir XSD-02)", *a.schemas),
                   fmt::format("--schemas {}: the schemas cannot be used (see XSD-02)", *a.schemas)}
               .in(lang)
        << '\n';
  }
  if (unreadable > 0 || unwritten || unusable_schemas) return kExitUsage;
  return failed ? kExitFatal : kExitOk;
}

}  // namespace cprokit::cli
