// The Chorus Pro structure directory: the public structures (and private
// suppliers) known to a run, in the real API's vocabulary
// (../shared/chorus-pro/API.md §3.6 and §5). Read from the directory file
// (validators/directory), used by the Chorus Pro rules and served by the
// mock. Field names follow the JSON file's, in snake case. Who may call the
// mock (PISTE clients, technical accounts) is in the same file, but not
// here: the rules never need it (validators/directory/directory_file.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/chorus/engagement_pattern.hpp"

namespace cprokit::chorus {

struct PostalAddress {
  std::string adresse;
  std::string code_postal;
  std::string ville;
  std::string pays;
};

struct Parametres {  // API.md §5
  bool code_service_doit_etre_renseigne = false;
  bool numero_ej_doit_etre_renseigne = false;
  bool gestion_numero_ej_ou_code_service = false;
  bool statut_mise_en_paiement_nest_pas_remonte = false;
};

struct Service {
  std::string code_service;
  std::string libelle_service;
  bool est_actif = true;
  bool numero_engagement = false;  // EJ number mandatory for invoices to this service
};

struct Structure {
  std::int64_t id_structure_cpp = 0;  // assigned when the file has none
  std::string identifiant;            // the only required field
  std::string type_identifiant = "SIRET";
  std::string type_structure = "PUBLIQUE";  // PUBLIQUE | PRIVEE
  std::string raison_sociale;
  std::string libelle;
  std::string statut = "ACTIF";  // ACTIF | INACTIF
  PostalAddress adresse;
  Parametres parametres;
  // formatNumeroEngagement, as written and compiled (RE2's grammar).
  std::string format_numero_engagement;
  std::optional<EngagementPattern> format_numero_engagement_pattern;
  std::vector<Service> services;
  std::vector<std::string> engagements;

  bool is_active() const { return statut == "ACTIF"; }
  bool is_public() const { return type_structure == "PUBLIQUE"; }
  const Service* service(std::string_view code) const;
  bool has_engagement(std::string_view number) const;
};

struct Directory {
  int version = 1;
  std::vector<Structure> structures;

  // The structure whose identifiant is `identifiant` (first one), or null.
  const Structure* structure(std::string_view identifiant) const;
  // The structure whose idStructureCPP is `id`, or null.
  const Structure* structure_by_id(std::int64_t id) const;
  // The structure that holds engagement `number`, or null.
  const Structure* owner_of_engagement(std::string_view number) const;
};

}  // namespace cprokit::chorus
