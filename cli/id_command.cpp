#include <algorithm>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/core.h>
#include <boost/program_options.hpp>
#include <nlohmann/json.hpp>

#include "cli/arguments.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/usage_error.hpp"
#include "cli/user_error.hpp"
#include "rules/chorus/identifiers.hpp"
#include "rules/fr/values.hpp"

namespace cprokit::cli {
namespace po = boost::program_options;
namespace {

using chorus::IdentifierType;

constexpr std::string_view kExamples = R"(
Exemples / examples:
  cprokit id 20004065700013              un SIRET / a SIRET
  cprokit id "200 040 657 00013"         espaces et points acceptés / spaces and dots accepted
  cprokit id 200.040.657 FR55200040657   plusieurs valeurs / several values
  cprokit id --lang en 4993830100029     en anglais / in English
  cprokit id --format json 200040657     JSON pour les outils / JSON for tools
  cprokit id --scheme 0225 903186427_ACHATS
                                         adresse électronique de la réforme 2026 /
                                         a 2026 reform electronic address

Type reconnu / detected type: 9 chiffres / digits = SIREN, 14 = SIRET,
FR… = numéro de TVA français / French VAT number.
--scheme 0225 : adresse électronique (BT-34, BT-49) / electronic address;
--scheme 0224 : identifiant privé (BT-29, BT-46) / private id. Contrôlés
comme les règles BR-FR-23 à 26 de la réforme (FNFE-MPE, XP Z12-012 v1.4.0.02),
la valeur telle qu'écrite / checked as the reform's rules BR-FR-23 to 26
do, the value as written.

Codes de sortie / exit codes:
  0  toutes les valeurs sont valides / every value is valid
  1  au moins une valeur invalide / at least one invalid value
  2  usage incorrect / usage error
)";

// The reform's schemes (--scheme): an electronic address (0225) or a
// private id (0224), each checked as BR-FR-23..26 check them.
enum class Scheme { None, ElectronicAddress, PrivateId };

// One value as checked.
struct Checked {
  std::string input;       // as given
  std::string normalized;  // separators removed, "fr" upper-cased; as given with a scheme
  IdentifierType type = IdentifierType::Unknown;
  Scheme scheme = Scheme::None;
  std::optional<Message> problem;
  std::optional<std::string> siren;  // of a valid value
  std::optional<std::string> vat;    // the company's French VAT number, for a valid value

  bool valid() const { return !problem; }
};

struct TypeNames {
  std::string_view json;
  std::string_view fr;
  std::string_view en;
};

TypeNames names_of(const Checked& c) {
  switch (c.scheme) {
    case Scheme::ElectronicAddress:
      return {"electronic-address-0225", "adresse électronique (schéma 0225)",
              "electronic address (scheme 0225)"};
    case Scheme::PrivateId:
      return {"private-id-0224", "identifiant privé (schéma 0224)", "private id (scheme 0224)"};
    case Scheme::None:
      break;
  }
  switch (c.type) {
    case IdentifierType::Siren:
      return {"siren", "SIREN", "SIREN"};
    case IdentifierType::Siret:
      return {"siret", "SIRET", "SIRET"};
    case IdentifierType::FrVat:
      return {"fr-vat", "numéro de TVA français", "French VAT number"};
    case IdentifierType::Unknown:
      break;
  }
  return {"unknown", "non reconnu", "not recognised"};
}

// Separators removed; a VAT number typed in lower case ("fr…") gets "FR".
std::string normalize(std::string_view input) {
  std::string out = chorus::without_separators(input);
  if (out.size() >= 2 && (out[0] == 'f' || out[0] == 'F') && (out[1] == 'r' || out[1] == 'R')) {
    out.replace(0, 2, "FR");
  }
  return out;
}

std::optional<Message> problem_of(IdentifierType type, std::string_view value) {
  switch (type) {
    case IdentifierType::Siren:
      return chorus::siren_problem(value);
    case IdentifierType::Siret:
      return chorus::siret_problem(value);
    case IdentifierType::FrVat:
      return chorus::fr_vat_problem(value);
    case IdentifierType::Unknown:
      break;
  }
  return chorus::unknown_identifier_problem(value);
}

// The SIREN inside a valid value of `type` (never Unknown).
std::string siren_of(IdentifierType type, const std::string& value) {
  constexpr std::size_t kSirenDigits = 9;
  if (type == IdentifierType::FrVat) return value.substr(value.size() - kSirenDigits);
  return value.substr(0, kSirenDigits);
}

Checked check(const std::string& input) {
  Checked c;
  c.input = input;
  c.normalized = normalize(input);
  c.type = chorus::identifier_type(c.normalized);
  c.problem = problem_of(c.type, c.normalized);
  if (c.valid()) {
    c.siren = siren_of(c.type, c.normalized);
    c.vat = "FR" + chorus::fr_vat_key(*c.siren) + *c.siren;
  }
  return c;
}

// The rule a valid value passes.
Message why_valid(const Checked& c) {
  if (c.type == IdentifierType::FrVat) {
    std::string key = c.normalized.substr(2, 2);
    return {fmt::format("La clé {} correspond au SIREN {}, lui-même valide", key, *c.siren),
            fmt::format("Key {} matches SIREN {}, itself valid", key, *c.siren)};
  }
  if (chorus::is_la_poste_establishment(c.normalized)) {
    return {"Établissement de La Poste : la somme de ses chiffres est un multiple de 5",
            "La Poste establishment: the sum of its digits is a multiple of 5"};
  }
  if (c.type == IdentifierType::Siret) {
    return {"14 chiffres, contrôle de Luhn réussi par le SIRET et par son SIREN",
            "14 digits, Luhn check passed by the SIRET and by its SIREN"};
  }
  return {"9 chiffres, contrôle de Luhn réussi", "9 digits, Luhn check passed"};  // a SIREN
}

// What the reform's rules say of a value of `scheme` (the FNFE-MPE
// schematron, v1.4.0.02): its characters and its length (BR-FR-23 and 25 for
// an address, 24 and 26 for a private id), the value as written; nullopt
// when it passes both.
std::optional<Message> scheme_problem(Scheme scheme, std::string_view value) {
  const bool address = scheme == Scheme::ElectronicAddress;
  const std::size_t most = address ? 125 : 100;
  const char* rule = address ? "BR-FR-23" : "BR-FR-24";
  if (!fr::is_scheme_id_format(value)) {
    return Message{
        fmt::format("« {} » contient un caractère que {} refuse (ou est vide) : n'utilisez que "
                    "des lettres sans accent, des chiffres et + - _ ., sans espace",
                    value, rule),
        fmt::format("\"{}\" holds a character {} refuses (or is empty): use only unaccented "
                    "letters, digits and + - _ ., no space",
                    value, rule)};
  }
  if (const std::size_t length = fr::char_count(value); length > most) {
    return Message{fmt::format("{} caractères : {} en admet {} au plus", length,
                               address ? "BR-FR-25" : "BR-FR-26", most),
                   fmt::format("{} characters: {} accepts {} at most", length,
                               address ? "BR-FR-25" : "BR-FR-26", most)};
  }
  return std::nullopt;
}

// The SIREN an electronic address starts with: its first 9 characters, when
// they are a valid SIREN (BR-FR-21 and 22 compare them with the addressee's).
std::optional<std::string> leading_siren(std::string_view address) {
  constexpr std::size_t kSirenDigits = 9;
  if (address.size() < kSirenDigits) return std::nullopt;
  const std::string head(address.substr(0, kSirenDigits));
  if (chorus::siren_problem(head)) return std::nullopt;
  return head;
}

Checked check_in_scheme(const std::string& input, Scheme scheme) {
  Checked c;
  c.input = input;
  c.normalized = input;  // "." is a character of the value, and a space an error
  c.scheme = scheme;
  c.problem = scheme_problem(scheme, input);
  if (scheme == Scheme::ElectronicAddress) c.siren = leading_siren(input);
  return c;
}

// Why a value of a scheme passes, and what else the reform asks of it.
Message why_valid_in_scheme(const Checked& c) {
  if (c.scheme == Scheme::PrivateId) {
    return {
        "Lettres, chiffres et + - _ . seulement (BR-FR-24), 100 caractères au plus "
        "(BR-FR-26)",
        "Letters, digits and + - _ . only (BR-FR-24), 100 characters at most (BR-FR-26)"};
  }
  const Message base{
      "Lettres, chiffres et + - _ . seulement (BR-FR-23), 125 caractères au plus "
      "(BR-FR-25)",
      "Letters, digits and + - _ . only (BR-FR-23), 125 characters at most "
      "(BR-FR-25)"};
  if (c.siren) {
    return {fmt::format("{}. Commence par le SIREN {} : sur une facture B2B, l'adresse du "
                        "destinataire commence par son SIREN (BR-FR-21, BR-FR-22)",
                        base.fr, *c.siren),
            fmt::format("{}. Starts with SIREN {}: on a B2B invoice, the addressee's address "
                        "starts with its SIREN (BR-FR-21, BR-FR-22)",
                        base.en, *c.siren)};
  }
  return {fmt::format("{}. Ne commence pas par un SIREN valide : sur une facture B2B, l'adresse "
                      "du destinataire doit commencer par son SIREN (BR-FR-21, BR-FR-22)",
                      base.fr),
          fmt::format("{}. Does not start with a valid SIREN: on a B2B invoice, the addressee's "
                      "address must start with its SIREN (BR-FR-21, BR-FR-22)",
                      base.en)};
}

Message explanation(const Checked& c) {
  if (!c.valid()) return *c.problem;
  return c.scheme == Scheme::None ? why_valid(c) : why_valid_in_scheme(c);
}

// The words of the human output, in each language.
struct Words {
  std::string_view value, type, verdict, explanation, siren, vat, valid, invalid;
};
constexpr Words kFrench{"Valeur :", "Type :",      "Verdict :", "Explication :",
                        "SIREN :",  "N° de TVA :", "valide",    "invalide"};
constexpr Words kEnglish{
    "Value:", "Type:", "Verdict:", "Explanation:", "SIREN:", "VAT number:", "valid", "invalid"};

void print_field(std::string_view label, std::string_view value) {
  std::cout << fmt::format("{:<15}{}\n", label, value);
}

void print_human(const std::vector<Checked>& checked, Lang lang) {
  const Words& words = lang == Lang::Fr ? kFrench : kEnglish;
  for (const auto& c : checked) {
    if (&c != &checked.front()) std::cout << '\n';
    TypeNames type = names_of(c);
    print_field(words.value, c.input);
    print_field(words.type, lang == Lang::Fr ? type.fr : type.en);
    print_field(words.verdict, c.valid() ? words.valid : words.invalid);
    print_field(words.explanation, explanation(c).in(lang));
    // The SIREN and the VAT number, unless they are the value itself.
    if (c.siren && (c.type != IdentifierType::Siren || c.scheme != Scheme::None))
      print_field(words.siren, *c.siren);
    if (c.vat && c.type != IdentifierType::FrVat) print_field(words.vat, *c.vat);
  }
}

void print_json(const std::vector<Checked>& checked, Lang lang) {
  using nlohmann::ordered_json;
  ordered_json out = ordered_json::array();
  for (const auto& c : checked) {
    ordered_json value = {{"input", c.input},
                          {"normalized", c.normalized},
                          {"type", names_of(c).json},
                          {"valid", c.valid()},
                          {"message", explanation(c).in(lang)}};
    if (c.siren) value["siren"] = *c.siren;
    if (c.vat) value["vat"] = *c.vat;
    out.push_back(std::move(value));
  }
  // An input that is not UTF-8 is replaced rather than thrown.
  std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace

int id_command(const std::vector<std::string>& argv) {
  std::string lang_name = "fr";
  std::string format = "human";
  std::string scheme_name;
  std::vector<std::string> values;
  po::options_description visible(
      "cprokit id [options] VALEUR...\n\n"
      "Vérifie des SIREN, SIRET et numéros de TVA français, et avec --scheme les adresses "
      "électroniques (0225) et identifiants privés (0224) de la réforme / checks SIRENs, SIRETs "
      "and French VAT numbers, and with --scheme the reform's electronic addresses (0225) and "
      "private ids (0224)\n\nOptions");
  visible.add_options()("help,h", "cette aide / this help")(
      "lang,l", po::value(&lang_name)->default_value(lang_name), "fr | en")(
      "format,f", po::value(&format)->default_value(format), "human | json")(
      "scheme,s", po::value(&scheme_name),
      "0225 (adresse électronique / electronic address) | 0224 (identifiant privé / private "
      "id)");

  Lang lang = requested_lang(argv);
  Scheme scheme = Scheme::None;
  try {
    po::variables_map vm;
    if (!parse_arguments(argv, visible, values, kExamples, vm)) return kExitOk;
    lang = parse_lang(lang_name);
    if (format != "human" && format != "json") {
      throw UserError({fmt::format("--format : « {} » inconnu, attendu human ou json", format),
                       fmt::format("--format: unknown \"{}\", expected human or json", format)});
    }
    if (scheme_name == "0225") {
      scheme = Scheme::ElectronicAddress;
    } else if (scheme_name == "0224") {
      scheme = Scheme::PrivateId;
    } else if (!scheme_name.empty()) {
      throw UserError(
          {fmt::format("--scheme : « {} » inconnu, attendu 0225 ou 0224", scheme_name),
           fmt::format("--scheme: unknown \"{}\", expected 0225 or 0224", scheme_name)});
    }
    if (values.empty()) {
      throw UserError({"aucune valeur à vérifier : donnez un SIREN, un SIRET ou un numéro de TVA",
                       "no value to check: give a SIREN, a SIRET or a VAT number"});
    }
  } catch (const std::exception& e) {
    return refuse_usage("id", e, lang);
  }

  std::vector<Checked> checked;
  checked.reserve(values.size());
  for (const auto& v : values)
    checked.push_back(scheme == Scheme::None ? check(v) : check_in_scheme(v, scheme));
  if (format == "json") {
    print_json(checked, lang);
  } else {
    print_human(checked, lang);
  }
  bool all_valid = std::ranges::all_of(checked, &Checked::valid);
  return all_valid ? kExitOk : kExitFatal;
}

}  // namespace cprokit::cli
