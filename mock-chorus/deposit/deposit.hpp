// A deposit in two steps, as factures/v1/deposer/pdf and soumettre make it
// (../shared/chorus-pro/API.md §3.3, §3.4): the file is kept first, then the
// request that goes with it is controlled by the linter's rules and, when
// no fatal finding stands, recorded as an invoice. One implementation for
// the API's handlers and the portal's "Déposer une facture" pages: they only
// differ in how they read what they are sent and how they answer.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mock-chorus/mock.hpp"
#include "rules/finding.hpp"
#include "rules/model/invoice.hpp"

namespace cprokit::mock::deposit {

// A file deposited to be submitted later, as `account` sent it.
struct File {
  std::string nom;        // its name
  std::string extension;  // PDF, XML
  std::string type_mime;
  std::string_view bytes;
};

// Keeps `file` for `account`; its pieceJointeId. The size limit is the
// caller's to check first (the API and the portal answer it differently).
std::int64_t keep(Mock& mock, const AccountRecord& account, const File& file);

// The invoice a deposited file is, or embeds (Factur-X), read as the linter
// reads it; nullopt for a file that holds none (a plain PDF).
std::optional<Invoice> recognise(const Mock& mock, const std::string& nom, std::string_view bytes);

// The linter's rules on a deposited file, as `account` deposits it under the
// name `document_name` (CPRO-NAME-01); the invoice read, when one was.
struct FileCheck {
  std::vector<Finding> findings;
  std::shared_ptr<const Invoice> invoice;
};
FileCheck check_file(const Mock& mock, const AccountRecord& account, const std::string& nom,
                     std::string_view bytes, const std::string& document_name);

// What became of a soumettre request.
struct Submission {
  enum class Outcome {
    Deposited,          // recorded: `record` as stored, with its id
    Refused,            // a fatal finding among `findings`
    NotTheirs,          // CPRO-DEP-03: the supplier is not the account's structure
    UnknownAttachment,  // a pieceJointePrincipaleId that is not the account's upload
    Duplicate,          // the supplier already has this invoice number this year
  };
  Outcome outcome = Outcome::Refused;
  std::vector<Finding> findings;  // every finding of the controls, fatal or not
  InvoiceRecord record;           // Deposited, Duplicate: the invoice recorded or refused
  std::int64_t duplicate_of = 0;  // Duplicate: the invoice already there
  std::int64_t attachment = 0;    // UnknownAttachment: the id, and the field naming it
  std::string attachment_field;
  std::string certificate;  // Deposited: empreinteCertificatDepot, the request's SHA-256
};

// The deposit-request rules on `body` (a soumettre request), as `account`
// sends it, checked against `invoice_file` when given (CPRO-TOT-05).
std::vector<Finding> check_request(const Mock& mock, const AccountRecord& account,
                                   std::string_view body,
                                   std::shared_ptr<const Invoice> invoice_file = nullptr);

// soumettre: controls `body` (check_request), checks its attachments (PDF
// modes), records the invoice. Throws Refused (400) for a request that does
// not name what the API reads before any rule runs (modeDepot,
// fournisseur.idFournisseur, destinataire.codeDestinataire).
Submission submit(Mock& mock, const AccountRecord& account, std::string_view body,
                  std::shared_ptr<const Invoice> invoice_file = nullptr);

}  // namespace cprokit::mock::deposit
