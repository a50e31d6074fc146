// The mock's documented limits, at their edge: one request exactly at the
// limit, accepted, and one just past it, refused, so that a limit moved by
// one, or a <= turned into <, fails a test. The files are made here.
#include <catch2/catch.hpp>

#include <cstddef>
#include <cstdlib>  // mkdtemp
#include <filesystem>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "mock-chorus/auth/secret_hash.hpp"
#include "mock-chorus/wire/reply.hpp"
#include "tests/mock/harness.hpp"
#include "validators/base64.hpp"

using cprokit::encode_base64;
using namespace cprokit::testing;
namespace fs = std::filesystem;

namespace {

constexpr std::size_t kMiB = std::size_t{1024} * 1024;

std::string alpine() {
  return MockHarness::account_header(kAlpineLogin, kAlpinePassword);
}

bool mentions(const Answer& a, const std::string& text) {
  return a.body.value("libelle", "").find(text) != std::string::npos;
}

// The valid UBL invoice numbered `number`, made exactly `size` bytes long by
// a comment before its root element.
std::string invoice_of_size(const std::string& number, std::size_t size) {
  std::string xml = valid_ubl(number);
  const std::size_t filler = size - xml.size() - 8;  // "<!--" and "-->\n"
  xml.insert(xml.find("<Invoice"), "<!--" + std::string(filler, 'x') + "-->\n");
  REQUIRE(xml.size() == size);
  return xml;
}

Answer deposit_flux(MockHarness& h, const std::string& file, const std::string& name) {
  return h.call("/cpro/factures/v1/deposer/flux", {{"fichierFlux", encode_base64(file)},
                                                   {"nomFichier", name},
                                                   {"syntaxeFlux", "IN_DP_E1_UBL_INVOICE"},
                                                   {"avecSignature", false}});
}

// The codeErreur of each technical error of a flux's detailed report.
std::vector<std::string> technical_codes(const json& cr) {
  std::vector<std::string> codes;
  for (const auto& e : cr.at("listeErreurTechnique"))
    codes.push_back(e.at("codeErreur"));
  return codes;
}

}  // namespace

TEST_CASE("thresholds: a request body of 48 MB is read, one byte more is a 413",
          "[mock][thresholds]") {
  MockHarness h;
  h.start();
  REQUIRE(h.mock().options().max_body == 48 * kMiB);  // README: "Bodies over 48 MB: 413"
  const std::string search =
      R"({"structure": {"identifiantStructure": "20004065700013", "typeIdentifiantStructure": "SIRET"}})";
  const auto padded = [&](std::size_t size) {
    return search + std::string(size - search.size(), ' ');
  };
  const std::string path = "/cpro/structures/v1/rechercher";
  const Answer at = h.post(path, padded(48 * kMiB), h.token(), alpine());
  INFO(at.body.dump().substr(0, 500));
  CHECK(at.status == 200);
  CHECK(at.body["listeStructures"].size() == 1);
  CHECK(h.post(path, padded(48 * kMiB + 1), h.token(), alpine()).status == 413);
}

TEST_CASE("thresholds: a flux file of 10 MB is taken and integrates, one byte more is refused",
          "[mock][thresholds]") {
  MockHarness h;
  h.start();
  const Answer at = deposit_flux(h, invoice_of_size("FA-2026-0910", 10 * kMiB), "facture.xml");
  REQUIRE(at.status == 200);
  // The linter's CPRO-SIZE-01 agrees: not over 10 MB.
  const json cr = h.wait_for_flux(at.body["numeroFluxDepot"]);
  INFO(cr.dump(2));
  CHECK(cr["etatCourantDepotFlux"] == "IN_INTEGRE");

  const Answer over = deposit_flux(h, invoice_of_size("FA-2026-0911", 10 * kMiB + 1), "f.xml");
  CHECK(over.status == 400);
  CHECK(mentions(over, "GDP_MSG_11.022"));
}

TEST_CASE("thresholds: a lot of 30 MB compressed is taken, one byte more is refused",
          "[mock][thresholds]") {
  MockHarness h;
  h.start();
  // Taken means answered with a flux number; these bytes are no archive,
  // which the worker then says.
  const auto lot = [](std::size_t size) { return "\x1f\x8b" + std::string(size - 2, 'x'); };
  const Answer at = deposit_flux(h, lot(30 * kMiB), "lot.tar.gz");
  INFO(at.body.dump());
  CHECK(at.status == 200);
  CHECK(at.body.contains("numeroFluxDepot"));
  const Answer over = deposit_flux(h, lot(30 * kMiB + 1), "lot.tar.gz");
  CHECK(over.status == 400);
  CHECK(mentions(over, "GDP_MSG_11.022"));
}

TEST_CASE("thresholds: a lot holds 500 files at most", "[mock][thresholds]") {
  MockHarness h;
  h.start();
  const auto lot_of = [](std::size_t count) {
    std::vector<std::pair<std::string, std::string>> files;
    files.emplace_back("a.xml", valid_ubl("FA-2026-0920"));
    for (std::size_t i = 1; i < count; ++i)
      files.emplace_back("n" + std::to_string(i) + ".txt", "not an invoice");
    return tar_gz(files);
  };
  const Answer at = deposit_flux(h, lot_of(500), "lot.tar.gz");
  REQUIRE(at.status == 200);
  const json read = h.wait_for_flux(at.body["numeroFluxDepot"]);
  CHECK(read["etatCourantDepotFlux"] == "IN_INTEGRE_PARTIEL");  // a.xml, not the 499 others
  CHECK(read["listeErreurTechnique"].size() == 499);

  const Answer over = deposit_flux(h, lot_of(501), "lot.tar.gz");
  REQUIRE(over.status == 200);
  const json refused = h.wait_for_flux(over.body["numeroFluxDepot"]);
  INFO(refused.dump(2));
  CHECK(refused["etatCourantDepotFlux"] == "IN_REJETE");
  CHECK(technical_codes(refused) == std::vector<std::string>{"LOT_ILLISIBLE"});
}

TEST_CASE("thresholds: a file of a lot is 10 MB at most", "[mock][thresholds]") {
  MockHarness h;
  h.start();
  const Answer at = deposit_flux(h, tar_gz({{"a.xml", invoice_of_size("FA-2026-0930", 10 * kMiB)}}),
                                 "lot.tar.gz");
  REQUIRE(at.status == 200);
  const json read = h.wait_for_flux(at.body["numeroFluxDepot"]);
  INFO(read.dump(2));
  CHECK(read["etatCourantDepotFlux"] == "IN_INTEGRE");

  const Answer over = deposit_flux(
      h, tar_gz({{"a.xml", invoice_of_size("FA-2026-0931", 10 * kMiB + 1)}}), "lot.tar.gz");
  REQUIRE(over.status == 200);
  const json refused = h.wait_for_flux(over.body["numeroFluxDepot"]);
  CHECK(technical_codes(refused) == std::vector<std::string>{"LOT_ILLISIBLE"});
}

TEST_CASE("thresholds: deposer/pdf takes 10 MB, one byte more is a 413", "[mock][thresholds]") {
  MockHarness h;
  h.start();
  const auto deposit_pdf = [&](std::size_t size) {
    const std::string head = "%PDF-1.7\n";  // no Factur-X: its fields stay null
    return h.call("/cpro/factures/v1/deposer/pdf",
                  {{"fichierFacture", encode_base64(head + std::string(size - head.size(), 'x'))},
                   {"nomFichier", "facture.pdf"},
                   {"formatDepot", "PDF_NON_SIGNE"}});
  };
  const Answer at = deposit_pdf(10 * kMiB);
  INFO(at.body.dump());
  CHECK(at.status == 200);
  CHECK(at.body.contains("pieceJointeId"));
  CHECK(deposit_pdf(10 * kMiB + 1).status == 413);
}

TEST_CASE("thresholds: an attachment of 10 MB named in 50 characters", "[mock][thresholds]") {
  MockHarness h;
  h.start();
  const auto attach = [&](const std::string& name, std::size_t size) {
    return h.call("/cpro/transverses/v1/ajouter/fichier",
                  {{"pieceJointeFichier", encode_base64(std::string(size, 'x'))},
                   {"pieceJointeNom", name},
                   {"pieceJointeExtension", "TXT"},
                   {"pieceJointeTypeMime", "text/plain"}});
  };
  const std::string name50 = std::string(46, 'n') + ".txt";
  const Answer at = attach(name50, 10 * kMiB);
  INFO(at.body.dump());
  CHECK(at.status == 200);
  CHECK(at.body.contains("pieceJointeId"));
  const Answer big = attach(name50, 10 * kMiB + 1);
  CHECK(big.status == 400);
  CHECK(big.body["codeRetour"] == 20003);  // the real API's code for a file over 10 MB

  const Answer long_name = attach("n" + name50, 10);
  CHECK(long_name.status == 400);
  CHECK(mentions(long_name, "IRR_NOM_PJ"));
}

TEST_CASE("thresholds: a token is valid for its lifetime (3600 s by default), not a ms more",
          "[mock][thresholds][auth]") {
  // A mock of its own on a clock the test sets: the HTTP harness runs on the
  // wall clock, which moves between two calls.
  cprokit::mock::init_crypto();
  std::string dir = (fs::temp_directory_path() / "cprokit-mock-token-XXXXXX").string();
  REQUIRE(::mkdtemp(dir.data()) != nullptr);
  cprokit::mock::MockOptions options;
  REQUIRE(options.token_lifetime == 3'600'000);  // README: expires_in 3600
  options.data_dir = dir;
  options.xsd.disabled = true;
  cprokit::mock::Millis now = 1'700'000'000'000;
  {
    cprokit::mock::Mock mock(options, [&now] { return now; });
    mock.load_directory(fixture_text("directory/matheysine.json"));
    auto& gatekeeper = mock.gatekeeper();
    const cprokit::mock::Reply issued =
        gatekeeper.issue_token({"client_credentials", kClientId, kClientSecret, ""});
    REQUIRE(issued.status == 200);
    CHECK(issued.body["expires_in"] == 3600);
    const std::string bearer = "Bearer " + issued.body["access_token"].get<std::string>();

    now += 3'600'000 - 1;
    CHECK(std::holds_alternative<cprokit::mock::AccountRecord>(gatekeeper.admit(bearer, alpine())));
    now += 1;
    const auto expired = gatekeeper.admit(bearer, alpine());
    REQUIRE(std::holds_alternative<cprokit::mock::Reply>(expired));
    CHECK(std::get<cprokit::mock::Reply>(expired).status == 401);
  }
  std::error_code ignored;
  fs::remove_all(dir, ignored);
}
