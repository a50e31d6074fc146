// The Chorus Pro portal's account creation form, as a file (ACCOUNT-JSON):
// the user, the structure the account is attached to, and the features and
// spaces it asks for. The rules say, before the portal does, what would stop
// the account from depositing invoices. Paths are JSON Pointers.
#pragma once

#include <memory>
#include <optional>

#include "rules/model/source.hpp"
#include "rules/model/values.hpp"

namespace cprokit {

struct AccountForm {
  // Owns the path steps of every SourceRef below; shared by copies.
  std::shared_ptr<const SourcePaths> paths;
  SourceRef source;  // the whole form

  struct Compte {
    std::optional<Text> email;  // the login
    std::optional<Text> nom;
    std::optional<Text> prenom;
    std::optional<Text> telephone;
    std::optional<Text> mot_de_passe;
    std::optional<Text> confirmation_mot_de_passe;
    std::optional<Text> question_secrete;
    std::optional<Text> reponse_secrete;
    SourceRef source;
  } compte;

  struct Structure {
    std::optional<Text> type_identifiant;  // SIRET, UE_HORS_FRANCE…
    std::optional<Text> identifiant;
    std::optional<Text> raison_sociale;
    std::optional<Text> adresse;
    std::optional<Text> complement_adresse1;
    std::optional<Text> complement_adresse2;
    std::optional<Text> code_postal;
    std::optional<Text> ville;
    std::optional<Text> pays;
    SourceRef source;
  } structure;

  struct Fonctionnalites {
    std::optional<Flag> deposer_demandes_paiement;
    std::optional<Flag> dume;
    SourceRef source;
  } fonctionnalites;

  struct Espaces {
    std::optional<Flag> factures_emises;
    std::optional<Flag> sollicitations_emises;
    SourceRef source;
  } espaces;
};

}  // namespace cprokit
