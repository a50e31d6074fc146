// BR-FR-20: a BAR note (BT-21 "BAR") says one of the reform's processing
// types. BR-FR-31 (CII only: the UBL file has no assert under it): at most
// one BAR note with such a type. BR-FR-11: a B2B invoice gives the buyer's
// SIREN (BT-47, scheme 0002), nine digits.
//
// The syntaxes read the BAR note differently: CII by its subject code, each
// note on its own, with B2CINT among the types; UBL in the text of its notes
// joined ("#BAR#B2B"), the first such mark only, without B2CINT.
#include <algorithm>
#include <array>
#include <string_view>

#include <fmt/core.h>

#include "rules/engine/reporter.hpp"
#include "rules/fr/family.hpp"
#include "rules/fr/fr_rules.hpp"
#include "rules/fr/processing_type.hpp"
#include "rules/fr/values.hpp"

namespace cprokit::fr {
namespace {

constexpr std::string_view kBar = "#BAR#";

// CII compares the subject code as written: "BAR " is another subject.
bool is_bar_note(const Invoice& inv, const Note& note) {
  return is_written(inv, note.subject_code, "BAR");
}

bool is_cii_treatment(std::string_view value) {
  static constexpr std::array<std::string_view, 6> kTypes = {"B2B",    "B2BINT",     "B2C",
                                                             "B2CINT", "OUTOFSCOPE", "ARCHIVEONLY"};
  return std::ranges::find(kTypes, value) != kTypes.end();
}

bool is_ubl_treatment(std::string_view value) {
  static constexpr std::array<std::string_view, 5> kTypes = {"B2B", "B2BINT", "B2C", "OUTOFSCOPE",
                                                             "ARCHIVEONLY"};
  return std::ranges::find(kTypes, value) != kTypes.end();
}

// The UBL note that holds the first "#BAR#", for a finding's place.
const Text* ubl_bar_note(const Invoice& inv) {
  const auto it = std::ranges::find_if(
      inv.notes, [](const Text& note) { return note.value.find(kBar) != std::string::npos; });
  return it == inv.notes.end() ? nullptr : &*it;
}

Message bad_treatment(std::string_view value, std::string_view types) {
  return {fmt::format("La note BAR (BT-21) donne le type de traitement « {} », que la réforme "
                      "ne connaît pas : écrivez l'un de {}, ou retirez la note BAR.",
                      value, types),
          fmt::format("The BAR note (BT-21) gives the processing type \"{}\", which the reform "
                      "does not know: write one of {}, or remove the BAR note.",
                      value, types)};
}

void check_br_fr_20(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  if (inv.syntax == Syntax::Cii) {
    for (const Note& note : inv.included_notes) {
      if (!is_bar_note(inv, note)) continue;
      // The content as written too ("B2B " is no treatment); BR-FR-31
      // normalizes it.
      const std::string_view value =
          note.content ? as_written(inv, note.content->value, note.content->source) : "";
      if (is_cii_treatment(value)) continue;
      report.fire(note.content ? note.content->source : note.source,
                  bad_treatment(value, "B2B, B2BINT, B2C, B2CINT, OUTOFSCOPE, ARCHIVEONLY"));
    }
    return;
  }
  const std::string treatment = ubl_bar_treatment(inv);
  if (treatment.empty() || is_ubl_treatment(treatment)) return;
  const Text* note = ubl_bar_note(inv);
  report.fire(note ? note->source : SourceRef{},
              bad_treatment(treatment, "B2B, B2BINT, B2C, OUTOFSCOPE, ARCHIVEONLY (« #BAR#B2B »)"));
}

void check_br_fr_31(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  const Note* second = nullptr;
  int count = 0;
  for (const Note& note : inv.included_notes) {
    if (!is_bar_note(inv, note) || !note.content) continue;
    if (!is_cii_treatment(normalize_space(note.content->value))) continue;
    if (++count == 2) second = &note;
  }
  if (count <= 1) return;
  report.fire(second->source,
              {fmt::format("La facture a {} notes BAR (BT-21) qui donnent un type de traitement : "
                           "gardez-en une seule.",
                           count),
               fmt::format("The invoice has {} BAR notes (BT-21) giving a processing type: keep "
                           "only one.",
                           count)});
}

void check_br_fr_11(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  if (!declares_b2b(inv)) return;
  const auto& id = inv.buyer.legal_id;
  const bool siren = id && id->scheme == "0002";
  // CII matches the value as written (white space around it refused), UBL
  // once white space is normalized.
  if (siren && (inv.syntax == Syntax::Ubl ? is_siren(id->value)
                                          : is_digits(as_written(inv, id->value, id->source), 9)))
    return;
  const SourceRef where =
      siren ? id->source : (inv.buyer.legal_entity ? *inv.buyer.legal_entity : inv.buyer.source);
  const std::string value = siren ? id->value : std::string();
  report.fire(where,
              {fmt::format("La facture est déclarée B2B (note BAR) mais le SIREN de l'acheteur "
                           "(BT-47, schéma 0002) « {} » est absent ou n'a pas 9 chiffres : "
                           "donnez-le, 9 chiffres avec schemeID=\"0002\".",
                           value),
               fmt::format("The invoice is declared B2B (BAR note) but the buyer's SIREN (BT-47, "
                           "scheme 0002) \"{}\" is missing or not 9 digits: give it, 9 digits "
                           "with schemeID=\"0002\".",
                           value)});
}

}  // namespace

std::string ubl_bar_treatment(const Invoice& inv) {
  std::string joined;
  for (const Text& note : inv.notes)
    joined += note.value;
  const std::size_t bar = joined.find(kBar);
  if (bar == std::string::npos) return {};
  const std::string after = joined.substr(bar + kBar.size());
  return after.substr(0, after.find('#'));
}

bool declares_b2b(const Invoice& inv) {
  if (inv.syntax == Syntax::Ubl) return ubl_bar_treatment(inv) == "B2B";
  return std::ranges::any_of(inv.included_notes, [&](const Note& note) {
    return is_bar_note(inv, note) && is_written(inv, note.content, "B2B");
  });
}

void register_processing_type_rules(Registry& registry) {
  registry.add(fr_rule("BR-FR-20_BT-21",
                       {"Une note BAR (BT-21) donne un type de traitement de la réforme (B2B, "
                        "B2BINT, B2C, OUTOFSCOPE, ARCHIVEONLY).",
                        "A BAR note (BT-21) gives one of the reform's processing types (B2B, "
                        "B2BINT, B2C, OUTOFSCOPE, ARCHIVEONLY)."},
                       {"BT-21", "BT-22"}, check_br_fr_20));
  registry.add(fr_rule("BR-FR-31_BT-21",
                       {"Au plus une note BAR (BT-21) donne le type de traitement.",
                        "At most one BAR note (BT-21) gives the processing type."},
                       {"BT-21", "BT-22"}, only_in<Syntax::Cii, check_br_fr_31>));
  registry.add(fr_rule("BR-FR-11_BT-47",
                       {"Une facture B2B (note BAR) donne le SIREN de l'acheteur (BT-47), 9 "
                        "chiffres.",
                        "A B2B invoice (BAR note) gives the buyer's SIREN (BT-47), 9 digits."},
                       {"BT-47", "BT-21"}, check_br_fr_11));
}

}  // namespace cprokit::fr
