#include "rules/catalogue/catalogue.hpp"

#include "rules/binding/binding_table.hpp"
#include "rules/chorus/chorus_rules.hpp"
#include "rules/en16931/en16931_rules.hpp"
#include "rules/fr/fr_rules.hpp"
#include "rules/syntax/syntax_rules.hpp"

namespace cprokit::catalogue {
namespace {

Registry make_builtin() {
  Registry r;
  syntax::register_rules(r);
  en16931::register_rules(r);
  chorus::register_rules(r);
  binding::register_rules(r);
  fr::register_rules(r);
  r.add_profile({"all",
                 {"Toutes les règles de cprokit, sauf celles de la réforme (BR-FR).",
                  "Every rule cprokit has, but the reform's (BR-FR)."},
                 {}});
  r.add_profile({"en16931",
                 {"EN 16931 : règles métier de la norme et lecture sûre du document.",
                  "EN 16931: the standard's business rules and safe reading of the document."},
                 {"BR", "UBL", "CII", "XML", "XSD", "LIST", "DOC", "PDF"}});
  r.add_profile({"chorus",
                 {"Chorus Pro : ses propres règles (CPRO-, ACCT-) après celles de l'EN 16931.",
                  "Chorus Pro: its own rules (CPRO-, ACCT-) after those of EN 16931."},
                 {"CPRO", "ACCT", "BR", "UBL", "CII", "XML", "XSD", "LIST", "JSON", "DOC", "PDF"}});
  r.add_profile({"fr-ctc",
                 {"Réforme française (facturation électronique B2B) : règles BR-FR de la "
                  "FNFE-MPE après celles de l'EN 16931 (--fr-mode).",
                  "French reform (B2B e-invoicing): the FNFE-MPE BR-FR rules after those of "
                  "EN 16931 (--fr-mode)."},
                 {"BR-FR", "BR", "UBL", "CII", "XML", "XSD", "LIST", "DOC", "PDF"}});
  r.add_profile({"syntax",
                 {"Lecture et schéma seulement (XML, XSD, JSON, PDF), sans règle métier.",
                  "Reading and schema only (XML, XSD, JSON, PDF), no business rule."},
                 {"XML", "XSD", "JSON", "DOC", "PDF"}});
  return r;
}

}  // namespace

const Registry& builtin() {
  static const Registry registry = make_builtin();
  return registry;
}

}  // namespace cprokit::catalogue
