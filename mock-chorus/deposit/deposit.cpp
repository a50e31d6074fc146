#include "mock-chorus/deposit/deposit.hpp"

#include <algorithm>

#include "mock-chorus/records/invoice_record.hpp"
#include "mock-chorus/wire/body.hpp"
#include "rules/chorus/depositor.hpp"
#include "validators/sha256.hpp"

namespace cprokit::mock::deposit {
namespace {

using Outcome = Submission::Outcome;

// The name soumettre's request is linted under (its findings' "document").
constexpr const char* kRequestName = "soumettre.json";

bool refused_as_not_theirs(const std::vector<Finding>& findings) {
  return std::ranges::any_of(findings, [](const Finding& f) {
    return f.severity == Severity::Fatal && f.rule == chorus::kDepositorRule;
  });
}

}  // namespace

std::int64_t keep(Mock& mock, const AccountRecord& account, const File& file) {
  AttachmentRecord meta;
  meta.login = account.login;
  meta.nom = file.nom;
  meta.extension = file.extension;
  meta.type_mime = file.type_mime;
  meta.date = mock.now();
  return mock.store().insert_attachment(meta, file.bytes);
}

std::optional<Invoice> recognise(const Mock& mock, const std::string& nom, std::string_view bytes) {
  std::optional<Invoice> invoice;
  mock.catalogue()->linter->lint(nom, bytes, invoice);
  return invoice;
}

FileCheck check_file(const Mock& mock, const AccountRecord& account, const std::string& nom,
                     std::string_view bytes, const std::string& document_name) {
  std::optional<Invoice> invoice;
  FileCheck out;
  out.findings = mock.catalogue()
                     ->linter_for(account)
                     .for_deposit(document_name, nullptr)
                     .lint(nom, bytes, invoice)
                     .findings;
  if (invoice) out.invoice = std::make_shared<const Invoice>(std::move(*invoice));
  return out;
}

std::vector<Finding> check_request(const Mock& mock, const AccountRecord& account,
                                   std::string_view body,
                                   std::shared_ptr<const Invoice> invoice_file) {
  return mock.catalogue()
      ->linter_for(account)
      .for_deposit({}, std::move(invoice_file))
      .lint(kRequestName, body)
      .findings;
}

Submission submit(Mock& mock, const AccountRecord& account, std::string_view body,
                  std::shared_ptr<const Invoice> invoice_file) {
  const Body parsed(body);
  const Fields f = parsed.fields();
  // Read first, as the API does: a missing or malformed field of these is a
  // 400 naming it before any rule runs.
  const std::string mode = f.required_text("modeDepot");
  f.object("fournisseur").required_integer("idFournisseur");

  Submission out;
  out.findings = check_request(mock, account, body, std::move(invoice_file));
  if (refused_as_not_theirs(out.findings)) {
    out.outcome = Outcome::NotTheirs;
    return out;
  }
  if (has_fatal(out.findings)) {
    out.outcome = Outcome::Refused;
    return out;
  }
  if (mode != "SAISIE_API") {
    for (const auto& pj : f.objects("pieceJointePrincipale")) {
      const std::int64_t id = pj.required_integer("pieceJointePrincipaleId");
      const auto meta = mock.store().attachment(id);
      if (!meta || meta->login != account.login) {
        out.outcome = Outcome::UnknownAttachment;
        out.attachment = id;
        out.attachment_field = pj.path_of("pieceJointePrincipaleId");
        return out;
      }
    }
  }
  const auto catalogue = mock.catalogue();
  out.record = record_of(f, body, account, *catalogue->directory, mock.now());
  // A scenario's status outcome applies to every way of depositing (its
  // flux outcomes only to deposer/flux).
  const auto outcome =
      mock.scenarios().outcome_for(scenario::deposited_invoice(out.record), out.record.date_depot);
  const auto inserted = mock.store().insert_invoice(
      out.record, account.login, outcome ? scenario::planned_move(*outcome) : std::nullopt);
  if (const auto* duplicate = std::get_if<DuplicateInvoice>(&inserted)) {
    out.outcome = Outcome::Duplicate;
    out.duplicate_of = duplicate->existing_id;
    return out;
  }
  out.record.identifiant_facture_cpp = std::get<std::int64_t>(inserted);
  out.certificate = sha256_hex(body);
  out.outcome = Outcome::Deposited;
  return out;
}

}  // namespace cprokit::mock::deposit
