// The portal's "Déposer une facture": a structured file pre-fills the form,
// Valider shows each finding of the controls next to its field, Envoyer
// deposits by the API's own path, and what is typed comes back escaped.
#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include "mock-chorus/deposit/deposit.hpp"
#include "mock-chorus/portal/deposit_form.hpp"
#include "rules/chorus/parties.hpp"
#include "rules/model/invoice.hpp"
#include "tests/mock/portal_support.hpp"

using namespace cprokit::testing;
namespace portal = cprokit::mock::portal;

namespace {

const std::string kUbl = "invoices/chorus/invoice-chorus-ok.xml";
const std::string kPlainPdf =
    "invoices/facturx/no-invoice-xml.pdf";  // a PDF with no invoice inside

portal::PortalReply upload(Visitor& v, const std::string& format, const std::string& fixture,
                           const std::string& name) {
  return v.post("/portail/factures/deposer",
                {{"format", format}, {"cadre", "A1_FACTURE_FOURNISSEUR"}},
                {{"fichier", {name, "application/octet-stream", fixture_text(fixture)}}});
}

// The form's values as the page shows them, as a browser would send them back.
std::map<std::string, std::string> shown_values(const std::string& html) {
  std::map<std::string, std::string> form;
  for (const auto& f : portal::form_fields())
    form[std::string(f.name)] = field_value(html, std::string(f.name));
  return form;
}

// A plain PDF's form, filled in for the Matheysine's transport budget.
std::map<std::string, std::string> transport_form() {
  return {{"siret", "20004065700054"},
          {"service", "TRANSPORT-SCOLAIRE"},
          {"numero", "FA-2026-0100"},
          {"date", "2026-03-12"},
          {"type", "FACTURE"},
          {"engagement", "TR-2026-0007"},
          {"type_tva", "TVA_SUR_DEBIT"},
          {"mode_paiement", "VIREMENT"},
          {"ht", "100,00"},
          {"tva", "20,00"},
          {"ttc", "120,00"},
          {"net", "120,00"},
          {"nom", "MENUISERIE ALPINE SARL - FA-2026-0100.pdf"}};
}

cprokit::mock::InvoicePage alpine_invoices(MockHarness& h) {
  cprokit::mock::InvoiceQuery q;
  q.id_fournisseur = kAlpineStructure;
  return h.mock().store().search(q);
}

std::string status_after(MockHarness& h, std::int64_t id, const std::string& wanted) {
  std::string statut;
  for (int i = 0; i < 100; ++i) {
    statut = h.mock().store().invoice(id)->statut;
    if (statut == wanted) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return statut;
}

}  // namespace

TEST_CASE("portal deposit: a UBL invoice pre-fills the form, deposits, and is made available",
          "[mock][portal][deposit]") {
  MockHarness h;
  h.start();
  Visitor alpine(h, kAlpineStructure, "compta@menuiserie-alpine.example");

  const auto sent = upload(alpine, "XML", kUbl, "invoice-chorus-ok.xml");
  REQUIRE(sent.status == 303);
  REQUIRE(location_of(sent) == "/portail/factures/deposer/saisie");
  const auto page = alpine.get("/portail/factures/deposer/saisie");
  REQUIRE(page.status == 200);

  // Pre-filled with what the linter reads in the file.
  const auto invoice = cprokit::mock::deposit::recognise(h.mock(), "f.xml", fixture_text(kUbl));
  REQUIRE(invoice);
  REQUIRE(invoice->totals);
  const auto& totals = *invoice->totals;
  auto form = shown_values(page.body);
  CHECK(form["numero"] == invoice->number->value);
  CHECK(form["date"] == invoice->issue_date->value);
  CHECK(form["siret"] == cprokit::chorus::siret_of(invoice->buyer)->value);
  CHECK(form["service"] == invoice->buyer_reference->value);
  CHECK(form["engagement"] == invoice->purchase_order_reference->value);
  CHECK(form["ht"] == totals.tax_exclusive->value.to_string());
  CHECK(form["tva"] == cprokit::vat_total_in_invoice_currency(*invoice)->value.to_string());
  CHECK(form["ttc"] == totals.tax_inclusive->value.to_string());
  CHECK(form["net"] == totals.payable->value.to_string());
  CHECK_THAT(page.body, !Catch::Contains("value=\"envoyer\""));  // Valider first

  const auto validated = alpine.post("/portail/factures/deposer/saisie", [&] {
    auto f = form;
    f["action"] = "valider";
    return f;
  }());
  REQUIRE(validated.status == 303);
  const auto ready = alpine.get("/portail/factures/deposer/saisie");
  CHECK_THAT(ready.body, Catch::Contains("value=\"envoyer\""));
  // The file's name lacks the supplier's: the notice's naming rule warns beside the name.
  CHECK_THAT(element(ready.body, "err-nom", "div"), Catch::Contains("CPRO-NAME-01"));

  form["action"] = "envoyer";
  const auto deposited = alpine.post("/portail/factures/deposer/saisie", form);
  REQUIRE(deposited.status == 303);
  REQUIRE(location_of(deposited) == "/portail/factures/deposer/certificat");
  const auto certificate = alpine.get("/portail/factures/deposer/certificat");
  REQUIRE(certificate.status == 200);
  const auto found = alpine_invoices(h);
  REQUIRE(found.invoices.size() == 1);
  const auto& r = found.invoices.front();
  CHECK_THAT(certificate.body, Catch::Contains("href=\"/portail/factures/" +
                                               std::to_string(r.identifiant_facture_cpp) + "\""));
  CHECK(r.numero_facture == invoice->number->value);
  CHECK(r.login == alpine.user().email);   // deposited as the portal user, for its structure
  CHECK(r.mode_depot == "DEPOT_PDF_API");  // as deposer/pdf + soumettre record it
  CHECK(status_after(h, r.identifiant_facture_cpp, "MISE_A_DISPOSITION") == "MISE_A_DISPOSITION");

  // The same invoice again: refused as a duplicate, next to its number.
  REQUIRE(upload(alpine, "XML", kUbl, "invoice-chorus-ok.xml").status == 303);
  form["action"] = "envoyer";
  const auto again = alpine.post("/portail/factures/deposer/saisie", form);
  CHECK(again.status == 422);
  CHECK_THAT(element(again.body, "err-numero", "div"), Catch::Contains("REJ_UNI"));
}

TEST_CASE("portal deposit: a plain PDF with another budget's engagement is refused beside it",
          "[mock][portal][deposit]") {
  MockHarness h;
  h.start();
  Visitor alpine(h, kAlpineStructure, "compta@menuiserie-alpine.example");
  REQUIRE(upload(alpine, "PDF", kPlainPdf, "facture.pdf").status == 303);
  const auto page = alpine.get("/portail/factures/deposer/saisie");
  CHECK(field_value(page.body, "numero").empty());  // nothing to pre-fill from

  // BC2026-000123 is the main budget's, not the transport budget's (fixtures/deposits/*eng-03*).
  const std::string engagement = "BC2026-000123";
  const auto* owner = h.mock().catalogue()->directory->owner_of_engagement(engagement);
  REQUIRE(owner != nullptr);
  REQUIRE(owner->identifiant != "20004065700054");
  auto form = transport_form();
  form["engagement"] = engagement;
  form["action"] = "valider";
  for (const auto& [lang, other] : {std::pair{"fr", "en"}, std::pair{"en", "fr"}}) {
    INFO(lang);
    const auto refused =
        alpine.post("/portail/factures/deposer/saisie", form, {}, {{"lang", lang}});
    CHECK(refused.status == 422);
    CHECK_THAT(refused.body, Catch::Contains(std::string("<html lang=\"") + lang + "\">"));
    const std::string beside = element(refused.body, "err-engagement", "div");
    CHECK_THAT(beside, Catch::Contains("CPRO-ENG-03") && Catch::Contains(owner->identifiant));
    CHECK_THAT(refused.body, Catch::Contains("id=\"engagement\" name=\"engagement\" value=\"" +
                                             engagement + "\"") &&
                                 Catch::Contains("aria-invalid=\"true\""));
    CHECK_THAT(element(refused.body, "contenu", "main"),
               Catch::Contains("class=\"error-summary\" role=\"alert\"") &&
                   Catch::Contains("href=\"#engagement\""));
  }
  CHECK(alpine_invoices(h).total == 0);

  // Its own engagement number passes, and the PDF is deposited.
  form["engagement"] = "TR-2026-0007";
  REQUIRE(alpine.post("/portail/factures/deposer/saisie", form).status == 303);
  form["action"] = "envoyer";
  CHECK(alpine.post("/portail/factures/deposer/saisie", form).status == 303);
  CHECK(alpine_invoices(h).total == 1);
}

TEST_CASE("portal deposit: an amount that is not the file's is CPRO-TOT-05, beside the amount",
          "[mock][portal][deposit]") {
  MockHarness h;
  h.start();
  Visitor alpine(h, kAlpineStructure, "compta@menuiserie-alpine.example");
  REQUIRE(upload(alpine, "XML", kUbl, "MENUISERIE ALPINE SARL - FA-2026-0042.xml").status == 303);
  auto form = shown_values(alpine.get("/portail/factures/deposer/saisie").body);
  form["net"] = "5000,00";
  form["action"] = "valider";
  const auto refused = alpine.post("/portail/factures/deposer/saisie", form);
  CHECK(refused.status == 422);
  CHECK_THAT(element(refused.body, "err-net", "div"), Catch::Contains("CPRO-TOT-05"));
  CHECK(field_value(refused.body, "net") == "5000.00");  // kept, as the API reads it
  CHECK_THAT(element(refused.body, "err-nom", "div"), !Catch::Contains("CPRO-NAME-01"));
  CHECK(alpine_invoices(h).total == 0);
}

TEST_CASE("portal deposit: a plain PDF named without the company is CPRO-NAME-02, beside the name",
          "[mock][portal][deposit]") {
  MockHarness h;
  h.start();
  Visitor alpine(h, kAlpineStructure, "compta@menuiserie-alpine.example");
  REQUIRE(upload(alpine, "PDF", kPlainPdf, "facture.pdf").status == 303);
  auto form = transport_form();
  form["nom"] = "Facture FA-2026-0100.pdf";
  form["action"] = "valider";
  // A warning: the form is valid and may be sent, the warning shown beside the name.
  REQUIRE(alpine.post("/portail/factures/deposer/saisie", form).status == 303);
  const auto warned = alpine.get("/portail/factures/deposer/saisie");
  const std::string beside = element(warned.body, "err-nom", "div");
  CHECK_THAT(beside, Catch::Contains("CPRO-NAME-02") && Catch::Contains("MENUISERIE ALPINE"));

  form["nom"] = "Menuiserie Alpine SARL (fictif) FA-2026-0100.pdf";
  REQUIRE(alpine.post("/portail/factures/deposer/saisie", form).status == 303);
  const auto named = alpine.get("/portail/factures/deposer/saisie");
  CHECK_THAT(element(named.body, "err-nom", "div"), !Catch::Contains("CPRO-NAME-02"));
}

TEST_CASE("portal deposit: with a plain PDF every field is required, said beside it",
          "[mock][portal][deposit]") {
  MockHarness h;
  h.start();
  Visitor alpine(h, kAlpineStructure, "compta@menuiserie-alpine.example");
  REQUIRE(upload(alpine, "PDF", kPlainPdf, "facture.pdf").status == 303);
  for (const auto& f : portal::form_fields()) {
    if (!f.typed) continue;  // a choice in a list always has a value
    const std::string name(f.name);
    INFO(name);
    auto form = transport_form();
    form[name] = "";
    form["action"] = "valider";
    const auto refused = alpine.post("/portail/factures/deposer/saisie", form);
    CHECK(refused.status == 422);
    CHECK_THAT(element(refused.body, "err-" + name, "div"),
               Catch::Contains("Ce champ est obligatoire."));
    // The other values are kept.
    const std::string other = name == "numero" ? "siret" : "numero";
    CHECK(field_value(refused.body, other) == transport_form()[other]);
  }

  // Step 1 too: no file, no format.
  const auto empty =
      alpine.post("/portail/factures/deposer", {{"cadre", "A1_FACTURE_FOURNISSEUR"}});
  CHECK(empty.status == 422);
  CHECK_THAT(element(empty.body, "err-format", "div"), Catch::Contains("PDF ou XML"));
  CHECK_FALSE(element(empty.body, "err-fichier", "div").empty());
  // A file that is not a PDF, sent as one.
  CHECK(upload(alpine, "PDF", kUbl, "f.xml").status == 422);
}

TEST_CASE("portal deposit: HTML and script typed in every text field come back escaped",
          "[mock][portal][deposit]") {
  MockHarness h;
  h.start();
  Visitor alpine(h, kAlpineStructure, "compta@menuiserie-alpine.example");
  const std::string hostile = "<script>alert(\"x\")</script><b onmouseover='y'>&";
  REQUIRE(upload(alpine, "PDF", kPlainPdf, hostile + ".pdf").status == 303);
  std::map<std::string, std::string> form{{"action", "valider"}};
  for (const auto& f : portal::form_fields())
    form[std::string(f.name)] = hostile;
  const auto answered = alpine.post("/portail/factures/deposer/saisie", form);
  CHECK(answered.status == 422);
  CHECK_THAT(answered.body, !Catch::Contains("<script") && !Catch::Contains("<b "));
  CHECK_THAT(answered.body, Catch::Contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"));
  for (const auto& f : portal::form_fields()) {
    if (f.typed) CHECK(field_value(answered.body, std::string(f.name)) == hostile);
  }

  // Amounts and date right, so that the rules run and quote what was typed.
  auto quoted = transport_form();
  for (const char* name : {"siret", "service", "numero", "engagement", "nom"})
    quoted[name] = hostile;
  quoted["action"] = "valider";
  const auto ruled = alpine.post("/portail/factures/deposer/saisie", quoted);
  CHECK(ruled.status == 422);
  CHECK_THAT(ruled.body, Catch::Contains("CPRO-SIRET-02") || Catch::Contains("CPRO-SIRET-03"));
  CHECK_THAT(ruled.body, !Catch::Contains("<script") && !Catch::Contains("<b "));
}

TEST_CASE("portal deposit: only for a signed-in user with the workspace",
          "[mock][portal][deposit]") {
  MockHarness h;
  h.start();
  Visitor anonymous(h);
  const auto asked = anonymous.get("/portail/factures/deposer");
  CHECK(asked.status == 303);
  CHECK(location_of(asked) == "/portail/connexion?suite=/portail/factures/deposer");
  Visitor alpine(h, kAlpineStructure, "compta@menuiserie-alpine.example");
  // A form without its CSRF token is refused before the page runs.
  CHECK(alpine.post("/portail/factures/deposer", {{"csrf", "forged"}}).status == 403);
}
