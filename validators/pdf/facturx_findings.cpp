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
          {fmt::format("PDF illisible (endommagé ou tronqué) : {}", error.detail),
           fmt::format("Unreadable PDF (damaged or truncated): {}", error.detail)});
    case Problem::Encrypted:
      return syntax::finding(
          syntax::kPdfEncrypted, {},
          {"PDF chiffré : Chorus Pro refuse les PDF chiffrés ou protégés par mot de passe, même "
           "ceux qui s'ouvrent sans. Le déposer tel qu'il est produit, sans protection.",
           "Encrypted PDF: Chorus Pro refuses encrypted or password-protected PDFs, even those "
           "that open without one. Deposit it as produced, without protection."});
    case Problem::NoInvoice:
      return syntax::finding(
          syntax::kPdfNoInvoice, {},
          {fmt::format("Aucune facture Factur-X dans ce PDF : pas de fichier joint factur-x.xml "
                       "(ni zugferd-invoice.xml, xrechnung.xml). Fichiers joints : {}. Un PDF "
                       "simple ne se dépose qu'avec les données de la facture saisies dans le "
                       "formulaire du portail ; sinon, déposer un Factur-X.",
                       listed(error.names, "aucun")),
           fmt::format("No Factur-X invoice in this PDF: no embedded factur-x.xml (nor "
                       "zugferd-invoice.xml, xrechnung.xml). Embedded files: {}. A plain PDF can "
                       "be deposited only with the invoice's data typed into the portal's form; "
                       "otherwise deposit a Factur-X.",
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

std::optional<Finding> level_finding(FacturXProfile profile, bool from_bt24) {
  if (is_en16931_invoice(profile)) return std::nullopt;
  const std::string_view by_fr = from_bt24 ? "profil du XML, BT-24" : "XMP fx:ConformanceLevel";
  const std::string_view by_en = from_bt24 ? "the XML's profile, BT-24" : "XMP fx:ConformanceLevel";
  return syntax::finding(
      syntax::kPdfNotEn16931, {},
      {fmt::format("Factur-X de niveau {} ({}) : ce niveau ne porte pas une facture EN 16931 "
                   "complète ({}) ; le PDF seul fait foi et son XML n'est jugé que par son "
                   "schéma XSD, pas par les règles EN 16931. Déposer un Factur-X BASIC, EN 16931 "
                   "ou EXTENDED.",
                   level_of(profile), by_fr, lacks_fr(profile)),
       fmt::format("Factur-X level {} ({}): this level does not carry a complete EN 16931 "
                   "invoice ({}); only the PDF is the invoice and its XML is judged by its XSD "
                   "schema alone, not by the EN 16931 rules. Deposit a BASIC, EN 16931 or "
                   "EXTENDED Factur-X.",
                   level_of(profile), by_en, lacks_en(profile))});
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
