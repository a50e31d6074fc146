#include "rules/chorus/syntaxe_flux.hpp"

#include <array>

#include <fmt/core.h>

namespace cprokit::chorus {
namespace {

constexpr std::array<SyntaxeFlux, 12> kSyntaxes{{
    {"IN_DP_E1_UBL_INVOICE", "E1 - UBL 2.1 Invoice / CreditNote", FluxFile::Ubl},
    {"IN_DP_E1_CII_16B", "E1 - CII D16B", FluxFile::Cii},
    {"IN_DP_E1_XCBL", "E1 - xCBL", FluxFile::Unsupported},
    {"IN_DP_E1_PES_FACTURE", "E1 - PES Facture", FluxFile::Unsupported},
    {"IN_DP_E1_CII", "E1 - CII (ancienne version)", FluxFile::Unsupported},
    {"IN_DP_E2_CII_FACTURX", "E2 - Factur-X (PDF/A-3 + CII)", FluxFile::FacturX},
    {"IN_DP_E2_UBL_INVOICE_MIN", "E2 - UBL minimal + PDF", FluxFile::Ubl},
    {"IN_DP_E2_CII_MIN_16B", "E2 - CII D16B minimal + PDF", FluxFile::Cii},
    {"IN_DP_E2_CPP_FACTURE_MIN", "E2 - Chorus Pro minimal + PDF", FluxFile::Unsupported},
    {"IN_DP_E2_CII_MIN", "E2 - CII minimal (ancienne version)", FluxFile::Unsupported},
    {"IN_DP_E2_PES_FACTURE_MIN", "E2 - PES minimal", FluxFile::Unsupported},
    {"IN_DP_E3_UBL_INVOICE", "E3 - Mémoire de frais de justice UBL", FluxFile::Ubl},
}};

}  // namespace

std::optional<SyntaxeFlux> find_syntaxe(std::string_view code) {
  for (const auto& s : kSyntaxes) {
    if (s.code == code) return s;
  }
  return std::nullopt;
}

std::span<const SyntaxeFlux> all_syntaxes() {
  return kSyntaxes;
}

bool announces(FluxFile announced, Syntax found) {
  return (announced == FluxFile::Ubl && found == Syntax::Ubl) ||
         (announced == FluxFile::Cii && found == Syntax::Cii) ||
         (announced == FluxFile::FacturX && found == Syntax::FacturX);
}

std::string_view file_label(Syntax found) {
  switch (found) {
    case Syntax::Ubl:
      return "UBL";
    case Syntax::Cii:
      return "CII";
    case Syntax::FacturX:
      return "Factur-X (PDF)";
    default:
      return "?";
  }
}

std::optional<Message> syntaxe_mismatch(const SyntaxeFlux& declared, Syntax found) {
  if (announces(declared.file, found)) return std::nullopt;
  const auto fitting = syntaxe_for(found);
  return Message{
      fmt::format("Syntaxe {} ({}) annoncée, fichier {} reçu : Chorus Pro refuse le dépôt. {}",
                  declared.code, declared.libelle, file_label(found),
                  fitting ? fmt::format("Déposer ce fichier sous {}.", *fitting)
                          : std::string("Déposer le fichier que la syntaxe annonce.")),
      fmt::format("Syntax {} ({}) declared, {} file received: Chorus Pro refuses the deposit. {}",
                  declared.code, declared.libelle, file_label(found),
                  fitting ? fmt::format("Deposit this file under {}.", *fitting)
                          : std::string("Deposit the file the syntax announces."))};
}

std::optional<std::string_view> syntaxe_for(Syntax found) {
  switch (found) {
    case Syntax::Ubl:
      return "IN_DP_E1_UBL_INVOICE";
    case Syntax::Cii:
      return "IN_DP_E1_CII_16B";
    case Syntax::FacturX:
      return "IN_DP_E2_CII_FACTURX";
    default:
      return std::nullopt;
  }
}

}  // namespace cprokit::chorus
