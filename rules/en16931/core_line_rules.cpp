// Core rules on the invoice lines (BR-21..28), their allowances and charges
// (BR-41..44), item attributes and identifiers (BR-54, BR-64, BR-65), and on
// the order of period dates (BR-29 invoicing period, BR-30 line period).
#include <charconv>
#include <tuple>

#include <fmt/core.h>

#include "rules/en16931/core_rules.hpp"

namespace cprokit::en16931::core {
namespace {

using Check = void (*)(const Invoice& inv, const InvoiceLine& line, Reporter& report);

// Runs `check` on every line: each line is a context of its own.
template <Check check>
void each_line(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  for (const InvoiceLine& line : inv.lines)
    check(inv, line, report);
}

std::string line_name(const InvoiceLine& line) {
  return filled(line.id) ? line.id->value : std::string("?");
}

void check_br_21(const Invoice& /*inv*/, const InvoiceLine& line, Reporter& report) {
  if (filled(line.id)) return;
  report.fire(at(line.id, line.source), {"Ligne de facture sans identifiant (BT-126).",
                                         "Invoice line without a line identifier (BT-126)."});
}

void check_br_22(const Invoice& inv, const InvoiceLine& line, Reporter& report) {
  if (line.quantity || unreadable(inv, line.source, {{"InvoicedQuantity"}, {}}) ||
      unreadable(inv, line.source,
                 {{"CreditedQuantity"}, {"SpecifiedLineTradeDelivery", "BilledQuantity"}})) {
    return;
  }
  report.fire(
      line.source,
      {fmt::format("Ligne {} : la quantité facturée (BT-129) est absente.", line_name(line)),
       fmt::format("Line {}: the invoiced quantity (BT-129) is missing.", line_name(line))});
}

void check_br_23(const Invoice& /*inv*/, const InvoiceLine& line, Reporter& report) {
  if (line.unit_code) return;
  report.fire(line.quantity ? line.quantity->source : line.source,
              {fmt::format("Ligne {} : la quantité n'a pas d'unité de mesure (BT-130, attribut "
                           "unitCode).",
                           line_name(line)),
               fmt::format("Line {}: the quantity has no unit of measure (BT-130, unitCode "
                           "attribute).",
                           line_name(line))});
}

void check_br_24(const Invoice& inv, const InvoiceLine& line, Reporter& report) {
  if (line.net_amount ||
      unreadable(inv, line.source,
                 {{"LineExtensionAmount"},
                  {"SpecifiedLineTradeSettlement", "SpecifiedTradeSettlementLineMonetarySummation",
                   "LineTotalAmount"}})) {
    return;
  }
  report.fire(
      line.source,
      {fmt::format("Ligne {} : le montant net de la ligne (BT-131) est absent.", line_name(line)),
       fmt::format("Line {}: the invoice line net amount (BT-131) is missing.", line_name(line))});
}

void check_br_25(const Invoice& /*inv*/, const InvoiceLine& line, Reporter& report) {
  if (filled(line.item_name)) return;
  report.fire(
      at(line.item_name, line.source),
      {fmt::format("Ligne {} : le nom de l'article (BT-153) est absent ou vide.", line_name(line)),
       fmt::format("Line {}: the item name (BT-153) is missing or empty.", line_name(line))});
}

bool net_price_unreadable(const Invoice& inv, const InvoiceLine& line) {
  return unreadable(inv, line.source,
                    {{"Price", "PriceAmount"},
                     {"SpecifiedLineTradeAgreement", "NetPriceProductTradePrice", "ChargeAmount"}});
}

void check_br_26(const Invoice& inv, const InvoiceLine& line, Reporter& report) {
  if (line.net_price || net_price_unreadable(inv, line)) return;
  report.fire(
      line.source,
      {fmt::format("Ligne {} : le prix net de l'article (BT-146) est absent.", line_name(line)),
       fmt::format("Line {}: the item net price (BT-146) is missing.", line_name(line))});
}

// The test compares the net price with 0, so a missing price fails it too.
void check_br_27(const Invoice& inv, const InvoiceLine& line, Reporter& report) {
  if (line.net_price ? !line.net_price->value.is_negative() : net_price_unreadable(inv, line)) {
    return;
  }
  std::string price = line.net_price ? line.net_price->value.to_string() : std::string("—");
  report.fire(line.net_price ? line.net_price->source : line.source,
              {fmt::format("Ligne {} : le prix net de l'article (BT-146) est {} ; il ne peut "
                           "être négatif.",
                           line_name(line), price),
               fmt::format("Line {}: the item net price (BT-146) is {}; it shall not be "
                           "negative.",
                           line_name(line), price)});
}

void check_br_28(const Invoice& /*inv*/, const InvoiceLine& line, Reporter& report) {
  if (!line.gross_price || !line.gross_price->value.is_negative()) return;
  const std::string price = line.gross_price->value.to_string();
  report.fire(line.gross_price->source,
              {fmt::format("Ligne {} : le prix brut de l'article (BT-148) est {} ; il ne peut "
                           "être négatif.",
                           line_name(line), price),
               fmt::format("Line {}: the item gross price (BT-148) is {}; it shall not be "
                           "negative.",
                           line_name(line), price)});
}

// BR-29, BR-30: period dates in order ---------------------------------------

// An xs:date "YYYY-MM-DD", with an optional time zone that does not change
// the order of two dates of one invoice. Nullopt when it is no such date (the
// official test then stops on a cast error: nothing to report here).
std::optional<std::tuple<int, int, int>> xs_date(std::string_view s) {
  int y = 0;
  int m = 0;
  int d = 0;
  auto number = [&s](std::size_t from, std::size_t size, int& out) {
    if (s.size() < from + size) return false;
    auto [end, ec] = std::from_chars(s.data() + from, s.data() + from + size, out);
    return ec == std::errc() && end == s.data() + from + size;
  };
  if (!number(0, 4, y) || s.size() < 10 || s[4] != '-' || s[7] != '-' || !number(5, 2, m) ||
      !number(8, 2, d) || m < 1 || m > 12 || d < 1 || d > 31) {
    return std::nullopt;
  }
  return std::tuple{y, m, d};
}

// Whether the period's end precedes its start, as each syntax's test compares
// them: UBL as xs:date; CII as the strings of format 102 (CCYYMMDD), and a
// period whose two dates are not both of format 102 fails.
bool end_before_start(const Invoice& inv, const Period& p) {
  if (!p.start || !p.end) return false;
  if (inv.syntax == Syntax::Cii) {
    if (p.start_format != "102" || p.end_format != "102") return true;
    return p.end->value < p.start->value;
  }
  auto start = xs_date(p.start->value);
  auto end = xs_date(p.end->value);
  return start && end && *end < *start;
}

void report_period(const Period& p, std::string_view what_fr, std::string_view what_en,
                   Reporter& report) {
  if (p.start->value.empty() || p.end->value.empty()) {
    const Text& empty = p.start->value.empty() ? *p.start : *p.end;
    report.fire(empty.source,
                {fmt::format("{} : la date de {} est vide ; donner les deux dates, ou retirer "
                             "l'élément vide.",
                             what_fr, p.start->value.empty() ? "début" : "fin"),
                 fmt::format("{}: the {} date is empty; give both dates, or remove the empty "
                             "element.",
                             what_en, p.start->value.empty() ? "start" : "end")});
    return;
  }
  report.fire(p.end->source,
              {fmt::format("{} : la date de fin « {} » précède la date de début « {} » (ou l'une "
                           "n'est pas au format attendu).",
                           what_fr, p.end->value, p.start->value),
               fmt::format("{}: the end date \"{}\" is before the start date \"{}\" (or one is "
                           "not in the expected format).",
                           what_en, p.end->value, p.start->value)});
}

void check_br_29(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  for (const Period& p : inv.invoicing_periods) {
    if (end_before_start(inv, p)) {
      report_period(p, "Période de facturation (BT-73, BT-74)", "Invoicing period (BT-73, BT-74)",
                    report);
    }
  }
}

void check_br_30(const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  for (const InvoiceLine& line : inv.lines) {
    if (line.period && end_before_start(inv, *line.period)) {
      report_period(*line.period,
                    fmt::format("Ligne {}, période (BT-134, BT-135)", line_name(line)),
                    fmt::format("Line {}, period (BT-134, BT-135)", line_name(line)), report);
    }
  }
}

// BR-41..44: line allowances and charges -------------------------------------

template <bool charge>
void require_line_amount(const Invoice& inv, const InvoiceLine& line, Reporter& report) {
  for (const AllowanceCharge& ac : line.allowances_charges) {
    if (!in_context(inv, ac, charge) || ac.amount ||
        unreadable(inv, ac.source, {{"Amount"}, {"ActualAmount"}})) {
      continue;
    }
    report.fire(ac.source,
                charge ? Message{fmt::format("Ligne {} : une charge de ligne n'a pas de montant "
                                             "(BT-141).",
                                             line_name(line)),
                                 fmt::format("Line {}: a line charge has no amount (BT-141).",
                                             line_name(line))}
                       : Message{fmt::format("Ligne {} : une remise de ligne n'a pas de montant "
                                             "(BT-136).",
                                             line_name(line)),
                                 fmt::format("Line {}: a line allowance has no amount (BT-136).",
                                             line_name(line))});
  }
}

template <bool charge>
void require_line_reason(const Invoice& inv, const InvoiceLine& line, Reporter& report) {
  for (const AllowanceCharge& ac : line.allowances_charges) {
    if (!in_context(inv, ac, charge) || ac.reason || ac.reason_code) continue;
    report.fire(ac.source,
                charge ? Message{fmt::format("Ligne {} : une charge de ligne n'a ni motif "
                                             "(BT-144) ni code de motif (BT-145).",
                                             line_name(line)),
                                 fmt::format("Line {}: a line charge has neither a reason "
                                             "(BT-144) nor a reason code (BT-145).",
                                             line_name(line))}
                       : Message{fmt::format("Ligne {} : une remise de ligne n'a ni motif "
                                             "(BT-139) ni code de motif (BT-140).",
                                             line_name(line)),
                                 fmt::format("Line {}: a line allowance has neither a reason "
                                             "(BT-139) nor a reason code (BT-140).",
                                             line_name(line))});
  }
}

// BR-54, BR-64, BR-65: item attributes and identifiers -----------------------

void check_br_54(const Invoice& /*inv*/, const InvoiceLine& line, Reporter& report) {
  for (const ItemAttribute& a : line.attributes) {
    if (a.name && a.value) continue;
    report.fire(a.source,
                {fmt::format("Ligne {} : un attribut d'article (BG-32) n'a pas de {}.",
                             line_name(line), a.name ? "valeur (BT-161)" : "nom (BT-160)"),
                 fmt::format("Line {}: an item attribute (BG-32) has no {}.", line_name(line),
                             a.name ? "value (BT-161)" : "name (BT-160)")});
  }
}

void check_br_64(const Invoice& inv, const InvoiceLine& line, Reporter& report) {
  if (!line.standard_id || has_scheme(inv, *line.standard_id)) return;
  report.fire(line.standard_id->source,
              {fmt::format("Ligne {} : l'identifiant standard de l'article (BT-157) « {} » n'a "
                           "pas d'identifiant de schéma (schemeID).",
                           line_name(line), line.standard_id->value),
               fmt::format("Line {}: the item standard identifier (BT-157) \"{}\" has no scheme "
                           "identifier (schemeID).",
                           line_name(line), line.standard_id->value)});
}

void check_br_65(const Invoice& inv, const InvoiceLine& line, Reporter& report) {
  for (const Identifier& c : line.classifications) {
    if (has_scheme(inv, c)) continue;
    report.fire(c.source,
                {fmt::format("Ligne {} : la classification de l'article (BT-158) « {} » n'a pas "
                             "d'identifiant de schéma (listID).",
                             line_name(line), c.value),
                 fmt::format("Line {}: the item classification identifier (BT-158) \"{}\" has "
                             "no scheme identifier (listID).",
                             line_name(line), c.value)});
  }
}

}  // namespace

void register_line_rules(Registry& registry) {
  registry.add(
      fatal_rule("BR-21",
                 {"Chaque ligne de facture (BG-25) a un identifiant (BT-126).",
                  "Each invoice line (BG-25) shall have an invoice line identifier (BT-126)."},
                 {"BG-25", "BT-126"}, each_line<check_br_21>));
  registry.add(fatal_rule("BR-22",
                          {"Chaque ligne de facture (BG-25) a une quantité facturée (BT-129).",
                           "Each invoice line (BG-25) shall have an invoiced quantity (BT-129)."},
                          {"BG-25", "BT-129"}, each_line<check_br_22>));
  registry.add(
      fatal_rule("BR-23",
                 {"Chaque ligne de facture (BG-25) a une unité de mesure de la quantité "
                  "(BT-130).",
                  "An invoice line (BG-25) shall have an invoiced quantity unit of measure "
                  "code (BT-130)."},
                 {"BG-25", "BT-130"}, each_line<check_br_23>));
  registry.add(
      fatal_rule("BR-24",
                 {"Chaque ligne de facture (BG-25) a un montant net (BT-131).",
                  "Each invoice line (BG-25) shall have an invoice line net amount (BT-131)."},
                 {"BG-25", "BT-131"}, each_line<check_br_24>));
  registry.add(fatal_rule("BR-25",
                          {"Chaque ligne de facture (BG-25) a un nom d'article (BT-153).",
                           "Each invoice line (BG-25) shall contain the item name (BT-153)."},
                          {"BG-25", "BT-153"}, each_line<check_br_25>));
  registry.add(fatal_rule("BR-26",
                          {"Chaque ligne de facture (BG-25) a un prix net d'article (BT-146).",
                           "Each invoice line (BG-25) shall contain the item net price (BT-146)."},
                          {"BG-25", "BT-146"}, each_line<check_br_26>));
  registry.add(fatal_rule("BR-27",
                          {"Le prix net d'un article (BT-146) n'est pas négatif.",
                           "The item net price (BT-146) shall not be negative."},
                          {"BT-146"}, each_line<check_br_27>));
  registry.add(fatal_rule("BR-28",
                          {"Le prix brut d'un article (BT-148) n'est pas négatif.",
                           "The item gross price (BT-148) shall not be negative."},
                          {"BT-148"}, each_line<check_br_28>));
  registry.add(
      fatal_rule("BR-29",
                 {"La fin de la période de facturation (BT-74) ne précède pas son début "
                  "(BT-73).",
                  "If both invoicing period start (BT-73) and end (BT-74) dates are given, "
                  "the end date shall be later or equal to the start date."},
                 {"BT-73", "BT-74"}, check_br_29));
  registry.add(fatal_rule("BR-30",
                          {"La fin de la période d'une ligne (BT-135) ne précède pas son début "
                           "(BT-134).",
                           "If both invoice line period start (BT-134) and end (BT-135) dates are "
                           "given, the end date shall be later or equal to the start date."},
                          {"BT-134", "BT-135"}, check_br_30));
  registry.add(fatal_rule("BR-41",
                          {"Chaque remise de ligne (BG-27) a un montant (BT-136).",
                           "Each invoice line allowance (BG-27) shall have an amount (BT-136)."},
                          {"BG-27", "BT-136"}, each_line<require_line_amount<false>>));
  registry.add(fatal_rule("BR-42",
                          {"Chaque remise de ligne (BG-27) a un motif (BT-139) ou un code de motif "
                           "(BT-140).",
                           "Each invoice line allowance (BG-27) shall have a reason (BT-139) or a "
                           "reason code (BT-140)."},
                          {"BG-27", "BT-139", "BT-140"}, each_line<require_line_reason<false>>));
  registry.add(fatal_rule("BR-43",
                          {"Chaque charge de ligne (BG-28) a un montant (BT-141).",
                           "Each invoice line charge (BG-28) shall have an amount (BT-141)."},
                          {"BG-28", "BT-141"}, each_line<require_line_amount<true>>));
  registry.add(
      fatal_rule("BR-44",
                 {"Chaque charge de ligne (BG-28) a un motif (BT-144) ou un code de motif "
                  "(BT-145).",
                  "Each invoice line charge (BG-28) shall have a reason (BT-144) or a reason "
                  "code (BT-145)."},
                 {"BG-28", "BT-144", "BT-145"}, each_line<require_line_reason<true>>));
  registry.add(
      fatal_rule("BR-54",
                 {"Chaque attribut d'article (BG-32) a un nom (BT-160) et une valeur (BT-161).",
                  "Each item attribute (BG-32) shall contain a name (BT-160) and a value "
                  "(BT-161)."},
                 {"BG-32", "BT-160", "BT-161"}, each_line<check_br_54>));
  registry.add(
      fatal_rule("BR-64",
                 {"L'identifiant standard d'un article (BT-157) a un identifiant de schéma.",
                  "The item standard identifier (BT-157) shall have a scheme identifier."},
                 {"BT-157"}, each_line<check_br_64>));
  registry.add(fatal_rule("BR-65",
                          {"La classification d'un article (BT-158) a un identifiant de schéma.",
                           "The item classification identifier (BT-158) shall have a scheme "
                           "identifier."},
                          {"BT-158"}, each_line<check_br_65>));
}

}  // namespace cprokit::en16931::core
