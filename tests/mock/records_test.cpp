// What the mock stores for an invoice (mock-chorus/records): the same
// record whether the invoice came in a flux, read by the linter, or typed
// into a soumettre request.
#include <catch2/catch.hpp>

#include <string>

#include "mock-chorus/records/invoice_record.hpp"
#include "tests/mock/harness.hpp"
#include "validators/directory/directory_file.hpp"
#include "validators/pipeline.hpp"

using namespace cprokit;
using namespace cprokit::testing;

namespace {

const chorus::Directory& matheysine() {
  static const chorus::Directory d =
      directory::parse_directory(fixture_text("directory/matheysine.json"));
  return d;
}

Invoice read(const std::string& xml) {
  XsdSetup no_xsd;
  no_xsd.disabled = true;
  const Linter reader(LintOptions{}, no_xsd);
  LintedDocument doc;
  auto invoice = reader.read_invoice(xml, doc);
  REQUIRE(invoice);
  return std::move(*invoice);
}

const mock::AccountRecord kAlpine{kAlpineLogin, "", 25000103, 3};
constexpr mock::Millis kNow = 1'780'000'000'000;

}  // namespace

TEST_CASE("an invoice is stored alike from a flux and from a soumettre request",
          "[mock][records]") {
  // deposit-ok.json is the request for this invoice (fixtures/README.md).
  const mock::InvoiceRecord flux = mock::record_of(
      read(fixture_text("invoices/chorus/invoice-chorus-ok.xml")), kAlpine, matheysine(), kNow);
  const std::string body = fixture_text("deposits/deposit-ok.json");
  const mock::Body request(body);
  const mock::InvoiceRecord api =
      mock::record_of(request.fields(), body, kAlpine, matheysine(), kNow);

  CHECK(flux.mode_depot == "EDI");
  CHECK(api.mode_depot == "SAISIE_API");
  CHECK(api.numero_facture.starts_with("SAISIE-"));  // Chorus Pro numbers it
  for (const mock::InvoiceRecord* r : {&flux, &api}) {
    INFO(r->mode_depot);
    CHECK(r->login == kAlpineLogin);
    CHECK(r->id_fournisseur == 25000103);
    CHECK(r->code_fournisseur == "81234567600017");
    CHECK(r->designation_fournisseur == "MENUISERIE ALPINE SARL (fictif)");
    CHECK(r->code_destinataire == "20004065700013");
    CHECK(r->id_destinataire == 25000001);
    CHECK(r->designation_destinataire == "COMMUNAUTE DE COMMUNES DE LA MATHEYSINE");
    CHECK(r->code_service_executant == "SERVICE-TECHNIQUE");
    CHECK(r->numero_bon_commande == "BC2026-000123");
    CHECK(r->devise == "EUR");
    CHECK(r->type_facture == "FACTURE");
    CHECK(r->cadre_facturation == "A1_FACTURE_FOURNISSEUR");
    CHECK(r->montant_ht == "4195.60");
    CHECK(r->montant_tva == "839.12");
    CHECK(r->montant_ttc == "5034.72");
    CHECK(r->montant_a_payer == "5034.72");
    CHECK(r->statut == "DEPOSEE");
    CHECK(r->date_depot == kNow);
    CHECK(r->date_statut == kNow);
  }
}

TEST_CASE("the stored montantTVA is BT-110: no VAT total in no currency", "[mock][records]") {
  std::string xml = fixture_text("invoices/chorus/invoice-chorus-ok.xml");
  const std::string marked = R"(<cbc:TaxAmount currencyID="EUR">839.12</cbc:TaxAmount>)";
  const auto at = xml.find(marked);  // the TaxTotal's, before its subtotal's
  REQUIRE(at != std::string::npos);
  xml.replace(at, marked.size(), "<cbc:TaxAmount>839.12</cbc:TaxAmount>");
  CHECK(mock::record_of(read(xml), kAlpine, matheysine(), kNow).montant_tva == "0");
}
