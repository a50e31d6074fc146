#include "validators/directory/directory_file.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <limits>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "rules/chorus/directory.hpp"
#include "rules/chorus/identifiers.hpp"

using Catch::Matchers::Contains;
using cprokit::chorus::Directory;
using cprokit::chorus::Structure;
using cprokit::directory::DirectoryError;
using cprokit::directory::DirectoryFile;
using cprokit::directory::parse_directory;
using cprokit::directory::read_directory_file;

namespace {

const std::filesystem::path kFixture =
    std::filesystem::path(CPROKIT_FIXTURES_DIR) / "directory/matheysine.json";

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

const DirectoryFile& shipped_file() {
  static const DirectoryFile file = read_directory_file(read_file(kFixture));
  return file;
}

const Directory& shipped() {
  return shipped_file().directory;
}

const Structure& shipped_structure(std::string_view identifiant) {
  const Structure* s = shipped().structure(identifiant);
  REQUIRE(s != nullptr);
  return *s;
}

// A directory of one structure: identifiant 20004065700013 and `fields`.
std::string one_structure(std::string_view fields) {
  return std::string(R"({"version": 1, "structures": [{"identifiant": "20004065700013", )") +
         std::string(fields) + "}]}";
}

std::optional<DirectoryError> refusal(std::string_view json) {
  try {
    (void)parse_directory(json);
  } catch (const DirectoryError& e) {
    return e;
  }
  return std::nullopt;
}

// `json` must be refused at `where`, both messages naming each of `words`.
void check_refused(std::string_view json, const std::string& where,
                   std::initializer_list<std::string> words) {
  INFO("directory: " << json);
  const auto error = refusal(json);
  REQUIRE(error);
  CHECK(error->where() == where);
  const std::string en = error->what();
  const std::string& fr = error->message_fr();
  CHECK_THAT(en, Catch::StartsWith(where + ": "));
  CHECK_THAT(fr, Catch::StartsWith(where + ": "));
  CHECK(en != fr);
  for (const std::string& word : words) {
    CHECK_THAT(en, Contains(word));
    CHECK_THAT(fr, Contains(word));
  }
}

}  // namespace

// ---- The shipped fixture ---------------------------------------------------

TEST_CASE("the shipped directory file: clients and structures", "[directory]") {
  const Directory& d = shipped();
  CHECK(d.version == 1);
  const auto& clients = shipped_file().clients;
  REQUIRE(clients.size() == 1);
  CHECK(clients[0].client_id == "cprokit-demo-client");
  CHECK(clients[0].client_secret == "cprokit-demo-secret-not-a-real-one");

  const std::vector<std::string> identifiants = {
      "20004065700013", "20004065700021", "20004065700039", "20004065700047", "20004065700054",
      "20004065700062", "90438150600016", "91838270600011", "81234567600017", "88216543400011"};
  REQUIRE(d.structures.size() == identifiants.size());
  for (std::size_t i = 0; i < identifiants.size(); ++i) {
    CHECK(d.structures[i].identifiant == identifiants[i]);
    INFO("SIRET " << identifiants[i]);
    CHECK_FALSE(cprokit::chorus::siret_problem(identifiants[i]));
  }
}

TEST_CASE("the shipped directory file: the main budget", "[directory]") {
  const Structure& s = shipped_structure("20004065700013");
  CHECK(s.id_structure_cpp == 25000001);
  CHECK(s.type_identifiant == "SIRET");
  CHECK(s.is_public());
  CHECK(s.is_active());
  CHECK(s.raison_sociale == "COMMUNAUTE DE COMMUNES DE LA MATHEYSINE");
  CHECK(s.libelle == "DESTINATAIRE_EJ_OBLIGATOIRE - Budget principal");
  CHECK(s.adresse.adresse == "Rue du Stade");
  CHECK(s.adresse.code_postal == "38350");
  CHECK(s.adresse.ville == "Susville");
  CHECK(s.adresse.pays == "FR");
  CHECK(s.format_numero_engagement == "^BC[0-9]{4}-[0-9]{6}$");
  REQUIRE(s.format_numero_engagement_pattern);
  CHECK(s.format_numero_engagement_pattern->matches("BC2026-000123"));
  CHECK_FALSE(s.format_numero_engagement_pattern->matches("BC26-123"));
  CHECK(s.engagements == std::vector<std::string>{"BC2026-000123", "BC2026-000124"});
  CHECK(s.services.size() == 3);
}

TEST_CASE("the shipped directory file: one budget per combination of flags", "[directory]") {
  struct Flags {
    const char* identifiant;
    bool service;
    bool ej;
    bool ej_or_service;
    bool no_payment_status;
  };
  const std::vector<Flags> budgets = {
      {"20004065700013", false, true, false, false}, {"20004065700021", false, false, false, false},
      {"20004065700039", true, false, false, false}, {"20004065700047", false, false, true, false},
      {"20004065700054", true, true, false, true},
  };
  for (const Flags& want : budgets) {
    INFO("structure " << want.identifiant);
    const auto& p = shipped_structure(want.identifiant).parametres;
    CHECK(p.code_service_doit_etre_renseigne == want.service);
    CHECK(p.numero_ej_doit_etre_renseigne == want.ej);
    CHECK(p.gestion_numero_ej_ou_code_service == want.ej_or_service);
    CHECK(p.statut_mise_en_paiement_nest_pas_remonte == want.no_payment_status);
  }
}

TEST_CASE("the shipped directory file: defaults and the assigned id", "[directory]") {
  const Structure& water = shipped_structure("20004065700021");
  CHECK(water.type_identifiant == "SIRET");
  CHECK(water.type_structure == "PUBLIQUE");
  CHECK(water.statut == "ACTIF");
  CHECK_FALSE(water.format_numero_engagement_pattern);
  CHECK(water.engagements.empty());

  const Structure& closed = shipped_structure("20004065700062");
  CHECK(closed.statut == "INACTIF");
  CHECK_FALSE(closed.is_active());
  CHECK(closed.id_structure_cpp == 25000006);  // the first id 25000001..5 leave free
  CHECK_FALSE(closed.parametres.numero_ej_doit_etre_renseigne);
  CHECK(closed.services.empty());
}

TEST_CASE("the shipped directory file: private suppliers", "[directory]") {
  for (const char* identifiant : {"90438150600016", "91838270600011"}) {
    INFO("supplier " << identifiant);
    const Structure& s = shipped_structure(identifiant);
    CHECK(s.type_structure == "PRIVEE");
    CHECK_FALSE(s.is_public());
  }
  CHECK(shipped_structure("90438150600016").id_structure_cpp == 25000101);
}

TEST_CASE("technical accounts come with their structure's id, given or assigned", "[directory]") {
  const auto& accounts = shipped_file().technical_accounts;
  std::vector<std::int64_t> structures;
  structures.reserve(accounts.size());
  for (const auto& a : accounts)
    structures.push_back(a.id_structure_cpp);
  CHECK(structures == std::vector<std::int64_t>{25000101, 25000102, 25000103, 25000104});
  CHECK(accounts[0].login == "TECH_25000101@cprokit.invalid");
  CHECK(accounts[0].mot_de_passe == "demo-mot-de-passe-senepi");

  const DirectoryFile assigned = read_directory_file(R"({"version": 1, "structures": [
      {"identifiant": "20004065700013", "idStructureCPP": 25000001},
      {"identifiant": "90438150600016",
       "comptesTechniques": [{"login": "a@b.invalid", "motDePasse": "m"}]}]})");
  REQUIRE(assigned.technical_accounts.size() == 1);
  CHECK(assigned.technical_accounts[0].id_structure_cpp == 25000002);
}

TEST_CASE("services of a structure", "[directory]") {
  const Structure& main = shipped_structure("20004065700013");
  const auto* technical = main.service("SERVICE-TECHNIQUE");
  REQUIRE(technical != nullptr);
  CHECK(technical->libelle_service == "Services techniques");
  CHECK(technical->est_actif);
  CHECK_FALSE(technical->numero_engagement);
  REQUIRE(main.service("FACTURES_PUBLIQUES") != nullptr);
  const auto* closed = main.service("VOIRIE-ANCIEN");
  REQUIRE(closed != nullptr);
  CHECK_FALSE(closed->est_actif);
  CHECK(main.service("service-technique") == nullptr);  // codes are compared exactly
  CHECK(main.service("TRAVAUX-RESEAUX") == nullptr);    // another budget's service

  const auto* works = shipped_structure("20004065700039").service("TRAVAUX-RESEAUX");
  REQUIRE(works != nullptr);
  CHECK(works->numero_engagement);
  // Left out of the file: active, no EJ required.
  const auto* water = shipped_structure("20004065700021").service("REGIE-EAU");
  REQUIRE(water != nullptr);
  CHECK(water->est_actif);
  CHECK_FALSE(water->numero_engagement);
}

TEST_CASE("engagements and who holds them", "[directory]") {
  const Directory& d = shipped();
  CHECK(d.structure("20004065700013")->has_engagement("BC2026-000124"));
  CHECK_FALSE(d.structure("20004065700021")->has_engagement("BC2026-000124"));
  CHECK_FALSE(d.structure("20004065700013")->has_engagement("BC2026-00012"));

  REQUIRE(d.owner_of_engagement("BC2026-000123") != nullptr);
  CHECK(d.owner_of_engagement("BC2026-000123")->identifiant == "20004065700013");
  REQUIRE(d.owner_of_engagement("OM-2026-0042") != nullptr);
  CHECK(d.owner_of_engagement("OM-2026-0042")->identifiant == "20004065700047");
  REQUIRE(d.owner_of_engagement("TR-2026-0007") != nullptr);
  CHECK(d.owner_of_engagement("TR-2026-0007")->identifiant == "20004065700054");
  CHECK(d.owner_of_engagement("BC2026-999999") == nullptr);
  CHECK(d.structure("20004065700070") == nullptr);
}

TEST_CASE("lookups give the first match", "[directory]") {
  Directory d;
  d.structures.resize(3);
  d.structures[0].identifiant = "A";
  d.structures[1].identifiant = "B";
  d.structures[1].engagements = {"EJ-1"};
  d.structures[1].services.resize(2);
  d.structures[1].services[0].code_service = "S";
  d.structures[1].services[0].libelle_service = "first";
  d.structures[1].services[1].code_service = "S";
  d.structures[2].identifiant = "B";
  d.structures[2].engagements = {"EJ-1"};
  CHECK(d.structure("B") == &d.structures[1]);
  CHECK(d.owner_of_engagement("EJ-1") == &d.structures[1]);
  const auto* service = d.structures[1].service("S");
  REQUIRE(service != nullptr);
  CHECK(service->libelle_service == "first");
  CHECK(d.structure("") == nullptr);
}

// ---- Parsing -----------------------------------------------------------------

TEST_CASE("idStructureCPP is assigned in file order, skipping the ids given", "[directory]") {
  const Directory d = parse_directory(R"({"version": 1, "structures": [
      {"identifiant": "A"},
      {"identifiant": "B", "idStructureCPP": 25000001},
      {"identifiant": "C"},
      {"identifiant": "D", "idStructureCPP": 25000003},
      {"identifiant": "E"},
      {"identifiant": "F", "idStructureCPP": 7}]})");
  REQUIRE(d.structures.size() == 6);
  CHECK(d.structures[0].id_structure_cpp == 25000002);
  CHECK(d.structures[1].id_structure_cpp == 25000001);
  CHECK(d.structures[2].id_structure_cpp == 25000004);
  CHECK(d.structures[3].id_structure_cpp == 25000003);
  CHECK(d.structures[4].id_structure_cpp == 25000005);
  CHECK(d.structures[5].id_structure_cpp == 7);
}

TEST_CASE("a minimal directory and the defaults", "[directory]") {
  CHECK(parse_directory(R"({"version": 1})").structures.empty());

  const Directory d = parse_directory(one_structure(R"("services": [{"codeService": "S"}])"));
  REQUIRE(d.structures.size() == 1);
  const Structure& s = d.structures[0];
  CHECK(s.id_structure_cpp == 25000001);
  CHECK(s.type_identifiant == "SIRET");
  CHECK(s.type_structure == "PUBLIQUE");
  CHECK(s.statut == "ACTIF");
  CHECK(s.libelle.empty());
  CHECK_FALSE(s.parametres.code_service_doit_etre_renseigne);
  CHECK_FALSE(s.parametres.numero_ej_doit_etre_renseigne);
  CHECK_FALSE(s.parametres.gestion_numero_ej_ou_code_service);
  CHECK_FALSE(s.parametres.statut_mise_en_paiement_nest_pas_remonte);
  CHECK(s.format_numero_engagement.empty());
  CHECK_FALSE(s.format_numero_engagement_pattern);
  REQUIRE(s.services.size() == 1);
  CHECK(s.services[0].est_actif);
  CHECK_FALSE(s.services[0].numero_engagement);
}

TEST_CASE("every identifier type is accepted", "[directory]") {
  for (const char* type :
       {"SIRET", "UE_HORS_FRANCE", "HORS_UE", "RIDET", "TAHITI", "AUTRE", "PARTICULIER"}) {
    INFO(type);
    const Directory d =
        parse_directory(one_structure(std::string(R"("typeIdentifiant": ")") + type + R"(")"));
    CHECK(d.structures[0].type_identifiant == type);
  }
}

TEST_CASE("the largest idStructureCPP is accepted", "[directory]") {
  const Directory d = parse_directory(one_structure(R"("idStructureCPP": 9223372036854775807)"));
  CHECK(d.structures[0].id_structure_cpp == std::numeric_limits<std::int64_t>::max());
}

// ---- Errors --------------------------------------------------------------------

TEST_CASE("a JSON syntax error gives its line and column", "[directory]") {
  const auto error = refusal("{\"version\": 1,\n  \"structures\": [}");
  REQUIRE(error);
  CHECK(error->where() == "line 2, column 18");
  CHECK_THAT(error->what(), Catch::StartsWith("line 2, column 18: invalid JSON: "));
  CHECK_THAT(error->message_fr(), Catch::StartsWith("line 2, column 18: JSON invalide : "));
  CHECK_THAT(error->what(), !Contains("json.exception"));
}

TEST_CASE("syntax error columns count characters, not bytes", "[directory]") {
  const auto accented = refusal("{\"libellé\": tru}");  // 'é' is two bytes
  REQUIRE(accented);
  CHECK(accented->where() == "line 1, column 16");
  const auto after_bom = refusal("\xEF\xBB\xBF{x");
  REQUIRE(after_bom);
  CHECK(after_bom->where() == "line 1, column 2");
}

TEST_CASE("a syntax error at the end of the input", "[directory]") {
  const auto truncated = refusal(R"({"version": 1)");
  REQUIRE(truncated);
  CHECK(truncated->where() == "line 1, column 14");
  const auto empty = refusal("");
  REQUIRE(empty);
  CHECK(empty->where() == "line 1, column 1");
}

TEST_CASE("a key given twice in one object is refused, named by its place", "[directory]") {
  const auto error = refusal(
      "{\"version\": 1, \"structures\": [{\"identifiant\": \"20004065700013\",\n"
      "  \"statut\": \"ACTIF\", \"statut\": \"INACTIF\"}]}");
  REQUIRE(error);
  CHECK(error->where() == "/structures/0/statut");
  CHECK_THAT(error->what(), Contains("given twice") && Contains("line 2"));
  CHECK_THAT(error->message_fr(), Contains("deux fois"));
  // The same key in two different objects is fine.
  CHECK_FALSE(
      refusal("{\"version\": 1, \"structures\": [{\"identifiant\": "
              "\"20004065700013\"}, {\"identifiant\": \"20004065700021\"}]}"));
}

TEST_CASE("the root must be an object", "[directory]") {
  const auto error = refusal("[]");
  REQUIRE(error);
  CHECK(error->where().empty());
  CHECK_THAT(error->what(), Contains("must be a JSON object") && Contains("an array"));
  CHECK_THAT(error->message_fr(), Contains("doit être un objet JSON") && Contains("un tableau"));
}

TEST_CASE("version is required and must be 1", "[directory]") {
  check_refused(R"({"structures": []})", "/version", {"version"});
  check_refused(R"({"version": 2})", "/version", {"version", "2"});
  check_refused(R"({"version": "1"})", "/version", {"version", R"("1")"});
  check_refused(R"({"version": 1.0})", "/version", {"version", "1.0"});
}

TEST_CASE("unknown fields are refused, listing the allowed ones", "[directory]") {
  check_refused(R"({"version": 1, "structure": []})", "/structure",
                {"structure", "version, clients, structures"});
  check_refused(one_structure(R"("siret": "x")"), "/structures/0/siret",
                {"siret", "idStructureCPP", "comptesTechniques"});
  check_refused(one_structure(R"("parametres": {"codeServiceObligatoire": true})"),
                "/structures/0/parametres/codeServiceObligatoire",
                {"codeServiceObligatoire", "gestionNumeroEJOuCodeService"});
  check_refused(one_structure(R"("adresse": {"rue": "x"})"), "/structures/0/adresse/rue",
                {"rue", "codePostal"});
  check_refused(one_structure(R"("services": [{"codeService": "S", "actif": true}])"),
                "/structures/0/services/0/actif", {"actif", "estActif"});
  check_refused(R"({"version": 1, "clients": [{"clientId": "a", "secret": "b"}]})",
                "/clients/0/secret", {"secret", "clientSecret"});
  // A key is escaped in the pointer (RFC 6901), shown as written in the message.
  check_refused(one_structure(R"("a/b~c": 1)"), "/structures/0/a~1b~0c", {"a/b~c"});
}

TEST_CASE("wrong types are refused, never converted", "[directory]") {
  check_refused(one_structure(R"("parametres": {"numeroEJDoitEtreRenseigne": "true"})"),
                "/structures/0/parametres/numeroEJDoitEtreRenseigne",
                {"numeroEJDoitEtreRenseigne", R"("true")"});
  const auto error = refusal(one_structure(R"("parametres": {"numeroEJDoitEtreRenseigne": 1})"));
  REQUIRE(error);
  CHECK_THAT(error->what(), Contains("must be a boolean") && Contains("the number 1"));
  CHECK_THAT(error->message_fr(), Contains("doit être un booléen") && Contains("le nombre 1"));

  check_refused(one_structure(R"("raisonSociale": 12)"), "/structures/0/raisonSociale",
                {"raisonSociale", "12"});
  check_refused(one_structure(R"("libelle": null)"), "/structures/0/libelle", {"libelle", "null"});
  check_refused(one_structure(R"("services": [{"codeService": "S", "estActif": "yes"}])"),
                "/structures/0/services/0/estActif", {"estActif", R"("yes")"});
  check_refused(one_structure(R"("services": {"codeService": "S"})"), "/structures/0/services",
                {"services"});
  check_refused(one_structure(R"("adresse": "Susville")"), "/structures/0/adresse",
                {"adresse", R"("Susville")"});
  check_refused(R"({"version": 1, "clients": {}})", "/clients", {"clients"});
  check_refused(R"({"version": 1, "structures": [{"identifiant": "A"}, "B"]})", "/structures/1",
                {"structures[1]", R"("B")"});
}

TEST_CASE("identifiant is required and not empty", "[directory]") {
  check_refused(R"({"version": 1, "structures": [{"libelle": "sans identifiant"}]})",
                "/structures/0/identifiant", {"identifiant"});
  check_refused(R"({"version": 1, "structures": [{"identifiant": ""}]})",
                "/structures/0/identifiant", {"identifiant", R"("")"});
  check_refused(R"({"version": 1, "structures": [{"identifiant": 20004065700013}]})",
                "/structures/0/identifiant", {"identifiant", "20004065700013"});
}

TEST_CASE("idStructureCPP must be a positive integer", "[directory]") {
  for (const char* value : {"0", "-3", "1.5", R"("25000001")", "9223372036854775808", "true"}) {
    check_refused(one_structure(std::string(R"("idStructureCPP": )") + value),
                  "/structures/0/idStructureCPP", {"idStructureCPP", value});
  }
}

TEST_CASE("two structures with the same idStructureCPP", "[directory]") {
  check_refused(R"({"version": 1, "structures": [
      {"identifiant": "A", "idStructureCPP": 25000009},
      {"identifiant": "B"},
      {"identifiant": "C", "idStructureCPP": 25000009}]})",
                "/structures/2/idStructureCPP",
                {"idStructureCPP", "25000009", "/structures/0/idStructureCPP"});
}

TEST_CASE("two structures with the same identifiant", "[directory]") {
  check_refused(R"({"version": 1, "structures": [
      {"identifiant": "20004065700013"},
      {"identifiant": "20004065700021"},
      {"identifiant": "20004065700013"}]})",
                "/structures/2/identifiant",
                {"identifiant", "20004065700013", "/structures/0/identifiant"});
}

TEST_CASE("enumerated fields take one of their values", "[directory]") {
  check_refused(one_structure(R"("typeStructure": "PUBLIC")"), "/structures/0/typeStructure",
                {"typeStructure", R"("PUBLIC")", "PUBLIQUE, PRIVEE"});
  // "ACTIVE" is how the API answers; the file uses the request's value.
  check_refused(one_structure(R"("statut": "ACTIVE")"), "/structures/0/statut",
                {"statut", R"("ACTIVE")", "ACTIF, INACTIF"});
  check_refused(one_structure(R"("typeIdentifiant": "TVA_INTRACOM")"),
                "/structures/0/typeIdentifiant",
                {"typeIdentifiant", R"("TVA_INTRACOM")",
                 "SIRET, UE_HORS_FRANCE, HORS_UE, RIDET, TAHITI, AUTRE, PARTICULIER"});
  check_refused(one_structure(R"("statut": "actif")"), "/structures/0/statut", {"statut"});
}

TEST_CASE("formatNumeroEngagement must be a regular expression", "[directory]") {
  check_refused(one_structure(R"("formatNumeroEngagement": "^BC[0-9")"),
                "/structures/0/formatNumeroEngagement", {"formatNumeroEngagement", R"("^BC[0-9")"});
  check_refused(one_structure(R"("formatNumeroEngagement": "")"),
                "/structures/0/formatNumeroEngagement", {"formatNumeroEngagement"});
  check_refused(one_structure(R"("formatNumeroEngagement": 12)"),
                "/structures/0/formatNumeroEngagement", {"formatNumeroEngagement", "12"});
}

TEST_CASE("formatNumeroEngagement: no backtracking pattern, no lookaround", "[directory]") {
  // Nested quantifiers: a backtracking engine tries 2^n ways to split the
  // a's before failing on the b (with std::regex, hours for this number).
  const Directory d = parse_directory(one_structure(R"("formatNumeroEngagement": "^(a+)+$")"));
  const auto& pattern = d.structure("20004065700013")->format_numero_engagement_pattern;
  REQUIRE(pattern);
  CHECK_FALSE(pattern->matches(std::string(45, 'a') + "b"));
  CHECK(pattern->matches(std::string(45, 'a')));
  // RE2 has no lookaround: refused at load with its reason, not at lint time.
  check_refused(one_structure(R"("formatNumeroEngagement": "^(?=BC)[A-Z0-9]+$")"),
                "/structures/0/formatNumeroEngagement", {"formatNumeroEngagement", "RE2"});
  check_refused(one_structure(R"("formatNumeroEngagement": ")" + std::string(1001, 'a') + "\""),
                "/structures/0/formatNumeroEngagement", {"formatNumeroEngagement", "1000"});
}

TEST_CASE("a service needs a codeService", "[directory]") {
  check_refused(one_structure(R"("services": [{"codeService": "A"}, {"libelleService": "B"}])"),
                "/structures/0/services/1/codeService", {"codeService"});
  check_refused(one_structure(R"("services": [{"codeService": ""}])"),
                "/structures/0/services/0/codeService", {"codeService"});
}

TEST_CASE("engagements are strings", "[directory]") {
  check_refused(one_structure(R"("engagements": ["BC2026-000123", 42])"),
                "/structures/0/engagements/1", {"engagements[1]", "42"});
  check_refused(one_structure(R"("engagements": "BC2026-000123")"), "/structures/0/engagements",
                {"engagements", R"("BC2026-000123")"});
}

TEST_CASE("a client needs clientId and clientSecret", "[directory]") {
  check_refused(R"({"version": 1, "clients": [{"clientSecret": "s"}]})", "/clients/0/clientId",
                {"clientId"});
  check_refused(R"({"version": 1, "clients": [{"clientId": "c"}]})", "/clients/0/clientSecret",
                {"clientSecret"});
}

TEST_CASE("a technical account needs login and motDePasse", "[directory]") {
  check_refused(one_structure(R"("comptesTechniques": [{"motDePasse": "p"}])"),
                "/structures/0/comptesTechniques/0/login", {"login"});
  check_refused(one_structure(R"("comptesTechniques": [{"login": "l"}])"),
                "/structures/0/comptesTechniques/0/motDePasse", {"motDePasse"});
}

TEST_CASE("portal accounts come with their structure's id and every field", "[directory]") {
  const auto& portal = shipped_file().portal_accounts;
  REQUIRE(portal.size() == 1);
  CHECK(portal[0].email == "demo.senepi@cprokit.invalid");
  CHECK(portal[0].id_structure_cpp == 25000101);
  CHECK(portal[0].nom == "Martin");
  CHECK(portal[0].prenom == "Claire");

  const DirectoryFile assigned = read_directory_file(one_structure(
      R"("comptesPortail": [{"email": "a@b.fr", "motDePasse": "m", "nom": "N", "prenom": "P"}])"));
  REQUIRE(assigned.portal_accounts.size() == 1);
  CHECK(assigned.portal_accounts[0].id_structure_cpp == 25000001);
  const std::vector<std::string> fields = {"email", "motDePasse", "nom", "prenom"};
  for (const std::string& missing : fields) {
    std::string account;
    for (const std::string& field : fields) {
      if (field != missing) account += (account.empty() ? "" : ", ") + ('"' + field + R"(": "x")");
    }
    check_refused(one_structure(R"("comptesPortail": [{)" + account + "}]"),
                  "/structures/0/comptesPortail/0/" + missing, {missing});
  }
}

TEST_CASE("the first error in the file is the one reported", "[directory]") {
  check_refused(one_structure(R"("statut": "NON", "typeStructure": "NON")"), "/structures/0/statut",
                {"statut"});
  check_refused(one_structure(R"("typeStructure": "NON", "statut": "NON")"),
                "/structures/0/typeStructure", {"typeStructure"});
}
