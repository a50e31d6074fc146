// BR-FR-05 and BR-FR-06: the notes (BG-1) with subject codes PMT (fixed
// recovery indemnity), PMD (late-payment penalties) and AAB (discount) are
// mandatory, and each of PMT, PMD, AAB and TXD is given at most once.
// CII gives the code in ram:SubjectCode (BT-21); UBL has no such element and
// the reform writes "#PMT#" in the note's text: its tests look for the
// marker in all notes joined, and its ids differ (BR-FR-05_BT-22-1 …).
#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include <fmt/core.h>

#include "rules/engine/reporter.hpp"
#include "rules/fr/family.hpp"
#include "rules/fr/fr_rules.hpp"
#include "rules/fr/values.hpp"

namespace cprokit::fr {
namespace {

struct Subject {
  std::string_view code;
  std::string_view fr;  // what the note says
  std::string_view en;
};

constexpr Subject kPmt{"PMT", "indemnité forfaitaire pour frais de recouvrement",
                       "fixed recovery indemnity"};
constexpr Subject kPmd{"PMD", "pénalités de retard", "late-payment penalties"};
constexpr Subject kAab{"AAB", "escompte (ou son absence)", "discount (or none)"};
constexpr Subject kTxd{"TXD", "mention fiscale", "tax statement"};

// How many notes have the subject: CII counts the notes whose SubjectCode
// is the code as written; UBL the "#CODE#" markers in the notes' joined text.
std::size_t count_notes(const Invoice& inv, std::string_view code) {
  if (inv.syntax == Syntax::Cii) {
    return static_cast<std::size_t>(std::ranges::count_if(
        inv.included_notes, [&](const Note& n) { return is_written(inv, n.subject_code, code); }));
  }
  std::string joined;
  for (const Text& note : inv.notes)
    joined += note.value;
  return occurrences(joined, fmt::format("#{}#", code));
}

void require_note(const Invoice& inv, const Subject& s, Reporter& report) {
  if (count_notes(inv, s.code) > 0) return;
  report.fire(
      Location{},
      {fmt::format("La note de sujet {} ({}) est obligatoire : ajoutez une note (BG-1) "
                   "{}.",
                   s.code, s.fr,
                   inv.syntax == Syntax::Cii
                       ? fmt::format("de code sujet (BT-21) {}", s.code)
                       : fmt::format("dont le texte commence par #{}#", s.code)),
       fmt::format(
           "The note with subject {} ({}) is mandatory: add a note (BG-1) {}.", s.code, s.en,
           inv.syntax == Syntax::Cii ? fmt::format("with subject code (BT-21) {}", s.code)
                                     : fmt::format("whose text starts with #{}#", s.code))});
}

void at_most_one_note(const Invoice& inv, const Subject& s, Reporter& report) {
  const std::size_t n = count_notes(inv, s.code);
  if (n <= 1) return;
  report.fire(Location{},
              {fmt::format("La note de sujet {} ({}) est donnée {} fois : n'en gardez qu'une.",
                           s.code, s.fr, n),
               fmt::format("The note with subject {} ({}) is given {} times: keep only one.",
                           s.code, s.en, n)});
}

template <const Subject& kS>
void check_required(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  require_note(inv, kS, report);
}

template <const Subject& kS>
void check_unique(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  at_most_one_note(inv, kS, report);
}

Message required_title(const Subject& s) {
  return {fmt::format("La note de sujet {} ({}) est obligatoire.", s.code, s.fr),
          fmt::format("The note with subject {} ({}) is mandatory.", s.code, s.en)};
}

Message unique_title(const Subject& s) {
  return {fmt::format("La note de sujet {} ({}) est donnée au plus une fois.", s.code, s.fr),
          fmt::format("The note with subject {} ({}) is given at most once.", s.code, s.en)};
}

}  // namespace

void register_note_rules(Registry& registry) {
  const std::vector<std::string> terms{"BG-1", "BT-21", "BT-22"};
  // CII ids name the subject, UBL ids number it.
  registry.add(fr_rule("BR-FR-05_BT-22_PMT", required_title(kPmt), terms,
                       only_in<Syntax::Cii, check_required<kPmt>>));
  registry.add(fr_rule("BR-FR-05_BT-22_PMD", required_title(kPmd), terms,
                       only_in<Syntax::Cii, check_required<kPmd>>));
  registry.add(fr_rule("BR-FR-05_BT-22_AAB", required_title(kAab), terms,
                       only_in<Syntax::Cii, check_required<kAab>>));
  registry.add(fr_rule("BR-FR-05_BT-22-1", required_title(kPmt), terms,
                       only_in<Syntax::Ubl, check_required<kPmt>>));
  registry.add(fr_rule("BR-FR-05_BT-22-2", required_title(kPmd), terms,
                       only_in<Syntax::Ubl, check_required<kPmd>>));
  registry.add(fr_rule("BR-FR-05_BT-22-3", required_title(kAab), terms,
                       only_in<Syntax::Ubl, check_required<kAab>>));
  registry.add(fr_rule("BR-FR-06_BT-21_PMT", unique_title(kPmt), terms,
                       only_in<Syntax::Cii, check_unique<kPmt>>));
  registry.add(fr_rule("BR-FR-06_BT-21_PMD", unique_title(kPmd), terms,
                       only_in<Syntax::Cii, check_unique<kPmd>>));
  registry.add(fr_rule("BR-FR-06_BT-21_AAB", unique_title(kAab), terms,
                       only_in<Syntax::Cii, check_unique<kAab>>));
  registry.add(fr_rule("BR-FR-06_BT-21_TXD", unique_title(kTxd), terms,
                       only_in<Syntax::Cii, check_unique<kTxd>>));
  registry.add(fr_rule("BR-FR-06_BT-21-1", unique_title(kPmt), terms,
                       only_in<Syntax::Ubl, check_unique<kPmt>>));
  registry.add(fr_rule("BR-FR-06_BT-21-2", unique_title(kPmd), terms,
                       only_in<Syntax::Ubl, check_unique<kPmd>>));
  registry.add(fr_rule("BR-FR-06_BT-21-3", unique_title(kAab), terms,
                       only_in<Syntax::Ubl, check_unique<kAab>>));
  registry.add(fr_rule("BR-FR-06_BT-21-4", unique_title(kTxd), terms,
                       only_in<Syntax::Ubl, check_unique<kTxd>>));
}

}  // namespace cprokit::fr
