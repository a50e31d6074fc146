// transverses/v1: the flux reports (consulterCR, consulterCRDetaille), the
// reference lists (recuperer/…), attachments (ajouter/fichier) and the
// health check (../shared/chorus-pro/API.md §2.2, §3.2, §3.5, §4).
#include <algorithm>
#include <array>
#include <cctype>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "mock-chorus/api/routes.hpp"
#include "rules/chorus/limits.hpp"
#include "rules/chorus/syntaxe_flux.hpp"
#include "validators/base64.hpp"

namespace cprokit::mock {
namespace {

// The extensions Chorus Pro accepts for attachments (API.md §6).
constexpr std::array<std::string_view, 37> kExtensions{
    "BMP",  "GIF", "FAX", "ODT", "PPT",  "TIFF", "XLS", "BZ2", "GZ",   "JPEG",
    "P7S",  "RTF", "TXT", "XML", "CSV",  "GZIP", "JPG", "PDF", "SVG",  "XHTML",
    "XLSX", "DOC", "HTM", "ODP", "PNG",  "TGZ",  "XLC", "ZIP", "DOCX", "HTML",
    "ODS",  "PPS", "TIF", "XLM", "PPTX", "XSD",  "XSL"};

FluxRecord flux_named(const Call& call) {
  const std::string numero = call.fields.required_text("numeroFluxDepot");
  auto flux = call.mock.store().flux(numero);
  // Another supplier's flux is as unknown as a flux that does not exist.
  if (!flux || flux->id_structure != call.account.id_structure) {
    refuse(fmt::format("POQ_MSG_01.003 - Flux introuvable : {}.", numero),
           fmt::format("Unknown flux {}.", numero));
  }
  return *flux;
}

Reply consulter_cr_detaille(const Call& call) {
  const FluxRecord flux = flux_named(call);
  Json errors = flux.erreurs_json.empty() ? Json::object() : Json::parse(flux.erreurs_json);
  return ok({{"numeroFluxDepot", flux.numero_flux_depot},
             {"codeInterfaceDepotFlux", "FSO1110A"},
             {"nomFichier", fmt::format("FSO1110A_CPP001_{}", flux.numero_flux_depot)},
             {"dateDepotFlux", iso_datetime(flux.date_depot)},
             {"dateHeureEtatCourantFlux", iso_datetime(flux.date_etat)},
             {"etatCourantDepotFlux", flux.etat},
             {"listeErreurDP", errors.value("listeErreurDP", Json::array())},
             {"listeErreurTechnique", errors.value("listeErreurTechnique", Json::array())}});
}

Reply consulter_cr(const Call& call) {
  const FluxRecord flux = flux_named(call);
  return ok({{"codeAppliPartenaire", "CPROKIT"},
             {"codeInterfaceFlux", "FSO1110A"},
             {"dateDepotFlux", iso_datetime(flux.date_depot)},
             {"dateHeureEtatCourantFlux", iso_datetime(flux.date_etat)},
             {"designationPartenaire", "cprokit mock"},
             {"etatCourantFlux", flux.etat},
             // The real service adds a PDF report; the mock has none to give.
             {"fichierCR", nullptr},
             {"nomFichierFlux", flux.nom_fichier},
             {"numeroFluxDepot", flux.numero_flux_depot},
             {"syntaxeFlux", flux.syntaxe_flux}});
}

// A reference list: {<list>: [{<field>: code, <label field>: label}, …]}.
template <std::size_t N>
Reply list_of(std::string_view list, std::string_view code_field, std::string_view label_field,
              const std::array<std::pair<std::string_view, std::string_view>, N>& values) {
  Json items = Json::array();
  for (const auto& [code, label] : values)
    items.push_back({{code_field, code}, {label_field, label}});
  return ok({{std::string(list), std::move(items)}});
}

Reply format_flux(const Call&) {
  Json items = Json::array();
  for (const auto& s : chorus::all_syntaxes())
    items.push_back({{"formatFlux", s.code}, {"libelleFormatFlux", s.libelle}});
  return ok({{"listeFormatFlux", std::move(items)}});
}

Reply mode_depot(const Call&) {
  return list_of("listeModeDepot", "modeDepot", "libelleModeDepot",
                 std::array<std::pair<std::string_view, std::string_view>, 3>{{
                     {"SAISIE_API", "Saisie API"},
                     {"DEPOT_PDF_API", "Dépôt PDF API"},
                     {"DEPOT_PDF_SIGNE_API", "Dépôt PDF signé API"},
                 }});
}

Reply mode_reglements(const Call&) {
  return list_of("listeModePaiement", "modePaiement", "libelleModePaiement",
                 std::array<std::pair<std::string_view, std::string_view>, 6>{{
                     {"CHEQUE", "Chèque"},
                     {"PRELEVEMENT", "Prélèvement"},
                     {"VIREMENT", "Virement"},
                     {"ESPECE", "Espèces"},
                     {"AUTRE", "Autre"},
                     {"REPORT", "Report"},
                 }});
}

Reply cadre_facturation(const Call&) {
  return list_of("listeCadreFacturation", "codeCadreFacturation", "libelleCadreFacturation",
                 std::array<std::pair<std::string_view, std::string_view>, 5>{{
                     {"A1_FACTURE_FOURNISSEUR", "Dépôt par un fournisseur d'une facture"},
                     {"A2_FACTURE_FOURNISSEUR_DEJA_PAYEE",
                      "Dépôt par un fournisseur d'une facture déjà payée"},
                     {"A3_MEMOIRE_JUSTICE", "Dépôt d'un mémoire de frais de justice"},
                     {"A9_FACTURE_SOUSTRAITANT", "Dépôt par un sous-traitant d'une facture"},
                     {"A12_FACTURE_COTRAITANT", "Dépôt par un cotraitant d'une facture"},
                 }});
}

Reply taux_tva(const Call&) {
  struct Rate {
    std::string_view code, label;
    double value;
  };
  constexpr std::array<Rate, 6> kRates{{{"TVA1", "Art 293B (franchise en base)", 0.0},
                                        {"TVA2", "2,1 %", 2.1},
                                        {"TVA3", "5,5 %", 5.5},
                                        {"TVA4", "10 %", 10.0},
                                        {"TVA5", "20 %", 20.0},
                                        {"TVA6", "0 % (exonération)", 0.0}}};
  Json items = Json::array();
  for (const auto& r : kRates)
    items.push_back(
        {{"codeTauxTva", r.code}, {"libelleTauxTva", r.label}, {"valeurTauxTva", r.value}});
  return ok({{"listeTauxTva", std::move(items)}});
}

Reply devises(const Call&) {
  return list_of("listeDevises", "codeDevise", "libelleDevise",
                 std::array<std::pair<std::string_view, std::string_view>, 4>{
                     {{"EUR", "Euro"},
                      {"USD", "Dollar des États-Unis"},
                      {"GBP", "Livre sterling"},
                      {"CHF", "Franc suisse"}}});
}

Reply pays(const Call&) {
  return list_of(
      "listePays", "codePays", "libellePays",
      std::array<std::pair<std::string_view, std::string_view>, 6>{{{"FR", "France"},
                                                                    {"BE", "Belgique"},
                                                                    {"DE", "Allemagne"},
                                                                    {"ES", "Espagne"},
                                                                    {"IT", "Italie"},
                                                                    {"LU", "Luxembourg"}}});
}

Reply type_identifiant(const Call&) {
  return list_of("listeTypeIdentifiant", "typeIdentifiant", "libelleTypeIdentifiant",
                 std::array<std::pair<std::string_view, std::string_view>, 7>{
                     {{"SIRET", "SIRET"},
                      {"UE_HORS_FRANCE", "Structure européenne hors France"},
                      {"HORS_UE", "Structure hors UE"},
                      {"RIDET", "RIDET"},
                      {"TAHITI", "Numéro TAHITI"},
                      {"AUTRE", "En cours d'immatriculation"},
                      {"PARTICULIER", "Particulier"}}});
}

Reply ajouter_fichier(const Call& call) {
  const std::string nom = call.fields.required_file_name("pieceJointeNom");
  const std::string extension = call.fields.required_text("pieceJointeExtension");
  const std::string base64 = call.fields.required_text("pieceJointeFichier");
  const std::string mime =
      call.fields.text("pieceJointeTypeMime").value_or("application/octet-stream");
  if (nom.size() > chorus::kMaxAttachmentNameLength || nom.find('.') == std::string::npos) {
    refuse(fmt::format("IRR_NOM_PJ - pieceJointeNom « {} » : au plus {} caractères, extension "
                       "comprise, et une extension.",
                       nom, chorus::kMaxAttachmentNameLength),
           fmt::format("pieceJointeNom must be at most {} characters with its extension, and "
                       "have one.",
                       chorus::kMaxAttachmentNameLength));
  }
  std::string upper = extension;
  std::transform(upper.begin(), upper.end(), upper.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  if (std::find(kExtensions.begin(), kExtensions.end(), upper) == kExtensions.end()) {
    refuse(fmt::format("IRR_EXT_DOC - extension {} refusée (pieceJointeExtension).", extension),
           fmt::format("Extension {} is not accepted (pieceJointeExtension).", extension));
  }
  auto bytes = decode_base64(base64);
  if (!bytes) {
    refuse("pieceJointeFichier n'est pas du base64.", "pieceJointeFichier is not base64.");
  }
  if (bytes->empty()) {
    refuse("IRR_VID_PJ - pièce jointe vide (pieceJointeFichier).",
           "Empty attachment (pieceJointeFichier).");
  }
  if (bytes->size() > chorus::kMaxFileBytes) {
    refuse(fmt::format("IRR_TAILLE_PJ - pièce jointe de {} octets, plus de {} Mo.", bytes->size(),
                       chorus::kMaxFileMegabytes),
           fmt::format("Attachment over {} MB.", chorus::kMaxFileMegabytes), 400,
           kCodeAttachmentTooLarge);
  }
  AttachmentRecord meta;
  meta.login = call.account.login;
  meta.nom = nom;
  meta.extension = upper;
  meta.type_mime = mime;
  meta.date = call.mock.now();
  const auto id = call.mock.store().insert_attachment(meta, *bytes);
  return ok({{"pieceJointeId", id}});
}

}  // namespace

std::vector<Route> transverses_routes() {
  const std::string p = "/cpro/transverses/v1/";
  return {{p + "consulterCRDetaille", consulter_cr_detaille},
          {p + "consulterCR", consulter_cr},
          {p + "recuperer/formatflux", format_flux},
          {p + "recuperer/modedepot", mode_depot},
          {p + "recuperer/modereglements", mode_reglements},
          {p + "recuperer/cadrefacturation", cadre_facturation},
          {p + "recuperer/tauxtva", taux_tva},
          {p + "recuperer/devises", devises},
          {p + "recuperer/pays", pays},
          {p + "recuperer/typeidentifiant/structure", type_identifiant},
          {p + "ajouter/fichier", ajouter_fichier}};
}

}  // namespace cprokit::mock
