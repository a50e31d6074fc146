#include "validators/pdf/facturx_container.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include <fmt/format.h>

#include "rules/syntax/syntax_rules.hpp"

namespace cprokit::pdf {
namespace {

std::string shown(const std::optional<std::string>& value, std::string_view none) {
  return value ? fmt::format("« {} »", *value) : std::string(none);
}

std::string shown_en(const std::optional<std::string>& value) {
  return value ? fmt::format("\"{}\"", *value) : std::string("absent");
}

void pdfa_identification(const FacturX& fx, std::vector<Finding>& out) {
  if (!fx.has_xmp) {
    out.push_back(syntax::finding(
        syntax::kPdfNotPdfA, {},
        {"Le PDF n'a pas de métadonnées XMP (/Metadata du catalogue) : ni identification PDF/A-3 "
         "(pdfaid:part, pdfaid:conformance), ni propriétés Factur-X (fx:). Produire le PDF avec "
         "un outil Factur-X.",
         "The PDF has no XMP metadata (the catalog's /Metadata): no PDF/A-3 identification "
         "(pdfaid:part, pdfaid:conformance), no Factur-X properties (fx:). Produce the PDF with a "
         "Factur-X tool."}));
    return;
  }
  const auto& conformance = fx.xmp.pdfa_conformance;
  const bool known_conformance =
      conformance && (*conformance == "A" || *conformance == "B" || *conformance == "U");
  if (fx.xmp.pdfa_part == "3" && known_conformance) return;
  out.push_back(syntax::finding(
      syntax::kPdfNotPdfA, {},
      {fmt::format("Le XMP ne déclare pas un PDF/A-3 : pdfaid:part {} (attendu « 3 »), "
                   "pdfaid:conformance {} (attendu A, B ou U).",
                   shown(fx.xmp.pdfa_part, "absent"), shown(conformance, "absent")),
       fmt::format("The XMP does not declare a PDF/A-3: pdfaid:part {} (expected \"3\"), "
                   "pdfaid:conformance {} (expected A, B or U).",
                   shown_en(fx.xmp.pdfa_part), shown_en(conformance))}));
}

void extension_schema(const FacturX& fx, std::vector<Finding>& out) {
  if (!fx.has_xmp || fx.xmp.extension_schema) return;
  out.push_back(syntax::finding(
      syntax::kPdfNoExtensionSchema, {},
      {"Le XMP ne décrit pas le schéma d'extension Factur-X (pdfaExtension:schemas, espace de noms "
       "urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#) : sans lui, ses propriétés fx: "
       "rendent le PDF non conforme PDF/A-3.",
       "The XMP does not describe the Factur-X extension schema (pdfaExtension:schemas, namespace "
       "urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#): without it, its fx: properties "
       "make the PDF fail PDF/A-3."}));
}

void facturx_values(const FacturX& fx, std::vector<Finding>& out) {
  if (!fx.has_xmp) return;
  const auto& m = fx.xmp;
  std::vector<std::string> wrong_fr;
  std::vector<std::string> wrong_en;
  if (m.document_type != "INVOICE") {
    wrong_fr.push_back(
        fmt::format("fx:DocumentType {} (attendu INVOICE)", shown(m.document_type, "absent")));
    wrong_en.push_back(
        fmt::format("fx:DocumentType {} (expected INVOICE)", shown_en(m.document_type)));
  }
  if (m.version != "1.0") {
    wrong_fr.push_back(fmt::format("fx:Version {} (attendu 1.0)", shown(m.version, "absent")));
    wrong_en.push_back(fmt::format("fx:Version {} (expected 1.0)", shown_en(m.version)));
  }
  if (!m.conformance_level || !profile_of_level(*m.conformance_level)) {
    constexpr std::string_view kLevels = "MINIMUM, BASIC WL, BASIC, EN 16931 ou EXTENDED";
    constexpr std::string_view kLevelsEn = "MINIMUM, BASIC WL, BASIC, EN 16931 or EXTENDED";
    wrong_fr.push_back(fmt::format("fx:ConformanceLevel {} (attendu {})",
                                   shown(m.conformance_level, "absent"), kLevels));
    wrong_en.push_back(fmt::format("fx:ConformanceLevel {} (expected {})",
                                   shown_en(m.conformance_level), kLevelsEn));
  }
  if (wrong_fr.empty()) return;
  out.push_back(syntax::finding(
      syntax::kPdfFacturXValues, {},
      {fmt::format("Propriétés Factur-X du XMP incorrectes : {}.", fmt::join(wrong_fr, " ; ")),
       fmt::format("Wrong Factur-X properties in the XMP: {}.", fmt::join(wrong_en, "; "))}));
}

void level_agrees(const FacturX& fx, std::optional<FacturXProfile> profile,
                  std::vector<Finding>& out) {
  if (!profile || !fx.xmp.conformance_level) return;
  const auto declared = profile_of_level(*fx.xmp.conformance_level);
  if (!declared || level_of(*declared) == level_of(*profile)) return;
  out.push_back(syntax::finding(
      syntax::kPdfLevelMismatch, {},
      {fmt::format("Le XMP déclare le niveau {} (fx:ConformanceLevel) mais le XML {} est au profil "
                   "{} (BT-24) : corriger l'un ou l'autre pour qu'ils concordent.",
                   *fx.xmp.conformance_level, fx.name, level_of(*profile)),
       fmt::format("The XMP declares level {} (fx:ConformanceLevel) but the XML {} is of profile "
                   "{} (BT-24): correct one of them so that they agree.",
                   *fx.xmp.conformance_level, fx.name, level_of(*profile))}));
}

void file_name_agrees(const FacturX& fx, std::vector<Finding>& out) {
  if (!fx.has_xmp || fx.xmp.document_file_name == fx.name) return;
  out.push_back(syntax::finding(
      syntax::kPdfFileNameMismatch, {},
      {fmt::format("Le XMP nomme la facture {} (fx:DocumentFileName) mais le fichier joint "
                   "s'appelle « {} » : ils doivent être identiques (factur-x.xml).",
                   shown(fx.xmp.document_file_name, "(absent)"), fx.name),
       fmt::format("The XMP names the invoice {} (fx:DocumentFileName) but the embedded file is "
                   "called \"{}\": they must be the same (factur-x.xml).",
                   shown_en(fx.xmp.document_file_name), fx.name)}));
}

void relationship(const FacturX& fx, std::optional<FacturXProfile> profile,
                  std::vector<Finding>& out) {
  const auto& value = fx.attachment.af_relationship;
  // MINIMUM and BASIC WL: the PDF is the invoice and the XML only data
  // drawn from it; the richer profiles may also say the XML is its source
  // or an equivalent rendition (fr-mapping.md §4).
  const bool partial = profile && !is_en16931_invoice(*profile);
  const bool allowed =
      value && (*value == "Data" || (!partial && (*value == "Source" || *value == "Alternative")));
  if (allowed) return;
  const std::string_view expected_fr =
      partial ? "Data pour les niveaux MINIMUM et BASIC WL" : "Data, Source ou Alternative";
  const std::string_view expected_en =
      partial ? "Data for the MINIMUM and BASIC WL levels" : "Data, Source or Alternative";
  out.push_back(syntax::finding(
      syntax::kPdfRelationship, {fx.name, 0, 0},
      {fmt::format("/AFRelationship {} dans la spécification du fichier joint {} : attendu {}.",
                   shown(value, "absent"), fx.name, expected_fr),
       fmt::format("/AFRelationship {} in the file specification of {}: expected {}.",
                   shown_en(value), fx.name, expected_en)}));
}

void listed_in_af(const FacturX& fx, std::vector<Finding>& out) {
  if (fx.attachment.listed_in_af) return;
  out.push_back(syntax::finding(
      syntax::kPdfNotInAf, {fx.name, 0, 0},
      {fmt::format("Le fichier joint {} n'est pas listé dans le tableau /AF du catalogue : "
                   "PDF/A-3 y veut chaque fichier associé.",
                   fx.name),
       fmt::format("The embedded file {} is not listed in the catalog's /AF array: PDF/A-3 wants "
                   "each associated file there.",
                   fx.name)}));
}

void mime_type(const FacturX& fx, std::vector<Finding>& out) {
  if (fx.attachment.mime_type == "text/xml") return;
  out.push_back(syntax::finding(
      syntax::kPdfMimeType, {fx.name, 0, 0},
      {fmt::format("Type MIME du fichier joint {} (/Subtype du flux) : {} au lieu de text/xml.",
                   fx.name, shown(fx.attachment.mime_type, "absent")),
       fmt::format("MIME type of the embedded file {} (/Subtype of its stream): {} instead of "
                   "text/xml.",
                   fx.name, shown_en(fx.attachment.mime_type))}));
}

void mod_date(const FacturX& fx, std::vector<Finding>& out) {
  if (fx.attachment.has_mod_date) return;
  const std::string_view what_fr =
      fx.attachment.has_params ? "/Params sans /ModDate" : "sans /Params";
  const std::string_view what_en =
      fx.attachment.has_params ? "/Params without /ModDate" : "no /Params";
  out.push_back(syntax::finding(
      syntax::kPdfModDate, {fx.name, 0, 0},
      {fmt::format("Le flux du fichier joint {} est {} : la date de modification du XML est "
                   "attendue.",
                   fx.name, what_fr),
       fmt::format("The stream of the embedded file {} has {}: the XML's modification date is "
                   "expected.",
                   fx.name, what_en)}));
}

void one_invoice(const FacturX& fx, std::vector<Finding>& out) {
  if (fx.invoice_xmls <= 1) return;
  out.push_back(syntax::finding(
      syntax::kPdfOneInvoice, {},
      {fmt::format("Le PDF joint {} XML de facture ; seul {} (désigné par le XMP) a été lu. Un "
                   "Factur-X n'en porte qu'un : le destinataire pourrait lire l'autre.",
                   fx.invoice_xmls, fx.name),
       fmt::format("The PDF embeds {} invoice XMLs; only {} (named by the XMP) was read. A "
                   "Factur-X carries one: the receiver might read the other.",
                   fx.invoice_xmls, fx.name)}));
}

}  // namespace

std::vector<Finding> container_findings(const FacturX& facturx,
                                        std::optional<FacturXProfile> profile) {
  std::vector<Finding> out;
  pdfa_identification(facturx, out);
  extension_schema(facturx, out);
  facturx_values(facturx, out);
  level_agrees(facturx, profile, out);
  file_name_agrees(facturx, out);
  relationship(facturx, profile, out);
  listed_in_af(facturx, out);
  mime_type(facturx, out);
  mod_date(facturx, out);
  one_invoice(facturx, out);
  return out;
}

}  // namespace cprokit::pdf
