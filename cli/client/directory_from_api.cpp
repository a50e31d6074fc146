#include "cli/client/directory_from_api.hpp"

#include <string>

namespace cprokit::client {
namespace {

using nlohmann::json;

const json& member(const json& object, const char* name) {
  static const json kNull;
  if (!object.is_object()) return kNull;
  const auto it = object.find(name);
  return it == object.end() ? kNull : *it;
}

// A text field; a number is written out (the official examples show some
// SIRETs as numbers).
std::string text(const json& object, const char* name, std::string fallback = {}) {
  const json& value = member(object, name);
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number_integer()) return std::to_string(value.get<std::int64_t>());
  return fallback;
}

bool flag(const json& object, const char* name, bool fallback = false) {
  const json& value = member(object, name);
  return value.is_boolean() ? value.get<bool>() : fallback;
}

std::int64_t integer(const json& object, const char* name) {
  const json& value = member(object, name);
  if (value.is_number_integer()) return value.get<std::int64_t>();
  if (value.is_string()) {
    try {
      return std::stoll(value.get<std::string>());
    } catch (const std::exception&) {
      return 0;
    }
  }
  return 0;
}

const json& list(const json& object, const char* name) {
  static const json kEmpty = json::array();
  const json& value = member(object, name);
  return value.is_array() ? value : kEmpty;
}

// rechercher says ACTIVE / INACTIVE, the directory ACTIF / INACTIF.
std::string statut_of(const std::string& api) {
  return api == "INACTIVE" || api == "INACTIF" ? "INACTIF" : "ACTIF";
}

}  // namespace

chorus::Structure structure_from_api(const StructureAnswers& a) {
  chorus::Structure s;
  const json& general = member(a.consulter, "informationGenerales");
  s.id_structure_cpp = integer(a.found, "idStructureCPP");
  if (s.id_structure_cpp == 0) s.id_structure_cpp = integer(general, "idStructureCPP");
  s.identifiant = text(a.found, "identifiantStructure", text(general, "identifiantStructure"));
  s.type_identifiant = text(a.found, "typeIdentifiantStructure", s.type_identifiant);
  s.raison_sociale = text(general, "raisonSocialeStructure", text(a.found, "designationStructure"));
  s.libelle = text(general, "libelleStructure", s.raison_sociale);
  s.type_structure = text(general, "structurePriveePublique", s.type_structure);
  s.statut = statut_of(text(a.found, "statut", "ACTIVE"));

  const json& address = member(a.consulter, "adressePostaleDuSiege");
  s.adresse = {text(address, "adresse"), text(address, "codePostal"), text(address, "ville"),
               text(address, "pays")};

  const json& p = member(a.consulter, "parametres");
  s.parametres.code_service_doit_etre_renseigne = flag(p, "codeServiceDoitEtreRenseigne");
  s.parametres.numero_ej_doit_etre_renseigne = flag(p, "numeroEJDoitEtreRenseigne");
  s.parametres.gestion_numero_ej_ou_code_service = flag(p, "gestionNumeroEJOuCodeService");
  s.parametres.statut_mise_en_paiement_nest_pas_remonte =
      flag(p, "statutMiseEnPaiementNestPasRemonte");

  const std::string detailed = text(member(a.service, "informationsGenerales"), "codeService");
  for (const json& entry : list(a.services, "listeServices")) {
    chorus::Service service;
    service.code_service = text(entry, "codeService");
    service.libelle_service = text(entry, "libelleService");
    service.est_actif = flag(entry, "estActif", text(entry, "statutService", "ACTIF") == "ACTIF");
    // Whether the service requires an engagement number is only in its detail.
    if (!detailed.empty() && service.code_service == detailed) {
      service.numero_engagement = flag(member(a.service, "parametres"), "numeroEngagement");
    }
    if (!service.code_service.empty()) s.services.push_back(std::move(service));
  }
  for (const json& entry : list(a.engagements, "listeEngagementJuridique")) {
    const std::string number = text(entry, "numeroEngagementJuridique");
    if (!number.empty()) s.engagements.push_back(number);
  }
  return s;
}

chorus::Directory directory_from_api(const std::vector<StructureAnswers>& structures) {
  chorus::Directory directory;
  for (const auto& answers : structures) {
    chorus::Structure s = structure_from_api(answers);
    if (s.identifiant.empty() || directory.structure(s.identifiant) != nullptr) continue;
    directory.structures.push_back(std::move(s));
  }
  return directory;
}

}  // namespace cprokit::client
