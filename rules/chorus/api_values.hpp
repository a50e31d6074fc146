// The values of the API's enumerations that a deposit request carries
// (../shared/chorus-pro/API.md §4.4 and §4.6), in one place: CPRO-DEP-02
// checks them and the mock's portal offers them in its forms.
#pragma once

#include <array>
#include <string_view>

namespace cprokit::chorus {

inline constexpr std::array<std::string_view, 3> kModesDepot = {"SAISIE_API", "DEPOT_PDF_API",
                                                                "DEPOT_PDF_SIGNE_API"};
inline constexpr std::array<std::string_view, 3> kTypesFacture = {"FACTURE", "AVOIR", "ACOMPTE"};
inline constexpr std::array<std::string_view, 4> kTypesTva = {
    "TVA_SUR_DEBIT", "TVA_SUR_ENCAISSEMENT", "EXONERATION", "SANS_TVA"};
inline constexpr std::array<std::string_view, 6> kModesPaiement = {
    "CHEQUE", "PRELEVEMENT", "VIREMENT", "ESPECE", "AUTRE", "REPORT"};
inline constexpr std::array<std::string_view, 25> kCadres = {
    "A1_FACTURE_FOURNISSEUR",
    "A2_FACTURE_FOURNISSEUR_DEJA_PAYEE",
    "A3_MEMOIRE_JUSTICE",
    "A4_PROJET_DECOMPTE_MENSUEL_FOURNISSEUR",
    "A5_ETAT_ACOMPTE_FOURNISSEUR",
    "A6_ETAT_ACOMPTE_VALIDE_FOURNISSEUR",
    "A7_PROJET_DECOMPTE_FINAL_FOURNISSEUR",
    "A8_DECOMPTE_GENERAL_DEFINITIF_FOURNISSEUR",
    "A9_FACTURE_SOUSTRAITANT",
    "A10_PROJET_DECOMPTE_MENSUEL_SOUSTRAITANT",
    "A11_PROJET_DECOMPTE_FINAL_SOUSTRAITANT",
    "A12_FACTURE_COTRAITANT",
    "A13_PROJET_DECOMPTE_MENSUEL_COTRAITANT",
    "A14_PROJET_DECOMPTE_FINAL_COTRAITANT",
    "A15_ETAT_ACOMPTE_MOE",
    "A16_ETAT_ACOMPTE_VALIDE_MOE",
    "A17_PROJET_DECOMPTE_GENERAL_MOE",
    "A18_DECOMPTE_GENERAL_MOE",
    "A19_ETAT_ACOMPTE_VALIDE_MOA",
    "A20_DECOMPTE_GENERAL_MOA",
    "A21_DEMANDE_REMBOURSEMENT_TIC",
    "A22_PROJET_DECOMPTE_GENERAL_FOURNISSEUR_PROCEDURE_TACITE",
    "A23_DECOMPTE_GENERAL_DEFINITIF_TACITE_FOURNISSEUR",
    "A24_DECOMPTE_GENERAL_DEFINITIF_TACITE_MOE",
    "A25_DECOMPTE_GENERAL_DEFINITIF_MOE_PROCEDURE_TACITE",
};

}  // namespace cprokit::chorus
