// Variants of a reform-conformant invoice, to compare cprokit with the
// reference validators on many files (scripts/fr-agreement.sh).
//
//   fr_variants BASE.xml OUT-DIR [-n N] [--seed S]
//
// BASE is a UBL 2.1 or CII D16B invoice such as fixtures/invoices/fr/base-*.xml.
// Writes N variants (default 100) into OUT-DIR, each with one or two mutations
// of the kinds the French reform's rules (BR-FR) judge: notes PMT/PMD/AAB/BAR
// dropped or doubled, BT-23 codes, SIREN/SIRET, dates, VAT rates, identifiers,
// BT-3 type codes, electronic addresses. A variant's file name says its
// mutations (base-ubl-0007-siret-not-siren+bt2-year-1999.xml). The same seed
// gives the same files.
#include <pugixml.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {

// A small generator of our own: std::uniform_int_distribution differs between
// standard libraries, and the variants must be the same everywhere.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed * 0x9E3779B97F4A7C15ULL + 1) {}
  std::uint64_t next() {  // splitmix64
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  template <typename T>
  const T& pick(const std::vector<T>& items) {
    return items[below(items.size())];
  }

 private:
  std::uint64_t state_;
};

std::string_view local_name(const char* name) {
  const std::string_view s(name);
  const auto colon = s.find(':');
  return colon == std::string_view::npos ? s : s.substr(colon + 1);
}

std::vector<pugi::xml_node> children(pugi::xml_node node, std::string_view name) {
  std::vector<pugi::xml_node> found;
  for (auto child : node.children())
    if (child.type() == pugi::node_element && local_name(child.name()) == name)
      found.push_back(child);
  return found;
}

// The first element down the path of local names (prefixes ignored), or null.
pugi::xml_node find(pugi::xml_node node, std::initializer_list<std::string_view> path) {
  for (auto name : path) {
    auto next = children(node, name);
    if (next.empty()) return {};
    node = next.front();
  }
  return node;
}

void collect(pugi::xml_node node, std::string_view name, std::vector<pugi::xml_node>& out) {
  for (auto child : node.children()) {
    if (child.type() != pugi::node_element) continue;
    if (local_name(child.name()) == name) out.push_back(child);
    collect(child, name, out);
  }
}

// Where the reform's business terms are, in either syntax.
class Invoice {
 public:
  explicit Invoice(pugi::xml_document& doc)
      : root_(doc.document_element()), cii_(local_name(root_.name()) == "CrossIndustryInvoice") {}

  bool cii() const { return cii_; }

  // The notes of subject `code` (BG-1): UBL "#PMT#text", CII ram:SubjectCode.
  std::vector<pugi::xml_node> notes(std::string_view code) const {
    std::vector<pugi::xml_node> found;
    if (cii_) {
      for (auto note : children(find(root_, {"ExchangedDocument"}), "IncludedNote"))
        if (find(note, {"SubjectCode"}).text().as_string() == code) found.push_back(note);
    } else {
      const std::string prefix = "#" + std::string(code) + "#";
      for (auto note : children(root_, "Note"))
        if (std::string_view(note.text().as_string()).starts_with(prefix)) found.push_back(note);
    }
    return found;
  }
  pugi::xml_node note_value(pugi::xml_node note) const {
    return cii_ ? find(note, {"Content"}) : note;
  }

  // BT-23 and the element to remove for it to be missing.
  pugi::xml_node bt23() const {
    return cii_ ? find(root_, {"ExchangedDocumentContext",
                               "BusinessProcessSpecifiedDocumentContextParameter", "ID"})
                : find(root_, {"ProfileID"});
  }
  pugi::xml_node bt23_holder() const { return cii_ ? bt23().parent() : bt23(); }

  pugi::xml_node bt1() const {
    return cii_ ? find(root_, {"ExchangedDocument", "ID"}) : find(root_, {"ID"});
  }
  pugi::xml_node bt3() const {
    if (cii_) return find(root_, {"ExchangedDocument", "TypeCode"});
    auto code = find(root_, {"InvoiceTypeCode"});
    return code ? code : find(root_, {"CreditNoteTypeCode"});
  }

  // Dates by business term: BT-2 issue, BT-9 due, BT-72 delivery.
  pugi::xml_node date(std::string_view term) const {
    if (cii_) {
      auto transaction = find(root_, {"SupplyChainTradeTransaction"});
      if (term == "bt2")
        return find(root_, {"ExchangedDocument", "IssueDateTime", "DateTimeString"});
      if (term == "bt9")
        return find(transaction, {"ApplicableHeaderTradeSettlement", "SpecifiedTradePaymentTerms",
                                  "DueDateDateTime", "DateTimeString"});
      return find(transaction, {"ApplicableHeaderTradeDelivery", "ActualDeliverySupplyChainEvent",
                                "OccurrenceDateTime", "DateTimeString"});
    }
    if (term == "bt2") return find(root_, {"IssueDate"});
    if (term == "bt9") return find(root_, {"DueDate"});
    return find(root_, {"Delivery", "ActualDeliveryDate"});
  }
  std::string format_date(int year, unsigned month, unsigned day) const {
    std::array<char, 16> text{};
    std::snprintf(text.data(), text.size(), cii_ ? "%04d%02u%02u" : "%04d-%02u-%02u", year, month,
                  day);
    return text.data();
  }
  std::optional<std::chrono::year_month_day> parse_date(pugi::xml_node node) const {
    const std::string text = node.text().as_string();
    int year = 0;
    unsigned month = 0;
    unsigned day = 0;
    const char* format = cii_ ? "%4d%2u%2u" : "%4d-%2u-%2u";
    if (std::sscanf(text.c_str(), format, &year, &month, &day) != 3) return std::nullopt;
    const std::chrono::year_month_day date{std::chrono::year(year), std::chrono::month(month),
                                           std::chrono::day(day)};
    if (!date.ok()) return std::nullopt;
    return date;
  }

  // The seller's or the buyer's party.
  pugi::xml_node party(bool seller) const {
    if (cii_)
      return find(root_, {"SupplyChainTradeTransaction", "ApplicableHeaderTradeAgreement",
                          seller ? "SellerTradeParty" : "BuyerTradeParty"});
    return find(root_, {seller ? "AccountingSupplierParty" : "AccountingCustomerParty", "Party"});
  }
  pugi::xml_node siren(bool seller) const {  // BT-30 / BT-47
    return cii_ ? find(party(seller), {"SpecifiedLegalOrganization", "ID"})
                : find(party(seller), {"PartyLegalEntity", "CompanyID"});
  }
  pugi::xml_node siret(bool seller) const {  // BT-29 / BT-46
    return cii_ ? find(party(seller), {"GlobalID"})
                : find(party(seller), {"PartyIdentification", "ID"});
  }
  pugi::xml_node address(bool seller) const {  // BT-34 / BT-49
    return cii_ ? find(party(seller), {"URIUniversalCommunication", "URIID"})
                : find(party(seller), {"EndpointID"});
  }

  // Every VAT rate (BT-96, BT-119, BT-152).
  std::vector<pugi::xml_node> vat_rates() const {
    std::vector<pugi::xml_node> found;
    collect(root_, cii_ ? "RateApplicablePercent" : "Percent", found);
    return found;
  }

 private:
  pugi::xml_node root_;
  bool cii_;
};

// A mutation changes the invoice and names what it did, or returns nothing
// when the invoice has no place for it (another is drawn).
using Mutation = std::function<std::optional<std::string>(Invoice&, Random&)>;

void set_text(pugi::xml_node node, const std::string& text) {
  node.text().set(text.c_str());
}

std::optional<std::string> note_mutation(Invoice& invoice, Random& random) {
  static const std::vector<std::string> codes = {"PMT", "PMD", "AAB", "BAR"};
  const std::string& code = random.pick(codes);
  auto notes = invoice.notes(code);
  if (notes.empty()) return std::nullopt;
  switch (random.below(code == "BAR" ? 3 : 2)) {
    case 0:
      notes.front().parent().remove_child(notes.front());
      return "drop-note-" + code;
    case 1:
      notes.front().parent().insert_copy_after(notes.front(), notes.front());
      return "double-note-" + code;
    default: {
      static const std::vector<std::string> values = {"B2C", "B2BINT", "OUTOFSCOPE", "B2G", "b2b"};
      const std::string& value = random.pick(values);
      set_text(invoice.note_value(notes.front()), invoice.cii() ? value : "#BAR#" + value);
      return "bar-" + value;
    }
  }
}

std::optional<std::string> bt23_mutation(Invoice& invoice, Random& random) {
  auto code = invoice.bt23();
  if (!code) return std::nullopt;
  static const std::vector<std::string> valid = {"B1", "S1", "M1", "B2", "S2", "M2", "S3",
                                                 "B4", "S4", "M4", "S5", "S6", "B7", "S7",
                                                 "B8", "S8", "M8", "B9", "S9", "M9"};
  static const std::vector<std::string> invalid = {"S0", "B3", "X1", "s1", "M10", "A1"};
  switch (random.below(3)) {
    case 0: {
      const std::string& value = random.pick(valid);
      set_text(code, value);
      return "bt23-" + value;
    }
    case 1: {
      const std::string& value = random.pick(invalid);
      set_text(code, value);
      return "bt23-invalid-" + value;
    }
    default:
      invoice.bt23_holder().parent().remove_child(invoice.bt23_holder());
      return "bt23-missing";
  }
}

std::string replace_digit(const std::string& text, std::size_t at, char with) {
  std::string changed = text;
  if (at < changed.size()) changed[at] = with;
  return changed;
}

std::optional<std::string> siren_mutation(Invoice& invoice, Random& random) {
  const bool seller = random.below(2) == 0;
  auto siren = invoice.siren(seller);
  if (!siren) return std::nullopt;
  const std::string who = seller ? "seller" : "buyer";
  const std::string value = siren.text().as_string();
  switch (random.below(5)) {
    case 0:
      set_text(siren, value.substr(0, value.size() - 1));
      return who + "-siren-short";
    case 1:
      set_text(siren, value + "4");
      return who + "-siren-long";
    case 2:
      set_text(siren, replace_digit(value, random.below(value.size()), 'A'));
      return who + "-siren-letter";
    case 3: {
      static const std::vector<std::string> schemes = {"0009", "0088", "0231", "9999"};
      const std::string& scheme = random.pick(schemes);
      siren.attribute("schemeID").set_value(scheme.c_str());
      return who + "-siren-scheme-" + scheme;
    }
    default:
      siren.remove_attribute("schemeID");
      return who + "-siren-no-scheme";
  }
}

std::optional<std::string> siret_mutation(Invoice& invoice, Random& random) {
  const bool seller = random.below(2) == 0;
  auto siret = invoice.siret(seller);
  if (!siret) return std::nullopt;
  const std::string who = seller ? "seller" : "buyer";
  const std::string value = siret.text().as_string();
  switch (random.below(5)) {
    case 0:
      set_text(siret, value.substr(0, value.size() - 1));
      return who + "-siret-short";
    case 1:
      set_text(siret, value + "7");
      return who + "-siret-long";
    case 2:
      set_text(siret, replace_digit(value, 9 + random.below(5), 'B'));
      return who + "-siret-letter";
    case 3: {  // another SIREN in front of the same NIC
      const char first = value.empty() || value[0] == '9' ? '1' : static_cast<char>(value[0] + 1);
      set_text(siret, replace_digit(value, 0, first));
      return who + "-siret-not-siren";
    }
    default: {
      static const std::vector<std::string> schemes = {"0002", "0088", "0225", "0231"};
      const std::string& scheme = random.pick(schemes);
      siret.attribute("schemeID").set_value(scheme.c_str());
      return who + "-siret-scheme-" + scheme;
    }
  }
}

std::optional<std::string> date_mutation(Invoice& invoice, Random& random) {
  static const std::vector<std::string> terms = {"bt2", "bt9", "bt72"};
  const std::string& term = random.pick(terms);
  auto node = invoice.date(term);
  if (!node) return std::nullopt;
  const auto date = invoice.parse_date(node);
  if (!date) return std::nullopt;
  const unsigned month = static_cast<unsigned>(date->month());
  const unsigned day = static_cast<unsigned>(date->day());
  switch (random.below(4)) {
    case 0: {  // not a day of the calendar
      struct Impossible {
        int year;
        unsigned month, day;
      };
      static const std::vector<Impossible> impossible = {
          {2026, 13, 2}, {2026, 2, 29}, {2026, 11, 31}, {2026, 0, 10}, {2027, 4, 31}, {2026, 6, 0}};
      const auto& wrong = random.pick(impossible);
      set_text(node, invoice.format_date(wrong.year, wrong.month, wrong.day));
      return term + "-date-" + invoice.format_date(wrong.year, wrong.month, wrong.day);
    }
    case 1: {  // a real day outside 2000-2099
      static const std::vector<int> years = {1999, 1899, 2100, 2999};
      const int other = random.pick(years);
      set_text(node, invoice.format_date(other, month, day));
      return term + "-year-" + std::to_string(other);
    }
    case 2: {  // a leap day, a real date in range
      set_text(node, invoice.format_date(2028, 2, 29));
      return term + "-leap-day";
    }
    default: {  // the due date before the issue date
      auto issue = invoice.date("bt2");
      auto due = invoice.date("bt9");
      const auto issued = issue ? invoice.parse_date(issue) : std::nullopt;
      if (!due || !issued) return std::nullopt;
      const auto days = std::chrono::days(1 + static_cast<int>(random.below(40)));
      const std::chrono::year_month_day before{std::chrono::sys_days(*issued) - days};
      set_text(due, invoice.format_date(static_cast<int>(before.year()),
                                        static_cast<unsigned>(before.month()),
                                        static_cast<unsigned>(before.day())));
      return "bt9-before-bt2";
    }
  }
}

std::optional<std::string> vat_rate_mutation(Invoice& invoice, Random& random) {
  auto rates = invoice.vat_rates();
  if (rates.empty()) return std::nullopt;
  // Every place of one rate changes together, so that only the rate is in question.
  const std::string old_rate = random.pick(rates).text().as_string();
  static const std::vector<std::string> spellings = {
      "20.0", "20.00", "20.000", "5.50", "5.500", "10",   "2.1", "2.10", "8.5",
      "13",   "19.6",  "0.9",    "1.05", "1.750", "7",    "9.2", "21",   "19",
      "6",    "5",     "15",     "4.5",  "+20",   "20,0", "020", "-20",  "5.5"};
  const std::string& rate = random.pick(spellings);
  if (rate == old_rate) return std::nullopt;
  for (auto node : rates)
    if (std::string_view(node.text().as_string()) == old_rate) set_text(node, rate);
  return "vat-" + old_rate + "-to-" + rate;
}

std::string padded(const std::string& value, std::size_t length) {
  return value.size() >= length ? value.substr(0, length)
                                : value + std::string(length - value.size(), '9');
}

std::optional<std::string> identifier_mutation(Invoice& invoice, Random& random) {
  auto id = invoice.bt1();
  if (!id) return std::nullopt;
  const std::string value = id.text().as_string();
  switch (random.below(4)) {
    case 0: {
      static const std::vector<std::string> characters = {" ", "#", "é", "*", ".", "+", "/", "_"};
      const std::string& character = random.pick(characters);
      set_text(id, value.substr(0, 2) + character + value.substr(2));
      return "bt1-char-" + std::to_string(static_cast<unsigned char>(character[0]));
    }
    case 1:  // the longest allowed, then one more
      set_text(id, padded(value, 35));
      return "bt1-35-chars";
    case 2:
      set_text(id, padded(value, 36));
      return "bt1-36-chars";
    default:
      set_text(id, " " + value + " ");
      return "bt1-spaces-around";
  }
}

std::optional<std::string> type_code_mutation(Invoice& invoice, Random& random) {
  auto code = invoice.bt3();
  if (!code) return std::nullopt;
  static const std::vector<std::string> codes = {"381", "384", "386", "389", "393", "501",
                                                 "500", "471", "472", "473", "261", "262",
                                                 "396", "502", "503", "326", "751", "875"};
  const std::string& value = random.pick(codes);
  set_text(code, value);
  return "bt3-" + value;
}

std::optional<std::string> address_mutation(Invoice& invoice, Random& random) {
  const bool seller = random.below(2) == 0;
  auto address = invoice.address(seller);
  if (!address) return std::nullopt;
  const std::string who = seller ? "seller" : "buyer";
  const std::string value = address.text().as_string();
  switch (random.below(5)) {
    case 0: {
      static const std::vector<std::string> schemes = {"0009", "0002", "0088", "EM", "9957"};
      const std::string& scheme = random.pick(schemes);
      address.attribute("schemeID").set_value(scheme.c_str());
      return who + "-address-scheme-" + scheme;
    }
    case 1: {
      static const std::vector<std::string> characters = {"@", " ", "é", "/", "#", ".", "-"};
      const std::string& character = random.pick(characters);
      set_text(address, value + character + "compta");
      return who + "-address-char-" + std::to_string(static_cast<unsigned char>(character[0]));
    }
    case 2:
      set_text(address, padded(value + "_", 126));
      return who + "-address-126-chars";
    case 3:
      set_text(address, "123456782_" + value);
      return who + "-address-other-siren";
    default:
      address.remove_attribute("schemeID");
      return who + "-address-no-scheme";
  }
}

const std::vector<Mutation>& mutations() {
  static const std::vector<Mutation> all = {
      note_mutation,     bt23_mutation,       siren_mutation,     siret_mutation,  date_mutation,
      vat_rate_mutation, identifier_mutation, type_code_mutation, address_mutation};
  return all;
}

// A label as part of a file name: a rate's "+" and "," spelled out.
std::string file_safe(const std::string& label) {
  std::string safe;
  for (const char c : label) {
    if (c == '+')
      safe += "plus";
    else if (c == ',')
      safe += "comma";
    else
      safe += c;
  }
  return safe;
}

// One variant: one or two mutations (of distinct kinds), named in order.
std::optional<std::string> mutate(pugi::xml_document& doc, Random& random) {
  Invoice invoice(doc);
  const std::size_t wanted = 1 + random.below(2);
  std::vector<std::size_t> used;
  std::string name;
  for (int attempt = 0; attempt < 50 && used.size() < wanted; ++attempt) {
    const std::size_t kind = random.below(mutations().size());
    if (std::find(used.begin(), used.end(), kind) != used.end()) continue;
    if (auto label = mutations()[kind](invoice, random)) {
      used.push_back(kind);
      name += (name.empty() ? "" : "+") + file_safe(*label);
    }
  }
  if (name.empty()) return std::nullopt;
  return name;
}

int usage() {
  std::cerr << "usage: fr_variants BASE.xml OUT-DIR [-n N] [--seed S]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> positional;
  long count = 100;
  std::uint64_t seed = 1;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if ((arg == "-n" || arg == "--seed") && i + 1 < argc) {
      const std::string value = argv[++i];
      try {
        if (arg == "-n")
          count = std::stol(value);
        else
          seed = std::stoull(value);
      } catch (const std::exception&) {
        return usage();
      }
    } else {
      positional.push_back(arg);
    }
  }
  if (positional.size() != 2 || count < 1) return usage();
  const std::filesystem::path base = positional[0];
  const std::filesystem::path out = positional[1];

  pugi::xml_document original;
  if (auto result = original.load_file(base.c_str(), pugi::parse_default | pugi::parse_declaration);
      !result) {
    std::cerr << "fr_variants: " << base.string() << ": " << result.description() << "\n";
    return 1;
  }
  std::error_code error;
  std::filesystem::create_directories(out, error);
  if (error) {
    std::cerr << "fr_variants: " << out.string() << ": " << error.message() << "\n";
    return 1;
  }

  Random random(seed);
  for (long index = 1; index <= count; ++index) {
    pugi::xml_document doc;
    doc.reset(original);
    const auto name = mutate(doc, random);
    if (!name) {
      std::cerr << "fr_variants: " << base.string() << ": no place to mutate\n";
      return 1;
    }
    std::string number = std::to_string(index);
    if (number.size() < 4) number.insert(0, 4 - number.size(), '0');
    const auto file = out / (base.stem().string() + "-" + number + "-" + *name + ".xml");
    if (!doc.save_file(file.c_str(), "  ", pugi::format_default, pugi::encoding_utf8)) {
      std::cerr << "fr_variants: " << file.string() << ": cannot write\n";
      return 1;
    }
  }
  return 0;
}
