#include "rules/fr/fr_rules.hpp"

#include <string>
#include <utility>

#include "rules/fr/family.hpp"

namespace cprokit::fr {

void register_families(Registry& registry) {
  Family family(std::string(kFamily),
                {"Réforme française de la facturation électronique (FNFE-MPE, XP Z12-012)",
                 "French e-invoicing reform (FNFE-MPE, XP Z12-012)"});
  // Not part of EN 16931's BR family, though its ids start with "BR-": a
  // Chorus Pro deposit is not judged by the reform's rules unless asked.
  family.on_request = true;
  registry.add_family(std::move(family));
}

void register_rules(Registry& registry) {
  register_families(registry);
  register_document_type_rules(registry);
  register_note_rules(registry);
  register_billing_mode_rules(registry);
  register_siret_rules(registry);
  register_siren_rules(registry);
  register_address_rules(registry);
  register_vat_rules(registry);
  register_processing_type_rules(registry);
  register_decimal_rules(registry);
  register_identifier_rules(registry);
  register_date_rules(registry);
  register_line_reference_rules(registry);
  register_multi_vendor_rules(registry);
  register_coherence_rules(registry);
  register_party_rules(registry);
  register_document_rules(registry);
}

}  // namespace cprokit::fr
