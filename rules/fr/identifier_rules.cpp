// BR-FR-01: the invoice number (BT-1) and the preceding invoice's (BT-25)
// are at most 35 characters. BR-FR-02: they are written with letters,
// digits and + - _ / only, no space. UBL numbers its ids per test
// (BR-FR-01_BT-1-1 the length, BR-FR-01_BT-1-2 the characters, which
// BR-FR-02_BT-1 also tests); CII has one id per test and term. The same
// tests on a line's preceding invoice (EXT-FR-FE-136) read an element the
// model does not have yet.
// Both tests read the id as written (string-length(.), is-valid-id-format(.)),
// not trimmed: " F-1" is refused, and a newline around an id counts in its
// length. is-valid-id-format normalizes the text before its character test
// and then looks for a space only, so a tab or a newline around the id
// passes BR-FR-02: kept, as the reference does.
#include <string_view>

#include <fmt/core.h>

#include "rules/engine/reporter.hpp"
#include "rules/fr/family.hpp"
#include "rules/fr/fr_rules.hpp"
#include "rules/fr/values.hpp"

namespace cprokit::fr {
namespace {

// A term as the messages name it.
struct Term {
  const char* fr;
  const char* en;
};
constexpr Term kBt1{"de la facture (BT-1)", "of the invoice (BT-1)"};
constexpr Term kBt25{"de la facture antérieure (BT-25)", "of the preceding invoice (BT-25)"};

// An id as both tests read it: its text as written, and its place.
struct WrittenId {
  std::string_view value;
  SourceRef source;
};

WrittenId written(const Invoice& inv, const Text& id) {
  return {as_written(inv, id.value, id.source), id.source};
}

void fire_too_long(const WrittenId& id, Term term, Reporter& report) {
  report.fire(id.source,
              {fmt::format("Le numéro {} « {} » dépasse 35 caractères (blancs autour compris) : "
                           "raccourcissez-le.",
                           term.fr, id.value),
               fmt::format("The number {} \"{}\" is longer than 35 characters (white space "
                           "around it included): shorten it.",
                           term.en, id.value)});
}

void fire_bad_characters(const WrittenId& id, Term term, Reporter& report) {
  report.fire(id.source,
              {fmt::format("Le numéro {} « {} » contient un caractère que la réforme "
                           "n'admet pas : n'utilisez que des lettres sans accent, des chiffres "
                           "et + - _ /, sans espace.",
                           term.fr, id.value),
               fmt::format("The number {} \"{}\" has a character the reform does not accept: "
                           "use only unaccented letters, digits and + - _ /, no space.",
                           term.en, id.value)});
}

// Each test on the invoice number (BT-1) or on every preceding invoice's
// number (BT-25), as written.
template <bool kPreceding>
void for_each_id(const Invoice& inv, auto&& test) {
  if constexpr (kPreceding) {
    for (const DocumentReference& ref : inv.preceding_invoices)
      if (ref.id) test(written(inv, *ref.id));
  } else {
    if (inv.number) test(written(inv, *inv.number));
  }
}

template <bool kPreceding>
constexpr Term term() {
  return kPreceding ? kBt25 : kBt1;
}

template <bool kPreceding>
void check_length(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  for_each_id<kPreceding>(inv, [&](const WrittenId& id) {
    if (!fits_identifier_length(id.value)) fire_too_long(id, term<kPreceding>(), report);
  });
}

template <bool kPreceding>
void check_format(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  for_each_id<kPreceding>(inv, [&](const WrittenId& id) {
    if (!is_identifier_format(id.value)) fire_bad_characters(id, term<kPreceding>(), report);
  });
}

Message length_title(Term term) {
  return {fmt::format("Le numéro {} a au plus 35 caractères.", term.fr),
          fmt::format("The number {} is at most 35 characters.", term.en)};
}
Message format_title(Term term) {
  return {fmt::format("Le numéro {} ne contient que lettres, chiffres et + - _ /.", term.fr),
          fmt::format("The number {} holds only letters, digits and + - _ /.", term.en)};
}

}  // namespace

void register_identifier_rules(Registry& registry) {
  // CII: one id per test and term.
  registry.add(fr_rule("BR-FR-01_BT-1", length_title(kBt1), {"BT-1"},
                       only_in<Syntax::Cii, check_length<false>>));
  registry.add(fr_rule("BR-FR-02_BT-1", format_title(kBt1), {"BT-1"}, check_format<false>));
  registry.add(fr_rule("BR-FR-01_BT-25", length_title(kBt25), {"BT-25"},
                       only_in<Syntax::Cii, check_length<true>>));
  registry.add(fr_rule("BR-FR-02_BT-25", format_title(kBt25), {"BT-25"}, check_format<true>));
  // UBL: BR-FR-01 numbers its two tests; the second repeats BR-FR-02's.
  registry.add(fr_rule("BR-FR-01_BT-1-1", length_title(kBt1), {"BT-1"},
                       only_in<Syntax::Ubl, check_length<false>>));
  registry.add(fr_rule("BR-FR-01_BT-1-2", format_title(kBt1), {"BT-1"},
                       only_in<Syntax::Ubl, check_format<false>>));
  registry.add(fr_rule("BR-FR-01_BT-25-1", length_title(kBt25), {"BT-25"},
                       only_in<Syntax::Ubl, check_length<true>>));
  registry.add(fr_rule("BR-FR-01_BT-25-2", format_title(kBt25), {"BT-25"},
                       only_in<Syntax::Ubl, check_format<true>>));
}

}  // namespace cprokit::fr
