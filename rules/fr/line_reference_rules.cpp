// The line references: a line's preceding invoice (EXT-FR-FE-136 its
// number, -137 its type, -138 its date) and its delivery date (-158), tested
// as their header-level twins are (BR-FR-01 and -02 the number, -03 the
// dates, -04 the type); then the bi-directional invoices (cadre de
// facturation S9, B9, M9: BR-FR-BD-*), which stay fatal in transition mode.
//
// The reference reads different elements in each syntax, and we keep them:
//   CII ram:SpecifiedLineTradeSettlement/ram:InvoiceReferencedDocument gives
//     the number (BR-FR-01, -02), its type (BR-FR-04) and its date (BR-FR-03);
//   UBL tests the type of the line's cac:BillingReference/
//     cac:InvoiceDocumentReference (BR-FR-04), but the number's length and
//     characters on cac:BillingReference/cac:DocumentReference/cbc:ID, an
//     element UBL 2.1 does not have (BR-FR-01_EXT-FR-FE-136-1, -2), and its
//     characters and date on the line's cac:DocumentReference, the line
//     object identifier BT-128 (BR-FR-02_EXT-FR-FE-136, BR-FR-03_EXT-FR-FE-138).
// Each context matches every such element; the model keeps the first of each
// reference's children (the schemas allow one), and texts trimmed, as the
// readers do for every term.
#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/core.h>

#include "rules/engine/reporter.hpp"
#include "rules/fr/family.hpp"
#include "rules/fr/fr_rules.hpp"
#include "rules/fr/line_groups.hpp"
#include "rules/fr/values.hpp"

namespace cprokit::fr {
namespace {

// ---------------------------------------------------------------------------
// BR-FR-01 .. -04 on the line's references and delivery dates.

// A value one rule reads: its text and its place.
struct Written {
  std::string_view text;
  const SourceRef* source;
};
using Values = std::vector<Written>;

void add(Values& out, const std::optional<Text>& v) {
  if (v) out.push_back({v->value, &v->source});
}
void add(Values& out, const std::optional<Identifier>& v) {
  if (v) out.push_back({v->value, &v->source});
}

// The lines these rules read: UBL names the right element only
// (cac:InvoiceLine in an Invoice, cac:CreditNoteLine in a CreditNote).
template <class F>
void for_each_named_line(const Invoice& inv, F&& f) {
  for (const InvoiceLine& line : inv.lines)
    if (!line.misnamed) f(line);
}

// Each line's preceding-invoice references.
template <class F>
void for_each_reference(const Invoice& inv, F&& f) {
  for_each_named_line(inv, [&](const InvoiceLine& line) {
    for (const LineInvoiceReference& ref : line.invoice_references)
      f(ref);
  });
}
// Each UBL line's cac:DocumentReference.
template <class F>
void for_each_document(const Invoice& inv, F&& f) {
  for_each_named_line(inv, [&](const InvoiceLine& line) {
    for (const LineDocumentReference& doc : line.document_references)
      f(doc);
  });
}

// CII: the preceding invoice's number (IssuerAssignedID).
Values reference_ids(const Invoice& inv) {
  Values out;
  for_each_reference(inv, [&](const LineInvoiceReference& ref) { add(out, ref.id); });
  return out;
}
// UBL: cac:BillingReference/cac:DocumentReference/cbc:ID.
Values billing_document_ids(const Invoice& inv) {
  Values out;
  for_each_reference(inv,
                     [&](const LineInvoiceReference& ref) { add(out, ref.document_reference_id); });
  return out;
}
// BR-FR-02: CII the preceding invoice's number, UBL the line's
// cac:DocumentReference/cbc:ID.
Values line_reference_ids(const Invoice& inv) {
  if (inv.syntax == Syntax::Cii) return reference_ids(inv);
  Values out;
  for_each_document(inv, [&](const LineDocumentReference& doc) { add(out, doc.id); });
  return out;
}
// BR-FR-03: CII the preceding invoice's date, UBL the line's
// cac:DocumentReference/cbc:IssueDate.
Values line_reference_dates(const Invoice& inv) {
  Values out;
  if (inv.syntax == Syntax::Cii) {
    for_each_reference(inv, [&](const LineInvoiceReference& ref) { add(out, ref.issue_date); });
  } else {
    for_each_document(inv, [&](const LineDocumentReference& doc) { add(out, doc.issue_date); });
  }
  return out;
}
Values line_reference_types(const Invoice& inv) {
  Values out;
  for_each_reference(inv, [&](const LineInvoiceReference& ref) { add(out, ref.type_code); });
  return out;
}
Values line_delivery_dates(const Invoice& inv) {
  Values out;
  for_each_named_line(inv, [&](const InvoiceLine& line) {
    for (const Text& date : line.actual_delivery_dates)
      out.push_back({date.value, &date.source});
  });
  return out;
}

// A rule of the four: its id, the term it names, what its messages call
// the value (in UBL, where it reads another element, `ubl_fr`/`ubl_en`), and
// where the model keeps it.
struct LineTerm {
  const char* id;
  const char* term;
  const char* fr;
  const char* en;
  Values (*collect)(const Invoice&);
  const char* ubl_fr = nullptr;
  const char* ubl_en = nullptr;
};

// What a message calls the value, in the invoice's syntax.
struct Name {
  const char* fr;
  const char* en;
};
Name name_of(const LineTerm& term, const Invoice& inv) {
  if (inv.syntax == Syntax::Ubl && term.ubl_fr != nullptr) return {term.ubl_fr, term.ubl_en};
  return {term.fr, term.en};
}

constexpr const char* kRefFr = "Le numéro de la facture antérieure de la ligne (EXT-FR-FE-136)";
constexpr const char* kRefEn = "The line's preceding invoice number (EXT-FR-FE-136)";
constexpr const char* kBillingDocFr =
    "L'identifiant cac:BillingReference/cac:DocumentReference/cbc:ID de la ligne (EXT-FR-FE-136)";
constexpr const char* kBillingDocEn =
    "The line's cac:BillingReference/cac:DocumentReference/cbc:ID (EXT-FR-FE-136)";

constexpr LineTerm kLengthCii{"BR-FR-01_EXT-FR-FE-136", "EXT-FR-FE-136", kRefFr, kRefEn,
                              reference_ids};
constexpr LineTerm kLengthUbl{"BR-FR-01_EXT-FR-FE-136-1", "EXT-FR-FE-136", kBillingDocFr,
                              kBillingDocEn, billing_document_ids};
constexpr LineTerm kFormatUbl{"BR-FR-01_BT-EXT-FR-FE-136-2", "EXT-FR-FE-136", kBillingDocFr,
                              kBillingDocEn, billing_document_ids};
constexpr LineTerm kFormat{"BR-FR-02_EXT-FR-FE-136",
                           "EXT-FR-FE-136",
                           kRefFr,
                           kRefEn,
                           line_reference_ids,
                           "L'identifiant du document référencé par la ligne (EXT-FR-FE-136, "
                           "cac:DocumentReference/cbc:ID)",
                           "The id of the line's referenced document (EXT-FR-FE-136, "
                           "cac:DocumentReference/cbc:ID)"};
constexpr LineTerm kRefDate{"BR-FR-03_EXT-FR-FE-138",
                            "EXT-FR-FE-138",
                            "La date de la facture antérieure de la ligne (EXT-FR-FE-138)",
                            "The line's preceding invoice date (EXT-FR-FE-138)",
                            line_reference_dates,
                            "La date du document référencé par la ligne (EXT-FR-FE-138, "
                            "cac:DocumentReference/cbc:IssueDate)",
                            "The date of the line's referenced document (EXT-FR-FE-138, "
                            "cac:DocumentReference/cbc:IssueDate)"};
constexpr LineTerm kDeliveryDate{
    "BR-FR-03_EXT-FR-FE-158", "EXT-FR-FE-158", "La date de livraison de la ligne (EXT-FR-FE-158)",
    "The line's actual delivery date (EXT-FR-FE-158)", line_delivery_dates};
constexpr LineTerm kRefType{"BR-FR-04_EXT-FR-FE-137", "EXT-FR-FE-137",
                            "Le type de la facture antérieure de la ligne (EXT-FR-FE-137)",
                            "The line's preceding invoice type (EXT-FR-FE-137)",
                            line_reference_types};

template <const LineTerm& kTerm>
void check_length(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  const Name name = name_of(kTerm, inv);
  for (const Written& v : kTerm.collect(inv)) {
    if (fits_identifier_length(v.text)) continue;
    report.fire(
        *v.source,
        {fmt::format("{} « {} » dépasse 35 caractères : raccourcissez-le.", name.fr, v.text),
         fmt::format("{} \"{}\" is longer than 35 characters: shorten it.", name.en, v.text)});
  }
}

template <const LineTerm& kTerm>
void check_format(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  const Name name = name_of(kTerm, inv);
  for (const Written& v : kTerm.collect(inv)) {
    if (is_identifier_format(v.text)) continue;
    report.fire(*v.source,
                {fmt::format("{} « {} » contient un caractère que la réforme n'admet pas : "
                             "n'utilisez que des lettres sans accent, des chiffres et + - _ /, "
                             "sans espace.",
                             name.fr, v.text),
                 fmt::format("{} \"{}\" has a character the reform does not accept: use only "
                             "unaccented letters, digits and + - _ /, no space.",
                             name.en, v.text)});
  }
}

template <const LineTerm& kTerm>
void check_date(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  const Name name = name_of(kTerm, inv);
  const bool cii = inv.syntax == Syntax::Cii;
  for (const Written& v : kTerm.collect(inv)) {
    if (cii ? is_reform_date_cii(v.text) : is_reform_date_ubl(v.text)) continue;
    report.fire(*v.source,
                {fmt::format("{} « {} » n'est pas une date valide des années 2000 à 2099 : "
                             "écrivez une date qui existe, sous la forme {}.",
                             name.fr, v.text, cii ? "AAAAMMJJ" : "AAAA-MM-JJ"),
                 fmt::format("{} \"{}\" is not a valid date of the years 2000 to 2099: write a "
                             "date that exists, as {}.",
                             name.en, v.text, cii ? "CCYYMMDD" : "CCYY-MM-DD")});
  }
}

template <const LineTerm& kTerm>
void check_type(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  const Name name = name_of(kTerm, inv);
  for (const Written& v : kTerm.collect(inv)) {
    if (is_document_type(v.text)) continue;
    report.fire(*v.source,
                {fmt::format("{} « {} » n'est pas admis par la réforme : donnez l'un de 380, "
                             "389, 393, 501, 386, 500, 384, 471, 472, 473, 261, 262, 381, 396, "
                             "502, 503.",
                             name.fr, v.text),
                 fmt::format("{} \"{}\" is not accepted by the reform: give one of 380, 389, "
                             "393, 501, 386, 500, 384, 471, 472, 473, 261, 262, 381, 396, 502, "
                             "503.",
                             name.en, v.text)});
  }
}

template <const LineTerm& kTerm>
Rule line_rule(const char* title_fr, const char* title_en, InvoiceCheck check) {
  return fr_rule(
      kTerm.id,
      {fmt::format("{} {}", kTerm.fr, title_fr), fmt::format("{} {}", kTerm.en, title_en)},
      {kTerm.term}, check);
}

// ---------------------------------------------------------------------------
// BR-FR-BD: bi-directional invoices (S9, B9, M9).

bool bidirectional(const Invoice& inv) {
  return inv.business_process && is_bidirectional_billing_mode(inv.business_process->value);
}

// The heads of the line groups whose line `keep` accepts: CII the lines,
// UBL the billing references (a line with two such references counts twice).
template <class Keep>
std::size_t group_heads(const Invoice& inv, Keep keep) {
  std::size_t n = 0;
  for (const InvoiceLine& line : inv.lines) {
    if (!keep(line)) continue;
    if (inv.syntax == Syntax::Cii) {
      n += is_group_head_cii(inv, line) ? 1 : 0;
    } else {
      for (const LineInvoiceReference& ref : line.invoice_references)
        n += is_group_reference_ubl(inv, ref) ? 1 : 0;
    }
  }
  return n;
}

std::size_t group_heads(const Invoice& inv) {
  return group_heads(inv, [](const InvoiceLine& /*line*/) { return true; });
}

void check_bd_02_groups(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  if (!bidirectional(inv)) return;
  const std::size_t n = group_heads(inv);
  if (n == 2) return;
  report.fire(Location{},
              {fmt::format("Une facture bi-directionnelle (cadre de facturation BT-23 S9, B9 ou "
                           "M9) a exactement deux lignes GROUP sans ligne parent (sous-type de "
                           "ligne EXT-FR-FE-163) ; celle-ci en a {} : donnez-en une par sens de "
                           "facturation.",
                           n),
               fmt::format("A bi-directional invoice (billing framework BT-23 S9, B9 or M9) has "
                           "exactly two GROUP lines without a parent line (line sub-type "
                           "EXT-FR-FE-163); this one has {}: give one for each direction.",
                           n)});
}

// BR-FR-BD-02 (CII _BT-31, UBL _BT-30: the seller; _BT-47: the buyer): of
// the two groups, exactly one is the sub-invoice of that party: its head's
// item seller has the party's legal id (EXT-FR-FE-167 = BT-30 / BT-47),
// compared as written, as XPath's = does.
template <bool kBuyer>
void check_bd_02_party(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  if (!bidirectional(inv)) return;
  const std::optional<Identifier>& wanted = kBuyer ? inv.buyer.legal_id : inv.seller.legal_id;
  const std::size_t n = !wanted ? 0 : group_heads(inv, [&](const InvoiceLine& line) {
    if (!line.item_seller || !line.item_seller->legal_id) return false;
    const Identifier& id = *line.item_seller->legal_id;
    return as_written(inv, id.value, id.source) == as_written(inv, wanted->value, wanted->source);
  });
  if (n == 1) return;
  const Message party = kBuyer ? Message{"l'acheteur (BT-47)", "the buyer (BT-47)"}
                               : Message{"le vendeur (BT-30)", "the seller (BT-30)"};
  report.fire(Location{},
              {fmt::format("Une facture bi-directionnelle (cadre de facturation BT-23 S9, B9 ou "
                           "M9) a une ligne GROUP pour {0}, dont le vendeur (EXT-FR-FE-167) a "
                           "son identifiant légal ; celle-ci en a {1} : donnez à l'une des deux "
                           "lignes GROUP l'identifiant légal de {0}.",
                           party.fr, n),
               fmt::format("A bi-directional invoice (billing framework BT-23 S9, B9 or M9) has "
                           "one GROUP line for {0}, whose seller (EXT-FR-FE-167) has its legal "
                           "id; this one has {1}: give one of the two GROUP lines the legal id "
                           "of {0}.",
                           party.en, n)});
}

// The document types a bi-directional invoice may have (BR-FR-BD-13,
// BR-FR-MV-BD), its type code normalized.
void check_bd_type(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  if (!bidirectional(inv) || !inv.type_code) return;
  // The self-billed types (BR-FR-MV-13's list), the type code normalized.
  if (is_self_billed_type(normalize_space(inv.type_code->value))) return;
  report.fire(inv.type_code->source,
              {fmt::format("Le type de document (BT-3) « {} » n'est pas celui d'une facture "
                           "bi-directionnelle (cadre de facturation BT-23 S9, B9 ou M9) : donnez "
                           "l'un de 389, 261, 501, 500, 502, 471, 473.",
                           inv.type_code->value),
               fmt::format("The document type (BT-3) \"{}\" is not one of a bi-directional "
                           "invoice (billing framework BT-23 S9, B9 or M9): give one of 389, "
                           "261, 501, 500, 502, 471, 473.",
                           inv.type_code->value)});
}

// BR-FR-BD-14: a bi-directional credit note or corrective invoice (type
// 261, 471, 473 or 502, compared as written) names, on each GROUP line, the
// invoice it corrects: its number (EXT-FR-FE-136), or its date (-138) too.
// CII: the GROUP line without a parent has a preceding-invoice reference
// with an IssuerAssignedID (a qdt:DateTimeString). UBL: beside the GROUP
// billing reference, the line has another whose invoice number is not this
// invoice's, with an id (an IssueDate).
template <bool kDate>
void check_bd_14(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  static constexpr std::array<std::string_view, 4> kTypes = {"261", "471", "473", "502"};
  if (!bidirectional(inv) || !inv.type_code ||
      std::ranges::find(kTypes, inv.type_code->value) == kTypes.end()) {
    return;
  }
  const Message message =
      kDate ? Message{"Cette ligne GROUP d'une facture rectificative bi-directionnelle ne donne "
                      "pas la date de la facture qu'elle corrige (EXT-FR-FE-138) : ajoutez-la à "
                      "sa référence de facture antérieure.",
                      "This GROUP line of a bi-directional corrective invoice does not give the "
                      "date of the invoice it corrects (EXT-FR-FE-138): add it to its preceding "
                      "invoice reference."}
            : Message{"Cette ligne GROUP d'une facture rectificative bi-directionnelle ne "
                      "référence pas la facture qu'elle corrige (EXT-FR-FE-136) : ajoutez une "
                      "référence de facture antérieure avec son numéro.",
                      "This GROUP line of a bi-directional corrective invoice does not refer to "
                      "the invoice it corrects (EXT-FR-FE-136): add a preceding invoice "
                      "reference with its number."};
  for (const InvoiceLine& line : inv.lines) {
    const auto& refs = line.invoice_references;
    if (inv.syntax == Syntax::Cii) {
      if (!is_group_head_cii(inv, line)) continue;
      const bool named = std::ranges::any_of(refs, [](const LineInvoiceReference& ref) {
        return kDate ? ref.issue_date.has_value() : ref.id.has_value();
      });
      if (!named) report.fire(line.source, message);
      continue;
    }
    for (const LineInvoiceReference& group : refs) {
      if (!is_group_reference_ubl(inv, group)) continue;
      const bool named = std::ranges::any_of(refs, [&](const LineInvoiceReference& ref) {
        return ref.id && !is_invoice_number(inv, *ref.id) && (!kDate || ref.issue_date.has_value());
      });
      if (!named) report.fire(group.source, message);
    }
  }
}

Rule bd_rule(const char* id, const char* term, Message title, InvoiceCheck check) {
  return fr_rule(id, std::move(title), {term}, check, Severity::Fatal);
}

}  // namespace

void register_line_reference_rules(Registry& registry) {
  constexpr const char* kLengthFr = "a au plus 35 caractères.";
  constexpr const char* kLengthEn = "is at most 35 characters.";
  constexpr const char* kFormatFr = "ne contient que lettres, chiffres et + - _ /.";
  constexpr const char* kFormatEn = "holds only letters, digits and + - _ /.";
  constexpr const char* kDateFr = "est une date qui existe, des années 2000 à 2099.";
  constexpr const char* kDateEn = "is a date that exists, of the years 2000 to 2099.";
  registry.add(
      line_rule<kLengthCii>(kLengthFr, kLengthEn, only_in<Syntax::Cii, check_length<kLengthCii>>));
  registry.add(
      line_rule<kLengthUbl>(kLengthFr, kLengthEn, only_in<Syntax::Ubl, check_length<kLengthUbl>>));
  registry.add(
      line_rule<kFormatUbl>(kFormatFr, kFormatEn, only_in<Syntax::Ubl, check_format<kFormatUbl>>));
  registry.add(line_rule<kFormat>(kFormatFr, kFormatEn, check_format<kFormat>));
  registry.add(line_rule<kRefDate>(kDateFr, kDateEn, check_date<kRefDate>));
  registry.add(line_rule<kDeliveryDate>(kDateFr, kDateEn, check_date<kDeliveryDate>));
  registry.add(line_rule<kRefType>("est l'un de ceux que la réforme admet.",
                                   "is one the reform accepts.", check_type<kRefType>));

  const Message groups{
      "Une facture bi-directionnelle (S9, B9, M9) a exactement deux lignes GROUP sans parent.",
      "A bi-directional invoice (S9, B9, M9) has exactly two GROUP lines without a parent."};
  registry.add(bd_rule("BR-FR-BD-02_EXT-FR-FE-163", "EXT-FR-FE-163", groups, check_bd_02_groups));
  const std::vector<std::string> seller_terms = {"BT-30", "EXT-FR-FE-167"};
  const Message seller_group{
      "Une facture bi-directionnelle (S9, B9, M9) a une ligne GROUP dont le vendeur a "
      "l'identifiant légal du vendeur (BT-30).",
      "A bi-directional invoice (S9, B9, M9) has one GROUP line whose seller has the seller's "
      "legal id (BT-30)."};
  registry.add(fr_rule("BR-FR-BD-02_BT-31", seller_group, seller_terms,
                       only_in<Syntax::Cii, check_bd_02_party<false>>, Severity::Fatal));
  registry.add(fr_rule("BR-FR-BD-02_BT-30", seller_group, seller_terms,
                       only_in<Syntax::Ubl, check_bd_02_party<false>>, Severity::Fatal));
  registry.add(fr_rule("BR-FR-BD-02_BT-47",
                       {"Une facture bi-directionnelle (S9, B9, M9) a une ligne GROUP dont le "
                        "vendeur a l'identifiant légal de l'acheteur (BT-47).",
                        "A bi-directional invoice (S9, B9, M9) has one GROUP line whose seller "
                        "has the buyer's legal id (BT-47)."},
                       {"BT-47", "EXT-FR-FE-167"}, check_bd_02_party<true>, Severity::Fatal));
  const Message types{
      "Une facture bi-directionnelle (S9, B9, M9) est de type 389, 261, 501, 500, 502, 471 ou "
      "473.",
      "A bi-directional invoice (S9, B9, M9) is of type 389, 261, 501, 500, 502, 471 or 473."};
  registry.add(bd_rule("BR-FR-BD-13_BT-3", "BT-3", types, only_in<Syntax::Cii, check_bd_type>));
  registry.add(bd_rule("BR-FR-MV-BD_BT-3", "BT-3", types, only_in<Syntax::Ubl, check_bd_type>));
  registry.add(bd_rule("BR-FR-BD-14-EXT-FR-FE-136", "EXT-FR-FE-136",
                       {"Chaque ligne GROUP d'une facture rectificative bi-directionnelle "
                        "référence la facture qu'elle corrige (EXT-FR-FE-136).",
                        "Each GROUP line of a bi-directional corrective invoice refers to the "
                        "invoice it corrects (EXT-FR-FE-136)."},
                       check_bd_14<false>));
  registry.add(bd_rule("BR-FR-BD-14-EXT-FR-FE-138", "EXT-FR-FE-138",
                       {"Chaque ligne GROUP d'une facture rectificative bi-directionnelle donne "
                        "la date de la facture qu'elle corrige (EXT-FR-FE-138).",
                        "Each GROUP line of a bi-directional corrective invoice gives the date "
                        "of the invoice it corrects (EXT-FR-FE-138)."},
                       check_bd_14<true>));
}

}  // namespace cprokit::fr
