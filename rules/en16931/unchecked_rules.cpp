// BR-CO-05..08: a reason code and its text must designate the same reason.
// The official artefacts test them with true(), so they never fire: no code
// list gives a canonical text for a code. cprokit lists them, as the norm
// does, and checks them no more than the reference.
#include <string>
#include <utility>

#include "rules/en16931/en16931_rules.hpp"
#include "rules/en16931/family.hpp"

namespace cprokit::en16931 {
namespace {

Rule unchecked_rule(std::string id, Message title, std::vector<std::string> terms) {
  Rule rule = fatal_rule(std::move(id), std::move(title), std::move(terms), nullptr);
  rule.source =
      "EN 16931-1:2017 (business rules); never fired by the official validation artefacts "
      "v1.3.16 (test true())";
  rule.unchecked = true;
  return rule;
}

}  // namespace

void register_unchecked_rules(Registry& registry) {
  registry.add(unchecked_rule(
      "BR-CO-05",
      {"Le code (BT-98) et le texte (BT-97) du motif d'une remise au niveau du document "
       "désignent le même motif.",
       "A document level allowance reason code (BT-98) and reason text (BT-97) designate the "
       "same reason."},
      {"BT-97", "BT-98"}));
  registry.add(unchecked_rule(
      "BR-CO-06",
      {"Le code (BT-105) et le texte (BT-104) du motif d'une charge au niveau du document "
       "désignent le même motif.",
       "A document level charge reason code (BT-105) and reason text (BT-104) designate the "
       "same reason."},
      {"BT-104", "BT-105"}));
  registry.add(unchecked_rule(
      "BR-CO-07",
      {"Le code (BT-140) et le texte (BT-139) du motif d'une remise de ligne désignent le même "
       "motif.",
       "An invoice line allowance reason code (BT-140) and reason text (BT-139) designate the "
       "same reason."},
      {"BT-139", "BT-140"}));
  registry.add(unchecked_rule(
      "BR-CO-08",
      {"Le code (BT-145) et le texte (BT-144) du motif d'une charge de ligne désignent le même "
       "motif.",
       "An invoice line charge reason code (BT-145) and reason text (BT-144) designate the "
       "same reason."},
      {"BT-144", "BT-145"}));
}

}  // namespace cprokit::en16931
