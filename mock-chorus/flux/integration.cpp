#include "mock-chorus/flux/integration.hpp"

#include <fmt/core.h>

#include "mock-chorus/flux/lot.hpp"
#include "mock-chorus/records/invoice_record.hpp"
#include "mock-chorus/wire/findings.hpp"
#include "rules/chorus/parties.hpp"
#include "rules/chorus/syntaxe_flux.hpp"

namespace cprokit::mock {
namespace {

// Findings that make a file unreceivable rather than an invoice rejected:
// those of a technical family (not XML, not an invoice, not valid against
// its schema, a PDF with no readable Factur-X invoice).
bool is_technical(const Registry& registry, const Finding& f) {
  const Family* family = registry.family_of(f.rule);
  return family != nullptr && family->technical;
}

class Examiner {
 public:
  Examiner(const AccountRecord& account, const Catalogue& catalogue, Millis now)
      : account_(account),
        catalogue_(catalogue),
        linter_(catalogue.linter_for(account)),
        now_(now) {}

  // The account's rules on the file: the supplier must be its structure
  // (CPRO-DEP-03), as every other rule of the linter's Chorus Pro profile.
  void file(const std::string& name, std::string_view bytes, const chorus::SyntaxeFlux& announced) {
    std::optional<Invoice> invoice;
    const LintedDocument doc = linter_.lint(name, bytes, invoice);
    bool technical = false;
    for (const auto& f : doc.findings) {
      if (f.severity == Severity::Fatal && is_technical(catalogue_.linter->registry(), f)) {
        technical = true;
        out.technical.push_back({f.rule,
                                 fmt::format("IRRECEVABILITE: {} : {}{}", name, f.message.fr,
                                             place_of(f.where, Lang::Fr)),
                                 "IRRECEVABILITE"});
      }
    }
    if (technical || !invoice) {
      ++out.rejected;
      return;
    }
    if (auto mismatch = chorus::syntaxe_mismatch(announced, doc.syntax)) {
      out.technical.push_back({"SYNTAXE_FLUX",
                               fmt::format("IRRECEVABILITE: {} : {}", name, mismatch->fr),
                               "IRRECEVABILITE"});
      ++out.rejected;
      return;
    }
    invoice_checks(*invoice, doc.findings);
  }

  FluxExamination out;

 private:
  void invoice_checks(const Invoice& invoice, const std::vector<Finding>& findings) {
    const Identifier* seller = chorus::siret_of(invoice.seller);
    const Identifier* buyer = chorus::siret_of(invoice.buyer);
    DpError base{seller != nullptr ? seller->value : "", buyer != nullptr ? buyer->value : "",
                 invoice.number ? invoice.number->value : "", ""};
    const std::size_t before = out.dp.size();
    for (const auto& f : findings) {
      if (f.severity != Severity::Fatal) continue;
      DpError e = base;
      e.libelle_erreur_dp = quoted(f, Lang::Fr);
      out.dp.push_back(std::move(e));
    }
    if (out.dp.size() == before) {
      out.accepted.push_back(record_of(invoice, account_, *catalogue_.directory, now_));
    } else {
      ++out.rejected;
    }
  }

  const AccountRecord& account_;
  const Catalogue& catalogue_;
  const Linter linter_;
  Millis now_;
};

}  // namespace

FluxExamination examine_flux(const FluxRecord& flux, std::string_view file,
                             const AccountRecord& account, const Catalogue& catalogue, Millis now) {
  Examiner examiner(account, catalogue, now);
  const auto syntaxe = chorus::find_syntaxe(flux.syntaxe_flux);
  if (!syntaxe || syntaxe->file == chorus::FluxFile::Unsupported) {
    examiner.out.technical.push_back(
        {"SYNTAXE_FLUX",
         fmt::format("IRRECEVABILITE: la syntaxe {} n'est pas prise en charge par le mock "
                     "cprokit (UBL, CII et Factur-X seulement).",
                     flux.syntaxe_flux),
         "IRRECEVABILITE"});
    ++examiner.out.rejected;
    return std::move(examiner.out);
  }
  if (is_gzip(file)) {
    auto lot = unpack_lot(file);
    if (const auto* error = std::get_if<LotError>(&lot)) {
      examiner.out.technical.push_back(
          {"LOT_ILLISIBLE", fmt::format("IRRECEVABILITE: {}", error->fr), "IRRECEVABILITE"});
      ++examiner.out.rejected;
      return std::move(examiner.out);
    }
    for (const auto& entry : std::get<std::vector<LotEntry>>(lot))
      examiner.file(entry.name, entry.bytes, *syntaxe);
  } else {
    examiner.file(flux.nom_fichier, file, *syntaxe);
  }
  return std::move(examiner.out);
}

std::string final_state(std::size_t integrated, std::size_t rejected) {
  if (integrated == 0) return "IN_REJETE";
  if (rejected > 0) return "IN_INTEGRE_PARTIEL";
  return "IN_INTEGRE";
}

}  // namespace cprokit::mock
