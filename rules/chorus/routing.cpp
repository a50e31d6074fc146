#include "rules/chorus/routing.hpp"

#include <algorithm>

#include "rules/chorus/parties.hpp"

namespace cprokit::chorus {
namespace {

constexpr RoutingNames kInvoiceNames{
    {"BT-47, identifiant légal de l'acheteur, schéma 0009",
     "BT-47, buyer legal registration identifier, scheme 0009"},
    {"BT-47", "BT-47"},
    {"BT-10, référence de l'acheteur", "BT-10, buyer reference"},
    {"BT-10", "BT-10"},
    {"BT-13, référence du bon de commande", "BT-13, purchase order reference"},
    {"BT-13", "BT-13"},
};

constexpr RoutingNames kDepositRequestNames{
    {"destinataire.codeDestinataire", "destinataire.codeDestinataire"},
    {"destinataire.codeDestinataire", "destinataire.codeDestinataire"},
    {"destinataire.codeServiceExecutant", "destinataire.codeServiceExecutant"},
    {"destinataire.codeServiceExecutant", "destinataire.codeServiceExecutant"},
    {"references.numeroBonCommande", "references.numeroBonCommande"},
    {"references.numeroBonCommande", "references.numeroBonCommande"},
};

bool blank(std::string_view s) {
  return std::ranges::all_of(s, [](char c) { return c == ' ' || c == '\t' || c == '\n'; });
}

const Structure* by_siret(const Context& context, std::string_view siret) {
  return context.directory != nullptr && !siret.empty() ? context.directory->structure(siret)
                                                        : nullptr;
}

const Structure* owner_of_engagement(const Context& context, const Structure* buyer,
                                     const Text* engagement) {
  if (context.directory == nullptr || engagement == nullptr) return nullptr;
  if (buyer != nullptr && buyer->has_engagement(engagement->value)) return buyer;
  return context.directory->owner_of_engagement(engagement->value);
}

}  // namespace

const Text* filled(const std::optional<Text>& text) {
  return text && !blank(text->value) ? &*text : nullptr;
}

Routing routing_of(const Invoice& invoice, const Context& context) {
  Routing r;
  if (const Identifier* siret = siret_of(invoice.buyer)) {
    r.buyer_siret = Routing::Value{siret->value, siret->source};
  }
  r.buyer = invoice.buyer.source;
  r.engagement_home = invoice.buyer.source;
  r.service_code = filled(invoice.buyer_reference);
  r.engagement = filled(invoice.purchase_order_reference);
  if (context.directory != nullptr) {
    if (r.buyer_siret) r.buyer_structure = by_siret(context, r.buyer_siret->value);
    if (const Identifier* seller = siret_of(invoice.seller)) {
      r.supplier = by_siret(context, seller->value);
    }
  }
  r.engagement_owner = owner_of_engagement(context, r.buyer_structure, r.engagement);
  r.names = &kInvoiceNames;
  return r;
}

Routing routing_of(const DepositRequest& request, const Context& context) {
  Routing r;
  if (const Text* siret = filled(request.destinataire.code_destinataire)) {
    r.buyer_siret = Routing::Value{siret->value, siret->source};
  }
  const auto or_root = [&](const SourceRef& object) {
    return object.step != nullptr ? object : request.source;
  };
  r.buyer = or_root(request.destinataire.source);
  r.engagement_home = or_root(request.references.source);
  r.service_code = filled(request.destinataire.code_service_executant);
  r.engagement = filled(request.references.numero_bon_commande);
  if (r.buyer_siret) r.buyer_structure = by_siret(context, r.buyer_siret->value);
  const auto& id = request.fournisseur.id_fournisseur;
  if (context.directory != nullptr && id) {
    const auto& all = context.directory->structures;
    const auto it = std::ranges::find_if(all, [&](const Structure& s) {
      return Decimal::from_int(s.id_structure_cpp) == id->value;
    });
    if (it != all.end()) r.supplier = &*it;
  }
  r.engagement_owner = owner_of_engagement(context, r.buyer_structure, r.engagement);
  r.names = &kDepositRequestNames;
  return r;
}

}  // namespace cprokit::chorus
