// The special CII binding rules (CII-SR/DT with a value or a predicate).
#include <algorithm>
#include <array>
#include <set>
#include <string>

#include "rules/model/text.hpp"
#include "validators/binding/special_checks.hpp"

namespace cprokit::binding {
namespace {

// normalize-space() of the first `path` element below `from` ("" if none).
std::string normalized(const DocumentView& doc, const pugi::xml_node& from, std::string_view path) {
  return normalize_space(text_of(doc.first(from, path)));
}

// "not(A and B)": a party with both an ID and a global ID.
bool not_both(const DocumentView& doc, const pugi::xml_node& from, std::string_view party,
              std::string_view a, std::string_view b) {
  const std::string pa = std::string(party) + "/" + std::string(a);
  const std::string pb = std::string(party) + "/" + std::string(b);
  return !(doc.has(from, pa) && doc.has(from, pb));
}

// The ram:AdditionalReferencedDocument children of `from` whose TypeCode is `code`.
std::vector<pugi::xml_node> references_typed(const DocumentView& doc, const pugi::xml_node& from,
                                             std::string_view code, bool normalize) {
  std::vector<pugi::xml_node> out;
  for (const auto& r : doc.all(from, "ram:AdditionalReferencedDocument")) {
    bool match = normalize ? normalized(doc, r, "ram:TypeCode") == code
                           : any_equals(doc, r, "ram:TypeCode", code);
    if (match) out.push_back(r);
  }
  return out;
}

std::size_t count_below(const DocumentView& doc, const std::vector<pugi::xml_node>& nodes,
                        std::string_view path) {
  std::size_t n = 0;
  for (const auto& node : nodes)
    n += doc.count(node, path);
  return n;
}

// Every `child` of the recorded payment means has the normalized value of the first.
bool payment_means_agree(const DocumentView& doc, std::string_view child) {
  std::set<std::string> values;
  for (const auto& means : doc.recorded("ram:SpecifiedTradeSettlementPaymentMeans")) {
    for (const auto& c : doc.all(means, child))
      values.insert(normalize_space(text_of(c)));
  }
  return values.size() <= 1;
}

bool has_ancestor(const DocumentView& doc, pugi::xml_node node, std::string_view name) {
  for (node = node.parent(); node.type() == pugi::node_element; node = node.parent()) {
    if (doc.is(node, name)) return true;
  }
  return false;
}

// "not(ram:X) or (self::ram:AdditionalReferencedDocument and ram:TypeCode = code)".
bool only_in_additional(const DocumentView& doc, const pugi::xml_node& reference,
                        std::string_view child, std::string_view code) {
  return !doc.has(reference, child) || (doc.is(reference, "ram:AdditionalReferencedDocument") &&
                                        any_equals(doc, reference, "ram:TypeCode", code));
}

bool sr_046(const DocumentView& doc, const pugi::xml_node& product) {
  for (const auto& id : doc.all(product, "ram:GlobalID")) {
    if (id.attribute("schemeID")) return true;
  }
  return !doc.has(product, "ram:GlobalID");
}

bool sr_090(const DocumentView& doc, const pugi::xml_node& product) {
  return !doc.has(product, "ram:OriginTradeCountry") ||
         doc.count(product, "ram:OriginTradeCountry/ram:ID") == 1;
}

bool sr_119(const DocumentView& doc, const pugi::xml_node& agreement) {
  const auto charges =
      doc.all(agreement, "ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge");
  bool allowance = false;
  for (const auto& indicator : doc.all(agreement,
                                       "ram:GrossPriceProductTradePrice/"
                                       "ram:AppliedTradeAllowanceCharge/ram:ChargeIndicator")) {
    for (const auto& value : doc.all(indicator, "udt:Indicator")) {
      allowance = allowance || boolean_value(text_of(value)) == false;
    }
  }
  const bool indicator = count_below(doc, charges, "ram:ChargeIndicator") > 0;
  const bool amount = count_below(doc, charges, "ram:ActualAmount") > 0;
  return (allowance && amount) || (!indicator && !amount);
}

bool sr_474(const DocumentView& doc, const pugi::xml_node& line) {
  return references_typed(doc, line, "130", true).size() <= 1;
}

bool sr_450(const DocumentView& doc, const pugi::xml_node& agreement) {
  return not_both(doc, agreement, "ram:BuyerTradeParty", "ram:ID", "ram:GlobalID");
}

bool sr_457(const DocumentView& doc, const pugi::xml_node& agreement) {
  return references_typed(doc, agreement, "50", false).size() <= 1;
}

bool sr_458(const DocumentView& doc, const pugi::xml_node& agreement) {
  return references_typed(doc, agreement, "130", false).size() <= 1;
}

bool sr_465(const DocumentView& doc, const pugi::xml_node& agreement) {
  return not_both(doc, agreement, "ram:SellerTradeParty/ram:DefinedTradeContact", "ram:PersonName",
                  "ram:DepartmentName");
}

bool sr_466(const DocumentView& doc, const pugi::xml_node& agreement) {
  return not_both(doc, agreement, "ram:BuyerTradeParty/ram:DefinedTradeContact", "ram:PersonName",
                  "ram:DepartmentName");
}

bool sr_475(const DocumentView& doc, const pugi::xml_node& agreement) {
  return count_below(doc, references_typed(doc, agreement, "916", true), "ram:Name") <= 1;
}

bool sr_476(const DocumentView& doc, const pugi::xml_node& agreement) {
  return count_below(doc, references_typed(doc, agreement, "916", true),
                     "ram:AttachmentBinaryObject") <= 1;
}

bool sr_449(const DocumentView& doc, const pugi::xml_node& delivery) {
  return not_both(doc, delivery, "ram:ShipToTradeParty", "ram:ID", "ram:GlobalID");
}

bool sr_451(const DocumentView& doc, const pugi::xml_node& settlement) {
  return not_both(doc, settlement, "ram:PayeeTradeParty", "ram:ID", "ram:GlobalID");
}

bool sr_462(const DocumentView& doc, const pugi::xml_node& /*settlement*/) {
  std::set<std::string_view> values;
  for (const auto& tax : doc.recorded("ram:ApplicableTradeTax")) {
    for (const auto& code : doc.all(tax, "ram:DueDateTypeCode"))
      values.insert(text_of(code));
  }
  return values.size() <= 1;
}

bool sr_470(const DocumentView& doc, const pugi::xml_node& settlement) {
  return std::ranges::all_of(
      doc.all(settlement, "ram:SpecifiedTradeSettlementPaymentMeans"), [&](const auto& means) {
        const std::string code = normalized(doc, means, "ram:TypeCode");
        const bool transfer = code == "30" || code == "58";
        return !transfer || doc.has(means, "ram:PayeePartyCreditorFinancialAccount/ram:IBANID") ||
               doc.has(means, "ram:PayeePartyCreditorFinancialAccount/ram:ProprietaryID");
      });
}

bool sr_467(const DocumentView& doc, const pugi::xml_node& /*root*/) {
  return payment_means_agree(doc, "ram:TypeCode");
}

bool sr_468(const DocumentView& doc, const pugi::xml_node& /*root*/) {
  return payment_means_agree(doc, "ram:Information");
}

bool dt_015(const DocumentView& doc, const pugi::xml_node& reference) {
  return only_in_additional(doc, reference, "ram:URIID", "916");
}

bool dt_018(const DocumentView& doc, const pugi::xml_node& reference) {
  return !doc.has(reference, "ram:TypeCode") ||
         (doc.is(reference, "ram:AdditionalReferencedDocument") &&
          (any_equals(doc, reference, "ram:TypeCode", "50") ||
           any_equals(doc, reference, "ram:TypeCode", "130") ||
           any_equals(doc, reference, "ram:TypeCode", "916")));
}

bool dt_021(const DocumentView& doc, const pugi::xml_node& reference) {
  return only_in_additional(doc, reference, "ram:Name", "916");
}

bool dt_022(const DocumentView& doc, const pugi::xml_node& reference) {
  return only_in_additional(doc, reference, "ram:AttachmentBinaryObject", "916");
}

bool dt_024(const DocumentView& doc, const pugi::xml_node& reference) {
  return only_in_additional(doc, reference, "ram:ReferenceTypeCode", "130");
}

bool dt_027(const DocumentView& doc, const pugi::xml_node& reference) {
  return !doc.has(reference, "ram:FormattedIssueDateTime") ||
         doc.is(reference, "ram:InvoiceReferencedDocument");
}

bool dt_033(const DocumentView& doc, const pugi::xml_node& quantity) {
  return !quantity.attribute("unitCode") ||
         doc.some_bears(
             "rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem/"
             "ram:SpecifiedLineTradeDelivery/ram:BilledQuantity",
             "unitCode");
}

bool dt_037(const DocumentView& doc, const pugi::xml_node& tax) {
  return !doc.has(tax, "ram:TypeCode") || any_equals(doc, tax, "ram:TypeCode", "VAT");
}

// "not(ram:X) or (ancestor::ram:ApplicableHeaderTradeSettlement)".
bool header_only(const DocumentView& doc, const pugi::xml_node& tax, std::string_view child) {
  return !doc.has(tax, child) || has_ancestor(doc, tax, "ram:ApplicableHeaderTradeSettlement");
}

bool dt_041(const DocumentView& doc, const pugi::xml_node& tax) {
  return header_only(doc, tax, "ram:BasisAmount");
}

bool dt_054(const DocumentView& doc, const pugi::xml_node& tax) {
  return header_only(doc, tax, "ram:TaxPointDate");
}

bool dt_058(const DocumentView& doc, const pugi::xml_node& tax) {
  return header_only(doc, tax, "ram:DueDateTypeCode");
}

bool dt_052(const DocumentView& doc, const pugi::xml_node& tax) {
  return !doc.has(tax, "ram:ExemptionReasonCode") || doc.is(tax, "ram:ApplicableTradeTax");
}

bool dt_098(const DocumentView& doc, const pugi::xml_node& tax) {
  return !doc.has(tax, "ram:ExemptionReason") || doc.is(tax, "ram:ApplicableTradeTax");
}

bool is_xpath_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// YYYYMMDD, months 01-12 and days 01-31, spaces around allowed.
bool dt_097(const DocumentView& /*doc*/, const pugi::xml_node& date) {
  std::string_view v = text_of(date);
  while (!v.empty() && is_xpath_space(v.front()))
    v.remove_prefix(1);
  while (!v.empty() && is_xpath_space(v.back()))
    v.remove_suffix(1);
  if (v.size() != 8) return false;
  for (char c : v) {
    if (c < '0' || c > '9') return false;
  }
  const int month = (v[4] - '0') * 10 + (v[5] - '0');
  const int day = (v[6] - '0') * 10 + (v[7] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

constexpr auto kChecks = std::to_array<NamedCheck>({
    {"CII-SR-046", sr_046}, {"CII-SR-090", sr_090}, {"CII-SR-119", sr_119}, {"CII-SR-474", sr_474},
    {"CII-SR-450", sr_450}, {"CII-SR-457", sr_457}, {"CII-SR-458", sr_458}, {"CII-SR-465", sr_465},
    {"CII-SR-466", sr_466}, {"CII-SR-475", sr_475}, {"CII-SR-476", sr_476}, {"CII-SR-449", sr_449},
    {"CII-SR-451", sr_451}, {"CII-SR-462", sr_462}, {"CII-SR-470", sr_470}, {"CII-SR-467", sr_467},
    {"CII-SR-468", sr_468}, {"CII-DT-015", dt_015}, {"CII-DT-018", dt_018}, {"CII-DT-021", dt_021},
    {"CII-DT-022", dt_022}, {"CII-DT-024", dt_024}, {"CII-DT-027", dt_027}, {"CII-DT-033", dt_033},
    {"CII-DT-037", dt_037}, {"CII-DT-041", dt_041}, {"CII-DT-052", dt_052}, {"CII-DT-098", dt_098},
    {"CII-DT-054", dt_054}, {"CII-DT-058", dt_058}, {"CII-DT-097", dt_097},
});

}  // namespace

std::span<const NamedCheck> cii_checks() {
  return kChecks;
}

}  // namespace cprokit::binding
