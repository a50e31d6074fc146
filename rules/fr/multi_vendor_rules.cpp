// BR-FR-MV: multi-vendor invoices (cadre de facturation BT-23 S8, B8, M8). A
// multi-vendor invoice groups sub-invoices of several sellers: each
// sub-invoice is a GROUP line without a parent line (a "head"), which names
// its seller (EXT-FR-FE-164, -167, -177), its sub-invoice number (BT-128 of
// scheme AFL, type 130), its billing framework (scheme AVV), its VAT and its
// amount with VAT (EXT-FR-FE-181, -182, -184); its DETAIL lines point at it.
//
// How each syntax writes a line's place:
// - CII: ram:LineStatusReasonCode (EXT-FR-FE-163) and ram:ParentLineID
//   (EXT-FR-FE-162) of the line; a head is "GROUP" without a parent.
// - UBL: the line's cac:BillingReference that names the invoice itself
//   (InvoiceDocumentReference/cbc:ID = BT-1), its cbc:DocumentStatusCode and
//   its cac:BillingReferenceLine/cbc:ID (the parent). The UBL contexts are
//   those BillingReferences: a line with two such GROUP references is tested
//   twice, as the reference does.
//
// The reference's choices, kept:
// - Most rules apply under isSpecialContract (S8 … M9: bi-directional
//   invoices too); BR-FR-MV-02, -13 and -14 under isSpecialContractMV (S8,
//   B8, M8) only. All stay fatal in the transition mode.
// - Codes ("GROUP", "DETAIL", "AFL", "130"…) are compared as written; the
//   values tested for presence once white space is normalized.
// - CII tests the AFL and AVV identifiers (BR-FR-MV-03_BT-128_*) on each
//   such ram:AdditionalReferencedDocument, and a head without one passes;
//   UBL tests the head, and a head without one fails.
// - CII BR-FR-MV-01 tests a ram:LineStatusReasonCode that is there (blank
//   fails, absent passes); UBL asks each line for its own reference.
// - Amounts are compared as XPath does, in doubles, each read with
//   number(): an amount that is no decimal (XML-07 says so) is read from
//   its text as written, "1e2" as 100 and "abc" as NaN.
// - BR-FR-MV-12 looks for an AFL number equal to one before it: in UBL any
//   line's cac:DocumentReference of type 130 and scheme AFL; in CII any
//   ram:IssuerAssignedID before it (read here: the lines' referenced
//   documents, preceding-invoice references and AFL/AVV identifiers).
#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/core.h>

#include "rules/engine/reporter.hpp"
#include "rules/fr/family.hpp"
#include "rules/fr/fr_rules.hpp"
#include "rules/fr/line_groups.hpp"
#include "rules/fr/values.hpp"

namespace cprokit::fr {
namespace {

constexpr Syntax kUbl = Syntax::Ubl;
constexpr Syntax kCii = Syntax::Cii;

bool special_contract(const Invoice& inv) {
  return inv.business_process && is_special_billing_mode(inv.business_process->value);
}

bool multi_vendor(const Invoice& inv) {
  return inv.business_process && is_multi_vendor_billing_mode(inv.business_process->value);
}

std::string_view mode_of(const Invoice& inv) {
  return inv.business_process ? std::string_view(inv.business_process->value) : "";
}

bool is(const std::optional<Text>& text, std::string_view value) {
  return text && text->value == value;
}

bool blank(const std::optional<Text>& text) {
  return !text || normalize_space(text->value).empty();
}

// UBL: whether a line's cac:BillingReference names the invoice itself.
bool names_invoice(const Invoice& inv, const LineInvoiceReference& ref) {
  return ref.id && is_invoice_number(inv, *ref.id);
}

// Whether a line is a head (a GROUP line without a parent).
bool is_head(const Invoice& inv, const InvoiceLine& line) {
  if (inv.syntax == kCii) return is_group_head_cii(inv, line);
  return std::ranges::any_of(line.invoice_references, [&](const LineInvoiceReference& ref) {
    return is_group_reference_ubl(inv, ref);
  });
}

// A head and where its rules' context is: UBL the GROUP cac:BillingReference,
// CII the line.
struct Head {
  const InvoiceLine* line;
  SourceRef where;
};

// Which UBL lines a rule reads: most of the reference's XPaths name the
// right element (ubl:Invoice/cac:InvoiceLine | cn:CreditNote/cac:CreditNoteLine),
// a few either (cac:InvoiceLine | cac:CreditNoteLine), misnamed lines too.
enum class Names { Right, Either };

std::vector<Head> heads(const Invoice& inv, Names names = Names::Right) {
  std::vector<Head> out;
  for (const InvoiceLine& line : inv.lines) {
    if (line.misnamed && names == Names::Right) continue;
    if (inv.syntax == kUbl) {
      for (const LineInvoiceReference& ref : line.invoice_references) {
        if (is_group_reference_ubl(inv, ref)) out.push_back({&line, ref.source});
      }
    } else if (is_head(inv, line)) {
      out.push_back({&line, line.source});
    }
  }
  return out;
}

// A line's status (EXT-FR-FE-163): CII its ram:LineStatusReasonCode, UBL the
// DocumentStatusCode of its references naming the invoice (the first given).
const std::optional<Text>* status_of(const Invoice& inv, const InvoiceLine& line) {
  if (inv.syntax == kCii) return &line.status_reason_code;
  for (const LineInvoiceReference& ref : line.invoice_references) {
    if (names_invoice(inv, ref) && ref.status_code) return &ref.status_code;
  }
  return nullptr;
}

// A line's parent line ids: CII its ram:ParentLineID, UBL every
// BillingReferenceLine/cbc:ID of its references naming the invoice.
std::vector<std::string_view> parents_of(const Invoice& inv, const InvoiceLine& line) {
  std::vector<std::string_view> out;
  if (inv.syntax == kCii) {
    if (line.parent_line_id) out.push_back(line.parent_line_id->value);
    return out;
  }
  for (const LineInvoiceReference& ref : line.invoice_references) {
    if (!names_invoice(inv, ref)) continue;
    for (const Text& id : ref.line_ids)
      out.push_back(id.value);
  }
  return out;
}

// A line's BT-128 of type 130 under a scheme (AFL, AVV), in document order.
struct ObjectId {
  std::string_view value;
  SourceRef where;
};
std::vector<ObjectId> object_ids(const Invoice& inv, const InvoiceLine& line,
                                 std::string_view scheme) {
  std::vector<ObjectId> out;
  if (inv.syntax == kUbl) {
    for (const LineDocumentReference& ref : line.document_references) {
      if (ref.id && ref.id->scheme == scheme && is(ref.type_code, "130")) {
        out.push_back({as_written(inv, ref.id->value, ref.id->source), ref.id->source});
      }
    }
    return out;
  }
  for (const LineObjectReference& ref : line.object_references) {
    if (ref.id && is(ref.scheme, scheme) && is(ref.type_code, "130")) {
      out.push_back({as_written(inv, ref.id->value, ref.id->source), ref.id->source});
    }
  }
  return out;
}

// The sub-invoice number of a line (numfact): its first AFL identifier,
// white space normalized; empty when it has none.
std::string sub_invoice_number(const Invoice& inv, const InvoiceLine& line) {
  const auto ids = object_ids(inv, line, "AFL");
  return ids.empty() ? std::string() : normalize_space(ids.front().value);
}

// The parent line whose term a line is compared with: the first line whose
// id (BT-126) is one of `ids` and that `has` the term (even blank), as the
// reference reads it; null when none.
template <typename Has>
const InvoiceLine* parent_with(const Invoice& inv, const std::vector<std::string_view>& ids,
                               Has has) {
  for (const InvoiceLine& line : inv.lines) {
    if (!line.id || !has(line)) continue;
    for (std::string_view id : ids) {
      if (line.id->value == id) return &line;
    }
  }
  return nullptr;
}

// The item seller's legal id (EXT-FR-FE-167), white space normalized.
std::string seller_legal_id(const InvoiceLine& line) {
  if (!line.item_seller || !line.item_seller->legal_id) return {};
  return normalize_space(line.item_seller->legal_id->value);
}

// An amount element as the reference reads it: its text as written (null
// when absent) and its XPath number() (NaN when absent or no number; "1e2",
// no decimal to the model, is 100).
struct Read {
  const std::string* text = nullptr;
  double number = std::nan("");

  // normalize-space(.) != ''
  bool given() const { return text != nullptr && !normalize_space(*text).empty(); }
  std::string shown(const char* absent) const { return text ? *text : absent; }
};
Read read(const std::optional<Amount>& amount, const std::optional<UnreadableAmount>& unreadable) {
  if (amount) return {&amount->text, amount->value.to_double()};
  if (unreadable) return {&unreadable->text, xpath_number(unreadable->text)};
  return {};
}

// A line's VAT amount in `currency` (EXT-FR-FE-181 in BT-5, -182 in BT-6):
// the first; none when none or no currency.
Read line_vat_in(const InvoiceLine& line, const std::optional<Text>& currency) {
  if (!currency) return {};
  for (const Amount& amount : line.vat_totals) {
    if (amount.currency == currency->value) return {&amount.text, amount.value.to_double()};
  }
  for (const UnreadableAmount& amount : line.vat_totals_unreadable) {
    if (amount.currency == currency->value) return {&amount.text, xpath_number(amount.text)};
  }
  return {};
}

// The line that a UBL head's context names, for messages.
std::string line_name(const InvoiceLine& line) {
  return line.id ? line.id->value : std::string();
}

// ---- BR-FR-MV-01, -02: every line has a status; there is a head.

void check_mv_01(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  if (!special_contract(inv)) return;
  for (const InvoiceLine& line : inv.lines) {
    SourceRef where = line.source;
    if (inv.syntax == kCii) {
      // The context is the status code element: only a blank one fails.
      if (!line.status_reason_code || !blank(line.status_reason_code)) continue;
      where = line.status_reason_code->source;
    } else {
      const std::optional<Text>* status = status_of(inv, line);
      if (status != nullptr && !blank(*status)) continue;
    }
    report.fire(where,
                {fmt::format("Ligne {} : dans une facture de cadre {}, chaque ligne donne son "
                             "sous-type (EXT-FR-FE-163 : GROUP, DETAIL ou INFORMATION){}.",
                             line_name(line), mode_of(inv),
                             inv.syntax == kUbl ? ", dans un cac:BillingReference dont "
                                                  "l'InvoiceDocumentReference/cbc:ID est le "
                                                  "numéro de la facture (BT-1), en "
                                                  "cbc:DocumentStatusCode"
                                                : " en ram:LineStatusReasonCode"),
                 fmt::format("Line {}: in an invoice of framework {}, every line gives its "
                             "sub-type (EXT-FR-FE-163: GROUP, DETAIL or INFORMATION){}.",
                             line_name(line), mode_of(inv),
                             inv.syntax == kUbl ? ", in a cac:BillingReference whose "
                                                  "InvoiceDocumentReference/cbc:ID is the "
                                                  "invoice number (BT-1), as "
                                                  "cbc:DocumentStatusCode"
                                                : " as ram:LineStatusReasonCode")});
  }
}

void check_mv_02(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  if (!multi_vendor(inv) || !heads(inv, Names::Either).empty()) return;
  report.fire(Location{},
              {fmt::format("Une facture multi-vendeurs (cadre {}) a au moins une ligne GROUP "
                           "sans ligne parente (EXT-FR-FE-163, -162), une par sous-facture : "
                           "ajoutez-la.",
                           mode_of(inv)),
               fmt::format("A multi-vendor invoice (framework {}) has at least one GROUP line "
                           "without a parent line (EXT-FR-FE-163, -162), one per sub-invoice: "
                           "add it.",
                           mode_of(inv))});
}

// ---- BR-FR-MV-03: what a head gives.

// A head lacks a term: `fr` and `en` name it.
void fire_head_missing(const Head& head, const char* fr, const char* en, Reporter& report) {
  report.fire(head.where,
              {fmt::format("La ligne GROUP {} (sous-facture) doit donner {} : complétez-la.",
                           line_name(*head.line), fr),
               fmt::format("GROUP line {} (sub-invoice) must give {}: complete it.",
                           line_name(*head.line), en)});
}

template <typename Present>
void check_heads(const Invoice& inv, Reporter& report, Present present, const char* fr,
                 const char* en) {
  if (!special_contract(inv)) return;
  for (const Head& head : heads(inv)) {
    if (!present(inv, *head.line)) fire_head_missing(head, fr, en, report);
  }
}

void check_mv_03_164(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  check_heads(
      inv, report,
      [](const Invoice&, const InvoiceLine& line) {
        return line.item_seller && !blank(line.item_seller->name);
      },
      "le nom de son vendeur (EXT-FR-FE-164)", "its seller's name (EXT-FR-FE-164)");
}

void check_mv_03_167(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  check_heads(
      inv, report,
      [](const Invoice&, const InvoiceLine& line) { return !seller_legal_id(line).empty(); },
      "l'identifiant légal de son vendeur (EXT-FR-FE-167)",
      "its seller's legal id (EXT-FR-FE-167)");
}

void check_mv_03_177(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  check_heads(
      inv, report,
      [](const Invoice&, const InvoiceLine& line) {
        return line.item_seller && line.item_seller->address &&
               !blank(line.item_seller->address->country);
      },
      "le code pays de son vendeur (EXT-FR-FE-177)", "its seller's country code (EXT-FR-FE-177)");
}

void check_mv_03_181(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  check_heads(
      inv, report,
      [](const Invoice& i, const InvoiceLine& line) {
        return line_vat_in(line, i.currency).given();
      },
      "son montant de TVA dans la devise de la facture (EXT-FR-FE-181, currencyID = BT-5)",
      "its VAT amount in the invoice currency (EXT-FR-FE-181, currencyID = BT-5)");
}

// Only when the invoice gives a VAT accounting currency (BT-6); an empty
// one fails every head.
void check_mv_03_182(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  if (!inv.vat_currency) return;
  check_heads(
      inv, report,
      [](const Invoice& i, const InvoiceLine& line) {
        return !i.vat_currency->value.empty() && line_vat_in(line, i.vat_currency).given();
      },
      "son montant de TVA dans la devise de comptabilisation (EXT-FR-FE-182, currencyID = BT-6)",
      "its VAT amount in the VAT accounting currency (EXT-FR-FE-182, currencyID = BT-6)");
}

// An AVV identifier names the sub-invoice's own framework, not a
// multi-vendor one (compared as written; S9, B9, M9 pass).
bool is_sub_invoice_framework(std::string_view value) {
  return value != "M8" && value != "S8" && value != "B8";
}

template <bool kAvv>
void check_mv_03_object(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  if (!special_contract(inv)) return;
  const std::string_view scheme = kAvv ? "AVV" : "AFL";
  const char* fr = kAvv ? "le cadre de facturation de sa sous-facture (BT-128 de schéma AVV, "
                          "type 130), autre que S8, B8 et M8"
                        : "le numéro de sa sous-facture (BT-128 de schéma AFL, type 130)";
  const char* en = kAvv ? "its sub-invoice's billing framework (BT-128 of scheme AVV, type "
                          "130), other than S8, B8 and M8"
                        : "its sub-invoice number (BT-128 of scheme AFL, type 130)";
  for (const Head& head : heads(inv)) {
    const InvoiceLine& line = *head.line;
    if (inv.syntax == kCii) {
      // Each identifier of the scheme, whatever its type.
      for (const LineObjectReference& ref : line.object_references) {
        if (!is(ref.scheme, scheme)) continue;
        if (is(ref.type_code, "130") && !blank(ref.id) &&
            (!kAvv || is_sub_invoice_framework(ref.id->value)))
          continue;
        report.fire(ref.source,
                    {fmt::format("La ligne GROUP {} (sous-facture) doit donner {} : corrigez "
                                 "ram:TypeCode et ram:IssuerAssignedID.",
                                 line_name(line), fr),
                     fmt::format("GROUP line {} (sub-invoice) must give {}: correct "
                                 "ram:TypeCode and ram:IssuerAssignedID.",
                                 line_name(line), en)});
      }
      continue;
    }
    // UBL: the first identifier must be given; with AVV, none may be S8, B8, M8.
    const auto ids = object_ids(inv, line, scheme);
    bool ok = !ids.empty() && !normalize_space(ids.front().value).empty();
    for (const ObjectId& id : ids)
      ok = ok && (!kAvv || is_sub_invoice_framework(id.value));
    if (!ok) fire_head_missing(head, fr, en, report);
  }
}

// ---- BR-FR-MV-05, -09, -10: a head's amounts against its lines.

// BR-FR-MV-05: a head's net amount (BT-131) is the sum of its lines' that
// are not INFORMATION, give or take 0.01 a line. UBL: a head of the right
// name, its lines of either.
void check_mv_05(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  if (!special_contract(inv)) return;
  for (const Head& head : heads(inv)) {
    const std::string group_id = head.line->id ? normalize_space(head.line->id->value) : "";
    double sum = 0;
    int count = 0;
    for (const InvoiceLine& line : inv.lines) {
      bool counted = false;
      if (inv.syntax == kCii) {
        counted = line.parent_line_id && line.parent_line_id->value == group_id &&
                  line.status_reason_code &&
                  !is_status(inv, line.status_reason_code, "INFORMATION");
      } else {
        for (const LineInvoiceReference& ref : line.invoice_references) {
          if (!names_invoice(inv, ref) || !ref.status_code ||
              is_status(inv, ref.status_code, "INFORMATION"))
            continue;
          for (const Text& id : ref.line_ids) {
            if (id.value == group_id) counted = true;
          }
        }
      }
      const Read net = read(line.net_amount, line.net_amount_unreadable);
      if (counted && net.text) {
        sum += net.number;
        ++count;
      }
    }
    const Read amount = read(head.line->net_amount, head.line->net_amount_unreadable);
    if (std::abs(amount.number - sum) <= 0.01 * count) continue;
    report.fire(head.where,
                {fmt::format("La ligne GROUP {} a pour montant net (BT-131) {} mais ses {} "
                             "ligne(s) (hors INFORMATION) font {:.2f} : donnez leur somme.",
                             line_name(*head.line), amount.shown("(absent)"), count, sum),
                 fmt::format("GROUP line {} has the net amount (BT-131) {} but its {} line(s) "
                             "(INFORMATION ones aside) make {:.2f}: give their sum.",
                             line_name(*head.line), amount.shown("(missing)"), count, sum)});
  }
}

// BR-FR-MV-09: a head's VAT (EXT-FR-FE-181) is the VAT of the breakdowns
// whose exemption reason starts with "#" sub-invoice number "#".
void check_mv_09(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  if (!special_contract(inv)) return;
  for (const Head& head : heads(inv)) {
    const std::string marker = "#" + sub_invoice_number(inv, *head.line) + "#";
    double sum = 0;
    for (const VatBreakdown& vb : inv.vat_breakdown) {
      if (is(vb.tax_scheme, "VAT") && vb.exemption_reason &&
          vb.exemption_reason->value.starts_with(marker) && vb.tax_amount) {
        sum += vb.tax_amount->value.to_double();
      }
    }
    const Read vat = line_vat_in(*head.line, inv.currency);
    if (std::abs(vat.number - sum) <= 0.01) continue;
    report.fire(head.where,
                {fmt::format("La ligne GROUP {} a pour TVA (EXT-FR-FE-181) {} mais les "
                             "récapitulatifs de TVA de sa sous-facture (motif commençant par "
                             "« {} ») font {:.2f} : accordez-les.",
                             line_name(*head.line), vat.shown("(absente)"), marker, sum),
                 fmt::format("GROUP line {} has the VAT (EXT-FR-FE-181) {} but its "
                             "sub-invoice's VAT breakdowns (reason starting \"{}\") make "
                             "{:.2f}: make them agree.",
                             line_name(*head.line), vat.shown("(missing)"), marker, sum)});
  }
}

// BR-FR-MV-10: a head's amount with VAT (EXT-FR-FE-184), when given, is its
// net amount plus its VAT, give or take 0.01 a DETAIL line. UBL: a head of
// the right name, its DETAIL lines of either.
void check_mv_10(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  if (!special_contract(inv)) return;
  for (const Head& head : heads(inv)) {
    const InvoiceLine& group = *head.line;
    const Read with_vat = read(group.amount_with_vat, group.amount_with_vat_unreadable);
    if (!with_vat.text) continue;
    const std::string_view group_id = group.id ? std::string_view(group.id->value) : "";
    int details = 0;
    for (const InvoiceLine& line : inv.lines) {
      if (inv.syntax == kCii) {
        if (group.id && line.parent_line_id && line.parent_line_id->value == group_id &&
            is_status(inv, line.status_reason_code, "DETAIL"))
          ++details;
        continue;
      }
      for (const LineInvoiceReference& ref : line.invoice_references) {
        if (!names_invoice(inv, ref) || !is_status(inv, ref.status_code, "DETAIL")) continue;
        for (const Text& id : ref.line_ids) {
          if (group.id && id.value == group_id) {
            ++details;
            break;
          }
        }
      }
    }
    const double gap = with_vat.number -
                       read(group.net_amount, group.net_amount_unreadable).number -
                       line_vat_in(group, inv.currency).number;
    if (with_vat.given() && std::abs(gap) <= 0.01 * details) continue;
    report.fire(head.where,
                {fmt::format("La ligne GROUP {} a pour montant TTC (EXT-FR-FE-184) {}, qui "
                             "n'est pas son montant net (BT-131) plus sa TVA (EXT-FR-FE-181) : "
                             "corrigez l'un d'eux.",
                             line_name(group), *with_vat.text),
                 fmt::format("GROUP line {} has the amount with VAT (EXT-FR-FE-184) {}, which "
                             "is not its net amount (BT-131) plus its VAT (EXT-FR-FE-181): "
                             "correct one of them.",
                             line_name(group), *with_vat.text)});
  }
}

// ---- BR-FR-MV-06, -07, -08: each line against its sub-invoice.

// The parent line is looked for among the lines of either name; the line
// tested is one of the right name.
void check_mv_06(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  if (!special_contract(inv)) return;
  for (const InvoiceLine& line : inv.lines) {
    if (line.misnamed) continue;
    const std::string legal_id = seller_legal_id(line);
    const auto parents = parents_of(inv, line);
    const InvoiceLine* parent = parent_with(inv, parents, [](const InvoiceLine& other) {
      return other.item_seller && other.item_seller->legal_id;
    });
    const std::string parent_id = parent ? seller_legal_id(*parent) : std::string();
    if (!legal_id.empty() && (parents.empty() || legal_id == parent_id)) continue;
    report.fire(line.source,
                {fmt::format("Ligne {} : l'identifiant légal de son vendeur (EXT-FR-FE-167) « {} "
                             "» est absent ou n'est pas celui de sa ligne GROUP « {} » : donnez "
                             "celui du vendeur de la sous-facture.",
                             line_name(line), legal_id, parent_id),
                 fmt::format("Line {}: its seller's legal id (EXT-FR-FE-167) \"{}\" is missing "
                             "or not that of its GROUP line \"{}\": give the sub-invoice "
                             "seller's.",
                             line_name(line), legal_id, parent_id)});
  }
}

void check_mv_07(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  if (!special_contract(inv)) return;
  for (const InvoiceLine& line : inv.lines) {
    if (line.misnamed) continue;
    const std::string number = sub_invoice_number(inv, line);
    const auto parents = parents_of(inv, line);
    const InvoiceLine* parent = parent_with(inv, parents, [&](const InvoiceLine& other) {
      return !object_ids(inv, other, "AFL").empty();
    });
    const std::string parent_number = parent ? sub_invoice_number(inv, *parent) : std::string();
    if (!number.empty() && (parents.empty() || number == parent_number)) continue;
    report.fire(line.source,
                {fmt::format("Ligne {} : son numéro de sous-facture (BT-128 de schéma AFL, type "
                             "130) « {} » est absent ou n'est pas celui de sa ligne GROUP « {} "
                             "» : donnez-le.",
                             line_name(line), number, parent_number),
                 fmt::format("Line {}: its sub-invoice number (BT-128 of scheme AFL, type 130) "
                             "\"{}\" is missing or not that of its GROUP line \"{}\": give it.",
                             line_name(line), number, parent_number)});
  }
}

// BR-FR-MV-08: a DETAIL line's VAT exemption reason starts with "#" and
// its sub-invoice number and "#".
void check_mv_08(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  if (!special_contract(inv)) return;
  for (const InvoiceLine& line : inv.lines) {
    if (line.misnamed) continue;
    bool detail = false;
    if (inv.syntax == kCii) {
      detail = is_status(inv, line.status_reason_code, "DETAIL");
    } else {
      for (const LineInvoiceReference& ref : line.invoice_references)
        detail = detail || (names_invoice(inv, ref) && is_status(inv, ref.status_code, "DETAIL"));
    }
    if (!detail) continue;
    const std::string number = sub_invoice_number(inv, line);
    const std::string marker = "#" + number + "#";
    if (!blank(line.vat_exemption_reason) && !number.empty() &&
        line.vat_exemption_reason->value.starts_with(marker))
      continue;
    report.fire(line.source,
                {fmt::format("Ligne DETAIL {} : son motif d'exonération de TVA commence par le "
                             "numéro de sa sous-facture entre dièses (« {} ») : ajoutez-le.",
                             line_name(line), marker),
                 fmt::format("DETAIL line {}: its VAT exemption reason starts with its "
                             "sub-invoice number between hashes (\"{}\"): add it.",
                             line_name(line), marker)});
  }
}

// ---- BR-FR-MV-11, -12: sub-invoice numbers.

// BR-FR-MV-11: the heads of the invoice's own seller (item seller legal id =
// BT-30): with one of them numbered as the invoice, fine; with none, the
// head takes the invoice number; with several, it does not.
void check_mv_11(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  if (!special_contract(inv) || !inv.seller.legal_id) return;
  const std::string& seller = inv.seller.legal_id->value;
  // As written, as the reference's $invoiceID.
  const std::string number =
      inv.number ? std::string(as_written(inv, inv.number->value, inv.number->source))
                 : std::string();
  // The seller's heads, each once (UBL: a line with a GROUP reference).
  auto seller_head = [&](const InvoiceLine& line) {
    if (!line.item_seller || !line.item_seller->legal_id) return false;
    const std::string& id = line.item_seller->legal_id->value;
    return inv.syntax == kUbl ? normalize_space(id) == seller : id == seller;
  };
  std::size_t numbered = 0;
  const InvoiceLine* last = nullptr;
  for (const Head& head : heads(inv)) {
    if (!seller_head(*head.line) || head.line == last) continue;
    last = head.line;
    std::size_t afl = 0;
    for (const ObjectId& id : object_ids(inv, *head.line, "AFL")) {
      if (inv.number && id.value == number) ++afl;
    }
    // UBL counts the lines, CII their AFL identifiers.
    numbered += inv.syntax == kUbl ? (afl > 0 ? 1 : 0) : afl;
  }
  if (numbered == 1) return;
  for (const Head& head : heads(inv)) {
    if (!seller_head(*head.line)) continue;
    const std::string line_number = sub_invoice_number(inv, *head.line);
    if (numbered == 0 && inv.number && line_number == number) continue;
    if (numbered > 1 && !(inv.number && line_number == number)) continue;
    report.fire(head.where,
                {fmt::format("La ligne GROUP {} est une sous-facture du vendeur de la facture "
                             "(BT-30) : {} de ses sous-factures porte{} le numéro de la facture "
                             "« {} » ; une seule doit le porter (BT-128 de schéma AFL).",
                             line_name(*head.line), numbered, numbered > 1 ? "nt" : "", number),
                 fmt::format("GROUP line {} is a sub-invoice of the invoice's seller (BT-30): "
                             "{} of its sub-invoices bear the invoice number \"{}\"; exactly "
                             "one must (BT-128 of scheme AFL).",
                             line_name(*head.line), numbered, number)});
  }
}

// BR-FR-MV-12: no head's sub-invoice number repeats one given before it.
// UBL reads heads of either name, and "before" is in document order: the
// model keeps misnamed lines after the others, so they are put back in place.
void check_mv_12(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  if (!special_contract(inv)) return;
  std::vector<const InvoiceLine*> lines;
  for (const InvoiceLine& line : inv.lines)
    lines.push_back(&line);
  std::ranges::stable_sort(lines, [](const InvoiceLine* a, const InvoiceLine* b) {
    return std::pair(a->source.line, a->source.column) <
           std::pair(b->source.line, b->source.column);
  });
  // A value the reference compares with, and whether it is itself tested
  // (an AFL identifier of a head).
  struct Seen {
    ObjectId id;
    bool afl;
  };
  std::vector<std::string_view> before;
  for (const InvoiceLine* in_order : lines) {
    const InvoiceLine& line = *in_order;
    std::vector<Seen> seen;
    if (inv.syntax == kCii) {
      // Every ram:IssuerAssignedID of the line, in document order.
      for (const LineInvoiceReference& ref : line.invoice_references) {
        if (ref.id) seen.push_back({{ref.id->value, ref.id->source}, false});
      }
      for (const LineObjectReference& ref : line.object_references) {
        if (ref.id) {
          const bool afl = is(ref.scheme, "AFL") && is(ref.type_code, "130");
          seen.push_back({{ref.id->value, ref.id->source}, afl});
        }
      }
    } else {
      for (const ObjectId& id : object_ids(inv, line, "AFL"))
        seen.push_back({id, true});
    }
    const bool head = is_head(inv, line);
    for (const Seen& value : seen) {
      bool repeated = false;
      for (std::string_view earlier : before)
        repeated = repeated || earlier == value.id.value;
      before.push_back(value.id.value);
      if (!head || !value.afl || !repeated) continue;
      report.fire(value.id.where,
                  {fmt::format("Le numéro de sous-facture « {} » (BT-128 de schéma AFL) de la "
                               "ligne GROUP {} est déjà donné plus haut : chaque sous-facture a "
                               "son numéro.",
                               value.id.value, line_name(line)),
                   fmt::format("The sub-invoice number \"{}\" (BT-128 of scheme AFL) of GROUP "
                               "line {} is already given above: each sub-invoice has its own "
                               "number.",
                               value.id.value, line_name(line))});
      return;
    }
  }
}

// ---- BR-FR-MV-13, -14: the document type.

// BR-FR-MV-13: a multi-vendor invoice is not of a self-billed type. The
// context is the type code element: without one, nothing to test. UBL
// compares the code once white space is normalized, CII as written (the
// model keeps it trimmed: a code padded inside stays different in both).
void check_mv_13(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  if (!multi_vendor(inv) || !inv.type_code) return;
  const std::string type = normalize_space(inv.type_code->value);
  const std::string_view compared = inv.syntax == kUbl ? type : inv.type_code->value;
  if (!type.empty() && !is_self_billed_type(compared)) return;
  report.fire(inv.type_code->source,
              {fmt::format("Une facture multi-vendeurs (cadre {}) ne peut pas être du type "
                           "auto-facturé « {} » (BT-3) : donnez un type qui n'est ni 389, 261, "
                           "501, 500, 502, 471 ni 473 (380, 384, 381…).",
                           mode_of(inv), inv.type_code->value),
               fmt::format("A multi-vendor invoice (framework {}) cannot be of the self-billed "
                           "type \"{}\" (BT-3): give a type other than 389, 261, 501, 500, 502, "
                           "471 and 473 (380, 384, 381…).",
                           mode_of(inv), inv.type_code->value)});
}

// BR-FR-MV-14: the heads of a multi-vendor corrective invoice or credit
// note name the sub-invoice they correct: its number (EXT-FR-FE-136) and
// its date (EXT-FR-FE-138). UBL: another cac:BillingReference of the line,
// not naming the invoice itself; CII: its ram:InvoiceReferencedDocument.
template <bool kDate>
void check_mv_14(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  if (!multi_vendor(inv) || !inv.type_code || !is_corrective_or_credit_type(inv.type_code->value))
    return;
  for (const Head& head : heads(inv, Names::Either)) {
    bool found = false;
    for (const LineInvoiceReference& ref : head.line->invoice_references) {
      if (inv.syntax == kUbl && !(ref.id && inv.number && !is_invoice_number(inv, *ref.id)))
        continue;
      found = found || (kDate ? ref.issue_date.has_value() : ref.id.has_value());
    }
    if (found) continue;
    fire_head_missing(head,
                      kDate ? "la date de la sous-facture qu'elle rectifie (EXT-FR-FE-138)"
                            : "le numéro de la sous-facture qu'elle rectifie (EXT-FR-FE-136)",
                      kDate ? "the date of the sub-invoice it corrects (EXT-FR-FE-138)"
                            : "the number of the sub-invoice it corrects (EXT-FR-FE-136)",
                      report);
  }
}

Message title(const char* fr, const char* en) {
  return {fr, en};
}

}  // namespace

void register_multi_vendor_rules(Registry& registry) {
  constexpr Severity kFatal = Severity::Fatal;
  registry.add(fr_rule("BR-FR-MV-01_EXT-FR-FE-163",
                       title("Dans une facture multi-vendeurs ou bi-directionnelle, chaque ligne "
                             "donne son sous-type (EXT-FR-FE-163).",
                             "In a multi-vendor or bi-directional invoice, every line gives its "
                             "sub-type (EXT-FR-FE-163)."),
                       {"EXT-FR-FE-163", "BT-23"}, check_mv_01, kFatal));
  registry.add(fr_rule("BR-FR-MV-02_EXT-FR-FE-163",
                       title("Une facture multi-vendeurs a au moins une ligne GROUP sans parent.",
                             "A multi-vendor invoice has at least one GROUP line without a "
                             "parent."),
                       {"EXT-FR-FE-163", "EXT-FR-FE-162", "BT-23"}, check_mv_02, kFatal));
  registry.add(fr_rule("BR-FR-MV-03_EXT-FR-FE-164",
                       title("Une ligne GROUP sans parent donne le nom de son vendeur.",
                             "A GROUP line without a parent gives its seller's name."),
                       {"EXT-FR-FE-164"}, check_mv_03_164, kFatal));
  registry.add(fr_rule("BR-FR-MV-03_EXT-FR-FE-167",
                       title("Une ligne GROUP sans parent donne l'identifiant légal de son "
                             "vendeur.",
                             "A GROUP line without a parent gives its seller's legal id."),
                       {"EXT-FR-FE-167"}, check_mv_03_167, kFatal));
  registry.add(fr_rule("BR-FR-MV-03_EXT-FR-FE-177",
                       title("Une ligne GROUP sans parent donne le pays de son vendeur.",
                             "A GROUP line without a parent gives its seller's country."),
                       {"EXT-FR-FE-177"}, check_mv_03_177, kFatal));
  registry.add(fr_rule("BR-FR-MV-03_EXT-FR-FE-181",
                       title("Une ligne GROUP sans parent donne sa TVA dans la devise de la "
                             "facture.",
                             "A GROUP line without a parent gives its VAT in the invoice "
                             "currency."),
                       {"EXT-FR-FE-181", "BT-5"}, check_mv_03_181, kFatal));
  registry.add(fr_rule("BR-FR-MV-03_EXT-FR-FE-182",
                       title("Une ligne GROUP sans parent donne sa TVA dans la devise de "
                             "comptabilisation, quand la facture en a une.",
                             "A GROUP line without a parent gives its VAT in the VAT accounting "
                             "currency, when the invoice has one."),
                       {"EXT-FR-FE-182", "BT-6"}, check_mv_03_182, kFatal));
  registry.add(fr_rule("BR-FR-MV-03_BT-128_AFL",
                       title("Une ligne GROUP sans parent donne le numéro de sa sous-facture "
                             "(BT-128, AFL).",
                             "A GROUP line without a parent gives its sub-invoice number "
                             "(BT-128, AFL)."),
                       {"BT-128"}, check_mv_03_object<false>, kFatal));
  registry.add(fr_rule("BR-FR-MV-03_BT-128_AVV",
                       title("Une ligne GROUP sans parent donne le cadre de facturation de sa "
                             "sous-facture (BT-128, AVV), autre que S8, B8, M8.",
                             "A GROUP line without a parent gives its sub-invoice's billing "
                             "framework (BT-128, AVV), other than S8, B8, M8."),
                       {"BT-128"}, check_mv_03_object<true>, kFatal));
  registry.add(fr_rule("BR-FR-MV-05_EXT-FR-FE-BG-12",
                       title("Le montant net d'une ligne GROUP est la somme de ses lignes.",
                             "A GROUP line's net amount is the sum of its lines'."),
                       {"BT-131", "EXT-FR-FE-BG-12"}, check_mv_05, kFatal));
  registry.add(fr_rule("BR-FR-MV-06_EXT-FR-FE-167",
                       title("Chaque ligne donne l'identifiant légal de son vendeur, celui de sa "
                             "ligne GROUP.",
                             "Every line gives its seller's legal id, its GROUP line's."),
                       {"EXT-FR-FE-167"}, check_mv_06, kFatal));
  registry.add(fr_rule("BR-FR-MV-07_BT-128",
                       title("Chaque ligne donne son numéro de sous-facture, celui de sa ligne "
                             "GROUP.",
                             "Every line gives its sub-invoice number, its GROUP line's."),
                       {"BT-128"}, check_mv_07, kFatal));
  registry.add(fr_rule("BR-FR-MV-08_BT-128",
                       title("Le motif d'exonération d'une ligne DETAIL commence par son numéro "
                             "de sous-facture.",
                             "A DETAIL line's exemption reason starts with its sub-invoice "
                             "number."),
                       {"BT-128"}, check_mv_08, kFatal));
  registry.add(fr_rule("BR-FR-MV-09_EXT-FR-FE-181",
                       title("La TVA d'une ligne GROUP est celle des récapitulatifs de sa "
                             "sous-facture.",
                             "A GROUP line's VAT is that of its sub-invoice's VAT breakdowns."),
                       {"EXT-FR-FE-181", "BG-23"}, check_mv_09, kFatal));
  registry.add(fr_rule("BR-FR-MV-10_EXT-FR-FE-184",
                       title("Le montant TTC d'une ligne GROUP est son montant net plus sa TVA.",
                             "A GROUP line's amount with VAT is its net amount plus its VAT."),
                       {"EXT-FR-FE-184"}, check_mv_10, kFatal));
  registry.add(fr_rule("BR-FR-MV-11_BT-128",
                       title("Une seule sous-facture du vendeur porte le numéro de la facture.",
                             "Exactly one of the seller's sub-invoices bears the invoice "
                             "number."),
                       {"BT-128", "BT-1", "BT-30"}, check_mv_11, kFatal));
  registry.add(fr_rule(
      "BR-FR-MV-12_BT-128",
      title("Chaque sous-facture a son propre numéro.", "Each sub-invoice has its own number."),
      {"BT-128"}, check_mv_12, kFatal));
  registry.add(fr_rule("BR-FR-MV-13_BT-3",
                       title("Une facture multi-vendeurs (cadre S8, B8, M8) n'est pas d'un type "
                             "auto-facturé (BT-3).",
                             "A multi-vendor invoice (framework S8, B8, M8) is not of a "
                             "self-billed type (BT-3)."),
                       {"BT-3", "BT-23"}, check_mv_13, kFatal));
  registry.add(fr_rule("BR-FR-MV-14-EXT-FR-FE-136",
                       title("Les lignes GROUP d'une facture rectificative ou d'un avoir "
                             "multi-vendeurs donnent le numéro de la sous-facture rectifiée.",
                             "The GROUP lines of a multi-vendor corrective invoice or credit "
                             "note give the number of the sub-invoice corrected."),
                       {"EXT-FR-FE-136", "BT-3"}, check_mv_14<false>, kFatal));
  registry.add(fr_rule("BR-FR-MV-14-EXT-FR-FE-138",
                       title("Les lignes GROUP d'une facture rectificative ou d'un avoir "
                             "multi-vendeurs donnent la date de la sous-facture rectifiée.",
                             "The GROUP lines of a multi-vendor corrective invoice or credit "
                             "note give the date of the sub-invoice corrected."),
                       {"EXT-FR-FE-138", "BT-3"}, check_mv_14<true>, kFatal));
}

}  // namespace cprokit::fr
