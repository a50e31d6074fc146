// The INSEE register of `cprokit mock --insee`: the shipped one reads, a
// broken one is refused with the place of the fault.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

#include "validators/directory/insee_file.hpp"

using cprokit::directory::DirectoryError;
using cprokit::directory::read_insee_file;

namespace {

std::string shipped() {
  std::ifstream in(std::string(CPROKIT_FIXTURES_DIR) + "/directory/insee.json");
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The error read_insee_file() throws for `text`: "where" then "message".
std::pair<std::string, std::string> error_of(const std::string& text) {
  try {
    read_insee_file(text);
  } catch (const DirectoryError& e) {
    return {e.where(), e.message_fr()};
  }
  FAIL("no error for " << text);
  return {};
}

}  // namespace

TEST_CASE("insee: the shipped register reads, the suppliers of the directory included", "[insee]") {
  const auto reg = read_insee_file(shipped());
  REQUIRE(reg.size() == 7);
  const auto& alpine = reg.at("81234567600017");
  CHECK(alpine.raison_sociale == "MENUISERIE ALPINE SARL (fictif)");
  CHECK(alpine.code_postal == "38000");
  CHECK(alpine.ville == "Grenoble");
  CHECK(alpine.pays == "France");
  CHECK(reg.contains("90438150600016"));
  CHECK(reg.contains("84021937200017"));  // not in the directory
}

TEST_CASE("insee: a broken register names the place (JSON Pointer and line) and the fault",
          "[insee]") {
  const auto [unknown_at, unknown] = error_of(
      "{\"version\": 1,\n \"etablissements\": {\"81234567600017\": {\n"
      "  \"raisonSociale\": \"A\", \"codepostal\": \"38000\"}}}");
  CHECK(unknown_at == "/etablissements/81234567600017/codepostal (line 3)");
  CHECK_THAT(unknown,
             Catch::Contains("champ inconnu « codepostal »") && Catch::Contains("codePostal"));

  const auto [siret_at, siret] =
      error_of(R"({"version": 1, "etablissements": {"81234567600018": {"raisonSociale": "A"}}})");
  CHECK(siret_at == "/etablissements/81234567600018 (line 1)");
  CHECK_THAT(siret, Catch::Contains("n'est pas un SIRET"));

  const auto [twice_at, twice] = error_of(
      "{\"version\": 1, \"etablissements\": {\n\"81234567600017\": {\"raisonSociale\": \"A\"},\n"
      "\"81234567600017\": {\"raisonSociale\": \"B\"}}}");
  CHECK(twice_at == "/etablissements/81234567600017 (line 3)");
  CHECK_THAT(twice, Catch::Contains("deux fois"));

  const auto [type_at, type] =
      error_of(R"({"version": 1, "etablissements": {"81234567600017": {"raisonSociale": 12}}})");
  CHECK(type_at == "/etablissements/81234567600017/raisonSociale (line 1)");
  CHECK_THAT(type, Catch::Contains("chaîne de caractères"));

  const auto [name_at, name] =
      error_of(R"({"version": 1, "etablissements": {"81234567600017": {"ville": "Grenoble"}}})");
  CHECK(name_at == "/etablissements/81234567600017 (line 1)");
  CHECK_THAT(name, Catch::Contains("raisonSociale"));

  CHECK(error_of(R"({"etablissements": {}})").second.find("version") != std::string::npos);
  CHECK(error_of(R"({"version": 2, "etablissements": {}})").first == "/version (line 1)");
  CHECK(error_of("{\"version\": 1,\n \"etablissements\": [}").first.starts_with("line 2, column"));
  CHECK(error_of("[]").first == "/ (line 1)");
}
