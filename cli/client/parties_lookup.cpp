#include "cli/client/parties_lookup.hpp"

#include <vector>

#include "cli/client/directory_from_api.hpp"

namespace cprokit::client {
namespace {

using nlohmann::json;

struct Lookup {
  ChorusClient& client;
  CallStats* stats;

  json call(std::string_view path, const json& body) const {
    return client.call(path, body, stats);
  }

  // The structure listed under `siret`, or null.
  json find(const std::string& siret) const {
    const json answer = call(
        "structures/v1/rechercher",
        {{"structure", {{"identifiantStructure", siret}, {"typeIdentifiantStructure", "SIRET"}}}});
    const json& list = answer.value("listeStructures", json::array());
    return list.is_array() && !list.empty() ? list.front() : json();
  }

  // Everything the rules read of one structure.
  StructureAnswers structure(json found, const InvoiceFacts& facts, bool routed_to) const {
    StructureAnswers a;
    a.found = std::move(found);
    const json id = a.found.value("idStructureCPP", json());
    a.consulter = call("structures/v1/consulter", {{"idStructureCPP", id}});
    if (!routed_to) return a;
    a.services = call("structures/v1/rechercher/services",
                      {{"idStructure", id},
                       {"parametresRechercherServicesStructure", {{"nbResultatsParPage", 1000}}}});
    for (const json& s : a.services.value("listeServices", json::array())) {
      if (!facts.service_code.empty() && s.value("codeService", "") == facts.service_code) {
        a.service = call("structures/v1/consulter/service",
                         {{"idStructure", id}, {"idService", s.value("idService", json())}});
      }
    }
    if (!facts.engagement.empty()) {
      a.engagements = call("engagementsJuridiques/v1/rechercher",
                           {{"structureReceptriceEngagementJuridique", id},
                            {"numeroEngagementJuridique", facts.engagement}});
    }
    return a;
  }

  // The structure that holds the engagement number when the buyer does not
  // (the budget the purchase order was really issued by), for CPRO-ENG-03.
  std::optional<StructureAnswers> engagement_owner(const InvoiceFacts& facts,
                                                   const json& buyer_id) const {
    const json answer = call("engagementsJuridiques/v1/rechercher",
                             {{"numeroEngagementJuridique", facts.engagement}});
    for (const json& e : answer.value("listeEngagementJuridique", json::array())) {
      const json owner = e.value("idStructureReceptrice", json());
      if (owner.is_null() || owner == buyer_id) continue;
      StructureAnswers a;
      a.found = {{"idStructureCPP", owner},
                 {"identifiantStructure", e.value("identifiantStructureReceptrice", json())}};
      a.consulter = call("structures/v1/consulter", {{"idStructureCPP", owner}});
      a.engagements = {{"listeEngagementJuridique", json::array({e})}};
      return a;
    }
    return std::nullopt;
  }
};

}  // namespace

Parties look_up_parties(ChorusClient& client, const InvoiceFacts& facts, CallStats* stats) {
  const Lookup lookup{client, stats};
  std::vector<StructureAnswers> answers;
  Parties parties;

  const json attached =
      lookup.call("utilisateurs/v1/monCompte/recuperer/rattachements", json::object());
  const json& list = attached.value("listeStructureRattachement", json::array());
  if (list.is_array() && !list.empty()) {
    const json& own = list.front();
    auto depositor = std::make_shared<chorus::Depositor>();
    depositor->login = client.login();
    depositor->id_structure_cpp = own.value("idStructure", std::int64_t{0});
    depositor->identifiant = own.value("identifiantStructure", "");
    parties.depositor = std::move(depositor);
  }

  if (!facts.buyer_siret.empty()) {
    // A buyer the server does not know is left out: CPRO-SIRET-03 says so.
    if (json found = lookup.find(facts.buyer_siret); !found.is_null()) {
      const json id = found.value("idStructureCPP", json());
      StructureAnswers buyer = lookup.structure(std::move(found), facts, true);
      const bool holds =
          !buyer.engagements.value("listeEngagementJuridique", json::array()).empty();
      answers.push_back(std::move(buyer));
      if (!facts.engagement.empty() && !holds) {
        if (auto owner = lookup.engagement_owner(facts, id)) answers.push_back(std::move(*owner));
      }
    }
  }
  if (!facts.seller_siret.empty() && facts.seller_siret != facts.buyer_siret) {
    if (json found = lookup.find(facts.seller_siret); !found.is_null())
      answers.push_back(lookup.structure(std::move(found), facts, false));
  }
  parties.directory = std::make_shared<const chorus::Directory>(directory_from_api(answers));
  return parties;
}

}  // namespace cprokit::client
