#include "validators/pdf/facturx_findings.hpp"

#include <fmt/format.h>

#include "rules/syntax/syntax_rules.hpp"

namespace cprokit::pdf {
namespace {

std::string listed(const std::vector<std::string>& names, std::string_view none = "-") {
  return names.empty() ? std::string(none) : fmt::format("{}", fmt::join(names, ", "));
}

}  // namespace

Finding finding_for(const ExtractError& error, std::size_t max_bytes) {
  switch (error.problem) {
    case Problem::Unreadable:
      return syntax::finding(
          syntax::kPdfUnreadable, {},
          {fmt::format("PDF illisible (endommagé, tronqué ou chiffré avec un mot de passe) : {}",
                       error.detail),
           fmt::format("Unreadable PDF (damaged, truncated or encrypted with a password): {}",
                       error.detail)});
    case Problem::NoInvoice:
      return syntax::finding(
          syntax::kPdfNoInvoice, {},
          {fmt::format("Aucune facture Factur-X dans ce PDF : pas de fichier joint factur-x.xml "
                       "(ni zugferd-invoice.xml, xrechnung.xml). Fichiers joints : {}.",
                       listed(error.names, "aucun")),
           fmt::format("No Factur-X invoice in this PDF: no embedded factur-x.xml (nor "
                       "zugferd-invoice.xml, xrechnung.xml). Embedded files: {}.",
                       listed(error.names, "none"))});
    case Problem::SeveralXmls:
      return syntax::finding(
          syntax::kPdfSeveralInvoices, {},
          {fmt::format("Plusieurs factures XML jointes ({}) et aucune désignée par les "
                       "métadonnées XMP (fx:DocumentFileName) : laquelle est la facture ?",
                       listed(error.names)),
           fmt::format("Several invoice XMLs embedded ({}) and none named by the XMP metadata "
                       "(fx:DocumentFileName): which one is the invoice?",
                       listed(error.names))});
    case Problem::TooLarge:
      break;
  }
  return syntax::finding(
      syntax::kTooLarge, {listed(error.names), 0, 0},
      {fmt::format("Le fichier joint {} dépasse {} octets une fois décompressé (option "
                   "--max-bytes). Il n'a pas été lu.",
                   listed(error.names), max_bytes),
       fmt::format("The embedded file {} is over {} bytes once decompressed (option "
                   "--max-bytes). It was not read.",
                   listed(error.names), max_bytes)});
}

std::optional<Finding> level_finding(const std::optional<std::string>& level) {
  if (!level || (*level != "MINIMUM" && *level != "BASIC WL")) return std::nullopt;
  return syntax::finding(
      syntax::kPdfNotEn16931, {},
      {fmt::format("Factur-X de niveau {} (XMP fx:ConformanceLevel) : ce niveau ne porte pas une "
                   "facture EN 16931 complète (ni lignes, ni la plupart des termes) ; le PDF "
                   "seul fait foi. Déposer un Factur-X BASIC, EN 16931 ou EXTENDED.",
                   *level),
       fmt::format("Factur-X level {} (XMP fx:ConformanceLevel): this level does not carry a "
                   "complete EN 16931 invoice (no lines, few of its terms); only the PDF is the "
                   "invoice. Deposit a BASIC, EN 16931 or EXTENDED Factur-X.",
                   *level)});
}

Finding ubl_inside(std::string_view name) {
  return syntax::finding(
      syntax::kNotAnInvoice, {std::string(name), 0, 0},
      {fmt::format("Le fichier joint {} est une facture UBL : un Factur-X porte une facture CII "
                   "D16B (CrossIndustryInvoice). Il n'a pas été vérifié.",
                   name),
       fmt::format("The embedded file {} is a UBL invoice: a Factur-X carries a CII D16B "
                   "invoice (CrossIndustryInvoice). It was not checked.",
                   name)});
}

void place_inside(std::string_view name, Location& where) {
  where.path = where.path.empty() ? std::string(name) : fmt::format("{}:{}", name, where.path);
}

}  // namespace cprokit::pdf
