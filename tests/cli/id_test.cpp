// `cprokit id` seen from outside: exit codes, the human output in both
// languages, the JSON output, separators. Every run goes through run().
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/cli/cli_support.hpp"

using cprokit::test::contains;
using cprokit::test::run;
using cprokit::test::RunResult;
using nlohmann::json;

namespace {

// `cprokit id --format json VALUES...`, parsed; the run must not be a usage error.
json id_json(const std::vector<std::string>& values, const std::vector<std::string>& options = {}) {
  std::vector<std::string> args = {"id", "--format", "json"};
  args.insert(args.end(), options.begin(), options.end());
  args.insert(args.end(), values.begin(), values.end());
  RunResult r = run(args);
  INFO("stdout:\n" << r.out << "\nstderr:\n" << r.err);
  REQUIRE((r.exit_code == 0 || r.exit_code == 1));
  json parsed = json::parse(r.out);
  REQUIRE(parsed.is_array());
  REQUIRE(parsed.size() == values.size());
  return parsed;
}

}  // namespace

TEST_CASE("id: exit 0 when every value is valid, 1 when one is not", "[id]") {
  CHECK(run({"id", "200040657"}).exit_code == 0);
  CHECK(run({"id", "20004065700013", "FR55200040657", "200040657"}).exit_code == 0);
  CHECK(run({"id", "200040658"}).exit_code == 1);
  CHECK(run({"id", "20004065700013", "4993830100029"}).exit_code == 1);
  CHECK(run({"id", ""}).exit_code == 1);
}

TEST_CASE("id: usage errors exit 2 with a message on stderr, nothing on stdout", "[id]") {
  struct Case {
    std::vector<std::string> args;
    std::string in_message;
  };
  const std::vector<Case> cases = {
      {{"id"}, "aucune valeur à vérifier"},
      {{"id", "--format", "json"}, "aucune valeur à vérifier"},
      {{"id", "--lang", "en"}, "no value to check"},
      {{"id", "--bogus-option", "200040657"}, "--bogus-option"},
      {{"id", "--lang", "de", "200040657"}, "de"},
      {{"id", "--format", "xml", "200040657"}, "xml"},
  };
  for (const auto& c : cases) {
    RunResult r = run(c.args);
    INFO("stdout:\n" << r.out << "\nstderr:\n" << r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(contains(r.err, c.in_message));
  }
}

TEST_CASE("id --help: exit 0, options and examples in both languages", "[id]") {
  for (std::string flag : {"--help", "-h"}) {
    RunResult r = run({"id", flag});
    CHECK(r.exit_code == 0);
    CHECK(contains(r.out, "Exemples / examples"));
    CHECK(contains(r.out, "--lang"));
    CHECK(contains(r.out, "--format"));
    CHECK(r.err.empty());
  }
  CHECK(contains(run({"--help"}).out, "cprokit id"));
}

TEST_CASE("id: human output in French by default", "[id]") {
  RunResult r = run({"id", "20004065700013", "20004065700014"});
  INFO(r.out);
  CHECK(r.exit_code == 1);
  CHECK(contains(r.out, "Valeur :       20004065700013\n"));
  CHECK(contains(r.out, "Type :         SIRET\n"));
  CHECK(contains(r.out, "Verdict :      valide\n"));
  CHECK(contains(r.out, "SIREN :        200040657\n"));
  CHECK(contains(r.out, "N° de TVA :    FR55200040657\n"));
  CHECK(contains(r.out, "Verdict :      invalide\n"));
  CHECK(contains(r.out, "Le SIRET 20004065700014 échoue au contrôle de Luhn"));
  CHECK(contains(r.out, "\n\nValeur :       20004065700014\n"));  // one block each
}

TEST_CASE("id --lang en: human output in English", "[id]") {
  RunResult r = run({"id", "--lang", "en", "200040657", "4993830100029"});
  INFO(r.out);
  CHECK(r.exit_code == 1);
  CHECK(contains(r.out, "Value:         200040657\n"));
  CHECK(contains(r.out, "Type:          SIREN\n"));
  CHECK(contains(r.out, "Verdict:       valid\n"));
  CHECK(contains(r.out, "VAT number:    FR55200040657\n"));
  CHECK(contains(r.out, "Type:          not recognised\n"));
  CHECK(contains(r.out, "4993830100029 has 13 digits: a SIRET has 14, a SIREN 9"));
  CHECK_FALSE(contains(r.out, "Valeur"));
}

TEST_CASE("id: separators are accepted, the value is shown as given", "[id]") {
  RunResult r = run({"id", "200 040 657 00013", "200.040.657",
                     "FR\xC2\xA0"
                     "55\xE2\x80\xAF"
                     "200040657"});
  INFO(r.out);
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "Valeur :       200 040 657 00013\n"));
  CHECK(contains(r.out, "Valeur :       200.040.657\n"));
}

TEST_CASE("id --format json: one object per value, with its fields", "[id]") {
  json out = id_json(
      {"200 040 657 00013", "fr55200040657", "200040657", "4993830100029", "35600000000049"});

  const json& siret = out[0];
  CHECK(siret.at("input") == "200 040 657 00013");
  CHECK(siret.at("normalized") == "20004065700013");
  CHECK(siret.at("type") == "siret");
  CHECK(siret.at("valid") == true);
  CHECK(siret.at("message").is_string());
  CHECK(siret.at("siren") == "200040657");
  CHECK(siret.at("vat") == "FR55200040657");

  const json& vat = out[1];
  CHECK(vat.at("normalized") == "FR55200040657");
  CHECK(vat.at("type") == "fr-vat");
  CHECK(vat.at("valid") == true);
  CHECK(vat.at("siren") == "200040657");

  const json& siren = out[2];
  CHECK(siren.at("type") == "siren");
  CHECK(siren.at("vat") == "FR55200040657");

  const json& unknown = out[3];
  CHECK(unknown.at("type") == "unknown");
  CHECK(unknown.at("valid") == false);
  CHECK(contains(unknown.at("message").get<std::string>(), "13 chiffres"));
  CHECK_FALSE(unknown.contains("siren"));
  CHECK_FALSE(unknown.contains("vat"));

  const json& la_poste = out[4];
  CHECK(la_poste.at("type") == "siret");
  CHECK(la_poste.at("valid") == false);
  CHECK(contains(la_poste.at("message").get<std::string>(), "La Poste"));
}

TEST_CASE("id --format json --lang en: English messages", "[id]") {
  json out = id_json({"20004065A"}, {"--lang", "en"});
  CHECK(out[0].at("type") == "unknown");
  CHECK(contains(out[0].at("message").get<std::string>(), "contains \"A\", which is not a digit"));
}

TEST_CASE("id: La Poste, its head office, and a wrong VAT key through the binary", "[id]") {
  json out = id_json({"35600000000047", "35600000000048", "FR54200040657"});
  CHECK(out[0].at("valid") == true);  // digit sum 25, although Luhn fails
  CHECK(out[0].at("vat") == "FR39356000000");
  CHECK(out[1].at("valid") == true);  // the head office, by Luhn
  CHECK(out[2].at("valid") == false);
  CHECK(contains(out[2].at("message").get<std::string>(), "FR55200040657"));
}

TEST_CASE("id --scheme 0225: the reform's electronic address, as BR-FR-23/25 read it", "[id]") {
  json out = id_json({"903186427_ACHATS", "842153793", "ACHATS-903186427", "903186427 ACHATS",
                      "903186427@achats", std::string(126, 'a'), std::string(125, 'a')},
                     {"--scheme", "0225"});
  CHECK(out[0].at("type") == "electronic-address-0225");
  CHECK(out[0].at("normalized") == "903186427_ACHATS");  // as given
  CHECK(out[0].at("valid") == true);
  CHECK(out[0].at("siren") == "903186427");
  CHECK(contains(out[0].at("message").get<std::string>(), "BR-FR-21"));
  CHECK(out[1].at("valid") == true);
  CHECK(out[1].at("siren") == "842153793");
  // Valid for BR-FR-23, but no SIREN ahead: said, not refused.
  CHECK(out[2].at("valid") == true);
  CHECK_FALSE(out[2].contains("siren"));
  CHECK(contains(out[2].at("message").get<std::string>(), "Ne commence pas par un SIREN"));
  CHECK(out[3].at("valid") == false);  // a space: no separator is taken out
  CHECK(contains(out[3].at("message").get<std::string>(), "BR-FR-23"));
  CHECK(out[4].at("valid") == false);
  CHECK(out[5].at("valid") == false);
  CHECK(contains(out[5].at("message").get<std::string>(), "126 caractères : BR-FR-25"));
  CHECK(out[6].at("valid") == true);
}

TEST_CASE("id --scheme 0224: a private id, BR-FR-24/26; human output in English", "[id]") {
  json out = id_json({"CLIENT.42", std::string(101, '7')}, {"--scheme", "0224"});
  CHECK(out[0].at("type") == "private-id-0224");
  CHECK(out[0].at("valid") == true);
  CHECK_FALSE(out[0].contains("siren"));
  CHECK(out[1].at("valid") == false);
  CHECK(contains(out[1].at("message").get<std::string>(), "BR-FR-26"));

  RunResult r = run({"id", "--lang", "en", "--scheme", "0225", "903186427_ACHATS"});
  INFO(r.out);
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "Type:          electronic address (scheme 0225)\n"));
  CHECK(contains(r.out, "SIREN:         903186427\n"));
  CHECK(contains(r.out, "Starts with SIREN 903186427"));
  CHECK(run({"id", "--scheme", "0224", "a b"}).exit_code == 1);
}

TEST_CASE("id --scheme: another scheme is a usage error", "[id]") {
  RunResult r = run({"id", "--scheme", "0009", "20004065700013"});
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(contains(r.err, "0009"));
}
