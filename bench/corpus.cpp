#include "bench/corpus.hpp"

#include <array>
#include <iterator>

#include <fmt/core.h>

#include "rules/chorus/identifiers.hpp"
#include "validators/xml/escape.hpp"

namespace cprokit::bench {
namespace {

// splitmix64: small, fast and the same sequence everywhere (unlike the
// standard distributions).
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}

  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31U);
  }

  // Uniform in [lo, hi].
  std::int64_t between(std::int64_t lo, std::int64_t hi) {
    return lo + static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(hi - lo + 1));
  }

  template <typename T, std::size_t N>
  const T& pick(const std::array<T, N>& items) {
    return items[next() % N];
  }

 private:
  std::uint64_t state_;
};

// Exact decimal arithmetic on integers: amounts in cents, quantities in
// hundredths, VAT rates in per mille. All values are non-negative.
std::int64_t div_round_half_up(std::int64_t num, std::int64_t den) {
  return (num + den / 2) / den;
}

std::string money(std::int64_t cents) {
  return fmt::format("{}.{:02}", cents / 100, cents % 100);
}

std::string quantity(std::int64_t hundredths) {
  if (hundredths % 100 == 0) return fmt::format("{}", hundredths / 100);
  return fmt::format("{}.{:02}", hundredths / 100, hundredths % 100);
}

struct VatRate {
  std::string_view text;  // as written in the documents (BT-119, BT-152)
  std::int64_t per_mille;
};
constexpr VatRate kStandard{"20", 200};
constexpr VatRate kReduced{"5.5", 55};

enum class Unit { Piece, Kilogram, Hour };

struct Item {
  std::string_view name;
  Unit unit;
  const VatRate* rate;
  std::int64_t typical_price;  // cents
};

// clang-format off
constexpr std::array<Item, 20> kItems{{
    {"Café moulu pur arabica (paquet 1 kg)", Unit::Piece, &kReduced, 1450},
    {"Crème fraîche épaisse (seau 5 L)", Unit::Piece, &kReduced, 2190},
    {"Pâté de campagne", Unit::Kilogram, &kReduced, 1280},
    {"Farine de blé T55 (sac 25 kg)", Unit::Piece, &kReduced, 1875},
    {"Thé vert biologique (boîte de 100 sachets)", Unit::Piece, &kReduced, 990},
    {"Pommes de terre de Noirmoutier", Unit::Kilogram, &kReduced, 185},
    {"Comté affiné 18 mois", Unit::Kilogram, &kReduced, 2450},
    {"Œufs frais de plein air (plateau de 30)", Unit::Piece, &kReduced, 765},
    {"Bœuf haché 5 % MG", Unit::Kilogram, &kReduced, 1395},
    {"Pain de mie complet tranché", Unit::Piece, &kReduced, 245},
    {"Ramette papier A4 recyclé 80 g", Unit::Piece, &kStandard, 559},
    {"Câble réseau catégorie 6 (3 m)", Unit::Piece, &kStandard, 690},
    {"Prestation de maintenance préventive", Unit::Hour, &kStandard, 6500},
    {"Déplacement du technicien", Unit::Piece, &kStandard, 4500},
    {"Écran 27 pouces à dalle IPS", Unit::Piece, &kStandard, 27900},
    {"Chaise ergonomique réglable", Unit::Piece, &kStandard, 18950},
    {"Clé USB 64 Go", Unit::Piece, &kStandard, 1299},
    {"Étagère métallique galvanisée", Unit::Piece, &kStandard, 8990},
    {"Nettoyage des locaux (forfait horaire)", Unit::Hour, &kStandard, 2800},
    {"Formation bureautique — tableur avancé", Unit::Hour, &kStandard, 9500},
}};

constexpr std::array<std::string_view, 6> kSellers{
    "Société Générale d'Équipement de Bureau", "Boulangerie Lefèvre & Fils",
    "Ménard Frères SARL", "Les Délices de Provence", "Électricité Gérard Bézier",
    "Fromagerie du Haut-Doubs"};
constexpr std::array<std::string_view, 6> kBuyers{
    "Mairie de Bourg-en-Bresse", "Lycée Hélène-Boucher", "Centre hospitalier de Nîmes",
    "Université de Franche-Comté", "Préfecture de l'Hérault", "Collège Jean-Rostand"};
constexpr std::array<std::string_view, 6> kStreets{
    "12 rue de l'Église", "3 avenue du Général-Leclerc", "45 boulevard Haussmann",
    "8 place de la Libération", "27 chemin des Prés", "5 allée des Châtaigniers"};
constexpr std::array<std::string_view, 6> kCities{
    "Besançon", "Nîmes", "Orléans", "Évry-Courcouronnes", "Saint-Étienne", "Pontarlier"};
constexpr std::array<std::string_view, 3> kTerms{
    "Paiement à 30 jours fin de mois, par virement.",
    "Paiement à réception de facture. Pénalités de retard : 3 fois le taux d'intérêt légal.",
    "Escompte pour paiement anticipé : néant. Indemnité forfaitaire de recouvrement : 40 €."};
// clang-format on

struct Party {
  std::string plain_name;  // as written, for the deposit name
  std::string name, street, city, postcode, siret, vat_id, iban;
};

struct Date {
  int year, month, day;
};

struct Line {
  const Item* item;
  std::int64_t quantity;  // hundredths
  std::int64_t price;     // cents
  std::int64_t net;       // cents: round_half_up(price x quantity)
};

struct VatSubtotal {
  const VatRate* rate;
  std::int64_t base = 0;  // cents
  std::int64_t vat = 0;   // cents
};

struct Invoice {
  std::string number, buyer_reference, order_reference, note, terms;
  Date issued{}, due{};
  Party seller, buyer;
  std::vector<Line> lines;
  std::array<VatSubtotal, 2> subtotals{{{&kStandard}, {&kReduced}}};
  std::int64_t line_total = 0, vat_total = 0, with_vat = 0, prepaid = 0, payable = 0;
};

std::string digits(Rng& rng, int count) {
  std::string out;
  for (int i = 0; i < count; ++i)
    out += static_cast<char>('0' + rng.next() % 10);
  return out;
}

// `digits` followed by the digit that makes the whole pass the Luhn check.
std::string with_luhn_digit(std::string digits) {
  for (char last = '0'; last <= '9'; ++last) {
    if (chorus::luhn_valid(digits + last)) return digits + last;
  }
  return digits;  // unreachable: one of ten digits always completes a Luhn sum
}

// A French IBAN on `bban` (23 digits), with the check digits that make it valid.
std::string french_iban(const std::string& bban) {
  for (int check = 2; check <= 98; ++check) {
    std::string iban = fmt::format("FR{:02}{}", check, bban);
    if (chorus::iban_valid(iban)) return iban;
  }
  return "FR00" + bban;  // unreachable: one of the 97 check values fits
}

Party make_party(Rng& rng, std::string_view name) {
  Party p;
  p.plain_name = name;
  p.name = xml::xml_escape(name);
  p.street = xml::xml_escape(rng.pick(kStreets));
  p.city = xml::xml_escape(rng.pick(kCities));
  p.postcode = fmt::format("{:05}", rng.between(1000, 95999));
  const std::string siren = with_luhn_digit(digits(rng, 8));
  p.siret = with_luhn_digit(siren + digits(rng, 4));
  p.vat_id = "FR" + chorus::fr_vat_key(siren) + siren;
  p.iban = french_iban(digits(rng, 23));
  return p;
}

Line make_line(Rng& rng) {
  Line line;
  line.item = &rng.pick(kItems);
  switch (line.item->unit) {
    case Unit::Piece:
      line.quantity = 100 * rng.between(1, 48);
      break;
    case Unit::Kilogram:
      line.quantity = rng.between(25, 5000);
      break;
    case Unit::Hour:
      line.quantity = 25 * rng.between(2, 160);
      break;
  }
  line.price = div_round_half_up(line.item->typical_price * rng.between(80, 120), 100);
  line.net = div_round_half_up(line.price * line.quantity, 100);
  return line;
}

Invoice make_invoice(std::size_t lines, std::uint64_t seed) {
  Rng rng(seed);
  Invoice inv;
  inv.issued = {2024 + static_cast<int>(rng.between(0, 1)), static_cast<int>(rng.between(1, 12)),
                static_cast<int>(rng.between(1, 28))};
  inv.due = inv.issued.month == 12 ? Date{inv.issued.year + 1, 1, inv.issued.day}
                                   : Date{inv.issued.year, inv.issued.month + 1, inv.issued.day};
  inv.number = fmt::format("FA-{}-{:06}", inv.issued.year, seed % 1000000);
  inv.buyer_reference = fmt::format("SERVICE-{:03}", rng.between(1, 250));
  inv.order_reference = "EJ" + digits(rng, 8);
  inv.note = xml::xml_escape(
      fmt::format("Facture n° {} — livraison conforme au bon de commande.", inv.number));
  inv.terms = xml::xml_escape(rng.pick(kTerms));
  inv.seller = make_party(rng, rng.pick(kSellers));
  inv.buyer = make_party(rng, rng.pick(kBuyers));

  inv.lines.reserve(lines);
  for (std::size_t i = 0; i < lines; ++i) {
    Line line = make_line(rng);
    for (auto& sub : inv.subtotals) {
      if (sub.rate == line.item->rate) sub.base += line.net;
    }
    inv.line_total += line.net;
    inv.lines.push_back(line);
  }
  for (auto& sub : inv.subtotals) {
    sub.vat = div_round_half_up(sub.base * sub.rate->per_mille, 1000);
    inv.vat_total += sub.vat;
  }
  inv.with_vat = inv.line_total + inv.vat_total;
  if (rng.next() % 4 == 0) inv.prepaid = inv.with_vat * 30 / 100;  // a deposit paid
  inv.payable = inv.with_vat - inv.prepaid;
  return inv;
}

std::string_view unit_code(Unit u) {
  return u == Unit::Kilogram ? "KGM" : u == Unit::Hour ? "HUR" : "C62";
}

using Out = std::back_insert_iterator<std::string>;

// UBL 2.1 ------------------------------------------------------------------

void ubl_party(Out out, std::string_view role, const Party& p) {
  fmt::format_to(out, R"(  <cac:{role}>
    <cac:Party>
      <cbc:EndpointID schemeID="0009">{siret}</cbc:EndpointID>
      <cac:PartyIdentification>
        <cbc:ID schemeID="0009">{siret}</cbc:ID>
      </cac:PartyIdentification>
      <cac:PostalAddress>
        <cbc:StreetName>{street}</cbc:StreetName>
        <cbc:CityName>{city}</cbc:CityName>
        <cbc:PostalZone>{postcode}</cbc:PostalZone>
        <cac:Country>
          <cbc:IdentificationCode>FR</cbc:IdentificationCode>
        </cac:Country>
      </cac:PostalAddress>
      <cac:PartyTaxScheme>
        <cbc:CompanyID>{vat_id}</cbc:CompanyID>
        <cac:TaxScheme>
          <cbc:ID>VAT</cbc:ID>
        </cac:TaxScheme>
      </cac:PartyTaxScheme>
      <cac:PartyLegalEntity>
        <cbc:RegistrationName>{name}</cbc:RegistrationName>
        <cbc:CompanyID schemeID="0002">{siren}</cbc:CompanyID>
      </cac:PartyLegalEntity>
    </cac:Party>
  </cac:{role}>
)",
                 fmt::arg("role", role), fmt::arg("siret", p.siret), fmt::arg("street", p.street),
                 fmt::arg("city", p.city), fmt::arg("postcode", p.postcode),
                 fmt::arg("vat_id", p.vat_id), fmt::arg("name", p.name),
                 fmt::arg("siren", std::string_view(p.siret).substr(0, 9)));
}

void ubl_line(Out out, std::size_t index, const Line& l) {
  fmt::format_to(out, R"(  <cac:InvoiceLine>
    <cbc:ID>{id}</cbc:ID>
    <cbc:InvoicedQuantity unitCode="{unit}">{quantity}</cbc:InvoicedQuantity>
    <cbc:LineExtensionAmount currencyID="EUR">{net}</cbc:LineExtensionAmount>
    <cac:Item>
      <cbc:Name>{name}</cbc:Name>
      <cac:SellersItemIdentification>
        <cbc:ID>REF-{ref:04}</cbc:ID>
      </cac:SellersItemIdentification>
      <cac:ClassifiedTaxCategory>
        <cbc:ID>S</cbc:ID>
        <cbc:Percent>{rate}</cbc:Percent>
        <cac:TaxScheme>
          <cbc:ID>VAT</cbc:ID>
        </cac:TaxScheme>
      </cac:ClassifiedTaxCategory>
    </cac:Item>
    <cac:Price>
      <cbc:PriceAmount currencyID="EUR">{price}</cbc:PriceAmount>
    </cac:Price>
  </cac:InvoiceLine>
)",
                 fmt::arg("id", index + 1), fmt::arg("unit", unit_code(l.item->unit)),
                 fmt::arg("quantity", quantity(l.quantity)), fmt::arg("net", money(l.net)),
                 fmt::arg("name", xml::xml_escape(l.item->name)),
                 fmt::arg("ref", l.item - kItems.data() + 1), fmt::arg("rate", l.item->rate->text),
                 fmt::arg("price", money(l.price)));
}

std::string render_ubl(const Invoice& inv) {
  std::string xml;
  xml.reserve(3000 + 750 * inv.lines.size());
  Out out(xml);
  fmt::format_to(out, R"(<?xml version="1.0" encoding="UTF-8"?>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
         xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
         xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:CustomizationID>urn:cen.eu:en16931:2017</cbc:CustomizationID>
  <cbc:ID>{number}</cbc:ID>
  <cbc:IssueDate>{y}-{m:02}-{d:02}</cbc:IssueDate>
  <cbc:DueDate>{due_y}-{due_m:02}-{due_d:02}</cbc:DueDate>
  <cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>
  <cbc:Note>{note}</cbc:Note>
  <cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>
  <cbc:BuyerReference>{buyer_reference}</cbc:BuyerReference>
  <cac:OrderReference>
    <cbc:ID>{order}</cbc:ID>
  </cac:OrderReference>
)",
                 fmt::arg("number", inv.number), fmt::arg("y", inv.issued.year),
                 fmt::arg("m", inv.issued.month), fmt::arg("d", inv.issued.day),
                 fmt::arg("due_y", inv.due.year), fmt::arg("due_m", inv.due.month),
                 fmt::arg("due_d", inv.due.day), fmt::arg("note", inv.note),
                 fmt::arg("buyer_reference", inv.buyer_reference),
                 fmt::arg("order", inv.order_reference));
  ubl_party(out, "AccountingSupplierParty", inv.seller);
  ubl_party(out, "AccountingCustomerParty", inv.buyer);
  fmt::format_to(out, R"(  <cac:PaymentMeans>
    <cbc:PaymentMeansCode>30</cbc:PaymentMeansCode>
    <cbc:PaymentID>{number}</cbc:PaymentID>
    <cac:PayeeFinancialAccount>
      <cbc:ID>{iban}</cbc:ID>
    </cac:PayeeFinancialAccount>
  </cac:PaymentMeans>
  <cac:PaymentTerms>
    <cbc:Note>{terms}</cbc:Note>
  </cac:PaymentTerms>
  <cac:TaxTotal>
    <cbc:TaxAmount currencyID="EUR">{vat}</cbc:TaxAmount>
)",
                 fmt::arg("number", inv.number), fmt::arg("iban", inv.seller.iban),
                 fmt::arg("terms", inv.terms), fmt::arg("vat", money(inv.vat_total)));
  for (const auto& sub : inv.subtotals) {
    if (sub.base == 0) continue;
    fmt::format_to(out, R"(    <cac:TaxSubtotal>
      <cbc:TaxableAmount currencyID="EUR">{base}</cbc:TaxableAmount>
      <cbc:TaxAmount currencyID="EUR">{vat}</cbc:TaxAmount>
      <cac:TaxCategory>
        <cbc:ID>S</cbc:ID>
        <cbc:Percent>{rate}</cbc:Percent>
        <cac:TaxScheme>
          <cbc:ID>VAT</cbc:ID>
        </cac:TaxScheme>
      </cac:TaxCategory>
    </cac:TaxSubtotal>
)",
                   fmt::arg("base", money(sub.base)), fmt::arg("vat", money(sub.vat)),
                   fmt::arg("rate", sub.rate->text));
  }
  fmt::format_to(out, R"(  </cac:TaxTotal>
  <cac:LegalMonetaryTotal>
    <cbc:LineExtensionAmount currencyID="EUR">{lines}</cbc:LineExtensionAmount>
    <cbc:TaxExclusiveAmount currencyID="EUR">{lines}</cbc:TaxExclusiveAmount>
    <cbc:TaxInclusiveAmount currencyID="EUR">{with_vat}</cbc:TaxInclusiveAmount>
)",
                 fmt::arg("lines", money(inv.line_total)),
                 fmt::arg("with_vat", money(inv.with_vat)));
  if (inv.prepaid != 0) {
    fmt::format_to(out, "    <cbc:PrepaidAmount currencyID=\"EUR\">{}</cbc:PrepaidAmount>\n",
                   money(inv.prepaid));
  }
  fmt::format_to(out,
                 "    <cbc:PayableAmount currencyID=\"EUR\">{}</cbc:PayableAmount>\n"
                 "  </cac:LegalMonetaryTotal>\n",
                 money(inv.payable));
  for (std::size_t i = 0; i < inv.lines.size(); ++i)
    ubl_line(out, i, inv.lines[i]);
  xml += "</Invoice>\n";
  return xml;
}

// CII D16B -----------------------------------------------------------------

void cii_party(Out out, std::string_view role, const Party& p) {
  fmt::format_to(out, R"(      <ram:{role}>
        <ram:Name>{name}</ram:Name>
        <ram:SpecifiedLegalOrganization>
          <ram:ID schemeID="0009">{siret}</ram:ID>
        </ram:SpecifiedLegalOrganization>
        <ram:PostalTradeAddress>
          <ram:PostcodeCode>{postcode}</ram:PostcodeCode>
          <ram:LineOne>{street}</ram:LineOne>
          <ram:CityName>{city}</ram:CityName>
          <ram:CountryID>FR</ram:CountryID>
        </ram:PostalTradeAddress>
        <ram:URIUniversalCommunication>
          <ram:URIID schemeID="0009">{siret}</ram:URIID>
        </ram:URIUniversalCommunication>
        <ram:SpecifiedTaxRegistration>
          <ram:ID schemeID="VA">{vat_id}</ram:ID>
        </ram:SpecifiedTaxRegistration>
      </ram:{role}>
)",
                 fmt::arg("role", role), fmt::arg("name", p.name), fmt::arg("postcode", p.postcode),
                 fmt::arg("street", p.street), fmt::arg("city", p.city), fmt::arg("siret", p.siret),
                 fmt::arg("vat_id", p.vat_id));
}

void cii_line(Out out, std::size_t index, const Line& l) {
  fmt::format_to(out, R"(    <ram:IncludedSupplyChainTradeLineItem>
      <ram:AssociatedDocumentLineDocument>
        <ram:LineID>{id}</ram:LineID>
      </ram:AssociatedDocumentLineDocument>
      <ram:SpecifiedTradeProduct>
        <ram:SellerAssignedID>REF-{ref:04}</ram:SellerAssignedID>
        <ram:Name>{name}</ram:Name>
      </ram:SpecifiedTradeProduct>
      <ram:SpecifiedLineTradeAgreement>
        <ram:NetPriceProductTradePrice>
          <ram:ChargeAmount>{price}</ram:ChargeAmount>
        </ram:NetPriceProductTradePrice>
      </ram:SpecifiedLineTradeAgreement>
      <ram:SpecifiedLineTradeDelivery>
        <ram:BilledQuantity unitCode="{unit}">{quantity}</ram:BilledQuantity>
      </ram:SpecifiedLineTradeDelivery>
      <ram:SpecifiedLineTradeSettlement>
        <ram:ApplicableTradeTax>
          <ram:TypeCode>VAT</ram:TypeCode>
          <ram:CategoryCode>S</ram:CategoryCode>
          <ram:RateApplicablePercent>{rate}</ram:RateApplicablePercent>
        </ram:ApplicableTradeTax>
        <ram:SpecifiedTradeSettlementLineMonetarySummation>
          <ram:LineTotalAmount>{net}</ram:LineTotalAmount>
        </ram:SpecifiedTradeSettlementLineMonetarySummation>
      </ram:SpecifiedLineTradeSettlement>
    </ram:IncludedSupplyChainTradeLineItem>
)",
                 fmt::arg("id", index + 1), fmt::arg("ref", l.item - kItems.data() + 1),
                 fmt::arg("name", xml::xml_escape(l.item->name)), fmt::arg("price", money(l.price)),
                 fmt::arg("unit", unit_code(l.item->unit)),
                 fmt::arg("quantity", quantity(l.quantity)), fmt::arg("rate", l.item->rate->text),
                 fmt::arg("net", money(l.net)));
}

std::string render_cii(const Invoice& inv) {
  std::string xml;
  xml.reserve(3000 + 1200 * inv.lines.size());
  Out out(xml);
  fmt::format_to(out, R"(<?xml version="1.0" encoding="UTF-8"?>
<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
    xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
    xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">
  <rsm:ExchangedDocumentContext>
    <ram:GuidelineSpecifiedDocumentContextParameter>
      <ram:ID>urn:cen.eu:en16931:2017</ram:ID>
    </ram:GuidelineSpecifiedDocumentContextParameter>
  </rsm:ExchangedDocumentContext>
  <rsm:ExchangedDocument>
    <ram:ID>{number}</ram:ID>
    <ram:TypeCode>380</ram:TypeCode>
    <ram:IssueDateTime>
      <udt:DateTimeString format="102">{y}{m:02}{d:02}</udt:DateTimeString>
    </ram:IssueDateTime>
    <ram:IncludedNote>
      <ram:Content>{note}</ram:Content>
    </ram:IncludedNote>
  </rsm:ExchangedDocument>
  <rsm:SupplyChainTradeTransaction>
)",
                 fmt::arg("number", inv.number), fmt::arg("y", inv.issued.year),
                 fmt::arg("m", inv.issued.month), fmt::arg("d", inv.issued.day),
                 fmt::arg("note", inv.note));
  for (std::size_t i = 0; i < inv.lines.size(); ++i)
    cii_line(out, i, inv.lines[i]);
  fmt::format_to(out, R"(    <ram:ApplicableHeaderTradeAgreement>
      <ram:BuyerReference>{buyer_reference}</ram:BuyerReference>
)",
                 fmt::arg("buyer_reference", inv.buyer_reference));
  cii_party(out, "SellerTradeParty", inv.seller);
  cii_party(out, "BuyerTradeParty", inv.buyer);
  fmt::format_to(out, R"(      <ram:BuyerOrderReferencedDocument>
        <ram:IssuerAssignedID>{order}</ram:IssuerAssignedID>
      </ram:BuyerOrderReferencedDocument>
    </ram:ApplicableHeaderTradeAgreement>
    <ram:ApplicableHeaderTradeDelivery/>
    <ram:ApplicableHeaderTradeSettlement>
      <ram:PaymentReference>{number}</ram:PaymentReference>
      <ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>
      <ram:SpecifiedTradeSettlementPaymentMeans>
        <ram:TypeCode>30</ram:TypeCode>
        <ram:PayeePartyCreditorFinancialAccount>
          <ram:IBANID>{iban}</ram:IBANID>
        </ram:PayeePartyCreditorFinancialAccount>
      </ram:SpecifiedTradeSettlementPaymentMeans>
)",
                 fmt::arg("order", inv.order_reference), fmt::arg("number", inv.number),
                 fmt::arg("iban", inv.seller.iban));
  for (const auto& sub : inv.subtotals) {
    if (sub.base == 0) continue;
    fmt::format_to(out, R"(      <ram:ApplicableTradeTax>
        <ram:CalculatedAmount>{vat}</ram:CalculatedAmount>
        <ram:TypeCode>VAT</ram:TypeCode>
        <ram:BasisAmount>{base}</ram:BasisAmount>
        <ram:CategoryCode>S</ram:CategoryCode>
        <ram:RateApplicablePercent>{rate}</ram:RateApplicablePercent>
      </ram:ApplicableTradeTax>
)",
                   fmt::arg("vat", money(sub.vat)), fmt::arg("base", money(sub.base)),
                   fmt::arg("rate", sub.rate->text));
  }
  fmt::format_to(out, R"(      <ram:SpecifiedTradePaymentTerms>
        <ram:Description>{terms}</ram:Description>
        <ram:DueDateDateTime>
          <udt:DateTimeString format="102">{y}{m:02}{d:02}</udt:DateTimeString>
        </ram:DueDateDateTime>
      </ram:SpecifiedTradePaymentTerms>
      <ram:SpecifiedTradeSettlementHeaderMonetarySummation>
        <ram:LineTotalAmount>{lines}</ram:LineTotalAmount>
        <ram:TaxBasisTotalAmount>{lines}</ram:TaxBasisTotalAmount>
        <ram:TaxTotalAmount currencyID="EUR">{vat}</ram:TaxTotalAmount>
        <ram:GrandTotalAmount>{with_vat}</ram:GrandTotalAmount>
)",
                 fmt::arg("terms", inv.terms), fmt::arg("y", inv.due.year),
                 fmt::arg("m", inv.due.month), fmt::arg("d", inv.due.day),
                 fmt::arg("lines", money(inv.line_total)), fmt::arg("vat", money(inv.vat_total)),
                 fmt::arg("with_vat", money(inv.with_vat)));
  if (inv.prepaid != 0) {
    fmt::format_to(out, "        <ram:TotalPrepaidAmount>{}</ram:TotalPrepaidAmount>\n",
                   money(inv.prepaid));
  }
  fmt::format_to(out, R"(        <ram:DuePayableAmount>{}</ram:DuePayableAmount>
      </ram:SpecifiedTradeSettlementHeaderMonetarySummation>
    </ram:ApplicableHeaderTradeSettlement>
  </rsm:SupplyChainTradeTransaction>
</rsm:CrossIndustryInvoice>
)",
                 money(inv.payable));
  return xml;
}

}  // namespace

GeneratedInvoice generate_invoice(InvoiceSyntax syntax, std::size_t lines, std::uint64_t seed) {
  Invoice inv = make_invoice(lines == 0 ? 1 : lines, seed);
  return {fmt::format("{}_{}.xml", inv.seller.plain_name, inv.number),
          syntax == InvoiceSyntax::Ubl ? render_ubl(inv) : render_cii(inv)};
}

std::vector<GeneratedInvoice> generate_corpus(InvoiceSyntax syntax, std::size_t count,
                                              std::size_t lines, std::uint64_t first_seed) {
  std::vector<GeneratedInvoice> docs;
  docs.reserve(count);
  for (std::size_t i = 0; i < count; ++i)
    docs.push_back(generate_invoice(syntax, lines, first_seed + i));
  return docs;
}

}  // namespace cprokit::bench
