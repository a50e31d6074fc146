// cprokit facturx extract | make: takes the invoice XML out of a Factur-X
// PDF, or builds a Factur-X from a CII invoice and a PDF.
#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include <fmt/core.h>
#include <boost/program_options.hpp>

#include "cli/arguments.hpp"
#include "cli/atomic_file.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/option_file.hpp"
#include "cli/usage_error.hpp"
#include "cli/user_error.hpp"
#include "validators/pdf/facturx_extractor.hpp"
#include "validators/pdf/facturx_findings.hpp"
#include "validators/pdf/facturx_writer.hpp"

namespace cprokit::cli {
namespace po = boost::program_options;
namespace {

using pdf::FacturXProfile;
using pdf::MakeProblem;

// Debian's icc-profiles-free (scripts/setup.sh): an ICC v2 sRGB profile,
// "no copyright, use freely". CPROKIT_SRGB_PROFILE names another file.
constexpr const char* kDefaultSrgbProfile = "/usr/share/color/icc/sRGB.icc";

constexpr std::string_view kUsage = R"(cprokit facturx <extract|make> [options]

Factur-X : une facture CII jointe à un PDF / a CII invoice embedded in a PDF.
  extract  écrit la facture XML d'un Factur-X / writes the invoice XML of a Factur-X
  make     construit un Factur-X d'une facture CII et d'un PDF / builds a Factur-X
           from a CII invoice and a PDF

  cprokit facturx extract --help
  cprokit facturx make --help
)";

constexpr std::string_view kExitCodes = R"(
Codes de sortie / exit codes:
  0  fait / done
  2  usage incorrect, fichier illisible, -o impossible à écrire ou déjà là (sans --force) /
     usage error, a file that cannot be read, an -o that cannot be written or is there
     already (without --force)
  6  fichiers refusés : voir le message / files refused: see the message
)";

constexpr std::string_view kExtractExamples = R"(
Exemples / examples:
  cprokit facturx extract facture.pdf                  le XML sur la sortie standard / on stdout
  cprokit facturx extract facture.pdf -o facture.xml   dans un fichier / into a file
  cprokit lint facture.pdf                             vérifie le XML dans le PDF / lints it in place

La facture est le fichier joint que les métadonnées XMP nomment (fx:DocumentFileName),
sinon le seul factur-x.xml (ou zugferd-invoice.xml, xrechnung.xml). Octet pour octet.
The invoice is the embedded file the XMP names, else the only factur-x.xml (or
zugferd-invoice.xml, xrechnung.xml). Byte for byte.
)";

constexpr std::string_view kMakeExamples = R"(
Exemples / examples:
  cprokit facturx make --xml facture.xml --pdf facture.pdf -o facture-fx.pdf
  cprokit facturx make --xml f.xml --pdf f.pdf -o f-fx.pdf --profile basic
  SOURCE_DATE_EPOCH=1767225600 cprokit facturx make --xml f.xml --pdf f.pdf -o f-fx.pdf
                                                    reproductible / reproducible

Ce qui est construit / what is built:
  - le XML joint, octet pour octet, sous le nom factur-x.xml (type text/xml, /Params avec
    /ModDate, /Size, /CheckSum ; compressé), listé dans /Names/EmbeddedFiles et dans le /AF
    du catalogue, /AFRelationship /Data (MINIMUM, BASIC WL) ou /Alternative (BASIC,
    EN 16931, EXTENDED) / the XML embedded byte for byte as factur-x.xml, in the name tree
    and the catalog's /AF, with the relationship its profile takes;
  - les métadonnées XMP : identification PDF/A-3 B, schéma d'extension Factur-X et ses valeurs
    (fx:DocumentType INVOICE, fx:DocumentFileName, fx:Version 1.0, fx:ConformanceLevel) ; les
    autres propriétés d'un XMP existant sont gardées / the XMP: PDF/A-3 B identification, the
    Factur-X extension schema and its values; the other properties of an existing XMP are kept;
  - un « output intent » sRGB quand le PDF n'en a pas (profil ICC lu dans
    /usr/share/color/icc/sRGB.icc, paquet Debian icc-profiles-free, ou le fichier que nomme
    CPROKIT_SRGB_PROFILE) / an sRGB output intent when the PDF has none.

Le profil est celui que nomme le BT-24 de la facture ; --profile le vérifie. Refusés : un PDF
chiffré ou illisible, un PDF qui porte déjà une facture XML (sans --replace), un XML qui n'est
pas une facture CII, un BT-24 inconnu ou contraire à --profile.
The profile is the one the invoice's BT-24 names; --profile checks it. Refused: an encrypted
or unreadable PDF, a PDF with an invoice XML already (without --replace), an XML that is not a
CII invoice, a BT-24 unknown or contrary to --profile.

Hors champ / out of scope: la conformité PDF/A du PDF lui-même (polices incorporées, espaces
de couleur, transparence…) n'est pas vérifiée ; faites-la vérifier par veraPDF
(https://verapdf.org). The PDF/A conformance of the PDF itself (embedded fonts, colour spaces,
transparency…) is not checked: have veraPDF check it.

SOURCE_DATE_EPOCH (secondes depuis 1970 / seconds since 1970): dates fixées et /ID tiré du
contenu, pour des constructions reproductibles / fixed dates and an /ID from the content, for
reproducible builds.
)";

// --------------------------------------------------------------------------
// Shared.

// An -o that is there already is replaced only with --force.
void check_output(const std::string& output, bool force) {
  std::error_code ec;
  if (force ||
      std::filesystem::symlink_status(output, ec).type() == std::filesystem::file_type::not_found)
    return;
  throw path_error("-o " + output, Message{"existe déjà : --force pour le remplacer",
                                           "is there already: --force to replace it"});
}

int refuse(std::string_view command, const Message& message, Lang lang) {
  std::cerr << "cprokit facturx " << command << ": " << message.in(lang) << '\n';
  return kExitRefused;
}

// --------------------------------------------------------------------------
// extract

int extract(const std::vector<std::string>& argv) {
  std::string lang_name = "fr";
  std::string output;
  bool force = false;
  std::vector<std::string> inputs;
  po::options_description visible(
      "cprokit facturx extract [options] FACTURE.pdf\n\n"
      "Écrit la facture XML d'un Factur-X / writes the invoice XML of a Factur-X\n\nOptions");
  visible.add_options()("help,h", "cette aide / this help")(
      "output,o", po::value(&output),
      "fichier à écrire (défaut : la sortie standard) / file to write (default: standard output)")(
      "force", po::bool_switch(&force), "remplacer un -o existant / replace an existing -o")(
      "lang,l", po::value(&lang_name)->default_value(lang_name), "fr | en");

  Lang lang = requested_lang(argv);
  std::string bytes;
  try {
    po::variables_map vm;
    const std::string examples = std::string(kExtractExamples) + std::string(kExitCodes);
    if (!parse_arguments(argv, visible, inputs, examples, vm)) return kExitOk;
    lang = parse_lang(lang_name);
    if (inputs.size() != 1) {
      throw UserError({"donnez un seul PDF : cprokit facturx extract FACTURE.pdf",
                       "give one PDF: cprokit facturx extract INVOICE.pdf"});
    }
    if (!output.empty()) check_output(output, force);
    bytes = read_option_file("PDF", inputs.front());
  } catch (const std::exception& e) {
    return refuse_usage("facturx extract", e, lang);
  }

  const pdf::ExtractLimits limits;
  auto extracted = pdf::extract_facturx(bytes, inputs.front(), limits);
  if (const auto* error = std::get_if<pdf::ExtractError>(&extracted)) {
    const Message why = pdf::finding_for(*error, limits.max_xml_bytes).message;
    return refuse("extract",
                  {fmt::format("{} : {}", inputs.front(), why.fr),
                   fmt::format("{}: {}", inputs.front(), why.en)},
                  lang);
  }
  const std::string& xml = std::get<pdf::FacturX>(extracted).xml;
  if (output.empty()) {
    std::cout.write(xml.data(), static_cast<std::streamsize>(xml.size()));
    std::cout.flush();
    return kExitOk;
  }
  try {
    write_file_atomically("-o", output, xml);
  } catch (const std::exception& e) {
    return refuse_usage("facturx extract", e, lang);
  }
  return kExitOk;
}

// --------------------------------------------------------------------------
// make

struct MakeArgs {
  std::string xml;
  std::string pdf;
  std::string output;
  std::string profile;
  bool replace = false;
  bool force = false;
  std::string lang = "fr";
};

Message problem_message(const pdf::MakeError& error, const MakeArgs& a,
                        std::optional<FacturXProfile> asked) {
  const std::string pdf = "--pdf " + a.pdf;
  const std::string xml = "--xml " + a.xml;
  const std::string& d = error.detail;
  switch (error.problem) {
    case MakeProblem::PdfUnreadable:
      return {fmt::format("{} : PDF illisible (endommagé ou tronqué) : {}", pdf, d),
              fmt::format("{}: unreadable PDF (damaged or truncated): {}", pdf, d)};
    case MakeProblem::PdfEncrypted:
      return {fmt::format("{} : PDF chiffré ; Chorus Pro refuse les PDF chiffrés ou protégés par "
                          "un mot de passe : donnez la version non chiffrée",
                          pdf),
              fmt::format("{}: encrypted PDF; Chorus Pro refuses encrypted or "
                          "password-protected PDFs: give the unencrypted version",
                          pdf)};
    case MakeProblem::AlreadyFacturX:
      return {
          fmt::format("{} : porte déjà une facture XML ({}) : --replace pour la remplacer", pdf, d),
          fmt::format("{}: embeds an invoice XML already ({}): --replace to replace it", pdf, d)};
    case MakeProblem::NotXml:
      return {fmt::format("{} : XML mal formé : {}", xml, d),
              fmt::format("{}: malformed XML: {}", xml, d)};
    case MakeProblem::NotCii:
      return {fmt::format("{} : pas une facture CII (racine {}) : un Factur-X porte une facture "
                          "CII D16B, rsm:CrossIndustryInvoice",
                          xml, d),
              fmt::format("{}: not a CII invoice (root {}): a Factur-X carries a CII D16B "
                          "invoice, rsm:CrossIndustryInvoice",
                          xml, d)};
    case MakeProblem::NoGuideline:
      return {fmt::format("{} : pas de BT-24 (rsm:ExchangedDocumentContext/"
                          "ram:GuidelineSpecifiedDocumentContextParameter/ram:ID), qui dit le "
                          "profil Factur-X",
                          xml),
              fmt::format("{}: no BT-24 (rsm:ExchangedDocumentContext/"
                          "ram:GuidelineSpecifiedDocumentContextParameter/ram:ID), which says "
                          "the Factur-X profile",
                          xml)};
    case MakeProblem::UnknownGuideline:
      return {fmt::format("{} : le BT-24 « {} » ne nomme aucun profil Factur-X (MINIMUM, BASIC WL, "
                          "BASIC, EN 16931, EXTENDED)",
                          xml, d),
              fmt::format("{}: BT-24 \"{}\" names no Factur-X profile (MINIMUM, BASIC WL, BASIC, "
                          "EN 16931, EXTENDED)",
                          xml, d)};
    case MakeProblem::ProfileMismatch:
      break;
  }
  const std::string_view named = asked ? pdf::names_of(*asked).level : "";
  return {fmt::format("{} : le BT-24 « {} » n'est pas celui du profil {} (--profile {}) : "
                      "corrigez le XML ou l'option",
                      xml, d, named, a.profile),
          fmt::format("{}: BT-24 \"{}\" is not the one of profile {} (--profile {}): correct the "
                      "XML or the option",
                      xml, d, named, a.profile)};
}

// SOURCE_DATE_EPOCH (reproducible-builds.org), when set.
std::optional<std::int64_t> source_date_epoch() {
  const char* value = std::getenv("SOURCE_DATE_EPOCH");
  if (value == nullptr) return std::nullopt;
  const std::string_view text = value;
  std::int64_t seconds = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), seconds);
  if (ec != std::errc{} || end != text.data() + text.size() || seconds < 0) {
    throw UserError(
        {fmt::format("SOURCE_DATE_EPOCH : « {} » n'est pas un nombre de secondes depuis 1970",
                     text),
         fmt::format("SOURCE_DATE_EPOCH: \"{}\" is not a number of seconds since 1970", text)});
  }
  return seconds;
}

// The sRGB profile for an output intent; none (and a warning) when absent.
std::optional<std::string> srgb_profile(Lang lang) {
  const char* chosen = std::getenv("CPROKIT_SRGB_PROFILE");
  const std::string path = chosen != nullptr ? chosen : kDefaultSrgbProfile;
  try {
    return read_option_file("CPROKIT_SRGB_PROFILE", path);
  } catch (const UserError& e) {
    const Message warning{
        fmt::format("avertissement : pas de profil ICC sRGB ({}) : le PDF est fait sans « output "
                    "intent », que PDF/A exige ; installez le paquet icc-profiles-free",
                    e.message().fr),
        fmt::format("warning: no sRGB ICC profile ({}): the PDF is made without the output intent "
                    "PDF/A requires; install the package icc-profiles-free",
                    e.message().en)};
    std::cerr << "cprokit facturx make: " << warning.in(lang) << '\n';
    return std::nullopt;
  }
}

int make(const std::vector<std::string>& argv) {
  MakeArgs a;
  po::options_description visible(
      "cprokit facturx make --xml FACTURE.xml --pdf FACTURE.pdf -o SORTIE.pdf [options]\n\n"
      "Construit un Factur-X d'une facture CII et d'un PDF / builds a Factur-X from a CII invoice "
      "and a PDF\n\nOptions");
  visible.add_options()("help,h", "cette aide / this help")("xml", po::value(&a.xml),
                                                            "la facture CII / the CII invoice")(
      "pdf", po::value(&a.pdf), "le PDF de la facture / the invoice's PDF")(
      "output,o", po::value(&a.output), "le Factur-X à écrire / the Factur-X to write")(
      "profile", po::value(&a.profile),
      "minimum | basicwl | basic | en16931 | extended (défaut : celui du BT-24 / default: "
      "BT-24's)")("replace", po::bool_switch(&a.replace),
                  "remplacer la facture XML que le PDF porte déjà / replace the invoice XML the "
                  "PDF embeds already")("force", po::bool_switch(&a.force),
                                        "remplacer un -o existant / replace an existing -o")(
      "lang,l", po::value(&a.lang)->default_value(a.lang), "fr | en");

  Lang lang = requested_lang(argv);
  std::vector<std::string> extra;
  std::string xml;
  std::string pdf;
  pdf::MakeOptions options;
  try {
    po::variables_map vm;
    const std::string examples = std::string(kMakeExamples) + std::string(kExitCodes);
    if (!parse_arguments(argv, visible, extra, examples, vm)) return kExitOk;
    lang = parse_lang(a.lang);
    if (!extra.empty()) {
      throw UserError({fmt::format("« {} » en trop : les fichiers se donnent par --xml, --pdf, -o",
                                   extra.front()),
                       fmt::format("\"{}\" is one too many: files are given by --xml, --pdf, -o",
                                   extra.front())});
    }
    if (a.xml.empty() || a.pdf.empty() || a.output.empty()) {
      throw UserError({"--xml, --pdf et -o sont requis", "--xml, --pdf and -o are required"});
    }
    if (!a.profile.empty()) {
      options.profile = pdf::profile_from_option(a.profile);
      if (!options.profile) {
        throw UserError(
            {fmt::format("--profile : « {} » inconnu, attendu minimum, basicwl, basic, en16931 "
                         "ou extended",
                         a.profile),
             fmt::format("--profile: unknown \"{}\", expected minimum, basicwl, basic, en16931 "
                         "or extended",
                         a.profile)});
      }
    }
    check_output(a.output, a.force);
    options.fixed_time = source_date_epoch();
    xml = read_option_file("--xml", a.xml);
    pdf = read_option_file("--pdf", a.pdf);
  } catch (const std::exception& e) {
    return refuse_usage("facturx make", e, lang);
  }
  options.replace = a.replace;
  options.icc_profile = srgb_profile(lang);

  auto result = pdf::make_facturx(xml, pdf, a.pdf, options);
  if (const auto* error = std::get_if<pdf::MakeError>(&result)) {
    return refuse("make", problem_message(*error, a, options.profile), lang);
  }
  const pdf::MadeFacturX& made = std::get<pdf::MadeFacturX>(result);
  try {
    write_file_atomically("-o", a.output, made.pdf);
  } catch (const std::exception& e) {
    return refuse_usage("facturx make", e, lang);
  }
  if (made.metadata_replaced) {
    std::cerr << "cprokit facturx make: "
              << Message{"avertissement : les métadonnées XMP du PDF ne sont pas du XML lisible : "
                         "remplacées entières",
                         "warning: the PDF's XMP metadata is not readable XML: replaced whole"}
                     .in(lang)
              << '\n';
  }
  const pdf::ProfileNames& names = pdf::names_of(made.profile);
  const std::string relationship(pdf::af_relationship(made.profile));
  std::cout << (lang == Lang::Fr
                    ? fmt::format(
                          "{} : Factur-X {} (factur-x.xml, /AFRelationship /{}{})\n", a.output,
                          names.level, relationship,
                          made.replaced_name.empty() ? "" : ", à la place de " + made.replaced_name)
                    : fmt::format(
                          "{}: Factur-X {} (factur-x.xml, /AFRelationship /{}{})\n", a.output,
                          names.level, relationship,
                          made.replaced_name.empty() ? "" : ", replacing " + made.replaced_name));
  return kExitOk;
}

}  // namespace

int facturx_command(const std::vector<std::string>& argv) {
  if (argv.empty()) {
    std::cerr << kUsage;
    return kExitUsage;
  }
  const std::string& sub = argv.front();
  const std::vector<std::string> rest(argv.begin() + 1, argv.end());
  if (sub == "extract") return extract(rest);
  if (sub == "make") return make(rest);
  if (sub == "--help" || sub == "-h") {
    std::cout << kUsage;
    return kExitOk;
  }
  std::cerr << (requested_lang(argv) == Lang::En
                    ? "cprokit facturx: unknown subcommand \"" + sub + "\"\n\n"
                    : "cprokit facturx: sous-commande inconnue « " + sub + " »\n\n")
            << kUsage;
  return kExitUsage;
}

}  // namespace cprokit::cli
