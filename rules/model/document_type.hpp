// What a document is (its kind) and how it is written (its syntax).
// The spellings returned by name() are those of the JSON output contract.
#pragma once

#include <string_view>

namespace cprokit {

enum class DocumentKind { Invoice, CreditNote, Account, DepositRequest, Unknown };
enum class Syntax { Ubl, Cii, FacturX, CproJson, AccountJson, Unknown };

constexpr std::string_view name(DocumentKind k) {
  switch (k) {
    case DocumentKind::Invoice:
      return "invoice";
    case DocumentKind::CreditNote:
      return "credit-note";
    case DocumentKind::Account:
      return "account";
    case DocumentKind::DepositRequest:
      return "deposit-request";
    case DocumentKind::Unknown:
      break;
  }
  return "unknown";
}

constexpr std::string_view name(Syntax s) {
  switch (s) {
    case Syntax::Ubl:
      return "UBL";
    case Syntax::Cii:
      return "CII";
    case Syntax::FacturX:
      return "FACTURX";
    case Syntax::CproJson:
      return "CPRO-JSON";
    case Syntax::AccountJson:
      return "ACCOUNT-JSON";
    case Syntax::Unknown:
      break;
  }
  return "UNKNOWN";
}

}  // namespace cprokit
