// CPRO-NAME-01, CPRO-NUM-01, CPRO-PAY-01 and CPRO-SIZE-01: the deposited
// document's name, number, payment means and size.
#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/core.h>

#include "rules/chorus/chorus_rules.hpp"
#include "rules/chorus/document_name.hpp"
#include "rules/chorus/identifiers.hpp"
#include "rules/chorus/limits.hpp"
#include "rules/engine/context.hpp"
#include "rules/engine/reporter.hpp"

namespace cprokit::chorus {
namespace {

// UNTDID 4461 payment means that are credit transfers: Chorus Pro wants an IBAN.
constexpr std::array<std::string_view, 4> kCreditTransferCodes = {"30", "31", "42", "58"};

void check_document_name(const Invoice& inv, const Context& ctx, Reporter& report) {
  if (ctx.document_name.empty() || !inv.seller.name || !inv.number) return;
  if (auto problem =
          document_name_problem(ctx.document_name, inv.seller.name->value, inv.number->value)) {
    report.fire(Location{}, std::move(*problem));
  }
}

bool usable_number_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '_' ||
         c == '/';
}

void check_invoice_number(const Invoice& inv, const Context&, Reporter& report) {
  if (!inv.number || inv.number->value.empty()) {
    report.fire(
        inv.number ? inv.number->source.location() : Location{},
        {"Numéro de facture (BT-1) absent ou vide.", "Invoice number (BT-1) missing or empty."});
    return;
  }
  const Text& number = *inv.number;
  // Among A-Z a-z 0-9 and + - _ /, as the reform's BR-FR-01 (limits.hpp).
  if (number.value.size() <= kMaxInvoiceNumberLength &&
      std::ranges::all_of(number.value, usable_number_char)) {
    return;
  }
  report.fire(number.source,
              {fmt::format("Numéro de facture (BT-1) « {} » inutilisable : attendu au plus {} "
                           "caractères parmi A-Z a-z 0-9 + - _ /, sans espace.",
                           number.value, kMaxInvoiceNumberLength),
               fmt::format("Invoice number (BT-1) \"{}\" is unusable: expected at most {} "
                           "characters among A-Z a-z 0-9 + - _ /, no space.",
                           number.value, kMaxInvoiceNumberLength)});
}

bool is_credit_transfer(const PaymentMeans& means) {
  return means.code &&
         std::ranges::find(kCreditTransferCodes, means.code->value) != kCreditTransferCodes.end();
}

// A credit transfer's accounts (BT-84): Chorus Pro accepts only an IBAN
// (API.md §6), and one valid IBAN is enough. A valid IBAN written for reading
// — ISO 13616-1's paper format, groups of four separated by spaces, perhaps
// after "IBAN", or in lower case — is the right account in the wrong
// presentation: ISO 13616-1 keeps the electronic format (capitals and digits,
// no space) for electronic exchange, but EN 16931 sets no format for BT-84
// (the official EN 16931 examples print their IBANs in groups of four and
// pass its validation) and nothing published says Chorus Pro refuses it. So
// it is a warning that gives the electronic form; any other account is fatal.
void check_transfer_accounts(const PaymentMeans& means, Reporter& report) {
  const std::string& code = means.code->value;
  if (means.payee_accounts.empty()) {
    report.fire(means.source,
                {fmt::format("Virement (code {}) sans IBAN (BT-84) : Chorus Pro n'accepte que "
                             "l'IBAN pour un virement ; donnez celui du compte à créditer.",
                             code),
                 fmt::format("Credit transfer (code {}) without an IBAN (BT-84): Chorus Pro "
                             "accepts only an IBAN for a credit transfer; give the one of the "
                             "account to credit.",
                             code)});
    return;
  }
  std::vector<std::pair<const Identifier*, IbanProblem>> problems;
  for (const Identifier& account : means.payee_accounts) {
    std::optional<IbanProblem> problem = iban_problem(account.value);
    if (!problem) return;
    problems.emplace_back(&account, std::move(*problem));
  }
  // An IBAN that only needs writing in the electronic format still pays:
  // the other accounts of the same means are not fatal then.
  const bool payable =
      std::ranges::any_of(problems, [](const auto& p) { return p.second.presentation; });
  for (const auto& [account, problem] : problems) {
    if (problem.presentation) {
      report.fire_as(Severity::Warning, account->source.location(),
                     explained(fmt::format("Virement (code {}), IBAN (BT-84) : ", code),
                               fmt::format("Credit transfer (code {}), IBAN (BT-84): ", code),
                               problem.message));
    } else if (!payable) {
      report.fire(account->source,
                  explained(fmt::format("Virement (code {}) sans IBAN valide (BT-84), le seul "
                                        "compte que Chorus Pro accepte pour un virement : ",
                                        code),
                            fmt::format("Credit transfer (code {}) without a valid IBAN "
                                        "(BT-84), the only account Chorus Pro accepts for a "
                                        "credit transfer: ",
                                        code),
                            problem.message));
    }
  }
}

void check_payment_means(const Invoice& inv, const Context&, Reporter& report) {
  if (inv.kind == DocumentKind::CreditNote) return;  // a credit note carries no payment mode
  if (inv.payment_means.empty()) {
    report.fire(Location{},
                {"Moyen de paiement absent (BG-16, code BT-81) : Chorus Pro rejette une facture "
                 "qui n'en donne pas. Pour un virement : code 30 ou 58 et l'IBAN (BT-84).",
                 "Payment means missing (BG-16, code BT-81): Chorus Pro rejects an invoice "
                 "without one. For a credit transfer: code 30 or 58 and the IBAN (BT-84)."});
    return;
  }
  for (const PaymentMeans& means : inv.payment_means) {
    if (is_credit_transfer(means)) check_transfer_accounts(means, report);
  }
}

void check_size(const Invoice&, const Context& ctx, Reporter& report) {
  if (ctx.document_size <= kMaxFileBytes) return;
  report.fire(Location{},
              {fmt::format("Fichier de {} octets : Chorus Pro refuse un fichier de plus de {} Mo "
                           "({} octets).",
                           ctx.document_size, kMaxFileMegabytes, kMaxFileBytes),
               fmt::format("File of {} bytes: Chorus Pro refuses a file over {} MB ({} bytes).",
                           ctx.document_size, kMaxFileMegabytes, kMaxFileBytes)});
}

}  // namespace

void register_document_rules(Registry& registry) {
  registry.add(chorus_rule(
      "CPRO-NAME-01", Severity::Warning,
      {"Le nom du document déposé contient le nom du fournisseur et le numéro de facture.",
       "The deposited document's name contains the supplier's name and the invoice number."},
      {"BT-1", "BT-27"}, check_document_name));
  registry.add(chorus_rule(
      "CPRO-NUM-01", Severity::Fatal,
      {fmt::format("Le numéro de facture (BT-1) est présent, d'au plus {} caractères parmi A-Z "
                   "a-z 0-9 + - _ /.",
                   kMaxInvoiceNumberLength),
       fmt::format("The invoice number (BT-1) is present, at most {} characters among A-Z a-z "
                   "0-9 + - _ /.",
                   kMaxInvoiceNumberLength)},
      {"BT-1"}, check_invoice_number));
  registry.add(chorus_rule(
      "CPRO-PAY-01", Severity::Fatal,
      {"La facture donne un moyen de paiement ; un virement donne un IBAN valide (écrit avec "
       "des espaces ou en minuscules : avertissement).",
       "The invoice gives a payment means; a credit transfer gives a valid IBAN (written with "
       "spaces or in lower case: a warning)."},
      {"BT-81", "BT-84"}, check_payment_means));
  registry.add(chorus_rule("CPRO-SIZE-01", Severity::Fatal,
                           {fmt::format("Le fichier fait au plus {} Mo.", kMaxFileMegabytes),
                            fmt::format("The file is at most {} MB.", kMaxFileMegabytes)},
                           {}, check_size));
}

}  // namespace cprokit::chorus
