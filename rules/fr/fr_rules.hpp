// The French e-invoicing reform's rules (BR-FR), as FNFE-MPE publishes them
// for AFNOR XP Z12-012 (v1.4.0.02), with their official ids: where the UBL
// and the CII files name a rule differently, each syntax keeps its own id
// and the rule checks only the documents of that syntax.
#pragma once

#include "rules/engine/registry.hpp"

namespace cprokit::fr {

// The family BR-FR (on request: only the profiles naming it), then every rule.
void register_rules(Registry& registry);
// The family alone: a test registers it before one file's rules.
void register_families(Registry& registry);

// One group of rules per file; register_rules() calls each.
void register_document_type_rules(Registry& registry);    // BR-FR-04
void register_billing_mode_rules(Registry& registry);     // BR-FR-08
void register_note_rules(Registry& registry);             // BR-FR-05, -06
void register_siren_rules(Registry& registry);            // BR-FR-10, -32
void register_siret_rules(Registry& registry);            // BR-FR-09
void register_address_rules(Registry& registry);          // BR-FR-12, -13, -21 … -26
void register_vat_rules(Registry& registry);              // BR-FR-15, -16
void register_processing_type_rules(Registry& registry);  // BR-FR-11, -20, -31
void register_decimal_rules(Registry& registry);          // BR-FR-DEC-01..04
void register_identifier_rules(Registry& registry);       // BR-FR-01, -02
void register_date_rules(Registry& registry);             // BR-FR-03
void register_line_reference_rules(Registry& registry);   // EXT-FR-FE-136..158, BR-FR-BD
void register_multi_vendor_rules(Registry& registry);     // BR-FR-MV-01 … -14
void register_coherence_rules(Registry& registry);        // BR-FR-CO-03 … -15
// BR-FR-09, -23, -25 of the other parties, BR-FR-CO-10
void register_party_rules(Registry& registry);
void register_document_rules(Registry& registry);  // BR-FR-04 EXT-FR-FE-02, -17, -18, -27 … -30

}  // namespace cprokit::fr
