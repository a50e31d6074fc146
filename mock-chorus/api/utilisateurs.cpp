// utilisateurs/v1/monCompte/recuperer/rattachements and
// engagementsJuridiques/v1/rechercher (../shared/chorus-pro/API.md §2.4, §3.8).
#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "mock-chorus/api/routes.hpp"

namespace cprokit::mock {
namespace {

// The technical account's structure: the supplier it deposits for.
Reply rattachements(const Call& call) {
  const auto catalogue = call.mock.catalogue();
  Json liste = Json::array();
  if (const chorus::Structure* s =
          catalogue->directory->structure_by_id(call.account.id_structure)) {
    liste.push_back({{"idRattachementStructure", call.account.id_utilisateur},
                     {"idStructure", s->id_structure_cpp},
                     {"identifiantStructure", s->identifiant},
                     {"designationStructure", s->raison_sociale},
                     {"typeIdentifiantStructure", s->type_identifiant},
                     {"statutRattachementStructure", "ACTIF"},
                     {"listeServicesRattache", Json::array()}});
  }
  const auto total = static_cast<std::int64_t>(liste.size());
  return ok({{"listeStructureRattachement", std::move(liste)},
             {"parametresRetour", parametres_retour({}, total)}});
}

Reply rechercher_engagements(const Call& call) {
  const auto catalogue = call.mock.catalogue();
  const Criteria criteria(call.fields);
  const auto id = criteria.integer("structureReceptriceEngagementJuridique");
  const auto numero = criteria.text("numeroEngagementJuridique");
  Json liste = Json::array();
  for (const auto& s : catalogue->directory->structures) {
    if (id && s.id_structure_cpp != *id) continue;
    for (const auto& e : s.engagements) {
      if (numero && e != *numero) continue;
      liste.push_back({{"numeroEngagementJuridique", e},
                       {"idStructureReceptrice", s.id_structure_cpp},
                       {"identifiantStructureReceptrice", s.identifiant},
                       {"etatCourantEngagementJuridique", "COMMANDE"}});
    }
  }
  const auto total = static_cast<std::int64_t>(liste.size());
  return ok(
      {{"listeEngagementJuridique", std::move(liste)},
       {"parametresRetour", parametres_retour({1, std::max<std::int64_t>(total, 1)}, total)}});
}

}  // namespace

std::vector<Route> utilisateurs_routes() {
  return {{"/cpro/utilisateurs/v1/monCompte/recuperer/rattachements", rattachements},
          {"/cpro/engagementsJuridiques/v1/rechercher", rechercher_engagements}};
}

}  // namespace cprokit::mock
