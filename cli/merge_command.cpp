// cprokit merge: the reports of one run made from the jsonl reports of its
// shards, linted apart (docs/scale-out.md).
#include <algorithm>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <fmt/core.h>
#include <boost/program_options.hpp>

#include "cli/arguments.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/merge/same_run.hpp"
#include "cli/merge/shard.hpp"
#include "cli/report/run_json.hpp"
#include "cli/report_files.hpp"
#include "cli/usage_error.hpp"
#include "rules/catalogue/catalogue.hpp"
#include "validators/seen_invoices.hpp"

namespace cprokit::cli {
namespace po = boost::program_options;
namespace {

constexpr std::string_view kExamples = R"(
Exemples / examples:
  cprokit lint -f jsonl -o lot-1.jsonl factures/2026-01/    sur une machine / on one machine
  cprokit lint -f jsonl -o lot-2.jsonl factures/2026-02/    sur une autre / on another
  cprokit merge -f json -o rapport.json -f html -o rapport.html lot-*.jsonl
                                                les rapports d'un seul lint / the reports of one lint

Les lots sont pris dans l'ordre donné ; ils doivent venir du même cprokit, du même profil,
de la même langue et des mêmes données de référence (sinon --force). Les contrôles entre
documents (CPRO-DUP-01, numéro de facture en double) sont refaits sur tous les lots.
Shards are taken in the order given; they must come from the same cprokit, profile, language
and reference data (else --force). The checks across documents (CPRO-DUP-01, duplicate
invoice number) are made again over all the shards. See docs/scale-out.md.

Formats: comme / as cprokit lint (human, json, jsonl, sarif, junit, svrl, html).

Codes de sortie / exit codes:
  0  rien qui atteigne --fail-on / nothing at the --fail-on level
  1  au moins un document en échec au niveau --fail-on / a document fails at the --fail-on level
  2  usage incorrect, lot illisible, lots de lints différents, rapport impossible à écrire /
     usage error, a shard that cannot be read, shards of different lints, a report that cannot
     be written
  5  un lot qui n'est pas un rapport jsonl complet (ligne abîmée, pas de ligne de synthèse) :
     refaites-le / a shard that is not a whole jsonl report (a damaged line, no summary line):
     lint it again
)";

struct Args {
  std::vector<std::string> shards;
  std::vector<std::string> formats;
  std::vector<std::string> outputs;
  std::optional<std::string> fail_on;
  std::string lang = "fr";
  bool force = false;
};

po::options_description visible_options(Args& a) {
  po::options_description d("cprokit merge [options] LOT.jsonl ...\n\nOptions");
  d.add_options()("help,h", "cette aide / this help")(
      "format,f", po::value(&a.formats)->composing(),
      "human | json | jsonl | sarif | junit | svrl | html, répétable / repeatable (défaut / "
      "default: human)")("output,o", po::value(&a.outputs)->composing(),
                         "fichier du n-ième --format / file of the n-th --format")(
      "fail-on", po::value<std::string>(),
      "code 1 à partir de / exit 1 from: fatal | warning (défaut : celui des lots / default: "
      "the shards')")("force", po::bool_switch(&a.force),
                      "fusionner des lots de lints différents / merge shards of different lints")(
      "lang,l", po::value(&a.lang)->default_value(a.lang),
      "langue des erreurs de merge / language of merge's errors: fr | en (les constats restent "
      "dans celle des lots / findings stay in the shards' language)");
  return d;
}

// A document of a shard with the findings of the run-level rules made
// again over every shard so far: a shard's lint saw only its own documents.
void check_across_shards(LintedDocument& doc, RunRules& run_rules, const Registry& registry) {
  std::erase_if(doc.findings, [&](const Finding& f) {
    const Rule* rule = registry.find(f.rule);
    return rule != nullptr && rule->run_check.any();
  });
  run_rules.check(doc.run_notes, doc.path, doc.findings);
}

}  // namespace

int merge_command(const std::vector<std::string>& argv) {
  Args a;
  po::options_description visible = visible_options(a);
  Lang lang = requested_lang(argv);
  std::vector<ReportFile> reports;
  report::RunInfo run;
  try {
    po::variables_map vm;
    if (!parse_arguments(argv, visible, a.shards, kExamples, vm)) return kExitOk;
    lang = parse_lang(a.lang);
    if (vm.count("fail-on") != 0) a.fail_on = vm["fail-on"].as<std::string>();
    if (a.fail_on && *a.fail_on != "fatal" && *a.fail_on != "warning") {
      throw UserError(
          {fmt::format("--fail-on : « {} » inconnu, attendu fatal ou warning", *a.fail_on),
           fmt::format("--fail-on: unknown \"{}\", expected fatal or warning", *a.fail_on)});
    }
    if (a.shards.empty()) {
      throw UserError({"aucun lot à fusionner : donnez les rapports jsonl des lots",
                       "no shard to merge: give the shards' jsonl reports"});
    }
    // First pass: every line is read (a damaged shard is refused before any
    // report is written) and the shards' runs compared.
    std::vector<merge::ShardRun> runs;
    for (const auto& shard : a.shards)
      runs.push_back(merge::read_shard(shard));
    for (std::size_t i = 1; i < runs.size() && !a.force; ++i)
      merge::check_same_run(runs.front(), runs[i]);
    try {
      run = report::run_from_json(runs.front().tool, runs.front().run, catalogue::builtin());
    } catch (const report::RunJsonError& e) {
      throw merge::ShardError(
          {fmt::format("{} : dernière ligne inutilisable : {}", runs.front().path, e.what()),
           fmt::format("{}: unusable last line: {}", runs.front().path, e.what())});
    }
    if (a.fail_on) run.fail_on = *a.fail_on == "warning" ? Severity::Warning : Severity::Fatal;
    reports = open_reports(a.formats, a.outputs, false);
  } catch (const merge::ShardError& e) {
    std::cerr << "cprokit merge: " << e.message().in(lang) << '\n';
    return kExitBadShard;
  } catch (const std::exception& e) {
    return refuse_usage("merge", e, lang);
  }

  const Registry& registry = catalogue::builtin();
  const Profile& profile = *registry.profile(run.profile);  // run_from_json() checked it
  report::Summary summary;
  bool failed = false;
  for (auto& r : reports)
    r.writer->begin(run);
  try {
    RunRules run_rules(registry, profile,
                       [](const Rule& /*rule*/) { return std::make_unique<SeenInvoices>(); });
    for (const auto& shard : a.shards) {
      merge::read_shard(shard, [&](LintedDocument&& doc) {
        check_across_shards(doc, run_rules, registry);
        summary.add(doc);
        failed = failed || std::ranges::any_of(doc.findings, [&](const Finding& f) {
                   return report::fails_run(f, run.fail_on);
                 });
        for (auto& r : reports)
          r.writer->document(doc);
      });
    }
  } catch (const merge::ShardError& e) {  // changed since the first pass
    std::cerr << "cprokit merge: " << e.message().in(lang) << '\n';
    return kExitBadShard;
  } catch (const SeenInvoicesError& e) {
    std::cerr << "cprokit merge: " << e.what() << '\n';
    return kExitInternal;
  }
  if (!end_reports(reports, a.outputs, summary, "merge", lang)) return kExitUsage;
  return failed ? kExitFatal : kExitOk;
}

}  // namespace cprokit::cli
