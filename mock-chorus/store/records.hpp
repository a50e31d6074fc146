// What the mock keeps: the rows of its database, as plain values. Names
// follow the Chorus Pro API's fields (../shared/chorus-pro/API.md §3).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace cprokit::mock {

// Milliseconds since the Unix epoch (UTC): every time the mock stores.
using Millis = std::int64_t;

struct AccountRecord {  // a technical account of a structure
  std::string login;
  std::string password_hash;
  std::int64_t id_structure = 0;
  std::int64_t id_utilisateur = 0;
};

struct FluxRecord {  // one deposer/flux
  std::string numero_flux_depot;
  std::string login;
  std::int64_t id_structure = 0;
  std::string nom_fichier;
  std::string syntaxe_flux;
  Millis date_depot = 0;
  std::string etat;  // IN_RECU … IN_INTEGRE / IN_INTEGRE_PARTIEL / IN_REJETE
  Millis date_etat = 0;
  // {"listeErreurTechnique": [...], "listeErreurDP": [...]} once processed.
  std::string erreurs_json;
};

struct InvoiceRecord {
  std::int64_t identifiant_facture_cpp = 0;  // assigned on insert
  std::optional<std::string> numero_flux_depot;
  std::string mode_depot;  // EDI for a flux, else the soumettre modeDepot
  std::string login;       // the technical account that deposited it
  std::int64_t id_fournisseur = 0;
  std::string code_fournisseur;  // the supplier's SIRET
  std::string designation_fournisseur;
  std::string numero_facture;
  std::string date_facture;  // YYYY-MM-DD
  std::string type_facture;  // FACTURE | AVOIR
  std::string devise;
  std::string cadre_facturation;
  std::string montant_ht;  // exact decimals, as in the document
  std::string montant_tva;
  std::string montant_ttc;
  std::string montant_a_payer;
  std::string code_destinataire;
  std::optional<std::int64_t> id_destinataire;
  std::string designation_destinataire;
  std::optional<std::string> code_service_executant;
  std::optional<std::string> numero_bon_commande;
  std::optional<std::string> numero_marche;
  std::string statut;
  Millis date_statut = 0;
  std::optional<std::string> commentaire_statut;
  Millis date_depot = 0;
  // The rest of consulter/fournisseur's answer (lines, VAT summary), as JSON.
  std::string detail_json;
};

struct HistoryEntry {
  std::string statut;
  Millis date = 0;
  std::optional<std::string> commentaire;
  std::string utilisateur;
};

// One status change of an invoice, with what a notification mail names.
struct StatusEvent {
  std::int64_t identifiant_facture_cpp = 0;
  std::string numero_facture;
  std::string login;  // the technical account that deposited the invoice
  HistoryEntry entry;
};

// A status the buyer's side is to set on an invoice `after` milliseconds
// after it reached MISE_A_DISPOSITION (a scenario's outcome), kept in the
// store so that it survives a restart.
struct PlannedMove {
  std::string statut;
  std::optional<std::string> motif;
  Millis after = 0;
};

struct DueMove {
  std::int64_t identifiant_facture_cpp = 0;
  PlannedMove move;
};

struct AttachmentRecord {
  std::int64_t piece_jointe_id = 0;
  std::string login;
  std::string nom;
  std::string extension;
  std::string type_mime;
  std::int64_t taille = 0;
  Millis date = 0;
};

}  // namespace cprokit::mock
