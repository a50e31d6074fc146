// The syntaxeFlux values of deposer/flux (../shared/chorus-pro/API.md §4.1)
// and the file each one announces.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace cprokit::mock {

enum class FluxFile {
  Ubl,          // a UBL 2.1 Invoice or CreditNote
  Cii,          // a CII D16B CrossIndustryInvoice
  FacturX,      // a PDF/A-3 with its CII
  Unsupported,  // a real syntax (xCBL, PES, Chorus Pro's own) the mock does not read
};

struct SyntaxeFlux {
  std::string_view code;
  std::string_view libelle;
  FluxFile file;
};

// Every value the real API lists; nullopt for any other string.
std::optional<SyntaxeFlux> find_syntaxe(std::string_view code);
std::span<const SyntaxeFlux> all_syntaxes();

}  // namespace cprokit::mock
