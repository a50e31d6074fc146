// CPRO-ENG-01..03 and CPRO-SVC-01..03: the engagement number (BT-13) and the
// service code (BT-10) the buyer's structure asks for (API.md §5 and §6).
#include <algorithm>
#include <cctype>
#include <regex>

#include <fmt/format.h>

#include "rules/chorus/chorus_rules.hpp"
#include "rules/chorus/parties.hpp"
#include "rules/engine/context.hpp"
#include "rules/engine/reporter.hpp"

namespace cprokit::chorus {
namespace {

constexpr std::string_view kPublicOnlyService = "FACTURES_PUBLIQUES";
constexpr std::size_t kMaxEngagementLength = 50;

const Service* target_service(const Invoice& inv, const Structure& buyer) {
  return inv.buyer_reference ? buyer.service(inv.buyer_reference->value) : nullptr;
}

bool engagement_required(const Invoice& inv, const Structure& buyer) {
  const Service* service = target_service(inv, buyer);
  return buyer.parametres.numero_ej_doit_etre_renseigne ||
         (service != nullptr && service->numero_engagement) ||
         (buyer.parametres.gestion_numero_ej_ou_code_service && !inv.buyer_reference);
}

bool service_required(const Invoice& inv, const Structure& buyer) {
  return buyer.parametres.code_service_doit_etre_renseigne ||
         (buyer.parametres.gestion_numero_ej_ou_code_service && !inv.purchase_order_reference);
}

void check_engagement_present(const Invoice& inv, const Context& ctx, Reporter& report) {
  if (inv.purchase_order_reference) return;
  const Structure* buyer = buyer_structure(inv, ctx);
  if (buyer == nullptr) {
    if (ctx.directory != nullptr) return;  // CPRO-SIRET-03 says the buyer is unknown
    report.fire_as(Severity::Warning, {},
                   {"Numéro d'engagement absent (BT-13, référence du bon de commande) : beaucoup "
                    "d'acheteurs publics l'exigent. Sans annuaire (--directory), cprokit ne peut "
                    "pas savoir si celui-ci l'exige.",
                    "Engagement number missing (BT-13, purchase order reference): many public "
                    "buyers require it. Without a directory (--directory), cprokit cannot tell "
                    "whether this one does."});
    return;
  }
  if (!engagement_required(inv, *buyer)) return;
  report.fire(inv.buyer.source,
              {fmt::format("Numéro d'engagement absent (BT-13, référence du bon de commande) : "
                           "la structure {} ({}) l'exige. Reportez le numéro du bon de commande.",
                           buyer->identifiant, buyer->libelle),
               fmt::format("Engagement number missing (BT-13, purchase order reference): "
                           "structure {} ({}) requires it. Copy the purchase order number.",
                           buyer->identifiant, buyer->libelle)});
}

// Letters, digits and the separators - _ / . only, with at least one digit.
bool looks_complete(std::string_view number) {
  bool digit = false;
  for (char c : number) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isdigit(u)) digit = true;
    if (!std::isalnum(u) && c != '-' && c != '_' && c != '/' && c != '.') return false;
  }
  return digit;
}

bool well_formed(std::string_view number) {
  return number.size() <= kMaxEngagementLength && looks_complete(number);
}

bool follows_format(std::string_view number, const Structure* buyer) {
  return buyer == nullptr || !buyer->format_numero_engagement_regex ||
         std::regex_match(number.begin(), number.end(), *buyer->format_numero_engagement_regex);
}

void check_engagement_form(const Invoice& inv, const Context& ctx, Reporter& report) {
  if (!inv.purchase_order_reference) return;
  const Text& ej = *inv.purchase_order_reference;
  if (!well_formed(ej.value)) {
    report.fire(ej.source,
                {fmt::format("Numéro d'engagement (BT-13) « {} » incomplet : attendu au plus {} "
                             "caractères, lettres et chiffres (séparateurs - _ / . permis), dont "
                             "au moins un chiffre.",
                             ej.value, kMaxEngagementLength),
                 fmt::format("Engagement number (BT-13) \"{}\" is not complete: expected at most "
                             "{} characters, letters and digits (separators - _ / . allowed), "
                             "with at least one digit.",
                             ej.value, kMaxEngagementLength)});
    return;
  }
  const Structure* buyer = buyer_structure(inv, ctx);
  if (!follows_format(ej.value, buyer)) {
    report.fire(ej.source,
                {fmt::format("Numéro d'engagement (BT-13) « {} » hors du format de la structure "
                             "{} : attendu {}.",
                             ej.value, buyer->identifiant, buyer->format_numero_engagement),
                 fmt::format("Engagement number (BT-13) \"{}\" does not follow structure {}'s "
                             "format: expected {}.",
                             ej.value, buyer->identifiant, buyer->format_numero_engagement)});
  }
}

void check_engagement_known(const Invoice& inv, const Context& ctx, Reporter& report) {
  const Structure* buyer = buyer_structure(inv, ctx);
  if (buyer == nullptr || !inv.purchase_order_reference) return;
  const Text& ej = *inv.purchase_order_reference;
  // A number CPRO-ENG-02 refuses is not looked up: one finding says enough.
  if (!well_formed(ej.value) || !follows_format(ej.value, buyer)) return;
  if (buyer->has_engagement(ej.value)) return;
  if (const Structure* owner = ctx.directory->owner_of_engagement(ej.value)) {
    report.fire(ej.source,
                {fmt::format("L'engagement « {} » (BT-13) appartient à la structure {} ({}), pas "
                             "à {} ({}) : le SIRET de l'acheteur (BT-47) doit être celui du "
                             "budget du bon de commande, {}.",
                             ej.value, owner->identifiant, owner->libelle, buyer->identifiant,
                             buyer->libelle, owner->identifiant),
                 fmt::format("Engagement \"{}\" (BT-13) belongs to structure {} ({}), not to {} "
                             "({}): the buyer SIRET (BT-47) must be the one of the purchase "
                             "order's budget, {}.",
                             ej.value, owner->identifiant, owner->libelle, buyer->identifiant,
                             buyer->libelle, owner->identifiant)});
  } else if (!buyer->engagements.empty()) {
    report.fire(ej.source,
                {fmt::format("L'engagement « {} » (BT-13) est inconnu de la structure {} ({}).",
                             ej.value, buyer->identifiant, buyer->libelle),
                 fmt::format("Engagement \"{}\" (BT-13) is unknown to structure {} ({}).", ej.value,
                             buyer->identifiant, buyer->libelle)});
  }
}

void check_service_present(const Invoice& inv, const Context& ctx, Reporter& report) {
  const Structure* buyer = buyer_structure(inv, ctx);
  if (buyer == nullptr || inv.buyer_reference || !service_required(inv, *buyer)) return;
  report.fire(inv.buyer.source,
              {fmt::format("Code service absent (BT-10, référence de l'acheteur) : la structure "
                           "{} ({}) l'exige{}.",
                           buyer->identifiant, buyer->libelle,
                           buyer->parametres.code_service_doit_etre_renseigne
                               ? ""
                               : " en l'absence de numéro d'engagement"),
               fmt::format("Service code missing (BT-10, buyer reference): structure {} ({}) "
                           "requires it{}.",
                           buyer->identifiant, buyer->libelle,
                           buyer->parametres.code_service_doit_etre_renseigne
                               ? ""
                               : " when there is no engagement number")});
}

void check_service_known(const Invoice& inv, const Context& ctx, Reporter& report) {
  const Structure* buyer = buyer_structure(inv, ctx);
  if (buyer == nullptr || !inv.buyer_reference) return;
  const Text& code = *inv.buyer_reference;
  const Service* service = buyer->service(code.value);
  if (service != nullptr && service->est_actif) return;
  const bool unknown = service == nullptr;
  report.fire(code.source,
              {fmt::format("Code service (BT-10) « {} » {} pour la structure {} ({}).", code.value,
                           unknown ? "inconnu" : "inactif", buyer->identifiant, buyer->libelle),
               fmt::format("Service code (BT-10) \"{}\" is {} for structure {} ({}).", code.value,
                           unknown ? "unknown" : "inactive", buyer->identifiant, buyer->libelle)});
}

void check_public_only_service(const Invoice& inv, const Context& ctx, Reporter& report) {
  if (!inv.buyer_reference || inv.buyer_reference->value != kPublicOnlyService) return;
  const Structure* seller = nullptr;
  if (ctx.directory != nullptr) {
    if (auto siret = siret_of(inv.seller)) seller = ctx.directory->structure(siret->value);
  }
  if (seller != nullptr && seller->is_public()) return;
  const Severity severity = ctx.directory != nullptr ? Severity::Fatal : Severity::Warning;
  report.fire_as(severity, inv.buyer_reference->source.location(),
                 {"Le service FACTURES_PUBLIQUES (BT-10) est réservé aux factures entre structures "
                  "publiques ; un fournisseur privé doit indiquer le code service de "
                  "l'acheteur.",
                  "Service FACTURES_PUBLIQUES (BT-10) is reserved for invoices between public "
                  "structures; a private supplier must give the buyer's service code."});
}

}  // namespace

void register_routing_rules(Registry& registry) {
  registry.add(chorus_rule(
      "CPRO-ENG-01", Severity::Fatal,
      {"Le numéro d'engagement (BT-13) est présent quand l'acheteur ou son service l'exige ; "
       "sans annuaire, son absence est signalée.",
       "The engagement number (BT-13) is present when the buyer or its service requires it; "
       "without a directory, its absence is reported."},
      {"BT-13"}, check_engagement_present));
  registry.add(chorus_rule(
      "CPRO-ENG-02", Severity::Fatal,
      {"Le numéro d'engagement est complet : au plus 50 caractères, lettres et chiffres, au "
       "format de l'acheteur s'il en a un.",
       "The engagement number is complete: at most 50 characters, letters and digits, in the "
       "buyer's format when it has one."},
      {"BT-13"}, check_engagement_form));
  registry.add(chorus_rule(
      "CPRO-ENG-03", Severity::Fatal,
      {"Le numéro d'engagement est connu de l'acheteur, et non d'un autre budget (SIRET).",
       "The engagement number is known to the buyer, not to another budget (SIRET)."},
      {"BT-13", "BT-47"}, check_engagement_known));
  registry.add(chorus_rule("CPRO-SVC-01", Severity::Fatal,
                           {"Le code service (BT-10) est présent quand l'acheteur l'exige.",
                            "The service code (BT-10) is present when the buyer requires it."},
                           {"BT-10"}, check_service_present));
  registry.add(chorus_rule("CPRO-SVC-02", Severity::Fatal,
                           {"Le code service est un service actif de l'acheteur.",
                            "The service code is an active service of the buyer."},
                           {"BT-10"}, check_service_known));
  registry.add(
      chorus_rule("CPRO-SVC-03", Severity::Fatal,
                  {"Le service FACTURES_PUBLIQUES n'est pas utilisé par un fournisseur privé.",
                   "Service FACTURES_PUBLIQUES is not used by a private supplier."},
                  {"BT-10"}, check_public_only_service));
}

}  // namespace cprokit::chorus
