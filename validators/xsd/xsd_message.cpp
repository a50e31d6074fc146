#include "validators/xsd/xsd_message.hpp"

#include <array>
#include <regex>
#include <string>

#include <fmt/core.h>

namespace cprokit::xsd {
namespace {

// One shape of Xerces' text: a whole-text pattern whose groups go, in order,
// into the French and English sentences ({0}, {1}: « » and "" added there).
struct Shape {
  std::regex pattern;
  std::string_view fr;
  std::string_view en;
};

Shape shape(const char* pattern, std::string_view fr, std::string_view en) {
  return {std::regex(pattern, std::regex::optimize), fr, en};
}

// Xerces-C 3.2's texts (XMLErrList, XMLValid and datatype messages), as the
// examples and mutants of the EN 16931 artefacts give them; "…not shown" and
// the root check are ours (schema_set.cpp).
const std::array<Shape, 23>& shapes() {
  static const std::array<Shape, 23> all = {
      shape("element '(.*)' is not allowed for content model '.*'",
            "l'élément « {0} » n'est pas permis ici : il est en trop, mal placé, ou un élément "
            "obligatoire manque avant lui",
            "element \"{0}\" is not allowed here: it is one too many, out of order, or a "
            "required element is missing before it"),
      shape("missing elements in content model '.*'",
            "des éléments obligatoires manquent à la fin de cet élément",
            "required elements are missing at the end of this element"),
      shape("empty content is not valid for content model '.*'",
            "cet élément ne peut pas être vide : il doit contenir les éléments que le schéma "
            "demande",
            "this element cannot be empty: it must hold the elements the schema requires"),
      shape("no character data is allowed by content model",
            "cet élément ne contient que des éléments, pas de texte",
            "this element holds elements only, no text"),
      shape("no declaration found for element '(.*)'",
            "l'élément « {0} » n'existe pas dans le schéma (nom ou espace de noms mal écrit ?)",
            "element \"{0}\" does not exist in the schema (name or namespace misspelt?)"),
      shape("missing required attribute '(.*)'", "l'attribut obligatoire « {0} » manque",
            "the required attribute \"{0}\" is missing"),
      shape("attribute '(.*)' is not declared for element '(.*)'",
            "l'attribut « {0} » n'est pas permis sur l'élément « {1} »",
            R"(attribute "{0}" is not allowed on element "{1}")"),
      shape("attribute '(.*)' has value '(.*)' that does not match its #FIXED value '(.*)'",
            "l'attribut « {0} » vaut « {1} », or sa seule valeur permise est « {2} »",
            R"(attribute "{0}" is "{1}", but its only allowed value is "{2}")"),
      shape("empty string encountered", "valeur vide là où le schéma en demande une",
            "an empty value where the schema requires one"),
      shape("(?:invalid|incomplete) date value '(.*)'",
            "« {0} » n'est pas une date valide (AAAA-MM-JJ)",
            "\"{0}\" is not a valid date (YYYY-MM-DD)"),
      shape("(?:invalid|incomplete) dateTime value '(.*)'",
            "« {0} » n'est pas une date et heure valides (AAAA-MM-JJThh:mm:ss)",
            "\"{0}\" is not a valid date and time (YYYY-MM-DDThh:mm:ss)"),
      shape("(?:invalid|incomplete) time value '(.*)'",
            "« {0} » n'est pas une heure valide (hh:mm:ss)",
            "\"{0}\" is not a valid time (hh:mm:ss)"),
      shape("month value '(.*)' must be between 1 and 12",
            "« {0} » : le mois doit être entre 01 et 12",
            "\"{0}\": the month must be from 01 to 12"),
      shape("value '(.*)' is invalid boolean", "« {0} » n'est pas un booléen (true ou false)",
            "\"{0}\" is not a boolean (true or false)"),
      shape("value '(.*)' is invalid Base64-encoded binary",
            "« {0} » n'est pas du binaire encodé en Base64",
            "\"{0}\" is not Base64-encoded binary"),
      shape("invalid character encountered", "caractère non permis dans cette valeur",
            "a character this value does not allow"),
      shape("value '(.*)' does not match regular expression facet '(.*)'",
            "« {0} » n'a pas la forme que le schéma demande (motif {1})",
            "\"{0}\" does not have the form the schema requires (pattern {1})"),
      shape("value '(.*)' has length '(.*)' which exceeds maxLength facet value '(.*)'",
            "« {0} » est trop long : {1} caractères, {2} au plus",
            "\"{0}\" is too long: {1} characters, {2} at most"),
      shape("value '(.*)' has length '(.*)' which is less than minLength facet value '(.*)'",
            "« {0} » est trop court : {1} caractère(s), {2} au moins",
            "\"{0}\" is too short: {1} character(s), {2} at least"),
      shape("value '(.*)' not in enumeration",
            "« {0} » n'est pas une des valeurs que le schéma permet",
            "\"{0}\" is not one of the values the schema allows"),
      shape("value '(.*)' has '(.*)' fraction digits which exceeds fractionDigits facet value "
            "'(.*)'",
            "« {0} » a {1} décimales, {2} au plus", "\"{0}\" has {1} decimals, {2} at most"),
      shape("value '(.*)' has '(.*)' total digits which exceeds totalDigits facet value '(.*)'",
            "« {0} » a {1} chiffres, {2} au plus", "\"{0}\" has {1} digits, {2} at most"),
      shape(R"(\.\.\. further errors not shown)",
            "les erreurs suivantes ne sont pas montrées : corrigez d'abord celles-ci",
            "further errors are not shown: fix these first"),
  };
  return all;
}

// `text` with {0}, {1}… replaced by the groups of `match`.
std::string fill(std::string_view text, const std::smatch& match) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{' && i + 2 < text.size() && text[i + 2] == '}') {
      out += match[static_cast<std::size_t>(text[i + 1] - '0') + 1].str();
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

}  // namespace

Message error_message(const XsdError& error, std::string_view schema) {
  const std::string place_fr = fmt::format("ligne {}, colonne {}", error.line, error.column);
  const std::string place_en = fmt::format("line {}, column {}", error.line, error.column);
  const std::string judge_fr =
      schema.empty() ? "au schéma XSD" : fmt::format("au schéma XSD {}", schema);
  const std::string judge_en =
      schema.empty() ? "the XSD schema" : fmt::format("the {} XSD schema", schema);
  std::smatch match;
  for (const Shape& s : shapes()) {
    if (!std::regex_match(error.message, match, s.pattern)) continue;
    return {fmt::format("Non conforme {} ({}) : {}. Détail (Xerces) : {}", judge_fr, place_fr,
                        fill(s.fr, match), error.message),
            fmt::format("Not valid against {} ({}): {}. Detail (Xerces): {}", judge_en, place_en,
                        fill(s.en, match), error.message)};
  }
  return {fmt::format("Non conforme {} ({}). Détail, en anglais (Xerces) : {}", judge_fr, place_fr,
                      error.message),
          fmt::format("Not valid against {} ({}): {}", judge_en, place_en, error.message)};
}

Message unusable_schemas(std::string_view found_by, std::string_view what) {
  return {
      fmt::format("Validation XSD non faite : les schémas trouvés via {} sont inutilisables : {}",
                  found_by, what),
      fmt::format("XSD validation not done: the schemas found through {} cannot be used: {}",
                  found_by, what)};
}

Message missing_schema(std::string_view found_by, const std::filesystem::path& folder,
                       const GrammarGroup& group) {
  const std::string file = (folder / group.entries.front()).string();
  return {fmt::format("Validation XSD non faite : le guide (BT-24) du document demande le schéma "
                      "{}, absent du dossier de schémas trouvé via {} ({} manque). Ajoutez-le à "
                      "ce dossier : il fait partie du paquet Factur-X publié par le FNFE-MPE "
                      "(fnfe-mpe.org) et le FeRD (ferd-net.de).",
                      group.label, found_by, file),
          fmt::format("XSD validation not done: the document's guideline (BT-24) calls for the {} "
                      "schema, which the schema folder found through {} lacks ({} is missing). "
                      "Add it to that folder: it is part of the Factur-X package published by "
                      "FNFE-MPE (fnfe-mpe.org) and FeRD (ferd-net.de).",
                      group.label, found_by, file)};
}

}  // namespace cprokit::xsd
