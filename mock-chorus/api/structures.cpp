// structures/v1: rechercher, consulter, rechercher/services, consulter/service
// (../shared/chorus-pro/API.md §3.6), served from the mock's directory.
#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "mock-chorus/api/routes.hpp"

namespace cprokit::mock {
namespace {

std::string statut_of(const chorus::Structure& s) {
  return s.is_active() ? "ACTIVE" : "INACTIVE";
}

// Services have no id in the directory file: numbered after their structure's.
std::int64_t id_service(const chorus::Structure& s, std::size_t index) {
  return s.id_structure_cpp * 1000 + static_cast<std::int64_t>(index) + 1;
}

const chorus::Structure& structure_named(const Catalogue& catalogue, const Fields& f,
                                         std::string_view field) {
  const std::int64_t id = f.required_integer(field);
  const chorus::Structure* s = catalogue.directory->structure_by_id(id);
  if (s == nullptr) {
    refuse(fmt::format("Structure {} introuvable ({}).", id, f.path_of(field)),
           fmt::format("No structure {} ({}).", id, f.path_of(field)));
  }
  return *s;
}

bool contains_folded(std::string_view haystack, std::string_view needle) {
  auto lower = [](std::string_view s) {
    std::string out(s);
    for (auto& c : out)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  };
  return lower(haystack).find(lower(needle)) != std::string::npos;
}

Reply rechercher(const Call& call) {
  const auto catalogue = call.mock.catalogue();
  const Criteria request(call.fields);
  const Criteria criteria = request.object("structure");
  const auto identifiant = criteria.text("identifiantStructure");
  const auto type_identifiant = criteria.text("typeIdentifiantStructure");
  const auto raison_sociale = criteria.text("raisonSocialeStructure");
  const auto type_structure = criteria.text("typeStructure");
  const auto statut = criteria.text("statutStructure");
  const bool only_public = request.narrows("restreindreStructuresPrivees");
  const Page page = page_of(request.object("parametres"), 100, 1000);

  std::vector<const chorus::Structure*> hits;
  for (const auto& s : catalogue->directory->structures) {
    if (identifiant && s.identifiant != *identifiant) continue;
    if (type_identifiant && s.type_identifiant != *type_identifiant) continue;
    if (raison_sociale && !contains_folded(s.raison_sociale, *raison_sociale)) continue;
    if (type_structure && s.type_structure != *type_structure) continue;
    if (statut && s.statut != *statut) continue;
    if (only_public && !s.is_public()) continue;
    hits.push_back(&s);
  }
  Json liste = Json::array();
  const auto first = static_cast<std::size_t>((page.number - 1) * page.size);
  for (std::size_t i = first; i < hits.size() && i < first + static_cast<std::size_t>(page.size);
       ++i) {
    const auto& s = *hits[i];
    liste.push_back({{"idStructureCPP", s.id_structure_cpp},
                     {"identifiantStructure", s.identifiant},
                     {"designationStructure", s.raison_sociale},
                     {"typeIdentifiantStructure", s.type_identifiant},
                     {"statut", statut_of(s)}});
  }
  return ok(
      {{"listeStructures", std::move(liste)},
       {"parametresRetour", parametres_retour(page, static_cast<std::int64_t>(hits.size()))}});
}

Reply consulter(const Call& call) {
  const auto catalogue = call.mock.catalogue();
  // The official examples send idStructureCPP; one maintained client sends idStructure.
  const bool cpp = call.fields.find("idStructureCPP") != nullptr;
  const auto& s = structure_named(*catalogue, call.fields, cpp ? "idStructureCPP" : "idStructure");
  return ok({
      {"adressePostaleDuSiege",
       {{"adresse", s.adresse.adresse},
        {"complementAdresse1", nullptr},
        {"complementAdresse2", nullptr},
        {"codePostal", s.adresse.code_postal},
        {"ville", s.adresse.ville},
        {"pays", s.adresse.pays}}},
      {"informationGenerales",
       {{"idStructureCPP", s.id_structure_cpp},
        {"identifiantStructure", s.identifiant},
        {"typeIdentifiantStructure", s.type_identifiant},
        {"libelleStructure", s.libelle},
        {"raisonSocialeStructure", s.raison_sociale},
        {"structurePriveePublique", s.type_structure},
        {"estValideurDeleguee", false}}},
      {"parametres",
       {{"codeServiceDoitEtreRenseigne", s.parametres.code_service_doit_etre_renseigne},
        {"numeroEJDoitEtreRenseigne", s.parametres.numero_ej_doit_etre_renseigne},
        {"gestionNumeroEJOuCodeService", s.parametres.gestion_numero_ej_ou_code_service},
        {"statutMiseEnPaiementNestPasRemonte",
         s.parametres.statut_mise_en_paiement_nest_pas_remonte},
        {"connexionEDI", false},
        {"recevoirDonneesViaEDI", false},
        {"estMoaUniquement", false},
        {"estValideurDelegue", false},
        {"nonDiffusibleInsee", false}}},
  });
}

Json service_entry(const chorus::Structure& s, std::size_t index) {
  const auto& service = s.services[index];
  return {{"idService", id_service(s, index)},
          {"codeService", service.code_service},
          {"libelleService", service.libelle_service},
          {"dateDbtService", "2016-01-01 00:00"},
          {"dateFinService", service.est_actif ? "2099-12-31 00:00" : "2025-12-31 00:00"},
          {"estActif", service.est_actif},
          {"statutService", service.est_actif ? "ACTIF" : "INACTIF"}};
}

Reply rechercher_services(const Call& call) {
  const auto catalogue = call.mock.catalogue();
  const auto& s = structure_named(*catalogue, call.fields, "idStructure");
  const Page page =
      page_of(Criteria(call.fields).object("parametresRechercherServicesStructure"), 100, 10000);
  Json liste = Json::array();
  const auto first = static_cast<std::size_t>((page.number - 1) * page.size);
  for (std::size_t i = first;
       i < s.services.size() && i < first + static_cast<std::size_t>(page.size); ++i) {
    liste.push_back(service_entry(s, i));
  }
  return ok({{"listeServices", std::move(liste)},
             {"parametresRetour",
              parametres_retour(page, static_cast<std::int64_t>(s.services.size()))}});
}

Reply consulter_service(const Call& call) {
  const auto catalogue = call.mock.catalogue();
  const auto& s = structure_named(*catalogue, call.fields, "idStructure");
  const std::int64_t id = call.fields.required_integer("idService");
  for (std::size_t i = 0; i < s.services.size(); ++i) {
    if (id_service(s, i) != id) continue;
    const auto& service = s.services[i];
    return ok({{"adressePostale",
                {{"adresse", s.adresse.adresse},
                 {"codePostal", s.adresse.code_postal},
                 {"ville", s.adresse.ville},
                 {"pays", s.adresse.pays}}},
               {"informationsGenerales",
                {{"codeService", service.code_service},
                 {"nomService", service.libelle_service},
                 {"descriptionService", service.libelle_service}}},
               {"parametres",
                {{"dateCreation", "2016-01-01"},
                 {"dateDebutValidite", "2016-01-01"},
                 {"dateFinValidite", service.est_actif ? "2099-12-31" : "2025-12-31"},
                 {"dateModification", "2016-01-01"},
                 {"numeroEngagement", service.numero_engagement},
                 {"miseEnPaiement", !s.parametres.statut_mise_en_paiement_nest_pas_remonte}}}});
  }
  refuse(fmt::format("Service {} introuvable dans la structure {}.", id, s.id_structure_cpp),
         fmt::format("No service {} in structure {}.", id, s.id_structure_cpp));
}

}  // namespace

std::vector<Route> structures_routes() {
  return {{"/cpro/structures/v1/rechercher", rechercher},
          {"/cpro/structures/v1/consulter", consulter},
          {"/cpro/structures/v1/rechercher/services", rechercher_services},
          {"/cpro/structures/v1/consulter/service", consulter_service}};
}

}  // namespace cprokit::mock
