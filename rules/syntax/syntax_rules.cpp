#include "rules/syntax/syntax_rules.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace cprokit::syntax {
namespace {

constexpr std::string_view kSource = "cprokit: safe reading of the input";
constexpr std::string_view kFacturX = "Factur-X 1.0 (FNFE-MPE, FeRD): embedded file and XMP";
constexpr std::string_view kPdfA3 =
    "ISO 19005-3 (PDF/A-3), required by Factur-X 1.0 (FNFE-MPE, FeRD)";
constexpr std::string_view kPdfA3Files =
    "ISO 19005-3 (PDF/A-3) associated files, required by Factur-X 1.0 (FNFE-MPE, FeRD)";

Rule describe(std::string_view id, Severity severity, std::string fr, std::string en,
              std::string source = std::string(kSource)) {
  Rule rule;
  rule.id = id;
  rule.severity = severity;
  rule.applies_to = kAnyDocument;
  rule.title = {std::move(fr), std::move(en)};
  rule.source = std::move(source);
  return rule;
}

// The pack's rules, described once: registered in the catalogue and read by
// finding(), which needs no catalogue.
std::vector<Rule> describe_rules() {
  std::vector<Rule> rules;
  rules.push_back(describe(kMalformed, Severity::Fatal, "Le fichier doit être un XML bien formé.",
                           "The file must be well-formed XML."));
  rules.push_back(describe(kDoctype, Severity::Fatal,
                           "Aucune déclaration DOCTYPE : ses entités pourraient lire des fichiers, "
                           "joindre le réseau ou exploser en mémoire.",
                           "No DOCTYPE declaration: its entities could read files, reach the "
                           "network or blow up in memory."));
  rules.push_back(describe(kTooLarge, Severity::Fatal,
                           "Le fichier ne dépasse pas la taille maximale (20 Mo par défaut, "
                           "option --max-bytes).",
                           "The file is within the size limit (20 MB by default, option "
                           "--max-bytes)."));
  rules.push_back(describe(kTooDeep, Severity::Fatal,
                           "L'imbrication des éléments reste sous la limite (200 niveaux).",
                           "Element nesting stays under the limit (200 levels)."));
  rules.push_back(describe(kEncoding, Severity::Fatal,
                           "Le fichier est en UTF-8 ou en ISO-8859-1, comme il le déclare.",
                           "The file is in UTF-8 or ISO-8859-1, as it declares."));
  rules.push_back(
      describe(kEmpty, Severity::Fatal, "Le fichier n'est pas vide.", "The file is not empty."));
  rules.push_back(describe(kNotANumber, Severity::Fatal,
                           "Montants, quantités, prix et taux sont des nombres décimaux "
                           "(xs:decimal : chiffres, point décimal, signe).",
                           "Amounts, quantities, prices and rates are decimal numbers (xs:decimal: "
                           "digits, decimal point, sign).",
                           "EN 16931 syntax bindings (xs:decimal)"));
  rules.push_back(describe(kJsonMalformed, Severity::Fatal,
                           "Le fichier doit être un JSON valide (RFC 8259, UTF-8), imbriqué sur "
                           "200 niveaux au plus.",
                           "The file must be valid JSON (RFC 8259, UTF-8), nested at most 200 "
                           "levels deep."));
  rules.push_back(describe(kJsonWrongType, Severity::Fatal,
                           "Chaque champ a le type que l'API Chorus Pro attend (texte, nombre, "
                           "booléen, objet, tableau).",
                           "Each field has the type the Chorus Pro API expects (text, number, "
                           "boolean, object, array)."));
  rules.push_back(describe(kJsonUnknownField, Severity::Warning,
                           "Chaque champ est un champ connu : un nom mal orthographié est ignoré, "
                           "et sa valeur perdue.",
                           "Each field is a known one: a misspelt name is ignored, and its value "
                           "lost."));
  rules.push_back(describe(kJsonDuplicateKey, Severity::Fatal,
                           "Aucun champ n'apparaît deux fois dans un même objet : le destinataire "
                           "n'en garderait qu'un, sans dire lequel.",
                           "No field appears twice in one object: the receiver would keep only "
                           "one, without saying which."));
  rules.push_back(describe(kNotAnInvoice, Severity::Fatal,
                           "Le document est une facture ou un avoir UBL 2.1 ou CII D16B (un PDF "
                           "Factur-X porte un CII), une demande de dépôt Chorus Pro ou un "
                           "formulaire de compte (JSON).",
                           "The document is a UBL 2.1 or CII D16B invoice or credit note (a "
                           "Factur-X PDF carries a CII), a Chorus Pro deposit request or an "
                           "account form (JSON)."));
  rules.push_back(describe(kNotTheDeclaredSyntax, Severity::Fatal,
                           "Avec --syntaxe-flux, le fichier est de la syntaxe déclarée (UBL, CII, "
                           "Factur-X) : Chorus Pro refuse un dépôt dont le fichier la contredit.",
                           "With --syntaxe-flux, the file is of the declared syntax (UBL, CII, "
                           "Factur-X): Chorus Pro refuses a deposit whose file contradicts it.",
                           "Chorus Pro API, deposer/flux (syntaxeFlux)"));
  rules.push_back(describe(kPdfUnreadable, Severity::Fatal,
                           "Le PDF se lit : ni endommagé, ni tronqué.",
                           "The PDF can be read: not damaged or truncated.", "ISO 32000 (PDF)"));
  rules.push_back(describe(kPdfNoInvoice, Severity::Fatal,
                           "Le PDF porte une facture Factur-X : un fichier joint factur-x.xml "
                           "(ou zugferd-invoice.xml, xrechnung.xml). Un PDF sans facture XML ne "
                           "se dépose qu'avec les données saisies dans le formulaire du portail.",
                           "The PDF carries a Factur-X invoice: an embedded file factur-x.xml (or "
                           "zugferd-invoice.xml, xrechnung.xml). A PDF without an invoice XML can "
                           "be deposited only with the data typed into the portal's form.",
                           std::string(kFacturX)));
  rules.push_back(describe(kPdfSeveralInvoices, Severity::Fatal,
                           "Le PDF ne porte qu'une facture XML, ou ses métadonnées XMP "
                           "(fx:DocumentFileName) désignent laquelle lire.",
                           "The PDF carries a single invoice XML, or its XMP metadata "
                           "(fx:DocumentFileName) names the one to read.",
                           std::string(kFacturX)));
  rules.push_back(describe(kPdfNotEn16931, Severity::Fatal,
                           "Le profil Factur-X (BT-24 du XML, ou fx:ConformanceLevel) est BASIC, "
                           "EN 16931 ou EXTENDED : MINIMUM et BASIC WL ne sont pas des factures "
                           "EN 16931 (ni lignes, ni, pour MINIMUM, ventilation de la TVA).",
                           "The Factur-X profile (BT-24 of the XML, or fx:ConformanceLevel) is "
                           "BASIC, EN 16931 or EXTENDED: MINIMUM and BASIC WL are not EN 16931 "
                           "invoices (no lines, and for MINIMUM no VAT breakdown).",
                           std::string(kFacturX)));
  rules.push_back(describe(kPdfEncrypted, Severity::Fatal,
                           "Le PDF n'est pas chiffré, même sans mot de passe à l'ouverture : "
                           "Chorus Pro refuse les PDF chiffrés.",
                           "The PDF is not encrypted, not even without a password to open it: "
                           "Chorus Pro refuses encrypted PDFs.",
                           "ISO 19005-3 (PDF/A-3 forbids encryption); Chorus Pro refuses them"));
  rules.push_back(describe(kPdfNotPdfA, Severity::Fatal,
                           "Les métadonnées XMP identifient un PDF/A-3 (pdfaid:part 3, "
                           "pdfaid:conformance A, B ou U).",
                           "The XMP metadata identify a PDF/A-3 (pdfaid:part 3, "
                           "pdfaid:conformance A, B or U).",
                           std::string(kPdfA3)));
  rules.push_back(describe(kPdfNoExtensionSchema, Severity::Fatal,
                           "Le XMP décrit le schéma d'extension Factur-X (pdfaExtension:schemas) "
                           "dont il emploie les propriétés fx:.",
                           "The XMP describes the Factur-X extension schema "
                           "(pdfaExtension:schemas) whose fx: properties it uses.",
                           std::string(kPdfA3)));
  rules.push_back(describe(kPdfFacturXValues, Severity::Fatal,
                           "Le XMP porte fx:DocumentType INVOICE, fx:Version 1.0 et un "
                           "fx:ConformanceLevel connu (MINIMUM, BASIC WL, BASIC, EN 16931, "
                           "EXTENDED).",
                           "The XMP carries fx:DocumentType INVOICE, fx:Version 1.0 and a known "
                           "fx:ConformanceLevel (MINIMUM, BASIC WL, BASIC, EN 16931, EXTENDED).",
                           std::string(kFacturX)));
  rules.push_back(describe(kPdfLevelMismatch, Severity::Fatal,
                           "Le niveau déclaré par le XMP (fx:ConformanceLevel) est le profil du "
                           "XML (BT-24).",
                           "The level the XMP declares (fx:ConformanceLevel) is the XML's "
                           "profile (BT-24).",
                           std::string(kFacturX)));
  rules.push_back(describe(kPdfFileNameMismatch, Severity::Fatal,
                           "Le XMP nomme le fichier joint de la facture (fx:DocumentFileName).",
                           "The XMP names the invoice's embedded file (fx:DocumentFileName).",
                           std::string(kFacturX)));
  rules.push_back(describe(kPdfRelationship, Severity::Fatal,
                           "La facture jointe a une /AFRelationship permise par son profil : Data "
                           "(MINIMUM, BASIC WL), Data, Source ou Alternative (les autres).",
                           "The embedded invoice has an /AFRelationship its profile allows: Data "
                           "(MINIMUM, BASIC WL), Data, Source or Alternative (the others).",
                           std::string(kPdfA3Files)));
  rules.push_back(describe(kPdfNotInAf, Severity::Fatal,
                           "La facture jointe est listée dans le tableau /AF du catalogue.",
                           "The embedded invoice is listed in the catalog's /AF array.",
                           std::string(kPdfA3Files)));
  rules.push_back(describe(kPdfMimeType, Severity::Fatal,
                           "Le flux de la facture jointe a le type MIME text/xml (/Subtype).",
                           "The embedded invoice's stream has the MIME type text/xml (/Subtype).",
                           std::string(kPdfA3Files)));
  rules.push_back(describe(kPdfModDate, Severity::Warning,
                           "Le flux de la facture jointe porte sa date de modification (/Params "
                           "/ModDate).",
                           "The embedded invoice's stream carries its modification date (/Params "
                           "/ModDate).",
                           "Factur-X 1.0 (FNFE-MPE, FeRD): recommendation for the embedded file"));
  rules.push_back(describe(kPdfOneInvoice, Severity::Warning,
                           "Le PDF ne joint qu'un XML de facture (factur-x.xml) : un second "
                           "pourrait être lu à sa place par le destinataire.",
                           "The PDF embeds a single invoice XML (factur-x.xml): a receiver might "
                           "read a second one instead.",
                           std::string(kFacturX)));
  rules.push_back(describe(kXsdInvalid, Severity::Fatal,
                           "Le document est valide selon le schéma XSD de sa syntaxe (UBL 2.1, "
                           "CII D16B).",
                           "The document is valid against its syntax's XSD schema (UBL 2.1, CII "
                           "D16B).",
                           "OASIS UBL 2.1; UN/CEFACT CII D16B"));
  rules.push_back(describe(kXsdUnavailable, Severity::Warning,
                           "Les schémas XSD sont disponibles pour valider le document (--schemas "
                           "DIR ou CPROKIT_SCHEMAS).",
                           "The XSD schemas are available to validate the document (--schemas DIR "
                           "or CPROKIT_SCHEMAS)."));
  rules.back().reports_missing = {.xsd = true, .code_lists = false};
  rules.push_back(describe(kCodeListsUnavailable, Severity::Warning,
                           "Les listes de codes des règles BR-CL sont disponibles (--codelists "
                           "FICHIER ou CPROKIT_CODELISTS).",
                           "The code lists of the BR-CL rules are available (--codelists FILE or "
                           "CPROKIT_CODELISTS)."));
  rules.back().reports_missing = {.xsd = false, .code_lists = true};
  return rules;
}

const std::vector<Rule>& pack_rules() {
  static const std::vector<Rule> rules = describe_rules();
  return rules;
}

}  // namespace

void register_rules(Registry& registry) {
  // Each problem of reading a file makes it unreceivable: every family is technical.
  const auto technical = [](std::string id, Message title, Needs needs) {
    Family family(std::move(id), std::move(title));
    family.technical = true;
    family.needs = needs;
    return family;
  };
  registry.add_family(technical("XML", {"Lecture XML", "XML reading"}, {}));
  registry.add_family(technical("JSON", {"Lecture JSON", "JSON reading"}, {}));
  registry.add_family(technical("DOC", {"Nature du document", "Kind of document"}, {}));
  registry.add_family(technical("PDF", {"Factur-X (PDF)", "Factur-X (PDF)"}, {}));
  registry.add_family(
      technical("XSD", {"Schémas XSD", "XSD schemas"}, {.xsd = true, .code_lists = false}));
  registry.add_family(technical("LIST", {"Listes de codes EN 16931", "EN 16931 code lists"}, {}));
  for (const Rule& rule : pack_rules())
    registry.add(rule);
}

Finding finding(std::string_view id, Location where, Message message) {
  const auto& rules = pack_rules();
  const auto rule = std::ranges::find(rules, id, &Rule::id);
  if (rule == rules.end()) throw std::logic_error("unregistered syntax rule " + std::string(id));
  return Finding{rule->id, rule->severity, std::move(message), std::move(where), rule->terms};
}

}  // namespace cprokit::syntax
