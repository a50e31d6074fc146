// The fields of the portal's account form, as a file (ACCOUNT-JSON).
#include <array>
#include <memory>

#include "validators/readers/json_fields.hpp"
#include "validators/readers/readers.hpp"

namespace cprokit::readers {
namespace {

using A = AccountForm;
using Compte = A::Compte;
using Structure = A::Structure;

constexpr std::array<Field<Compte>, 8> kCompte{{
    {"email", text_field<Compte, &Compte::email>},
    {"nom", text_field<Compte, &Compte::nom>},
    {"prenom", text_field<Compte, &Compte::prenom>},
    {"telephone", text_field<Compte, &Compte::telephone>},
    {"motDePasse", text_field<Compte, &Compte::mot_de_passe>},
    {"confirmationMotDePasse", text_field<Compte, &Compte::confirmation_mot_de_passe>},
    {"questionSecrete", text_field<Compte, &Compte::question_secrete>},
    {"reponseSecrete", text_field<Compte, &Compte::reponse_secrete>},
}};

constexpr std::array<Field<Structure>, 9> kStructure{{
    {"typeIdentifiant", text_field<Structure, &Structure::type_identifiant>},
    {"identifiant", text_field<Structure, &Structure::identifiant>},
    {"raisonSociale", text_field<Structure, &Structure::raison_sociale>},
    {"adresse", text_field<Structure, &Structure::adresse>},
    {"complementAdresse1", text_field<Structure, &Structure::complement_adresse1>},
    {"complementAdresse2", text_field<Structure, &Structure::complement_adresse2>},
    {"codePostal", text_field<Structure, &Structure::code_postal>},
    {"ville", text_field<Structure, &Structure::ville>},
    {"pays", text_field<Structure, &Structure::pays>},
}};

using Fonctionnalites = A::Fonctionnalites;
constexpr std::array<Field<Fonctionnalites>, 2> kFonctionnalites{{
    {"deposerDemandesPaiement",
     flag_field<Fonctionnalites, &Fonctionnalites::deposer_demandes_paiement>},
    {"dume", flag_field<Fonctionnalites, &Fonctionnalites::dume>},
}};

using Espaces = A::Espaces;
constexpr std::array<Field<Espaces>, 2> kEspaces{{
    {"facturesEmises", flag_field<Espaces, &Espaces::factures_emises>},
    {"sollicitationsEmises", flag_field<Espaces, &Espaces::sollicitations_emises>},
}};

constexpr std::array<Field<A>, 4> kForm{{
    {"compte", object_field<A, Compte, &A::compte, kCompte>},
    {"structure", object_field<A, Structure, &A::structure, kStructure>},
    {"fonctionnalites", object_field<A, Fonctionnalites, &A::fonctionnalites, kFonctionnalites>},
    {"espaces", object_field<A, Espaces, &A::espaces, kEspaces>},
}};

}  // namespace

AccountForm read_account_form(const json::Value& root, std::vector<Finding>& findings) {
  AccountForm form;
  auto paths = std::make_shared<SourcePaths>();
  JsonFields fields(*paths, findings);
  read_object(fields, Place{root, nullptr}, form, kForm);
  form.paths = std::move(paths);
  return form;
}

}  // namespace cprokit::readers
