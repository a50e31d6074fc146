#include "validators/pdf/facturx_profile.hpp"

#include <array>
#include <string>

#include <pugixml.hpp>

namespace cprokit::pdf {
namespace {

struct Known {
  FacturXProfile profile;
  std::string_view guideline;  // BT-24
  std::string_view level;      // fx:ConformanceLevel
};

// ../shared/chorus-pro/fr-mapping.md §3 (Factur-X 1.0.7+); ZUGFeRD 2.x
// spells EN 16931 as a CIUS of itself, listed too.
constexpr std::array<Known, 7> kKnown{{
    {FacturXProfile::Minimum, "urn:factur-x.eu:1p0:minimum", "MINIMUM"},
    {FacturXProfile::BasicWl, "urn:factur-x.eu:1p0:basicwl", "BASIC WL"},
    {FacturXProfile::Basic, "urn:cen.eu:en16931:2017#compliant#urn:factur-x.eu:1p0:basic", "BASIC"},
    {FacturXProfile::En16931, "urn:cen.eu:en16931:2017", "EN 16931"},
    {FacturXProfile::En16931, "urn:cen.eu:en16931:2017#compliant#urn:factur-x.eu:1p0:en16931",
     "EN 16931"},
    {FacturXProfile::Extended, "urn:cen.eu:en16931:2017#conformant#urn:factur-x.eu:1p0:extended",
     "EXTENDED"},
    {FacturXProfile::ExtendedCtcFr,
     "urn:cen.eu:en16931:2017#conformant#urn.cpro.gouv.fr:1p0:extended-ctc-fr", "EXTENDED"},
}};

std::string_view local_name(std::string_view qualified) {
  return qualified.substr(qualified.find(':') + 1);
}

pugi::xml_node child(pugi::xml_node parent, std::string_view local) {
  for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && local_name(c.name()) == local) return c;
  }
  return {};
}

}  // namespace

std::optional<FacturXProfile> profile_of_guideline(std::string_view bt24) {
  for (const Known& k : kKnown) {
    if (k.guideline == bt24) return k.profile;
  }
  return std::nullopt;
}

std::optional<FacturXProfile> profile_of_level(std::string_view level) {
  for (const Known& k : kKnown) {
    // EXTENDED-CTC-FR declares EXTENDED: the level names the base profile.
    if (k.level == level) return k.profile;
  }
  return std::nullopt;
}

std::string_view level_of(FacturXProfile profile) {
  for (const Known& k : kKnown) {
    if (k.profile == profile) return k.level;
  }
  return {};
}

std::string_view guideline_id(FacturXProfile profile) {
  for (const Known& k : kKnown) {
    if (k.profile == profile) return k.guideline;
  }
  return {};
}

bool is_en16931_invoice(FacturXProfile profile) {
  return profile != FacturXProfile::Minimum && profile != FacturXProfile::BasicWl;
}

bool is_extension(FacturXProfile profile) {
  return profile == FacturXProfile::Extended || profile == FacturXProfile::ExtendedCtcFr;
}

std::string_view lacks_fr(FacturXProfile profile) {
  return profile == FacturXProfile::Minimum
             ? "ni lignes de facture, ni ventilation de la TVA, ni la plupart des termes"
             : "ni lignes de facture, ni leurs articles et prix";
}

std::string_view lacks_en(FacturXProfile profile) {
  return profile == FacturXProfile::Minimum ? "no invoice lines, no VAT breakdown, few of its terms"
                                            : "no invoice lines, nor their items and prices";
}

std::optional<std::string> guideline_in(pugi::xml_node root) {
  pugi::xml_node id = child(
      child(child(root, "ExchangedDocumentContext"), "GuidelineSpecifiedDocumentContextParameter"),
      "ID");
  if (!id) return std::nullopt;
  return std::string(id.child_value());
}

}  // namespace cprokit::pdf
