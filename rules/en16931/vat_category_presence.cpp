// Which VAT categories an invoice may use together, and what their use
// requires of the VAT breakdown (BG-23):
// - X-01 of each category: a category used by a line, a document allowance
//   or charge has its breakdown (at least one for S, AF, AG; exactly one for
//   the others). Once per document.
// - BR-IC-11/12: an intra-community supply (K) gives its delivery date or
//   invoicing period, and the deliver-to country.
// - BR-O-11..14: a "not subject to VAT" (O) invoice uses no other category.
// - BR-B-01/02: Italian split payment (B) is domestic, and excludes S.
//
// Each syntax counts as its official test does; the differences are many
// (which tax scheme counts, how many breakdowns, once per document or per
// breakdown), so each check spells out both.
#include <string>
#include <vector>

#include <fmt/core.h>

#include "rules/en16931/vat_categories.hpp"

namespace cprokit::en16931::vat {
namespace {

// The uses of one category code: by lines, by document allowances and
// charges, and by breakdowns; all of them, and those under the VAT scheme.
struct Uses {
  int lines = 0, lines_vat = 0;
  int allowances_charges = 0, allowances_charges_vat = 0;
  int breakdowns = 0, breakdowns_vat = 0;
  std::vector<SourceRef> where;  // lines, allowances/charges, then breakdowns
};

Uses uses_of(const Invoice& inv, std::string_view code) {
  Uses u;
  for (const auto& line : inv.lines) {
    if (!is_code(inv, line.vat_category, code)) continue;
    ++u.lines;
    if (is_vat_scheme(line.vat_tax_scheme)) ++u.lines_vat;
    u.where.push_back(category_at(line.vat_category, line.source));
  }
  for (const auto& ac : inv.allowances_charges) {
    if (!is_code(inv, ac.vat_category, code)) continue;
    ++u.allowances_charges;
    if (is_vat_scheme(ac.tax_scheme)) ++u.allowances_charges_vat;
    u.where.push_back(category_at(ac.vat_category, ac.source));
  }
  for (const auto& b : inv.vat_breakdown) {
    if (!is_code(inv, b.category, code)) continue;
    ++u.breakdowns;
    if (is_vat_scheme(b.tax_scheme)) ++u.breakdowns_vat;
    u.where.push_back(category_at(b.category, b.source));
  }
  return u;
}

bool ubl_breakdowns_ok(const Category& c, const Uses& u) {
  const int used_vat = u.lines_vat + u.allowances_charges_vat;
  if (c.code == "S") {
    // UBL BR-S-01 ignores the tax scheme.
    const int used = u.lines + u.allowances_charges;
    return (used > 0) == (u.breakdowns > 0);
  }
  if (c.code == "L") {
    // UBL BR-AF-01 finds the breakdown of a used L under any scheme, but an
    // unused L breakdown only under VAT.
    return used_vat > 0 ? u.breakdowns > 0 : u.breakdowns_vat == 0;
  }
  if (c.breakdowns == Breakdowns::AtLeastOne) {
    return used_vat > 0 ? u.breakdowns_vat > 0 : u.breakdowns_vat == 0;
  }
  // Exactly one: a breakdown counts as a use itself, so one breakdown alone passes.
  return u.breakdowns_vat == 1 || (u.breakdowns_vat == 0 && used_vat == 0);
}

// CII counts codes under any TypeCode.
bool cii_breakdowns_ok(const Category& c, const Uses& u) {
  const bool used = u.lines > 0 || u.allowances_charges > 0;
  if (c.breakdowns == Breakdowns::AtLeastOne) {
    // Counted together with the lines, and then with the allowances/charges:
    // two S lines without an S breakdown pass the official test.
    return (u.lines + u.breakdowns >= 2 || u.lines == 0) &&
           (u.allowances_charges + u.breakdowns >= 2 || u.allowances_charges == 0);
  }
  if (c.code == "O") return u.breakdowns == 0 || (u.breakdowns == 1 && used);
  return (u.breakdowns == 0 && !used) || (u.breakdowns == 1 && used);
}

void check_breakdowns(const Category& c, const Invoice& inv, const Context& /*ctx*/,
                      Reporter& report) {
  const Uses u = uses_of(inv, c.code);
  const bool ok = inv.syntax == Syntax::Cii ? cii_breakdowns_ok(c, u) : ubl_breakdowns_ok(c, u);
  if (ok || u.where.empty()) return;
  const bool one = c.breakdowns == Breakdowns::ExactlyOne;
  report.fire(u.where.front(),
              {fmt::format("Catégorie de TVA {} : {} ligne(s), {} remise(s) ou charge(s) et {} "
                           "ventilation(s) de TVA (BG-23) ; une catégorie utilisée a {} "
                           "ventilation.",
                           name_fr(c), u.lines, u.allowances_charges, u.breakdowns,
                           one ? "exactement une" : "au moins une"),
               fmt::format("VAT category {}: {} line(s), {} allowance(s) or charge(s) and {} VAT "
                           "breakdown(s) (BG-23); a category in use has {} breakdown.",
                           name_en(c), u.lines, u.allowances_charges, u.breakdowns,
                           one ? "exactly one" : "at least one")});
}

// BR-IC-11/12 ----------------------------------------------------------------

// The K breakdowns under VAT: UBL tests their existence once per document,
// CII each of them.
std::vector<SourceRef> k_contexts(const Invoice& inv) {
  std::vector<SourceRef> out;
  for (const auto& b : inv.vat_breakdown) {
    if (!is_code(inv, b.category, "K") || !is_vat_scheme(b.tax_scheme)) continue;
    out.push_back(category_at(b.category, b.source));
    if (inv.syntax == Syntax::Ubl) break;
  }
  return out;
}

bool has_delivery_date_or_period(const Invoice& inv) {
  const auto& date = inv.delivery ? inv.delivery->actual_date : std::nullopt;
  // UBL wants a date longer than one character, CII the element.
  const bool dated = date && (inv.syntax == Syntax::Cii || date->value.size() > 1);
  for (const auto& p : inv.invoicing_periods) {
    if (p.start || p.end) return true;
    if (inv.syntax == Syntax::Ubl && p.description_code) return true;
  }
  return dated;
}

void check_br_ic_11(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  if (has_delivery_date_or_period(inv)) return;
  for (const auto& at : k_contexts(inv)) {
    report.fire(at, {fmt::format("Livraison intracommunautaire (K) sans date de livraison "
                                 "effective (BT-72) ni période de facturation (BG-14)."),
                     fmt::format("Intra-community supply (K) without an actual delivery date "
                                 "(BT-72) or an invoicing period (BG-14).")});
  }
}

void check_br_ic_12(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  const std::optional<Address>& address =
      inv.delivery ? inv.delivery->address : std::optional<Address>();
  const auto& country = address ? address->country : std::nullopt;
  // UBL wants a code longer than one character, CII the element.
  if (country && (inv.syntax == Syntax::Cii || country->value.size() > 1)) return;
  for (const auto& at : k_contexts(inv)) {
    report.fire(at, {fmt::format("Livraison intracommunautaire (K) sans pays de livraison "
                                 "(BT-80) : trouvé « {} ».",
                                 country ? country->value : "—"),
                     fmt::format("Intra-community supply (K) without a deliver-to country code "
                                 "(BT-80): found \"{}\".",
                                 country ? country->value : "—")});
  }
}

// BR-O-11..14 -----------------------------------------------------------------

// The O breakdowns under VAT: the context of BR-O-11..14 (once per document in UBL).
std::vector<SourceRef> o_contexts(const Invoice& inv) {
  std::vector<SourceRef> out;
  for (const auto& b : inv.vat_breakdown) {
    if (!is_code(inv, b.category, "O") || !is_vat_scheme(b.tax_scheme)) continue;
    out.push_back(category_at(b.category, b.source));
    if (inv.syntax == Syntax::Ubl) break;
  }
  return out;
}

// Another category than O. UBL normalizes an absent code to "" (another
// category); CII finds no code to compare.
bool other_than_o(const Invoice& inv, const std::optional<Text>& code) {
  if (!code) return inv.syntax == Syntax::Ubl;
  return code->value != "O";
}

enum class OtherIn { Breakdowns, Lines, Allowances, Charges };

// The first use of another category than O where BR-O-11..14 look. CII
// BR-O-11 and -12 both look at every ApplicableTradeTax (breakdowns and
// lines, any TypeCode), -13 and -14 both at every allowance and charge.
struct Other {
  std::optional<Text> code;  // absent: a category without code (UBL only)
  SourceRef element;
};

std::optional<Other> other_category(const Invoice& inv, OtherIn where) {
  const bool cii = inv.syntax == Syntax::Cii;
  if (where == OtherIn::Breakdowns || (cii && where == OtherIn::Lines)) {
    for (const auto& b : inv.vat_breakdown) {
      if ((cii || is_vat_scheme(b.tax_scheme)) && other_than_o(inv, b.category)) {
        return Other{b.category, b.source};
      }
    }
  }
  if (where == OtherIn::Lines || (cii && where == OtherIn::Breakdowns)) {
    for (const auto& line : inv.lines) {
      if ((cii || is_vat_scheme(line.vat_tax_scheme)) && other_than_o(inv, line.vat_category)) {
        return Other{line.vat_category, line.source};
      }
    }
  }
  if (where == OtherIn::Allowances || where == OtherIn::Charges) {
    for (const auto& ac : inv.allowances_charges) {
      if (!cii && !is_kind(ac, where == OtherIn::Charges)) continue;
      if (!cii && !is_vat_scheme(ac.tax_scheme)) continue;
      if (other_than_o(inv, ac.vat_category)) return Other{ac.vat_category, ac.source};
    }
  }
  return std::nullopt;
}

template <OtherIn kWhere>
void check_o_alone(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  auto contexts = o_contexts(inv);
  if (contexts.empty()) return;
  auto other = other_category(inv, kWhere);
  if (!other) return;
  const std::string code = other->code ? other->code->value : std::string("—");
  const std::string where = other->code ? other->code->source.path() : other->element.path();
  for (const auto& at : contexts) {
    report.fire(at, {fmt::format("Ventilation de TVA « hors champ de la TVA » (O), mais la "
                                 "catégorie de TVA « {} » est utilisée ({}).",
                                 code, where),
                     fmt::format("VAT breakdown “not subject to VAT” (O), but VAT category "
                                 "\"{}\" is used ({}).",
                                 code, where)});
  }
}

// BR-B-01/02 -------------------------------------------------------------------

// The codes "B" and "S" as BR-B-01/02 find them. UBL BR-B-02 looks at the
// breakdowns, document allowances/charges and lines, BR-B-01 at the same
// under any tax scheme, and CII at every category code.
std::optional<SourceRef> first_code(const Invoice& inv, std::string_view code) {
  for (const auto& line : inv.lines) {
    if (is_code(inv, line.vat_category, code)) return line.vat_category->source;
  }
  for (const auto& ac : inv.allowances_charges) {
    if (is_code(inv, ac.vat_category, code)) return ac.vat_category->source;
  }
  for (const auto& b : inv.vat_breakdown) {
    if (is_code(inv, b.category, code)) return b.category->source;
  }
  return std::nullopt;
}

// The first country code other than IT: every address's country, and in
// UBL each item's country of origin (all cbc:IdentificationCode).
const Text* non_italian_country(const Invoice& inv) {
  std::vector<const std::optional<Address>*> addresses{&inv.seller.address, &inv.buyer.address};
  if (inv.payee) addresses.push_back(&inv.payee->address);
  if (inv.tax_representative) addresses.push_back(&inv.tax_representative->address);
  if (inv.delivery) addresses.push_back(&inv.delivery->address);
  for (const auto* a : addresses) {
    if (*a && (*a)->country && (*a)->country->value != "IT") return &*(*a)->country;
  }
  if (inv.syntax == Syntax::Ubl) {
    for (const auto& line : inv.lines) {
      if (line.origin_country && line.origin_country->value != "IT") return &*line.origin_country;
    }
  }
  return nullptr;
}

void check_br_b_01(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  auto split = first_code(inv, "B");
  if (!split) return;
  const Text* country = non_italian_country(inv);
  if (!country) return;
  report.fire(*split, {fmt::format("Catégorie de TVA « paiement fractionné » (B) sur une facture "
                                   "non italienne : code pays « {} ».",
                                   country->value),
                       fmt::format("VAT category “split payment” (B) on an invoice that is not "
                                   "domestic Italian: country code \"{}\".",
                                   country->value)});
}

void check_br_b_02(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  auto split = first_code(inv, "B");
  if (!split) return;
  auto standard = first_code(inv, "S");
  if (!standard) return;
  report.fire(*standard, {"Catégorie de TVA « taux normal » (S) sur une facture en « paiement "
                          "fractionné » (B).",
                          "VAT category “standard rated” (S) on an invoice using “split "
                          "payment” (B)."});
}

}  // namespace

void register_presence_rules(Registry& registry) {
  for (std::size_t i = 0; i < kCategories.size(); ++i) {
    const Category& c = kCategories[i];
    const bool one = c.breakdowns == Breakdowns::ExactlyOne;
    registry.add(fatal_rule(
        rule_id(c, 1),
        {fmt::format("Une facture dont une ligne, une remise ou une charge est de catégorie de "
                     "TVA {} a {} ventilation de TVA (BG-23) de cette catégorie.",
                     name_fr(c), one ? "exactement une" : "au moins une"),
         fmt::format("An invoice with a line, allowance or charge of VAT category {} has {} VAT "
                     "breakdown (BG-23) of that category.",
                     name_en(c), one ? "exactly one" : "at least one")},
        {"BT-151", "BT-95", "BT-102", "BT-118"}, for_category<check_breakdowns>(i)));
  }
  registry.add(fatal_rule(
      "BR-IC-11",
      {"Une facture avec une ventilation de TVA de catégorie « livraison intracommunautaire » (K) "
       "donne la date de livraison effective (BT-72) ou la période de facturation (BG-14).",
       "An invoice with a VAT breakdown of category “intra-community supply” (K) gives the "
       "actual delivery date (BT-72) or the invoicing period (BG-14)."},
      {"BT-118", "BT-72", "BG-14"}, check_br_ic_11));
  registry.add(fatal_rule(
      "BR-IC-12",
      {"Une facture avec une ventilation de TVA de catégorie « livraison intracommunautaire » (K) "
       "donne le pays de livraison (BT-80).",
       "An invoice with a VAT breakdown of category “intra-community supply” (K) gives the "
       "deliver-to country code (BT-80)."},
      {"BT-118", "BT-80"}, check_br_ic_12));
  const std::array<std::pair<const char*, Message>, 4> o_rules{{
      {"BR-O-11", {"ventilation de TVA", "VAT breakdown"}},
      {"BR-O-12", {"ligne", "invoice line"}},
      {"BR-O-13", {"remise au niveau du document", "document level allowance"}},
      {"BR-O-14", {"charge au niveau du document", "document level charge"}},
  }};
  const std::array<InvoiceCheck, 4> o_checks{
      check_o_alone<OtherIn::Breakdowns>, check_o_alone<OtherIn::Lines>,
      check_o_alone<OtherIn::Allowances>, check_o_alone<OtherIn::Charges>};
  for (std::size_t i = 0; i < o_rules.size(); ++i) {
    const auto& [id, what] = o_rules[i];
    registry.add(fatal_rule(
        id,
        {fmt::format("Une facture avec une ventilation de TVA « hors champ de la TVA » (O) n'a "
                     "aucune {} d'une autre catégorie.",
                     what.fr),
         fmt::format("An invoice with a VAT breakdown “not subject to VAT” (O) has no {} of "
                     "another category.",
                     what.en)},
        {"BT-118", "BT-151", "BT-95", "BT-102"}, o_checks.at(i)));
  }
  registry.add(fatal_rule(
      "BR-B-01",
      {"Une facture en « paiement fractionné » (B) est une facture italienne : tous ses codes "
       "pays sont IT.",
       "An invoice using “split payment” (B) is a domestic Italian invoice: every country code "
       "is IT."},
      {"BT-151", "BT-95", "BT-102", "BT-118", "BT-40", "BT-55"}, check_br_b_01));
  registry.add(fatal_rule(
      "BR-B-02",
      {"Une facture en « paiement fractionné » (B) n'utilise pas la catégorie « taux normal » (S).",
       "An invoice using “split payment” (B) does not use the “standard rated” (S) category."},
      {"BT-151", "BT-95", "BT-102", "BT-118"}, check_br_b_02));
}

}  // namespace cprokit::en16931::vat
