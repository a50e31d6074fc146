// A Chorus Pro deposit request: the JSON body of
// POST /cpro/factures/v1/soumettre (../shared/chorus-pro/API.md §3.4), in the
// API's own vocabulary. The supplier types it in (or its tool fills it) to
// deposit an invoice by API; the rules check it before Chorus Pro does.
//
// A field the request does not carry is an empty optional. Amounts keep the
// JSON text's exact decimal value; paths are JSON Pointers
// ("/montantTotal/montantTVA", "/ligneTva/0/ligneTvaTaux").
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "rules/model/source.hpp"
#include "rules/model/values.hpp"

namespace cprokit {

struct DepositRequest {
  // Owns the path steps of every SourceRef below; shared by copies.
  std::shared_ptr<const SourcePaths> paths;
  SourceRef source;  // the whole request

  std::optional<Text> mode_depot;            // SAISIE_API, DEPOT_PDF_API…
  std::optional<Text> numero_facture_saisi;  // the invoice number, PDF modes
  std::optional<Text> date_facture;

  struct Cadre {  // cadreDeFacturation
    std::optional<Text> code_cadre_facturation;
    std::optional<Text> code_structure_valideur;
    std::optional<Text> code_service_valideur;
    SourceRef source;
  } cadre;

  struct Destinataire {
    std::optional<Text> code_destinataire;       // the buyer's SIRET
    std::optional<Text> code_service_executant;  // the service code
    SourceRef source;
  } destinataire;

  struct Fournisseur {
    std::optional<Number> id_fournisseur;  // the supplier's idStructureCPP
    std::optional<Number> id_service_fournisseur;
    std::optional<Number> code_coordonnees_bancaires;
    SourceRef source;
  } fournisseur;

  struct References {
    std::optional<Text> devise_facture;
    std::optional<Text> type_facture;  // FACTURE, AVOIR
    std::optional<Text> type_tva;
    std::optional<Text> mode_paiement;
    std::optional<Text> motif_exoneration_tva;
    std::optional<Text> numero_marche;
    std::optional<Text> numero_bon_commande;  // the engagement number
    std::optional<Text> numero_facture_origine;
    SourceRef source;
  } references;

  struct LignePoste {
    std::optional<Text> reference;
    std::optional<Text> denomination;
    std::optional<Number> quantite;
    std::optional<Text> unite;
    std::optional<Number> montant_unitaire_ht;
    std::optional<Number> montant_remise_ht;  // on the whole line
    std::optional<Text> taux_tva;             // a rate code: TVA20…
    std::optional<Number> taux_tva_manuel;
    SourceRef source;
  };
  std::vector<LignePoste> lignes_poste;

  struct LigneTva {
    std::optional<Text> taux;  // a rate code
    std::optional<Number> taux_manuel;
    std::optional<Number> montant_base_ht;
    std::optional<Number> montant_tva;
    SourceRef source;
  };
  std::vector<LigneTva> lignes_tva;

  struct MontantTotal {
    std::optional<Number> ht_total;
    std::optional<Number> tva;
    std::optional<Number> ttc_total;
    std::optional<Number> remise_globale_ttc;
    std::optional<Text> motif_remise_globale_ttc;
    std::optional<Number> a_payer;
    SourceRef source;
  };
  std::optional<MontantTotal> montant_total;

  struct PieceJointePrincipale {      // the deposited invoice file (pieceJointePrincipale)
    std::optional<Text> designation;  // the name Chorus Pro shows it under
    SourceRef source;
  };
  std::vector<PieceJointePrincipale> pieces_jointes_principales;
};

}  // namespace cprokit
