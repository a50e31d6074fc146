// ACCT-*: the portal's account form (ACCOUNT-JSON). What the portal refuses,
// and what would leave the account unable to deposit invoices. A password
// never appears in a message: only its length and the kinds of characters.
#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <string_view>

#include <fmt/core.h>

#include "rules/chorus/chorus_rules.hpp"
#include "rules/chorus/identifiers.hpp"
#include "rules/chorus/routing.hpp"
#include "rules/engine/context.hpp"
#include "rules/engine/reporter.hpp"

namespace cprokit::chorus {
namespace {

using Form = AccountForm;

constexpr KindSet kAccounts{DocumentKind::Account};
constexpr std::size_t kMinPasswordLength = 12;
constexpr int kMinPasswordClasses = 3;

SourceRef or_root(const SourceRef& object, const Form& form) {
  return object.step != nullptr ? object : form.source;
}

bool is_ascii_alnum(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

// ---- ACCT-EMAIL-01 -----------------------------------------------------------

bool valid_label(std::string_view label) {
  return !label.empty() && label.size() <= 63 && label.front() != '-' && label.back() != '-' &&
         std::ranges::all_of(label, [](char c) { return is_ascii_alnum(c) || c == '-'; });
}

// A domain "a.b" of labels of letters, digits and inner hyphens, ending in a
// top-level domain of two letters or more.
bool valid_domain(std::string_view domain) {
  if (domain.size() > 253) return false;
  const std::size_t last_dot = domain.rfind('.');
  if (last_dot == std::string_view::npos) return false;
  for (std::string_view rest = domain.substr(0, last_dot); !rest.empty();) {
    const std::size_t dot = rest.find('.');
    if (!valid_label(rest.substr(0, dot))) return false;
    rest = dot == std::string_view::npos ? std::string_view{} : rest.substr(dot + 1);
    if (dot != std::string_view::npos && rest.empty()) return false;  // "a..b"
  }
  const std::string_view tld = domain.substr(last_dot + 1);
  return last_dot > 0 && tld.size() >= 2 && std::ranges::all_of(tld, [](char c) {
           return std::isalpha(static_cast<unsigned char>(c)) != 0;
         });
}

// The common subset of RFC 5322 addresses that mail services accept.
bool valid_local_part(std::string_view local) {
  constexpr std::string_view kSpecials = "!#$%&'*+/=?^_`{|}~.-";
  if (local.empty() || local.size() > 64 || local.front() == '.' || local.back() == '.' ||
      local.find("..") != std::string_view::npos) {
    return false;
  }
  return std::ranges::all_of(local, [&](char c) {
    return is_ascii_alnum(c) || kSpecials.find(c) != std::string_view::npos;
  });
}

bool valid_email(std::string_view email) {
  const std::size_t at = email.find('@');
  if (at == std::string_view::npos || email.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  return email.size() <= 254 && valid_local_part(email.substr(0, at)) &&
         valid_domain(email.substr(at + 1));
}

void check_email(const Form& f, const Context& /*ctx*/, Reporter& report) {
  const Text* email = filled(f.compte.email);
  if (email == nullptr) {
    report.fire(or_root(f.compte.source, f),
                {"Adresse électronique absente (compte.email) : c'est l'identifiant de "
                 "connexion du compte.",
                 "Email address missing (compte.email): it is the account's login."});
    return;
  }
  if (valid_email(email->value)) return;
  report.fire(email->source,
              {fmt::format("Adresse électronique « {} » invalide (compte.email) : attendu "
                           "nom@domaine.fr, sans espace ni accent.",
                           email->value),
               fmt::format("Email address \"{}\" is invalid (compte.email): expected "
                           "name@domain.fr, with no space or accent.",
                           email->value)});
}

// ---- ACCT-ID-01 ----------------------------------------------------------------

constexpr std::array<std::string_view, 7> kIdentifierTypes = {
    "SIRET", "UE_HORS_FRANCE", "HORS_UE", "RIDET", "TAHITI", "AUTRE", "PARTICULIER"};

// An EU VAT number outside France: two letters, then 2 to 12 characters.
bool looks_like_eu_vat(std::string_view id) {
  return id.size() >= 4 && id.size() <= 14 &&
         std::isupper(static_cast<unsigned char>(id[0])) != 0 &&
         std::isupper(static_cast<unsigned char>(id[1])) != 0 && !id.starts_with("FR") &&
         std::ranges::all_of(id.substr(2), is_ascii_alnum);
}

void check_identifier(const Form& f, const Context& /*ctx*/, Reporter& report) {
  const auto& s = f.structure;
  const Text* type = filled(s.type_identifiant);
  const std::string_view type_name = type != nullptr ? std::string_view(type->value) : "SIRET";
  if (type != nullptr && std::ranges::find(kIdentifierTypes, type_name) == kIdentifierTypes.end()) {
    report.fire(type->source,
                {fmt::format("Type d'identifiant « {} » inconnu (structure.typeIdentifiant) : "
                             "SIRET, UE_HORS_FRANCE, HORS_UE, RIDET, TAHITI, AUTRE ou "
                             "PARTICULIER.",
                             type_name),
                 fmt::format("Unknown identifier type \"{}\" (structure.typeIdentifiant): "
                             "SIRET, UE_HORS_FRANCE, HORS_UE, RIDET, TAHITI, AUTRE or "
                             "PARTICULIER.",
                             type_name)});
    return;
  }
  const Text* id = filled(s.identifiant);
  if (id == nullptr) {
    report.fire(
        or_root(s.source, f),
        {fmt::format("Identifiant de la structure absent (structure.identifiant, type "
                     "{}).",
                     type_name),
         fmt::format("Structure identifier missing (structure.identifiant, type {}).", type_name)});
    return;
  }
  if (type_name == "SIRET") {
    if (auto problem = siret_problem(id->value)) {
      report.fire(id->source,
                  {"SIRET de la structure (structure.identifiant) invalide : " + problem->fr,
                   "Structure SIRET (structure.identifiant) invalid: " + problem->en});
    }
  } else if (type_name == "UE_HORS_FRANCE" && !looks_like_eu_vat(id->value)) {
    report.fire(id->source,
                {fmt::format("« {} » n'est pas un numéro de TVA intracommunautaire hors France "
                             "(type UE_HORS_FRANCE) : attendu le code pays en deux lettres puis "
                             "2 à 12 lettres ou chiffres, par exemple DE123456789.",
                             id->value),
                 fmt::format("\"{}\" is not an EU VAT number outside France (type "
                             "UE_HORS_FRANCE): expected the two-letter country code, then 2 to "
                             "12 letters or digits, e.g. DE123456789.",
                             id->value)});
  }
}

// ---- ACCT-REQ-01 and ACCT-CP-01 ---------------------------------------------

void check_mandatory(const Form& f, const Context& /*ctx*/, Reporter& report) {
  const auto& c = f.compte;
  const auto& s = f.structure;
  const std::array<std::pair<const char*, const std::optional<Text>*>, 6> fields{{
      {"compte.nom", &c.nom},
      {"compte.prenom", &c.prenom},
      {"structure.adresse", &s.adresse},
      {"structure.codePostal", &s.code_postal},
      {"structure.ville", &s.ville},
      {"structure.pays", &s.pays},
  }};
  for (const auto& [name, value] : fields) {
    if (filled(*value) != nullptr) continue;
    const SourceRef& parent = std::string_view(name).starts_with("compte") ? c.source : s.source;
    report.fire(value->has_value() ? (*value)->source : or_root(parent, f),
                {fmt::format("Champ obligatoire du formulaire absent ou vide : {}.", name),
                 fmt::format("Mandatory form field missing or empty: {}.", name)});
  }
}

bool is_france(std::string_view country) {
  std::string upper;
  for (char ch : country)
    upper += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return upper == "FRANCE" || upper == "FR" || upper == "FRA";
}

void check_postal_code(const Form& f, const Context& /*ctx*/, Reporter& report) {
  const Text* country = filled(f.structure.pays);
  const Text* code = filled(f.structure.code_postal);
  if (country == nullptr || code == nullptr || !is_france(country->value)) return;
  const std::string_view v = code->value;
  if (v.size() == 5 && std::ranges::all_of(v, [](char ch) { return ch >= '0' && ch <= '9'; })) {
    return;
  }
  report.fire(code->source,
              {fmt::format("Code postal français « {} » invalide (structure.codePostal) : "
                           "attendu 5 chiffres, sans espace (38350).",
                           code->value),
               fmt::format("French postal code \"{}\" is invalid (structure.codePostal): "
                           "expected 5 digits, with no space (38350).",
                           code->value)});
}

// ---- ACCT-PWD-01 and ACCT-PWD-02 ---------------------------------------------

struct PasswordShape {
  std::size_t characters = 0;
  bool upper = false, lower = false, digit = false, special = false;
  int classes() const { return int{upper} + int{lower} + int{digit} + int{special}; }
};

// Accented letters and every other non-ASCII character count as special.
PasswordShape shape_of(std::string_view password) {
  PasswordShape s;
  for (char ch : password) {
    const auto u = static_cast<unsigned char>(ch);
    if ((u & 0xC0U) != 0x80U) ++s.characters;  // not a UTF-8 continuation byte
    if (std::isupper(u) != 0 && u < 0x80) {
      s.upper = true;
    } else if (std::islower(u) != 0 && u < 0x80) {
      s.lower = true;
    } else if (std::isdigit(u) != 0) {
      s.digit = true;
    } else {
      s.special = true;
    }
  }
  return s;
}

void check_password(const Form& f, const Context& /*ctx*/, Reporter& report) {
  const Text* password = filled(f.compte.mot_de_passe);
  if (password == nullptr) {
    report.fire(or_root(f.compte.source, f), {"Mot de passe absent (compte.motDePasse).",
                                              "Password missing (compte.motDePasse)."});
    return;
  }
  const PasswordShape s = shape_of(password->value);
  if (s.characters >= kMinPasswordLength && s.classes() >= kMinPasswordClasses) return;
  report.fire(password->source,
              {fmt::format("Mot de passe trop faible (compte.motDePasse) : {} caractères et {} "
                           "types sur 4 ; attendu au moins {} caractères et {} types parmi "
                           "majuscules, minuscules, chiffres et caractères spéciaux (accents et "
                           "ponctuation comptent comme spéciaux).",
                           s.characters, s.classes(), kMinPasswordLength, kMinPasswordClasses),
               fmt::format("Password too weak (compte.motDePasse): {} characters and {} kinds "
                           "out of 4; expected at least {} characters and {} kinds among upper "
                           "case, lower case, digits and special characters (accents and "
                           "punctuation count as special).",
                           s.characters, s.classes(), kMinPasswordLength, kMinPasswordClasses)});
}

void check_confirmation(const Form& f, const Context& /*ctx*/, Reporter& report) {
  const auto& c = f.compte;
  if (!c.mot_de_passe) return;  // ACCT-PWD-01 says it is missing
  if (c.confirmation_mot_de_passe && c.confirmation_mot_de_passe->value == c.mot_de_passe->value) {
    return;
  }
  report.fire(
      c.confirmation_mot_de_passe ? c.confirmation_mot_de_passe->source : or_root(c.source, f),
      {"La confirmation du mot de passe (compte.confirmationMotDePasse) est absente ou "
       "diffère du mot de passe.",
       "The password confirmation (compte.confirmationMotDePasse) is missing or differs "
       "from the password."});
}

// ---- ACCT-SECRET-01, ACCT-SPACE-01, ACCT-FEAT-01 ----------------------------

void check_secret(const Form& f, const Context& /*ctx*/, Reporter& report) {
  for (auto [name, value] : {std::pair{"compte.questionSecrete", &f.compte.question_secrete},
                             std::pair{"compte.reponseSecrete", &f.compte.reponse_secrete}}) {
    if (filled(*value) != nullptr) continue;
    report.fire(value->has_value() ? (*value)->source : or_root(f.compte.source, f),
                {fmt::format("{} absente ou vide : la question et la réponse secrètes servent "
                             "à retrouver l'accès au compte.",
                             name),
                 fmt::format("{} missing or empty: the secret question and answer are how the "
                             "account's access is recovered.",
                             name)});
  }
}

void check_space(const Form& f, const Context& /*ctx*/, Reporter& report) {
  const auto& flag = f.espaces.factures_emises;
  if (flag && flag->value) return;
  report.fire(flag ? flag->source : or_root(f.espaces.source, f),
              {"L'espace « Factures émises » n'est pas activé (espaces.facturesEmises) : le "
               "compte ne pourra ni déposer ni suivre ses factures.",
               "The \"Factures émises\" space is not active (espaces.facturesEmises): the "
               "account could neither deposit nor follow its invoices."});
}

void check_feature(const Form& f, const Context& /*ctx*/, Reporter& report) {
  const auto& flag = f.fonctionnalites.deposer_demandes_paiement;
  if (flag && flag->value) return;
  report.fire(flag ? flag->source : or_root(f.fonctionnalites.source, f),
              {"La fonctionnalité « Déposer des demandes de paiement » n'est pas activée "
               "(fonctionnalites.deposerDemandesPaiement) : le compte ne pourra pas déposer de "
               "facture.",
               "The \"Déposer des demandes de paiement\" feature is not enabled "
               "(fonctionnalites.deposerDemandesPaiement): the account could not deposit "
               "invoices."});
}

Rule account_rule(std::string id, Severity severity, Message title, AccountCheck check) {
  return chorus_rule(std::move(id), severity, std::move(title), {}, Checks{.account = check},
                     kAccounts);
}

}  // namespace

void register_account_rules(Registry& registry) {
  registry.add(account_rule(
      "ACCT-EMAIL-01", Severity::Fatal,
      {"L'adresse électronique de connexion est valide.", "The login email address is valid."},
      check_email));
  registry.add(account_rule("ACCT-ID-01", Severity::Fatal,
                            {"L'identifiant de la structure est valide pour son type (SIRET : "
                             "14 chiffres et clé de Luhn).",
                             "The structure identifier is valid for its type (SIRET: 14 digits "
                             "and Luhn key)."},
                            check_identifier));
  registry.add(account_rule("ACCT-REQ-01", Severity::Fatal,
                            {"Nom, prénom, adresse, code postal, ville et pays sont renseignés.",
                             "Last name, first name, address, postal code, town and country are "
                             "filled in."},
                            check_mandatory));
  registry.add(
      account_rule("ACCT-CP-01", Severity::Fatal,
                   {"Un code postal français a 5 chiffres.", "A French postal code has 5 digits."},
                   check_postal_code));
  registry.add(account_rule("ACCT-PWD-01", Severity::Fatal,
                            {"Le mot de passe a au moins 12 caractères de 3 types sur 4 "
                             "(majuscules, minuscules, chiffres, spéciaux).",
                             "The password has at least 12 characters of 3 kinds out of 4 "
                             "(upper case, lower case, digits, special)."},
                            check_password));
  registry.add(account_rule("ACCT-PWD-02", Severity::Fatal,
                            {"La confirmation du mot de passe est identique au mot de passe.",
                             "The password confirmation matches the password."},
                            check_confirmation));
  registry.add(account_rule("ACCT-SECRET-01", Severity::Fatal,
                            {"La question et la réponse secrètes sont renseignées.",
                             "The secret question and answer are filled in."},
                            check_secret));
  registry.add(account_rule(
      "ACCT-SPACE-01", Severity::Fatal,
      {"L'espace « Factures émises » est activé.", "The \"Factures émises\" space is active."},
      check_space));
  registry.add(account_rule("ACCT-FEAT-01", Severity::Fatal,
                            {"La fonctionnalité « Déposer des demandes de paiement » est "
                             "activée.",
                             "The \"Déposer des demandes de paiement\" feature is enabled."},
                            check_feature));
}

}  // namespace cprokit::chorus
