// X-10 of each VAT category: the VAT exemption reason of its VAT breakdowns.
// E, AE, IC, G and O breakdowns must give a reason text (BT-120) or code
// (BT-121); S, Z, AF and AG ones must give neither. Fired once per breakdown.
// Both syntaxes test the elements' presence, an empty one counts.
#include <fmt/core.h>

#include "rules/en16931/vat_categories.hpp"

namespace cprokit::en16931::vat {
namespace {

void check_exemption(const Category& c, const Invoice& inv, const Context& /*ctx*/,
                     Reporter& report) {
  for (const auto& b : inv.vat_breakdown) {
    if (!breakdown_in(c, inv, b)) continue;
    const bool given = b.exemption_reason || b.exemption_code;
    if (given == c.exemption_required) continue;
    if (c.exemption_required) {
      report.fire(category_at(b.category, b.source),
                  {fmt::format("Ventilation de TVA de catégorie {} sans motif d'exonération : ni "
                               "texte (BT-120) ni code (BT-121).",
                               name_fr(c)),
                   fmt::format("VAT breakdown of category {} without an exemption reason: "
                               "neither text (BT-120) nor code (BT-121).",
                               name_en(c))});
      continue;
    }
    const Text& reason = b.exemption_reason ? *b.exemption_reason : *b.exemption_code;
    const char* term = b.exemption_reason ? "BT-120" : "BT-121";
    report.fire(reason.source,
                {fmt::format("Ventilation de TVA de catégorie {} avec un motif d'exonération ({}) "
                             "« {} » : cette catégorie n'en admet pas.",
                             name_fr(c), term, reason.value),
                 fmt::format("VAT breakdown of category {} with an exemption reason ({}) "
                             "\"{}\": this category takes none.",
                             name_en(c), term, reason.value)});
  }
}

Message title(const Category& c) {
  if (c.exemption_required) {
    return {fmt::format("Une ventilation de TVA de catégorie {} donne un motif d'exonération "
                        "(BT-120) ou son code (BT-121).",
                        name_fr(c)),
            fmt::format("A VAT breakdown with category {} has a VAT exemption reason text "
                        "(BT-120) or code (BT-121).",
                        name_en(c))};
  }
  return {fmt::format("Une ventilation de TVA de catégorie {} ne donne ni motif d'exonération "
                      "(BT-120) ni code de motif (BT-121).",
                      name_fr(c)),
          fmt::format("A VAT breakdown with category {} has neither a VAT exemption reason text "
                      "(BT-120) nor code (BT-121).",
                      name_en(c))};
}

}  // namespace

void register_exemption_rules(Registry& registry) {
  for (std::size_t i = 0; i < kCategories.size(); ++i) {
    const Category& c = kCategories[i];
    registry.add(fatal_rule(rule_id(c, 10), title(c), {"BT-118", "BT-120", "BT-121"},
                            for_category<check_exemption>(i)));
  }
}

}  // namespace cprokit::en16931::vat
