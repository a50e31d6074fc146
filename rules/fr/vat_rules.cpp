// BR-FR-15: every VAT category code (BT-95/BT-102 of the document's
// allowances and charges, BT-118 of the VAT breakdown, BT-151 of the lines)
// is one the reform accepts (S, E, AE, K, G, O, Z), and neither L nor M.
// BR-FR-16: every VAT rate given there (BT-96/BT-103, BT-119, BT-152) is a
// French rate, written as the reform lists it.
//
// Each syntax names its asserts its own way; where the schematron differs
// between syntaxes, so do the rules:
// - CII fires BT-118 on a VAT breakdown without a category code; UBL does not.
// - UBL names its line L/M assert BR-FR-08_BT-151-2 (sic), and tests BT-152
//   on cac:InvoiceLine only, in either document: an Invoice's lines, and a
//   CreditNote's misnamed cac:InvoiceLine, not its cac:CreditNoteLine.
// - UBL's BR-FR-16_BT-103 never fires: its template matches the same
//   cac:AllowanceCharge/cac:TaxCategory as BR-FR-16_BT-96, at a lower
//   priority, so BR-FR-16_BT-96 tests the charges too.
// A rate is compared in the form the model keeps it: exact digits and
// decimals as written, without a sign or surrounding white space.
#include <string>
#include <string_view>
#include <vector>

#include <fmt/core.h>

#include "rules/engine/reporter.hpp"
#include "rules/fr/family.hpp"
#include "rules/fr/fr_rules.hpp"
#include "rules/fr/values.hpp"

namespace cprokit::fr {
namespace {

// The groups that carry a VAT category and rate.
enum class Level { AllowanceCharge, Breakdown, Line };

// A group's VAT category code and rate (or the rate's text, when it is no
// decimal), and where the group is.
struct VatOf {
  const std::optional<Text>* category;
  const std::optional<Number>* rate;
  const std::optional<Text>* unreadable_rate;
  const SourceRef* group;
  bool rate_tested;  // false: UBL does not test this BT-152 (not a cac:InvoiceLine)
};

std::vector<VatOf> vat_of(const Invoice& inv, Level level) {
  std::vector<VatOf> out;
  switch (level) {
    case Level::AllowanceCharge:
      for (const AllowanceCharge& ac : inv.allowances_charges)
        out.push_back({&ac.vat_category, &ac.vat_rate, &ac.vat_rate_unreadable, &ac.source, true});
      break;
    case Level::Breakdown:
      for (const VatBreakdown& vb : inv.vat_breakdown)
        out.push_back({&vb.category, &vb.rate, &vb.rate_unreadable, &vb.source, true});
      break;
    case Level::Line:
      // UBL reads BT-151 on lines of both names, BT-152 on cac:InvoiceLine
      // only: a line of an Invoice not misnamed, of a CreditNote misnamed.
      for (const InvoiceLine& line : inv.lines) {
        const bool invoice_line =
            inv.syntax != Syntax::Ubl || line.misnamed == (inv.kind == DocumentKind::CreditNote);
        out.push_back({&line.vat_category, &line.vat_rate, &line.vat_rate_unreadable, &line.source,
                       invoice_line});
      }
      break;
  }
  return out;
}

// The terms a message names, per level: category, then rate.
struct Names {
  const char* fr;
  const char* en;
};
Names category_names(Level level) {
  switch (level) {
    case Level::AllowanceCharge:
      return {"d'une remise ou charge (BT-95/BT-102)", "of an allowance or charge (BT-95/BT-102)"};
    case Level::Breakdown:
      return {"du récapitulatif de TVA (BT-118)", "of the VAT breakdown (BT-118)"};
    case Level::Line:
      break;
  }
  return {"de la ligne (BT-151)", "of the line (BT-151)"};
}
Names rate_names(Level level) {
  switch (level) {
    case Level::AllowanceCharge:
      return {"d'une remise ou charge (BT-96/BT-103)", "of an allowance or charge (BT-96/BT-103)"};
    case Level::Breakdown:
      return {"du récapitulatif de TVA (BT-119)", "of the VAT breakdown (BT-119)"};
    case Level::Line:
      break;
  }
  return {"de la ligne (BT-152)", "of the line (BT-152)"};
}

template <Level kLevel>
void check_category(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  const Names names = category_names(kLevel);
  for (const VatOf& vat : vat_of(inv, kLevel)) {
    const auto& code = *vat.category;
    if (!code) {
      // CII's breakdown test asks for the code; the others test it when given.
      if (kLevel == Level::Breakdown && inv.syntax == Syntax::Cii) {
        report.fire(*vat.group,
                    {fmt::format("La catégorie de TVA {} est absente : donnez l'une de celles "
                                 "de la réforme, S, E, AE, K, G, O ou Z.",
                                 names.fr),
                     fmt::format("The VAT category {} is missing: give one of the reform's, S, "
                                 "E, AE, K, G, O or Z.",
                                 names.en)});
      }
      continue;
    }
    // Compared as written: " S" is no category.
    const std::string_view written = as_written(inv, code->value, code->source);
    if (is_vat_category(written)) continue;
    report.fire(code->source,
                {fmt::format("La catégorie de TVA {} « {} » n'est pas l'une de celles de la "
                             "réforme : donnez S, E, AE, K, G, O ou Z, sans blanc autour.",
                             names.fr, written),
                 fmt::format("The VAT category {} \"{}\" is not one of the reform's: give S, E, "
                             "AE, K, G, O or Z, without white space around it.",
                             names.en, written)});
  }
}

template <Level kLevel>
void check_not_l_m(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  const Names names = category_names(kLevel);
  for (const VatOf& vat : vat_of(inv, kLevel)) {
    const auto& code = *vat.category;
    if (!code) continue;
    // Compared as written: " L" is not L (BR-FR-15's first test refuses it).
    const std::string_view written = as_written(inv, code->value, code->source);
    if (written != "L" && written != "M") continue;
    report.fire(code->source,
                {fmt::format("La catégorie de TVA {} « {} » (IGIC des Canaries, IPSI de Ceuta et "
                             "Melilla) ne s'applique pas en France : donnez la catégorie de la "
                             "TVA française (S, E, AE, K, G, O ou Z).",
                             names.fr, code->value),
                 fmt::format("The VAT category {} \"{}\" (Canary Islands IGIC, Ceuta and Melilla "
                             "IPSI) does not apply in France: give the French VAT category (S, "
                             "E, AE, K, G, O or Z).",
                             names.en, code->value)});
  }
}

template <Level kLevel>
void check_rate(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  const Names names = rate_names(kLevel);
  for (const VatOf& vat : vat_of(inv, kLevel)) {
    if (!vat.rate_tested) continue;
    const auto& rate = *vat.rate;
    const auto& unreadable = *vat.unreadable_rate;
    if (!rate && !unreadable) continue;
    // The test compares the text as written (string(.)): "020" or "+20" is
    // not "20", though the value is; "20,0" is no number, but a text to judge.
    const std::string& written = rate ? rate->text : unreadable->value;
    if (is_vat_rate(written)) continue;
    report.fire(rate ? rate->source : unreadable->source,
                {fmt::format("Le taux de TVA {} « {} » n'est pas un taux français écrit comme la "
                             "réforme l'attend : donnez-le en pourcentage, sans « % », avec au "
                             "plus deux décimales (20, 10, 8.5, 5.5, 2.1, 0…).",
                             names.fr, written),
                 fmt::format("The VAT rate {} \"{}\" is not a French rate written as the reform "
                             "expects: give it in percent, without \"%\", with at most two "
                             "decimals (20, 10, 8.5, 5.5, 2.1, 0…).",
                             names.en, written)});
  }
}

Message category_title(const char* terms) {
  return {fmt::format("La catégorie de TVA ({}) est S, E, AE, K, G, O ou Z.", terms),
          fmt::format("The VAT category ({}) is S, E, AE, K, G, O or Z.", terms)};
}
Message l_m_title(const char* terms) {
  return {fmt::format("La catégorie de TVA ({}) n'est ni L ni M, sans objet en France.", terms),
          fmt::format("The VAT category ({}) is neither L nor M, irrelevant in France.", terms)};
}
Message rate_title(const char* terms) {
  return {
      fmt::format("Le taux de TVA ({}) est un taux français, en pourcentage sans « % ».", terms),
      fmt::format("The VAT rate ({}) is a French rate, in percent without \"%\".", terms)};
}

constexpr auto kAc = Level::AllowanceCharge;
constexpr auto kVb = Level::Breakdown;
constexpr auto kLine = Level::Line;
constexpr auto kCii = Syntax::Cii;
constexpr auto kUbl = Syntax::Ubl;

}  // namespace

void register_vat_rules(Registry& registry) {
  const std::vector<std::string> ac_category = {"BT-95", "BT-102"};
  const std::vector<std::string> ac_rate = {"BT-96", "BT-103"};
  // CII's ids.
  registry.add(fr_rule("BR-FR-15_BT-95_BT-102", category_title("BT-95, BT-102"), ac_category,
                       only_in<kCii, check_category<kAc>>));
  registry.add(fr_rule("BR-FR-15_BT-95_BT-102_LM", l_m_title("BT-95, BT-102"), ac_category,
                       only_in<kCii, check_not_l_m<kAc>>));
  registry.add(fr_rule("BR-FR-15_BT-95_BT-118", category_title("BT-118"), {"BT-118"},
                       only_in<kCii, check_category<kVb>>));
  registry.add(fr_rule("BR-FR-15_BT-95_BT-118_LM", l_m_title("BT-118"), {"BT-118"},
                       only_in<kCii, check_not_l_m<kVb>>));
  registry.add(fr_rule("BR-FR-15_BT-95_BT-151", category_title("BT-151"), {"BT-151"},
                       only_in<kCii, check_category<kLine>>));
  registry.add(fr_rule("BR-FR-15_BT-95_BT-151_LM", l_m_title("BT-151"), {"BT-151"},
                       only_in<kCii, check_not_l_m<kLine>>));
  registry.add(fr_rule("BR-FR-16_BT-96_BT-103", rate_title("BT-96, BT-103"), ac_rate,
                       only_in<kCii, check_rate<kAc>>));
  // UBL's ids.
  registry.add(fr_rule("BR-FR-15_BT-95_BT-102-1", category_title("BT-95, BT-102"), ac_category,
                       only_in<kUbl, check_category<kAc>>));
  registry.add(fr_rule("BR-FR-15_BT-95_BT-102-2", l_m_title("BT-95, BT-102"), ac_category,
                       only_in<kUbl, check_not_l_m<kAc>>));
  registry.add(fr_rule("BR-FR-15_BT-118-1", category_title("BT-118"), {"BT-118"},
                       only_in<kUbl, check_category<kVb>>));
  registry.add(fr_rule("BR-FR-15_BT-118-2", l_m_title("BT-118"), {"BT-118"},
                       only_in<kUbl, check_not_l_m<kVb>>));
  registry.add(fr_rule("BR-FR-15_BT-151-1", category_title("BT-151"), {"BT-151"},
                       only_in<kUbl, check_category<kLine>>));
  registry.add(fr_rule("BR-FR-08_BT-151-2", l_m_title("BT-151"), {"BT-151"},
                       only_in<kUbl, check_not_l_m<kLine>>));
  registry.add(fr_rule("BR-FR-16_BT-96", rate_title("BT-96, BT-103"), ac_rate,
                       only_in<kUbl, check_rate<kAc>>));
  // The same ids in both syntaxes.
  registry.add(fr_rule("BR-FR-16_BT-119", rate_title("BT-119"), {"BT-119"}, check_rate<kVb>));
  registry.add(fr_rule("BR-FR-16_BT-152", rate_title("BT-152"), {"BT-152"}, check_rate<kLine>));
}

}  // namespace cprokit::fr
