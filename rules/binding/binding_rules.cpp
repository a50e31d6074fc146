// Registers the syntax-binding rules: one Rule per table entry, its message
// built from a template per kind. validators/binding reports them.
#include <algorithm>
#include <array>

#include <fmt/core.h>

#include "rules/binding/binding_table.hpp"

namespace cprokit::binding {
namespace {

// The official artefacts test these in a context an earlier one of the same
// pattern already takes (//ram:TypeCode before the document's TypeCode).
constexpr std::array<std::string_view, 3> kShadowed = {"CII-DT-010", "CII-DT-011", "CII-DT-012"};

// "ram:ID" below a context, or the path alone at the document level.
std::string subject(const Context& context, std::string_view target, Lang lang) {
  std::string_view label = lang == Lang::Fr ? context.label_fr : context.label_en;
  if (label.empty()) return std::string(target);
  return lang == Lang::Fr ? fmt::format("{} (dans {})", target, label)
                          : fmt::format("{} (in {})", target, label);
}

Message describe(const Table& table, const Entry& entry) {
  if (entry.kind == Kind::Special) return {std::string(entry.fr), std::string(entry.en)};
  const Context& context = table.contexts[entry.context];
  const std::string fr = subject(context, entry.target, Lang::Fr);
  const std::string en = subject(context, entry.target, Lang::En);
  const bool fatal = entry.severity == Severity::Fatal;
  const std::string_view must_fr = fatal ? "doit" : "devrait";
  const std::string_view must_en = fatal ? "shall" : "should";
  switch (entry.kind) {
    case Kind::Absent:
      return {fmt::format("{} ne {} pas figurer dans une facture EN 16931 ({}).", fr, must_fr,
                          table.syntax),
              fmt::format("{} {} not be included in an EN 16931 invoice ({}).", en, must_en,
                          table.syntax)};
    case Kind::AtMostOne:
      return {fmt::format("{} {} figurer au plus une fois ({}).", fr, must_fr, table.syntax),
              fmt::format("{} {} occur at most once ({}).", en, must_en, table.syntax)};
    case Kind::AtMostTwo:
      return {fmt::format("{} {} figurer au plus deux fois ({}).", fr, must_fr, table.syntax),
              fmt::format("{} {} occur at most twice ({}).", en, must_en, table.syntax)};
    case Kind::ExactlyOne:
      return {fmt::format("{} {} figurer exactement une fois ({}).", fr, must_fr, table.syntax),
              fmt::format("{} {} occur exactly once ({}).", en, must_en, table.syntax)};
    case Kind::Required:
    case Kind::Special:
      break;
  }
  return {fmt::format("{} {} figurer ({}).", fr, must_fr, table.syntax),
          fmt::format("{} {} be present ({}).", en, must_en, table.syntax)};
}

void register_table(Registry& registry, const Table& table) {
  const std::string source =
      fmt::format("EN 16931 validation artefacts v1.3.16, {} syntax binding", table.syntax);
  for (const Entry& entry : table.entries) {
    Rule rule;
    rule.id = entry.id;
    rule.severity = entry.severity;
    rule.applies_to = kInvoicesAndCreditNotes;
    rule.title = describe(table, entry);
    rule.source = source;
    rule.unchecked = is_shadowed(entry.id);
    registry.add(std::move(rule));
  }
}

}  // namespace

bool is_shadowed(std::string_view id) {
  return std::find(kShadowed.begin(), kShadowed.end(), id) != kShadowed.end();
}

void register_rules(Registry& registry) {
  registry.add_family({"UBL", {"EN 16931 : règles de syntaxe UBL", "EN 16931: UBL syntax rules"}});
  registry.add_family({"CII", {"EN 16931 : règles de syntaxe CII", "EN 16931: CII syntax rules"}});
  register_table(registry, ubl_table());
  register_table(registry, cii_table());
}

}  // namespace cprokit::binding
