// What Chorus Pro routes a document by — the buyer's SIRET, its service code
// and the engagement number — wherever the document carries it: an invoice
// in BT-47, BT-10 and BT-13, a deposit request in destinataire and
// references (API.md §3.4). The SIRET, engagement and service rules read this
// view, so one rule checks both documents the same way.
#pragma once

#include <optional>
#include <string_view>

#include "rules/chorus/directory.hpp"
#include "rules/engine/context.hpp"
#include "rules/engine/rule.hpp"
#include "rules/model/deposit_request.hpp"
#include "rules/model/invoice.hpp"

namespace cprokit::chorus {

// How messages name each field, in French and in English.
struct FieldNames {
  std::string_view fr;
  std::string_view en;
};

struct RoutingNames {
  FieldNames buyer_siret;  // "BT-47, identifiant légal de l'acheteur, schéma 0009"
  FieldNames buyer_siret_short;
  FieldNames service;  // "BT-10, référence de l'acheteur"
  FieldNames service_short;
  FieldNames engagement;  // "BT-13, référence du bon de commande"
  FieldNames engagement_short;
};

struct Routing {
  struct Value {
    std::string_view value;
    SourceRef source;
  };
  std::optional<Value> buyer_siret;    // absent or blank: nullopt
  SourceRef buyer;                     // where an absent SIRET or service code is reported
  SourceRef engagement_home;           // where an absent engagement number is reported
  const Text* service_code = nullptr;  // null when absent or blank
  const Text* engagement = nullptr;    // null when absent or blank
  // The supplier's structure in the directory, when there is one and it is
  // known (a private supplier may not use FACTURES_PUBLIQUES).
  const Structure* supplier = nullptr;
  const RoutingNames* names = nullptr;

  // The buyer's structure in the directory (by SIRET), or null: no
  // directory, no buyer SIRET, or a SIRET the directory does not know.
  const Structure* buyer_structure = nullptr;
  // The structure the directory lists the engagement number under — the
  // buyer's when it holds it, else the first that does — or null: no
  // directory, no number, or a number no structure holds.
  const Structure* engagement_owner = nullptr;
};

Routing routing_of(const Invoice& invoice, const Context& context);
Routing routing_of(const DepositRequest& request, const Context& context);

// The text when present and not blank, else null.
const Text* filled(const std::optional<Text>& text);

// A check on the routing view, and the checks it makes of a rule: one for
// invoices and credit notes, one for deposit requests.
using RoutingCheck = void (*)(const Routing& routing, const Context& context, Reporter& report);

template <RoutingCheck kCheck>
void check_invoice_routing(const Invoice& invoice, const Context& context, Reporter& report) {
  kCheck(routing_of(invoice, context), context, report);
}

template <RoutingCheck kCheck>
void check_request_routing(const DepositRequest& request, const Context& context,
                           Reporter& report) {
  kCheck(routing_of(request, context), context, report);
}

template <RoutingCheck kCheck>
constexpr Checks routing_checks() {
  return {check_invoice_routing<kCheck>, check_request_routing<kCheck>, nullptr};
}

inline constexpr KindSet kRoutedDocuments{DocumentKind::Invoice, DocumentKind::CreditNote,
                                          DocumentKind::DepositRequest};

}  // namespace cprokit::chorus
