// CPRO-ENG-01..03 and CPRO-SVC-01..03: the engagement number (BT-13) and the
// service code (BT-10) the buyer's structure asks for (API.md §5 and §6), on
// invoices and on deposit requests (rules/chorus/routing.hpp).
#include <algorithm>
#include <cctype>

#include <fmt/core.h>

#include "rules/chorus/chorus_rules.hpp"
#include "rules/chorus/limits.hpp"
#include "rules/chorus/routing.hpp"
#include "rules/engine/context.hpp"
#include "rules/engine/reporter.hpp"

namespace cprokit::chorus {
namespace {

constexpr std::string_view kPublicOnlyService = "FACTURES_PUBLIQUES";

const Service* target_service(const Routing& r, const Structure& buyer) {
  return r.service_code != nullptr ? buyer.service(r.service_code->value) : nullptr;
}

bool engagement_required(const Routing& r, const Structure& buyer) {
  const Service* service = target_service(r, buyer);
  return buyer.parametres.numero_ej_doit_etre_renseigne ||
         (service != nullptr && service->numero_engagement) ||
         (buyer.parametres.gestion_numero_ej_ou_code_service && r.service_code == nullptr);
}

bool service_required(const Routing& r, const Structure& buyer) {
  return buyer.parametres.code_service_doit_etre_renseigne ||
         (buyer.parametres.gestion_numero_ej_ou_code_service && r.engagement == nullptr);
}

void check_engagement_present(const Routing& r, const Context& ctx, Reporter& report) {
  if (r.engagement != nullptr) return;
  const FieldNames& field = r.names->engagement;
  const Structure* buyer = r.buyer_structure;
  if (buyer == nullptr) {
    if (ctx.directory != nullptr) return;  // CPRO-SIRET-03 says the buyer is unknown
    report.fire_as(Severity::Warning, r.engagement_home.location(),
                   {fmt::format("Numéro d'engagement absent ({}) : beaucoup d'acheteurs publics "
                                "l'exigent. Sans annuaire (--directory), cprokit ne peut pas "
                                "savoir si celui-ci l'exige.",
                                field.fr),
                    fmt::format("Engagement number missing ({}): many public buyers require it. "
                                "Without a directory (--directory), cprokit cannot tell whether "
                                "this one does.",
                                field.en)});
    return;
  }
  if (!engagement_required(r, *buyer)) return;
  report.fire(r.engagement_home,
              {fmt::format("Numéro d'engagement absent ({}) : la structure {} ({}) l'exige. "
                           "Reportez le numéro du bon de commande.",
                           field.fr, buyer->identifiant, buyer->libelle),
               fmt::format("Engagement number missing ({}): structure {} ({}) requires it. "
                           "Copy the purchase order number.",
                           field.en, buyer->identifiant, buyer->libelle)});
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
  return buyer == nullptr || !buyer->format_numero_engagement_pattern ||
         buyer->format_numero_engagement_pattern->matches(number);
}

// A number the directory lists is a real engagement: when it belongs to
// another structure, the buyer SIRET is what is wrong, and CPRO-ENG-03 names
// the right one. Its shape and the buyer's format are for numbers the
// directory does not know (a number it lists is held to none of them).
void check_engagement_form(const Routing& r, const Context& /*ctx*/, Reporter& report) {
  if (r.engagement == nullptr || r.engagement_owner != nullptr) return;
  const Text& ej = *r.engagement;
  const FieldNames& field = r.names->engagement_short;
  if (!well_formed(ej.value)) {
    report.fire(ej.source,
                {fmt::format("Numéro d'engagement ({}) « {} » incomplet : attendu au plus {} "
                             "caractères, lettres et chiffres (séparateurs - _ / . permis), dont "
                             "au moins un chiffre.",
                             field.fr, ej.value, kMaxEngagementLength),
                 fmt::format("Engagement number ({}) \"{}\" is not complete: expected at most "
                             "{} characters, letters and digits (separators - _ / . allowed), "
                             "with at least one digit.",
                             field.en, ej.value, kMaxEngagementLength)});
    return;
  }
  const Structure* buyer = r.buyer_structure;
  if (!follows_format(ej.value, buyer)) {
    report.fire(
        ej.source,
        {fmt::format("Numéro d'engagement ({}) « {} » hors du format de la structure "
                     "{} : attendu {}.",
                     field.fr, ej.value, buyer->identifiant, buyer->format_numero_engagement),
         fmt::format("Engagement number ({}) \"{}\" does not follow structure {}'s "
                     "format: expected {}.",
                     field.en, ej.value, buyer->identifiant, buyer->format_numero_engagement)});
  }
}

// Whenever the directory lists the number under another structure, that
// structure and its SIRET are named, whatever the buyer's format says.
void check_engagement_known(const Routing& r, const Context& /*ctx*/, Reporter& report) {
  const Structure* buyer = r.buyer_structure;
  const Structure* owner = r.engagement_owner;
  if (buyer == nullptr || r.engagement == nullptr || owner == buyer) return;
  const Text& ej = *r.engagement;
  const FieldNames& field = r.names->engagement_short;
  const FieldNames& siret = r.names->buyer_siret_short;
  if (owner != nullptr) {
    report.fire(ej.source,
                {fmt::format("L'engagement « {} » ({}) appartient à la structure {} ({}), pas "
                             "à {} ({}) : le SIRET de l'acheteur ({}) doit être celui du "
                             "budget du bon de commande, {}.",
                             ej.value, field.fr, owner->identifiant, owner->libelle,
                             buyer->identifiant, buyer->libelle, siret.fr, owner->identifiant),
                 fmt::format("Engagement \"{}\" ({}) belongs to structure {} ({}), not to {} "
                             "({}): the buyer SIRET ({}) must be the one of the purchase "
                             "order's budget, {}.",
                             ej.value, field.en, owner->identifiant, owner->libelle,
                             buyer->identifiant, buyer->libelle, siret.en, owner->identifiant)});
    return;
  }
  // An unknown number CPRO-ENG-02 refuses is not reported again.
  if (buyer->engagements.empty() || !well_formed(ej.value) || !follows_format(ej.value, buyer)) {
    return;
  }
  report.fire(ej.source,
              {fmt::format("L'engagement « {} » ({}) est inconnu de la structure {} ({}).",
                           ej.value, field.fr, buyer->identifiant, buyer->libelle),
               fmt::format("Engagement \"{}\" ({}) is unknown to structure {} ({}).", ej.value,
                           field.en, buyer->identifiant, buyer->libelle)});
}

void check_service_present(const Routing& r, const Context& /*ctx*/, Reporter& report) {
  const Structure* buyer = r.buyer_structure;
  if (buyer == nullptr || r.service_code != nullptr || !service_required(r, *buyer)) return;
  const bool always = buyer->parametres.code_service_doit_etre_renseigne;
  report.fire(r.buyer, {fmt::format("Code service absent ({}) : la structure {} ({}) l'exige{}.",
                                    r.names->service.fr, buyer->identifiant, buyer->libelle,
                                    always ? "" : " en l'absence de numéro d'engagement"),
                        fmt::format("Service code missing ({}): structure {} ({}) requires it{}.",
                                    r.names->service.en, buyer->identifiant, buyer->libelle,
                                    always ? "" : " when there is no engagement number")});
}

void check_service_known(const Routing& r, const Context& /*ctx*/, Reporter& report) {
  const Structure* buyer = r.buyer_structure;
  if (buyer == nullptr || r.service_code == nullptr) return;
  const Text& code = *r.service_code;
  const Service* service = buyer->service(code.value);
  if (service != nullptr && service->est_actif) return;
  const bool unknown = service == nullptr;
  const FieldNames& field = r.names->service_short;
  report.fire(
      code.source,
      {fmt::format("Code service ({}) « {} » {} pour la structure {} ({}).", field.fr, code.value,
                   unknown ? "inconnu" : "inactif", buyer->identifiant, buyer->libelle),
       fmt::format("Service code ({}) \"{}\" is {} for structure {} ({}).", field.en, code.value,
                   unknown ? "unknown" : "inactive", buyer->identifiant, buyer->libelle)});
}

void check_public_only_service(const Routing& r, const Context& ctx, Reporter& report) {
  if (r.service_code == nullptr || r.service_code->value != kPublicOnlyService) return;
  if (r.supplier != nullptr && r.supplier->is_public()) return;
  const Severity severity = ctx.directory != nullptr ? Severity::Fatal : Severity::Warning;
  const FieldNames& field = r.names->service_short;
  report.fire_as(severity, r.service_code->source.location(),
                 {fmt::format("Le service FACTURES_PUBLIQUES ({}) est réservé aux factures entre "
                              "structures publiques ; un fournisseur privé doit indiquer le code "
                              "service de l'acheteur.",
                              field.fr),
                  fmt::format("Service FACTURES_PUBLIQUES ({}) is reserved for invoices between "
                              "public structures; a private supplier must give the buyer's "
                              "service code.",
                              field.en)});
}

}  // namespace

void register_routing_rules(Registry& registry) {
  registry.add(chorus_rule(
      "CPRO-ENG-01", Severity::Fatal,
      {"Le numéro d'engagement (BT-13) est présent quand l'acheteur ou son service l'exige ; "
       "sans annuaire, son absence est signalée.",
       "The engagement number (BT-13) is present when the buyer or its service requires it; "
       "without a directory, its absence is reported."},
      {"BT-13"}, routing_checks<check_engagement_present>(), kRoutedDocuments));
  registry.add(chorus_rule(
      "CPRO-ENG-02", Severity::Fatal,
      {fmt::format("Un numéro d'engagement que l'annuaire ne connaît pas est complet : au plus {} "
                   "caractères, lettres et chiffres, au format de l'acheteur s'il en a un.",
                   kMaxEngagementLength),
       fmt::format("An engagement number the directory does not know is complete: at most {} "
                   "characters, letters and digits, in the buyer's format when it has one.",
                   kMaxEngagementLength)},
      {"BT-13"}, routing_checks<check_engagement_form>(), kRoutedDocuments));
  registry.add(chorus_rule(
      "CPRO-ENG-03", Severity::Fatal,
      {"Le numéro d'engagement est connu de l'acheteur, et non d'un autre budget (SIRET).",
       "The engagement number is known to the buyer, not to another budget (SIRET)."},
      {"BT-13", "BT-47"}, routing_checks<check_engagement_known>(), kRoutedDocuments));
  registry.add(chorus_rule("CPRO-SVC-01", Severity::Fatal,
                           {"Le code service (BT-10) est présent quand l'acheteur l'exige.",
                            "The service code (BT-10) is present when the buyer requires it."},
                           {"BT-10"}, routing_checks<check_service_present>(), kRoutedDocuments));
  registry.add(chorus_rule("CPRO-SVC-02", Severity::Fatal,
                           {"Le code service est un service actif de l'acheteur.",
                            "The service code is an active service of the buyer."},
                           {"BT-10"}, routing_checks<check_service_known>(), kRoutedDocuments));
  registry.add(
      chorus_rule("CPRO-SVC-03", Severity::Fatal,
                  {"Le service FACTURES_PUBLIQUES n'est pas utilisé par un fournisseur privé.",
                   "Service FACTURES_PUBLIQUES is not used by a private supplier."},
                  {"BT-10"}, routing_checks<check_public_only_service>(), kRoutedDocuments));
}

}  // namespace cprokit::chorus
