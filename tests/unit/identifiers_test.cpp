// SIREN, SIRET and French VAT numbers (rules/chorus/identifiers.hpp). Every
// expected key and checksum below was computed apart from this code (a one-off
// python3 calculation) and written down as a literal.
#include <catch2/catch.hpp>

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "rules/chorus/chorus_rules.hpp"
#include "rules/chorus/identifiers.hpp"

using namespace cprokit;
using namespace cprokit::chorus;

namespace {

bool contains(std::string_view text, std::string_view needle) {
  return text.find(needle) != std::string_view::npos;
}

// The problem, which must exist, in both languages.
Message problem(const std::optional<Message>& found) {
  REQUIRE(found.has_value());
  CHECK_FALSE(found->fr.empty());
  CHECK_FALSE(found->en.empty());
  return *found;
}

void check_names(const Message& m, std::string_view fr_part, std::string_view en_part) {
  INFO("fr: " << m.fr << "\nen: " << m.en);
  CHECK(contains(m.fr, fr_part));
  CHECK(contains(m.en, en_part));
}

// Real identifiers: the Communauté de communes de la Matheysine, Engie, Google France.
constexpr std::string_view kMatheysineSiren = "200040657";
constexpr std::string_view kMatheysineSiret = "20004065700013";

}  // namespace

TEST_CASE("Luhn checksum", "[identifiers]") {
  CHECK(luhn_valid("79927398713"));  // the textbook example
  CHECK_FALSE(luhn_valid("79927398710"));
  CHECK(luhn_valid("0"));
  CHECK(luhn_valid("18"));  // 1 doubled = 2, + 8 = 10
  CHECK_FALSE(luhn_valid("81"));
  CHECK(luhn_valid("59"));  // 5 doubled = 10 -> 1, + 9 = 10
  CHECK(luhn_valid(kMatheysineSiren));
  CHECK(luhn_valid(kMatheysineSiret));
  CHECK_FALSE(luhn_valid("200040658"));
  CHECK_FALSE(luhn_valid(""));
  CHECK_FALSE(luhn_valid("2000 40657"));
  CHECK_FALSE(luhn_valid("20004065A"));
}

TEST_CASE("without_separators removes spaces, no-break spaces and dots only", "[identifiers]") {
  CHECK(without_separators("200 040 657 00013") == kMatheysineSiret);
  CHECK(without_separators("200.040.657") == kMatheysineSiren);
  CHECK(without_separators("200\xC2\xA0"
                           "040\xC2\xA0"
                           "657") == kMatheysineSiren);  // U+00A0
  CHECK(without_separators("200\xE2\x80\xAF"
                           "040\xE2\x80\xAF"
                           "657") == kMatheysineSiren);  // U+202F
  CHECK(without_separators(" FR 55 200.040.657 ") == "FR55200040657");
  CHECK(without_separators("").empty());
  CHECK(without_separators("200-040_657\t/") == "200-040_657\t/");
  CHECK(without_separators("é\xE2\x80\xA8") == "é\xE2\x80\xA8");  // U+2028 is no separator here
}

TEST_CASE("SIREN: valid numbers", "[identifiers]") {
  for (std::string_view siren : {kMatheysineSiren, std::string_view("542107651"),
                                 std::string_view("732829320"), std::string_view("356000000")}) {
    INFO(siren);
    CHECK_FALSE(siren_problem(siren).has_value());
  }
}

TEST_CASE("SIREN: each problem has its own message, naming the value and the rule",
          "[identifiers]") {
  SECTION("wrong checksum: says which last digit the first 8 call for") {
    Message m = problem(siren_problem("200040658"));
    check_names(m, "200040658", "200040658");
    check_names(m, "Luhn", "Luhn");
    check_names(m, "un SIREN qui commence par 20004065 finit par 7",
                "a SIREN starting with 20004065 ends with 7");
  }
  SECTION("8 and 10 digits") {
    check_names(problem(siren_problem("20004065")),
                "8 chiffres trouvés dans 20004065 : un SIREN en a 9",
                "20004065 has 8 digits: a SIREN has 9");
    check_names(problem(siren_problem("2000406570")), "10 chiffres trouvés dans 2000406570",
                "2000406570 has 10 digits");
  }
  SECTION("one digit: singular") {
    check_names(problem(siren_problem("7")), "1 chiffre trouvé dans 7", "7 has 1 digit:");
  }
  SECTION("letters and other signs are named") {
    check_names(problem(siren_problem("2000406A7")),
                "2000406A7 contient « A », qui n'est pas un chiffre",
                "2000406A7 contains \"A\", which is not a digit");
    check_names(problem(siren_problem("200-040-657")), "« - »", "\"-\"");
    check_names(problem(siren_problem("200é40657")), "« é »", "\"é\"");  // a whole UTF-8 character
  }
  SECTION("empty") {
    check_names(problem(siren_problem("")), "Valeur vide : un SIREN se compose de 9 chiffres",
                "Empty value: a SIREN is made of 9 digits");
  }
  SECTION("separators are not removed by the check itself") {
    check_names(problem(siren_problem("200 040 657")), "contient «   »", "contains \" \"");
  }
}

TEST_CASE("SIRET: valid numbers", "[identifiers]") {
  for (std::string_view siret :
       {kMatheysineSiret, std::string_view("73282932000074"), std::string_view("44306184100047")}) {
    INFO(siret);
    CHECK_FALSE(siret_problem(siret).has_value());
  }
  CHECK_FALSE(siret_problem(without_separators("200 040 657 00013")).has_value());
  CHECK_FALSE(siret_problem(without_separators("200.040.657.00013")).has_value());
  CHECK_FALSE(siret_problem(without_separators("200\xC2\xA0"
                                               "040\xE2\x80\xAF"
                                               "657 00013"))
                  .has_value());
}

TEST_CASE("SIRET: each problem has its own message", "[identifiers]") {
  SECTION("13 digits (the example of the contract)") {
    check_names(problem(siret_problem("4993830100029")),
                "13 chiffres trouvés dans 4993830100029 : un SIRET en a 14",
                "4993830100029 has 13 digits: a SIRET has 14");
  }
  SECTION("15 digits") {
    check_names(problem(siret_problem("200040657000130")),
                "15 chiffres trouvés dans 200040657000130 : un SIRET en a 14",
                "200040657000130 has 15 digits: a SIRET has 14");
  }
  SECTION("a SIREN alone is not a SIRET") {
    check_names(problem(siret_problem(kMatheysineSiren)), "9 chiffres trouvés", "has 9 digits");
  }
  SECTION("letters") {
    check_names(problem(siret_problem("2000406570001B")), "« B »", "\"B\"");
  }
  SECTION("empty") {
    check_names(problem(siret_problem("")), "Valeur vide : un SIRET se compose de 14 chiffres",
                "Empty value: a SIRET is made of 14 digits");
  }
  SECTION("Luhn fails on the 14 digits, the SIREN is valid: the NIC is blamed") {
    Message m = problem(siret_problem("20004065700014"));
    check_names(m, "Le SIRET 20004065700014 échoue au contrôle de Luhn",
                "SIRET 20004065700014 fails the Luhn check");
    check_names(m, "NIC 00014", "NIC 00014");
    check_names(m, "un SIRET qui commence par 2000406570001 finit par 3",
                "a SIRET starting with 2000406570001 ends with 3");
  }
  SECTION("Luhn holds on the 14 digits but the first 9 are no SIREN") {
    // 20004065800003: Luhn over 14 digits holds, 200040658 fails.
    REQUIRE(luhn_valid("20004065800003"));
    Message m = problem(siret_problem("20004065800003"));
    check_names(m, "Le SIREN 200040658 contenu dans 20004065800003 échoue au contrôle de Luhn",
                "SIREN 200040658 in 20004065800003 fails the Luhn check");
  }
}

TEST_CASE("SIRET of La Poste: digit sum for the establishments, Luhn for the head office",
          "[identifiers]") {
  SECTION("digit sum a multiple of 5 is valid although Luhn fails") {
    for (std::string_view siret : {"35600000000001", "35600000000047", "35600000012300"}) {
      INFO(siret);
      CHECK_FALSE(luhn_valid(siret));
      CHECK(is_la_poste_establishment(siret));
      CHECK_FALSE(siret_problem(siret).has_value());
    }
  }
  SECTION("Luhn valid but digit sum not a multiple of 5 is invalid") {
    CHECK(luhn_valid("35600000000014"));
    Message m = problem(siret_problem("35600000000014"));  // digit sum 19
    check_names(m, "La Poste", "La Poste");
    check_names(m, "la somme de ses chiffres, 19, devrait être un multiple de 5",
                "the sum of its digits, 19, should be a multiple of 5");
  }
  SECTION("an establishment that fails both") {
    CHECK(siret_problem("35600000012345").has_value());  // digit sum 29
  }
  SECTION("the head office 35600000000048 follows Luhn (its digit sum, 26, does not count)") {
    CHECK_FALSE(is_la_poste_establishment("35600000000048"));
    CHECK_FALSE(siret_problem("35600000000048").has_value());
  }
  SECTION("a number close to the head office's is an establishment like the others") {
    Message m = problem(siret_problem("35600000000049"));  // digit sum 27, Luhn fails too
    check_names(m, "27", "27");
  }
  SECTION("another SIREN starting like La Poste's is not La Poste") {
    CHECK_FALSE(is_la_poste_establishment("35600000100005"));
  }
}

TEST_CASE("French VAT key", "[identifiers]") {
  CHECK(fr_vat_key(kMatheysineSiren) == "55");
  CHECK(fr_vat_key("542107651") == "13");  // Engie: FR13542107651
  CHECK(fr_vat_key("732829320") == "44");  // Google France: FR44732829320
  CHECK(fr_vat_key("356000000") == "39");  // La Poste: FR39356000000
  CHECK(fr_vat_key("200040673") == "06");  // zero-padded
  CHECK(fr_vat_key("000000000") == "12");
  CHECK(fr_vat_key("100000009") == "88");
}

TEST_CASE("French VAT number: valid", "[identifiers]") {
  for (std::string_view vat :
       {"FR55200040657", "FR13542107651", "FR44732829320", "FR06200040673"}) {
    INFO(vat);
    CHECK_FALSE(fr_vat_problem(vat).has_value());
  }
  CHECK_FALSE(fr_vat_problem("FR55200040657", kMatheysineSiren).has_value());
  CHECK_FALSE(fr_vat_problem(without_separators("FR 55 200 040 657")).has_value());
}

TEST_CASE("French VAT number: each problem has its own message", "[identifiers]") {
  SECTION("wrong key: names the key found and the key expected") {
    Message m = problem(fr_vat_problem("FR54200040657"));
    check_names(m, "La clé de FR54200040657 est 54, or le SIREN 200040657 donne la clé 55",
                "The key of FR54200040657 is 54, but SIREN 200040657 gives the key 55");
    check_names(m, "FR55200040657", "FR55200040657");
  }
  SECTION("a SIREN that is not valid") {
    check_names(problem(fr_vat_problem("FR58200040658")),
                "Le SIREN 200040658 contenu dans FR58200040658 échoue au contrôle de Luhn",
                "SIREN 200040658 in FR58200040658 fails the Luhn check");
  }
  SECTION("a SIREN other than the expected one: both are named") {
    check_names(problem(fr_vat_problem("FR13542107651", kMatheysineSiren)),
                "FR13542107651 porte le SIREN 542107651, or le SIREN attendu est 200040657",
                "FR13542107651 carries SIREN 542107651, but the expected SIREN is 200040657");
  }
  SECTION("wrong length") {
    check_names(
        problem(fr_vat_problem("FR5520004065")),
        "10 chiffres trouvés dans FR5520004065 : après FR, un numéro de TVA français en a 11",
        "FR5520004065 has 10 digits: after FR, a French VAT number has 11");
    check_names(problem(fr_vat_problem("FR552000406570")), "12 chiffres", "12 digits");
    check_names(problem(fr_vat_problem("FR")), "0 chiffre trouvé dans FR", "FR has 0 digits");
  }
  SECTION("letters after FR") {
    check_names(problem(fr_vat_problem("FRAB200040657")), "FRAB200040657 contient « A »",
                "FRAB200040657 contains \"A\"");
  }
  SECTION("no FR prefix, lower case, empty") {
    check_names(problem(fr_vat_problem("BE0123456789")), "BE0123456789 ne commence pas par FR",
                "BE0123456789 does not start with FR");
    check_names(problem(fr_vat_problem("55200040657")), "ne commence pas par FR",
                "does not start with FR");
    check_names(problem(fr_vat_problem("fr55200040657")), "ne commence pas par FR",
                "does not start with FR");
    check_names(problem(fr_vat_problem("")), "Valeur vide", "Empty value");
  }
}

TEST_CASE("identifier type: by digit count, or the FR prefix", "[identifiers]") {
  CHECK(identifier_type(kMatheysineSiren) == IdentifierType::Siren);
  CHECK(identifier_type("200040658") == IdentifierType::Siren);  // invalid, still a SIREN
  CHECK(identifier_type(kMatheysineSiret) == IdentifierType::Siret);
  CHECK(identifier_type("FR55200040657") == IdentifierType::FrVat);
  CHECK(identifier_type("FR") == IdentifierType::FrVat);
  CHECK(identifier_type("4993830100029") == IdentifierType::Unknown);
  CHECK(identifier_type("200040657000130") == IdentifierType::Unknown);
  CHECK(identifier_type("BE0123456789") == IdentifierType::Unknown);
  CHECK(identifier_type("20004065A") == IdentifierType::Unknown);
  CHECK(identifier_type("") == IdentifierType::Unknown);
}

TEST_CASE("unknown identifier: what it looks like and why it is none of them", "[identifiers]") {
  check_names(unknown_identifier_problem("4993830100029"),
              "13 chiffres trouvés dans 4993830100029 : un SIRET en a 14, un SIREN 9",
              "4993830100029 has 13 digits: a SIRET has 14, a SIREN 9");
  check_names(unknown_identifier_problem("2000406570"),
              "10 chiffres trouvés dans 2000406570 : un SIREN en a 9, un SIRET 14",
              "2000406570 has 10 digits: a SIREN has 9, a SIRET 14");
  check_names(unknown_identifier_problem("BE0123456789"),
              "BE0123456789 ressemble au numéro de TVA d'un autre pays (BE)",
              "BE0123456789 looks like a VAT number of another country (BE)");
  check_names(unknown_identifier_problem("ABC"), "ABC contient « A », qui n'est pas un chiffre",
              "ABC contains \"A\", which is not a digit");
  check_names(unknown_identifier_problem(""), "Valeur vide", "Empty value");
}

TEST_CASE("explained: the explanation's first word in lower case, a value kept as it is",
          "[identifiers]") {
  const Message siren = problem(siret_problem("20004065700014"));
  REQUIRE(siren.fr.starts_with("Le SIRET"));
  CHECK(explained("SIRET invalide : ", "Invalid SIRET: ", siren)
            .fr.starts_with("SIRET invalide : le SIRET"));
  // A message that starts with the value: the value is not touched.
  const Message vat = problem(fr_vat_problem("FR1X19812345676"));
  REQUIRE(vat.fr.starts_with("FR1X"));
  const Message m = explained("TVA : ", "VAT: ", vat);
  CHECK(m.fr.starts_with("TVA : FR1X19812345676"));
  CHECK(m.en.starts_with("VAT: FR1X19812345676"));
}

TEST_CASE("iban_valid: shape and check digits (ISO 13616, modulo 97)", "[identifiers]") {
  // Valid IBANs of the fixtures; their check digits were verified apart (python, mod 97).
  CHECK(iban_valid("FR7630004004510001023456779"));
  CHECK(iban_valid("FR7618306000788451320091222"));
  CHECK(iban_valid("DE89370400440532013000"));                   // the usual German example
  CHECK(iban_valid("GB82WEST12345698765432"));                   // letters in the account part
  CHECK_FALSE(iban_valid("FR7630004004510001023456778"));        // last digit changed
  CHECK_FALSE(iban_valid("FR6730004004510001023456779"));        // check digits swapped
  CHECK_FALSE(iban_valid("30004004510001023456779"));            // no country code
  CHECK_FALSE(iban_valid("fr7630004004510001023456779"));        // lower case
  CHECK_FALSE(iban_valid("FR76 3000 4004 5100 0102 3456 779"));  // separators left in
  CHECK_FALSE(iban_valid("FR76300"));                            // too short
  CHECK_FALSE(iban_valid(""));
}

TEST_CASE("iban_valid: the length of the country's IBANs", "[identifiers]") {
  // Modulo 97 holds on both (computed apart), but NL IBANs have 18 characters.
  CHECK(iban_valid("NL91ABNA0417164300"));
  CHECK_FALSE(iban_valid("NL58ABNA041716430"));
  // A country the table does not list is held to 15..34 characters only.
  CHECK(iban_valid("AO680006000000000000000000"));
}

namespace {

// The problem iban_problem finds, which must exist, in both languages.
IbanProblem iban_problem_of(std::string_view value) {
  std::optional<IbanProblem> found = iban_problem(value);
  INFO(value);
  REQUIRE(found.has_value());
  CHECK_FALSE(found->message.fr.empty());
  CHECK_FALSE(found->message.en.empty());
  return *found;
}

}  // namespace

TEST_CASE("iban_problem: a valid IBAN written for reading gives its electronic form",
          "[identifiers]") {
  CHECK_FALSE(iban_problem("FR7630004004510001023456779"));
  struct PaperCase {
    std::string_view value;
    std::string_view electronic;
    std::string_view fr;  // how the value is written, as the message says it
    std::string_view en;
  };
  constexpr std::string_view kFrench = "FR7630004004510001023456779";
  const std::array<PaperCase, 4> cases{{
      {"FR76 3000 4004 5100 0102 3456 779", kFrench, "avec des espaces", "with spaces"},
      {"NL91\xC2\xA0"
       "ABNA\xC2\xA0"
       "0417\xE2\x80\xAF"
       "1643\xC2\xA0"
       "00",
       "NL91ABNA0417164300", "avec des espaces", "with spaces"},  // no-break spaces
      {"fr7630004004510001023456779", kFrench, "en minuscules", "in lower case"},
      {"IBAN FR76 3000 4004 5100 0102 3456 779", kFrench, "précédé de « IBAN »",
       "preceded by \"IBAN\""},
  }};
  for (const PaperCase& c : cases) {
    const IbanProblem p = iban_problem_of(c.value);
    CHECK(p.presentation);
    check_names(p.message, c.fr, c.en);
    check_names(p.message, "format électronique", "electronic format");
    check_names(p.message, c.electronic, c.electronic);
  }
}

TEST_CASE("iban_problem: says which part of an invalid IBAN is wrong", "[identifiers]") {
  IbanProblem p = iban_problem_of("FR7630004004510001023456778");
  CHECK_FALSE(p.presentation);
  check_names(p.message,
              "Les chiffres de contrôle de FR7630004004510001023456778 sont 76, or le "
              "reste de l'IBAN donne 06",
              "The check digits of FR7630004004510001023456778 are 76, but the rest of the IBAN "
              "gives 06");
  // The paper format does not hide a wrong digit.
  p = iban_problem_of("FR76 3000 4004 5100 0102 3456 778");
  CHECK_FALSE(p.presentation);
  check_names(p.message, "donne 06", "gives 06");

  p = iban_problem_of("NL91 ABNA 0417 1643 0");
  CHECK_FALSE(p.presentation);
  check_names(p.message, "compte 17 lettres et chiffres : un IBAN NL en a 18 (il en manque 1)",
              "has 17 letters and digits: an IBAN of NL has 18 (1 missing)");
  check_names(iban_problem_of("FR763000400451000102345677900").message, "(2 de trop)",
              "(2 too many)");
  check_names(iban_problem_of("ZZ12 3456").message, "un IBAN en a de 15 à 34",
              "an IBAN has 15 to 34");

  p = iban_problem_of("30004004510001023456779");  // a French RIB, not an IBAN
  CHECK_FALSE(p.presentation);
  check_names(p.message, "ne commence pas comme un IBAN", "does not start as an IBAN does");
  check_names(iban_problem_of("FR76-3000-4004-5100-0102-3456-779").message,
              "contient « - », ni lettre ni chiffre",
              "contains \"-\", neither a letter nor a digit");
  check_names(iban_problem_of("FR76 3000 4004 5100 0102 3456 77é").message, "contient « é »",
              "contains \"é\"");
  check_names(iban_problem_of("").message, "Valeur vide", "Empty value");
  check_names(iban_problem_of("   ").message, "Valeur vide", "Empty value");
}
