#include "mock-chorus/portal/account_form.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <utility>

#include <nlohmann/json.hpp>

namespace cprokit::mock::portal {
namespace {

// Each form field and its place in an ACCOUNT-JSON document
// (rules/model/account_form.hpp): the one table both ways go through.
constexpr std::array<std::pair<std::string_view, std::string_view>, 19> kPlaces{{
    {"email", "/compte/email"},
    {"nom", "/compte/nom"},
    {"prenom", "/compte/prenom"},
    {"telephone", "/compte/telephone"},
    {"mot_de_passe", "/compte/motDePasse"},
    {"confirmation", "/compte/confirmationMotDePasse"},
    {"question", "/compte/questionSecrete"},
    {"reponse", "/compte/reponseSecrete"},
    {"type_identifiant", "/structure/typeIdentifiant"},
    {"identifiant", "/structure/identifiant"},
    {"raison_sociale", "/structure/raisonSociale"},
    {"adresse", "/structure/adresse"},
    {"code_postal", "/structure/codePostal"},
    {"ville", "/structure/ville"},
    {"pays", "/structure/pays"},
    {"deposer", "/fonctionnalites/deposerDemandesPaiement"},
    {"dume", "/fonctionnalites/dume"},
    {"factures_emises", "/espaces/facturesEmises"},
    {"sollicitations_emises", "/espaces/sollicitationsEmises"},
}};

// A rule that fires on a whole object ("/compte") when its field is blank:
// the field it is about.
constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kFieldOfRule{{
    {"ACCT-EMAIL-01", "email"},
    {"ACCT-ID-01", "identifiant"},
    {"ACCT-REQ-01", "nom"},
    {"ACCT-PWD-01", "mot_de_passe"},
    {"ACCT-PWD-02", "confirmation"},
    {"ACCT-SECRET-01", "question"},
    {"ACCT-SPACE-01", "factures_emises"},
    {"ACCT-FEAT-01", "deposer"},
}};

template <std::size_t N>
std::string_view lookup(const std::array<std::pair<std::string_view, std::string_view>, N>& table,
                        std::string_view key) {
  const auto* it =
      std::ranges::find(table, key, &std::pair<std::string_view, std::string_view>::first);
  return it == table.end() ? std::string_view() : it->second;
}

std::string_view field_of(const Finding& finding) {
  for (const auto& [field, pointer] : kPlaces) {
    if (pointer == finding.where.path) return field;
  }
  return lookup(kFieldOfRule, finding.rule);
}

}  // namespace

Data account_document(const Data& values) {
  // Every part present, so that the document is read as an account form
  // whichever fields a page has (the kind comes from the content).
  Data doc = {{"compte", Data::object()},
              {"structure", Data::object()},
              {"fonctionnalites", Data::object()},
              {"espaces", Data::object()}};
  for (const auto& [field, pointer] : kPlaces) {
    const auto it = values.find(std::string(field));
    if (it != values.end()) doc[Data::json_pointer(std::string(pointer))] = *it;
  }
  return doc;
}

FieldErrors check_account_form(const Mock& mock, const Data& values,
                               std::span<const std::string_view> rules, Lang lang) {
  // Bytes a browser sent may be broken UTF-8: replaced, never thrown on.
  const std::string bytes =
      account_document(values).dump(-1, ' ', false, Data::error_handler_t::replace);
  const LintedDocument linted = mock.catalogue()->linter->lint("compte.json", bytes);
  if (linted.kind != DocumentKind::Account) {
    throw std::logic_error("portal: the account form was not read as one");
  }
  FieldErrors errors;
  for (const Finding& f : linted.findings) {
    if (std::ranges::find(rules, f.rule) == rules.end()) continue;
    errors.push_back({std::string(field_of(f)),
                      f.message.in(lang == Lang::en ? cprokit::Lang::En : cprokit::Lang::Fr),
                      f.rule});
  }
  return errors;
}

}  // namespace cprokit::mock::portal
