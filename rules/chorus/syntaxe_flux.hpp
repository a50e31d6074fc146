// The syntaxeFlux values of deposer/flux (../shared/chorus-pro/API.md §4.1),
// the file each one announces, and the one a file of a given syntax is
// deposited under: the mock checks a flux against them, the API client
// (cli/client/) picks one for the file it deposits.
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "rules/finding.hpp"
#include "rules/model/document_type.hpp"

namespace cprokit::chorus {

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

// Whether a file read as `found` is the file `announced` says.
bool announces(FluxFile announced, Syntax found);

// How messages name a file read as `found` ("UBL", "CII", "Factur-X (PDF)").
std::string_view file_label(Syntax found);

// Why a file read as `found` cannot be deposited under `declared` (a UBL
// under IN_DP_E2_CII_FACTURX, a PDF under IN_DP_E1_UBL_INVOICE…), naming
// both; nullopt when it can. The one policy of lint --syntaxe-flux and of
// the mock's deposit.
std::optional<Message> syntaxe_mismatch(const SyntaxeFlux& declared, Syntax found);

// The syntaxeFlux a file of syntax `found` is deposited under (E1 UBL, E1
// CII D16B, E2 Factur-X); nullopt for a syntax no flux carries.
std::optional<std::string_view> syntaxe_for(Syntax found);

}  // namespace cprokit::chorus
