// CPRO-DEP-03 (depositor.hpp): the supplier of an invoice (its SIRET, BT-30)
// or of a deposit request (fournisseur.idFournisseur) is the structure of the
// technical account that deposits it.
#include "rules/chorus/depositor.hpp"

#include <fmt/core.h>

#include "rules/chorus/chorus_rules.hpp"
#include "rules/chorus/parties.hpp"
#include "rules/chorus/routing.hpp"
#include "rules/engine/context.hpp"
#include "rules/engine/reporter.hpp"

namespace cprokit::chorus {
namespace {

// "structure 81234567600017 (idStructureCPP 25000103)", or without the
// SIRET when the directory does not know it.
std::string structure_of(const Depositor& d) {
  if (d.identifiant.empty()) return fmt::format("idStructureCPP {}", d.id_structure_cpp);
  return fmt::format("{} (idStructureCPP {})", d.identifiant, d.id_structure_cpp);
}

void check_invoice(const Invoice& inv, const Context& ctx, Reporter& report) {
  const Depositor* depositor = ctx.depositor;
  if (depositor == nullptr) return;
  const Identifier* seller = siret_of(inv.seller);
  if (seller != nullptr && seller->value == depositor->identifiant) return;
  const std::string shown = seller != nullptr ? seller->value : "(absent)";
  report.fire(seller != nullptr ? seller->source : inv.seller.source,
              {fmt::format("L'identifiant fournisseur (BT-30) {} n'est pas la structure {} du "
                           "compte technique {} qui dépose : un compte ne dépose que les "
                           "factures de sa structure.",
                           shown, structure_of(*depositor), depositor->login),
               fmt::format("Supplier identifier (BT-30) {} is not structure {} of the "
                           "depositing technical account {}: an account deposits only its "
                           "structure's invoices.",
                           shown, structure_of(*depositor), depositor->login)});
}

void check_request(const DepositRequest& request, const Context& ctx, Reporter& report) {
  const Depositor* depositor = ctx.depositor;
  const auto& id = request.fournisseur.id_fournisseur;
  // Without idFournisseur, CPRO-DEP-01 says it is missing.
  if (depositor == nullptr || !id) return;
  if (id->value == Decimal::from_int(depositor->id_structure_cpp)) return;
  report.fire(id->source,
              {fmt::format("fournisseur.idFournisseur {} n'est pas la structure {} du compte "
                           "technique {} qui dépose : un compte ne soumet que les factures de sa "
                           "structure.",
                           id->value.to_string(), structure_of(*depositor), depositor->login),
               fmt::format("fournisseur.idFournisseur {} is not structure {} of the depositing "
                           "technical account {}: an account submits only its structure's "
                           "invoices.",
                           id->value.to_string(), structure_of(*depositor), depositor->login)});
}

}  // namespace

void register_depositor_rule(Registry& registry) {
  registry.add(chorus_rule(
      kDepositorRule, Severity::Fatal,
      {"Le fournisseur (BT-30, fournisseur.idFournisseur) est la structure du compte technique "
       "qui dépose (contrôle du mock, qui connaît ce compte).",
       "The supplier (BT-30, fournisseur.idFournisseur) is the structure of the depositing "
       "technical account (checked by the mock, which knows that account)."},
      {"BT-30"}, Checks{.invoice = check_invoice, .deposit_request = check_request},
      kRoutedDocuments));
}

}  // namespace cprokit::chorus
