// Referenced documents and item attributes. BR-FR-04 on the type code of the
// preceding invoices (EXT-FR-FE-02); BR-FR-17 and -18: the supporting
// documents' descriptions (BT-123); BR-FR-27 and -28: the item attributes
// (BG-32) have a name or a code, and a value or a measure; BR-FR-29 and -30:
// the invoiced objects (BT-18, BT-128) give at most one id of each scheme AFL
// and AVV, none empty. And, under the UBL id BR-FR-30_BT-21, the UBL
// file's test of BR-FR-31: at most one processing type in the BAR notes.
//
// The reference reads these elements where few documents have them, and we
// keep it so: BR-FR-27 in UBL reads a cac:Item right under the root (never
// an invoice line's), BR-FR-30 in CII an ram:AdditionalReferencedDocument
// right under the line item (not in its SpecifiedLineTradeSettlement); the
// XSD refuses both. The two syntaxes also count BT-18 and BT-128 differently
// (see check_object_counts).
#include <algorithm>
#include <cstddef>
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

bool any_is(const std::vector<Text>& values, std::string_view wanted) {
  return std::ranges::any_of(values, [&](const Text& t) { return t.value == wanted; });
}

bool blank(std::string_view s) {
  return normalize_space(s).empty();
}

// BR-FR-04_EXT-FR-FE-02: compared as written, as BT-3 is.
void check_preceding_type(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  for (const Text& code : inv.preceding_invoice_type_codes) {
    if (is_document_type(code.value)) continue;
    report.fire(code.source,
                {fmt::format("Le type de la facture antérieure (EXT-FR-FE-02) « {} » n'est pas "
                             "admis par la réforme : donnez l'un de 380, 389, 393, 501, 386, 500, "
                             "384, 471, 472, 473, 261, 262, 381, 396, 502, 503.",
                             code.value),
                 fmt::format("The preceding invoice's type (EXT-FR-FE-02) \"{}\" is not accepted "
                             "by the reform: give one of 380, 389, 393, 501, 386, 500, 384, 471, "
                             "472, 473, 261, 262, 381, 396, 502, 503.",
                             code.value)});
  }
}

// BR-FR-17_BT-123. CII tests the documents of type 916 only, on ram:Name with
// white space normalized, an empty one accepted; UBL tests every document on
// cbc:DocumentDescription as written, an empty one refused. The first
// description only: the reference stops on a document with two.
void check_attachment_code(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  for (const ReferencedDocument& doc : inv.referenced_documents.documents) {
    if (doc.descriptions.empty()) continue;
    std::string code = doc.descriptions.front().value;
    if (inv.syntax == Syntax::Cii) {
      if (!any_is(doc.type_codes, "916")) continue;
      code = normalize_space(code);
      if (code.empty()) continue;
    }
    if (is_attachment_code(code)) continue;
    report.fire(doc.source,
                {fmt::format("La description de la pièce jointe (BT-123) « {} » n'est pas un code "
                             "de la réforme : donnez l'un de RIB, LISIBLE, FEUILLE_DE_STYLE, PJA, "
                             "BORDEREAU_SUIVI, DOCUMENT_ANNEXE, BON_LIVRAISON, BON_COMMANDE, "
                             "BORDEREAU_SUIVI_VALIDATION, ETAT_ACOMPTE, FACTURE_PAIEMENT_DIRECT, "
                             "RECAPITULATIF_COTRAITANCE.",
                             code),
                 fmt::format("The supporting document's description (BT-123) \"{}\" is not one of "
                             "the reform's codes: give one of RIB, LISIBLE, FEUILLE_DE_STYLE, "
                             "PJA, BORDEREAU_SUIVI, DOCUMENT_ANNEXE, BON_LIVRAISON, BON_COMMANDE, "
                             "BORDEREAU_SUIVI_VALIDATION, ETAT_ACOMPTE, FACTURE_PAIEMENT_DIRECT, "
                             "RECAPITULATIF_COTRAITANCE.",
                             code)});
  }
}

// BR-FR-18_BT-123: "LISIBLE" as written, in any of a document's descriptions.
void check_single_readable(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  const auto n = std::ranges::count_if(
      inv.referenced_documents.documents,
      [](const ReferencedDocument& doc) { return any_is(doc.descriptions, "LISIBLE"); });
  if (n <= 1) return;
  report.fire(Location{},
              {fmt::format("{} pièces jointes ont la description (BT-123) LISIBLE : une seule "
                           "peut l'avoir, corrigez ou retirez les autres.",
                           n),
               fmt::format("{} supporting documents have the description (BT-123) LISIBLE: only "
                           "one may, correct or remove the others.",
                           n)});
}

// BR-FR-27 reads, in UBL, the attributes of a cac:Item right under the root.
const std::vector<ItemAttributeForm>& attributes_27(const Invoice& inv) {
  return inv.syntax == Syntax::Cii ? inv.item_attribute_forms : inv.root_item_attribute_forms;
}

void check_attribute_named(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  for (const ItemAttributeForm& a : attributes_27(inv)) {
    if (!a.names.empty() || !a.codes.empty()) continue;
    report.fire(a.source, {"L'attribut d'article (BG-32) n'a ni nom (BT-160) ni code "
                           "(EXT-FR-FE-159) : donnez l'un ou l'autre.",
                           "The item attribute (BG-32) has neither a name (BT-160) nor a code "
                           "(EXT-FR-FE-159): give one or the other."});
  }
}

void check_attribute_name(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  for (const ItemAttributeForm& a : attributes_27(inv)) {
    for (const Text& name : a.names) {
      if (!blank(name.value)) continue;
      report.fire(name.source, {"Le nom de l'attribut d'article (BT-160) est vide : écrivez-le, "
                                "ou donnez un code d'attribut (EXT-FR-FE-159) à la place.",
                                "The item attribute name (BT-160) is empty: write it, or give an "
                                "attribute code (EXT-FR-FE-159) instead."});
    }
  }
}

void check_attribute_code(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  for (const ItemAttributeForm& a : attributes_27(inv)) {
    for (const Text& code : a.codes) {
      if (!blank(code.value)) continue;
      report.fire(code.source, {"Le code de l'attribut d'article (EXT-FR-FE-159) est vide : "
                                "écrivez-le, ou donnez un nom d'attribut (BT-160) à la place.",
                                "The item attribute code (EXT-FR-FE-159) is empty: write it, or "
                                "give an attribute name (BT-160) instead."});
    }
  }
}

// BR-FR-28-Value: a value, or else a measure with its unit, not both.
void check_attribute_value(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  for (const ItemAttributeForm& a : inv.item_attribute_forms) {
    if (a.has_value ? !a.has_measure : a.measure_with_unit) continue;
    report.fire(a.source,
                {"L'attribut d'article (BG-32) donne sa valeur (BT-161) deux fois, ou pas du tout, "
                 "ou en quantité sans unité : donnez soit la valeur, soit la quantité avec son "
                 "unité, pas les deux.",
                 "The item attribute (BG-32) gives its value (BT-161) twice, or not at all, or as "
                 "a quantity without a unit: give either the value or the quantity with its "
                 "unit, not both."});
  }
}

// What BR-FR-29 (BT-18, header) and BR-FR-30 (BT-128, lines) tell apart.
struct ObjectScope {
  std::string_view term;
  std::string_view fr;
  std::string_view en;
};
constexpr ObjectScope kInvoiced{"BT-18", "objet facturé", "invoiced object"};
constexpr ObjectScope kLine{"BT-128", "objet facturé à la ligne", "line object"};

// Whether an id has the scheme: CII by its document's ram:ReferenceTypeCode,
// UBL by the id's @schemeID; as written.
bool document_has_scheme(const ReferencedDocument& doc, std::string_view scheme) {
  return any_is(doc.reference_types, scheme);
}
std::size_t ids_of_scheme(const ReferencedDocument& doc, std::string_view scheme) {
  return static_cast<std::size_t>(std::ranges::count_if(
      doc.ids, [&](const Identifier& id) { return id.scheme_given && id.scheme == scheme; }));
}

void fire_count(const ObjectScope& s, std::size_t afl, std::size_t avv, const SourceRef& where,
                Reporter& report) {
  if (afl <= 1 && avv <= 1) return;
  report.fire(where, {fmt::format("Les identifiants d'{} ({}) donnent {} fois le schéma AFL et "
                                  "{} fois le schéma AVV : chacun au plus une fois, retirez les "
                                  "doublons.",
                                  s.fr, s.term, afl, avv),
                      fmt::format("The {} identifiers ({}) give the scheme AFL {} times and the "
                                  "scheme AVV {} times: each at most once, remove the duplicates.",
                                  s.en, s.term, afl, avv)});
}

// CII counts the documents of each scheme in the element that holds them
// (the header agreement, a line item); UBL counts the ids of each scheme in
// one document reference, which the XSD allows one of.
void check_object_counts(const Invoice& inv, const ReferencedDocuments& group, const ObjectScope& s,
                         Reporter& report) {
  if (inv.syntax == Syntax::Cii) {
    const auto count = [&](std::string_view scheme) {
      return static_cast<std::size_t>(std::ranges::count_if(
          group.documents,
          [&](const ReferencedDocument& d) { return document_has_scheme(d, scheme); }));
    };
    fire_count(s, count("AFL"), count("AVV"), group.source, report);
    return;
  }
  for (const ReferencedDocument& doc : group.documents) {
    fire_count(s, ids_of_scheme(doc, "AFL"), ids_of_scheme(doc, "AVV"), doc.source, report);
  }
}

// Every id of the scheme is not blank. In CII an id whose document has both
// AFL and AVV is tested as AFL only (the reference's first rule takes it).
void check_object_ids(const Invoice& inv, const ReferencedDocuments& group, std::string_view scheme,
                      const ObjectScope& s, Reporter& report) {
  for (const ReferencedDocument& doc : group.documents) {
    if (inv.syntax == Syntax::Cii && (!document_has_scheme(doc, scheme) ||
                                      (scheme == "AVV" && document_has_scheme(doc, "AFL")))) {
      continue;
    }
    for (const Identifier& id : doc.ids) {
      if (inv.syntax == Syntax::Ubl && !(id.scheme_given && id.scheme == scheme)) continue;
      if (!blank(id.value)) continue;
      report.fire(id.source,
                  {fmt::format("L'identifiant d'{} ({}) de schéma {} est vide : écrivez-le, ou "
                               "retirez la référence.",
                               s.fr, s.term, scheme),
                   fmt::format("The {} identifier ({}) of scheme {} is empty: write it, or remove "
                               "the reference.",
                               s.en, s.term, scheme)});
    }
  }
}

void check_invoiced_object_counts(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  check_object_counts(inv, inv.referenced_documents, kInvoiced, report);
}

template <const std::string_view& kScheme>
void check_invoiced_object_ids(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  check_object_ids(inv, inv.referenced_documents, kScheme, kInvoiced, report);
}

void check_line_object_counts(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  for (const ReferencedDocuments& line : inv.line_objects)
    check_object_counts(inv, line, kLine, report);
}

template <const std::string_view& kScheme>
void check_line_object_ids(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  for (const ReferencedDocuments& line : inv.line_objects)
    check_object_ids(inv, line, kScheme, kLine, report);
}

constexpr std::string_view kAfl = "AFL";
constexpr std::string_view kAvv = "AVV";

// BR-FR-30_BT-21 (UBL): the notes containing #BAR#, as written, joined and
// closed by a "#"; each "BAR#<type>#" in it counts, of the six processing
// types. Unlike BR-FR-20's UBL test, every mark counts, and B2CINT is one.
void check_bar_types(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  std::string joined;
  for (const Text& note : inv.bar_notes)
    joined += note.value;
  joined += '#';
  std::size_t n = 0;
  for (std::string_view type : {"B2B", "B2BINT", "B2C", "B2CINT", "OUTOFSCOPE", "ARCHIVEONLY"})
    n += occurrences(joined, fmt::format("BAR#{}#", type));
  if (n <= 1) return;
  report.fire(Location{},
              {fmt::format("Les notes BAR (#BAR#) donnent {} types de traitement : n'en gardez "
                           "qu'un (B2B, B2BINT, B2C, B2CINT, OUTOFSCOPE ou ARCHIVEONLY).",
                           n),
               fmt::format("The BAR notes (#BAR#) give {} processing types: keep only one (B2B, "
                           "B2BINT, B2C, B2CINT, OUTOFSCOPE or ARCHIVEONLY).",
                           n)});
}

}  // namespace

void register_document_rules(Registry& registry) {
  registry.add(fr_rule("BR-FR-04_EXT-FR-FE-02",
                       {"Le type de la facture antérieure (EXT-FR-FE-02) est l'un de ceux que la "
                        "réforme admet.",
                        "The preceding invoice's type (EXT-FR-FE-02) is one the reform accepts."},
                       {"BG-3", "EXT-FR-FE-02"}, check_preceding_type));
  registry.add(fr_rule("BR-FR-17_BT-123",
                       {"La description d'une pièce jointe (BT-123) est un code de la réforme.",
                        "A supporting document's description (BT-123) is one of the reform's "
                        "codes."},
                       {"BG-24", "BT-123"}, check_attachment_code));
  registry.add(fr_rule("BR-FR-18_BT-123",
                       {"Une seule pièce jointe a la description (BT-123) LISIBLE.",
                        "Only one supporting document has the description (BT-123) LISIBLE."},
                       {"BG-24", "BT-123"}, check_single_readable));
  registry.add(fr_rule("BR-FR-27_BG-32",
                       {"Un attribut d'article (BG-32) a un nom (BT-160) ou un code "
                        "(EXT-FR-FE-159).",
                        "An item attribute (BG-32) has a name (BT-160) or a code "
                        "(EXT-FR-FE-159)."},
                       {"BG-32", "BT-160", "EXT-FR-FE-159"}, check_attribute_named));
  registry.add(fr_rule("BR-FR-27_BT-160",
                       {"Le nom d'un attribut d'article (BT-160) n'est pas vide.",
                        "An item attribute name (BT-160) is not empty."},
                       {"BG-32", "BT-160"}, check_attribute_name));
  registry.add(fr_rule("BR-FR-27_EXT-FR-FE-159",
                       {"Le code d'un attribut d'article (EXT-FR-FE-159) n'est pas vide.",
                        "An item attribute code (EXT-FR-FE-159) is not empty."},
                       {"BG-32", "EXT-FR-FE-159"}, check_attribute_code));
  registry.add(fr_rule("BR-FR-28-Value",
                       {"Un attribut d'article (BG-32) donne sa valeur (BT-161) ou une quantité "
                        "avec son unité, pas les deux.",
                        "An item attribute (BG-32) gives its value (BT-161) or a quantity with "
                        "its unit, not both."},
                       {"BG-32", "BT-161"}, check_attribute_value));
  registry.add(fr_rule("BR-FR-29_BT-18",
                       {"Les objets facturés (BT-18) donnent au plus un identifiant de schéma AFL "
                        "et un de schéma AVV.",
                        "The invoiced objects (BT-18) give at most one identifier of scheme AFL "
                        "and one of scheme AVV."},
                       {"BT-18"}, check_invoiced_object_counts));
  registry.add(fr_rule("BR-FR-29_AFL",
                       {"L'identifiant d'objet facturé (BT-18) de schéma AFL n'est pas vide.",
                        "The invoiced object identifier (BT-18) of scheme AFL is not empty."},
                       {"BT-18"}, check_invoiced_object_ids<kAfl>));
  registry.add(fr_rule("BR-FR-29_AVV",
                       {"L'identifiant d'objet facturé (BT-18) de schéma AVV n'est pas vide.",
                        "The invoiced object identifier (BT-18) of scheme AVV is not empty."},
                       {"BT-18"}, check_invoiced_object_ids<kAvv>));
  registry.add(fr_rule("BR-FR-30_BT-128",
                       {"Les objets facturés d'une ligne (BT-128) donnent au plus un identifiant "
                        "de schéma AFL et un de schéma AVV.",
                        "A line's objects (BT-128) give at most one identifier of scheme AFL and "
                        "one of scheme AVV."},
                       {"BG-25", "BT-128"}, check_line_object_counts));
  registry.add(fr_rule("BR-FR-30_AFL",
                       {"L'identifiant d'objet facturé à la ligne (BT-128) de schéma AFL n'est "
                        "pas vide.",
                        "The line object identifier (BT-128) of scheme AFL is not empty."},
                       {"BG-25", "BT-128"}, check_line_object_ids<kAfl>));
  registry.add(fr_rule("BR-FR-30_AVV",
                       {"L'identifiant d'objet facturé à la ligne (BT-128) de schéma AVV n'est "
                        "pas vide.",
                        "The line object identifier (BT-128) of scheme AVV is not empty."},
                       {"BG-25", "BT-128"}, check_line_object_ids<kAvv>));
  // The UBL file's BR-FR-31 test, under this id; the CII file has no such id.
  registry.add(fr_rule("BR-FR-30_BT-21",
                       {"Les notes BAR donnent un seul type de traitement.",
                        "The BAR notes give a single processing type."},
                       {"BT-21", "BT-22"}, only_in<Syntax::Ubl, check_bar_types>));
}

}  // namespace cprokit::fr
