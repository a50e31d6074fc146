// French business identifiers: SIREN (9 digits), SIRET (14 digits: SIREN +
// NIC) and the French VAT number (FR + 2-digit key + SIREN), and the IBAN.
// Pure functions, shared by the Chorus Pro rules, the account-data rules and
// `cprokit id`.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "rules/finding.hpp"

namespace cprokit::chorus {

// The value with the spaces, non-breaking spaces and dots people type removed
// ("200 040 657 00013" -> "20004065700013"). Nothing else is changed.
std::string without_separators(std::string_view value);

// Luhn checksum over a string of ASCII digits (false on anything else).
bool luhn_valid(std::string_view digits);

// An IBAN in ISO 13616-1's electronic format: two capital letters (the
// country), two check digits, then capital letters or digits, 15 to 34 in
// all (exactly as many as the country's IBANs have, for a country of SWIFT's
// IBAN registry); the whole gives 1 modulo 97 once its first four characters
// are moved to the end and letters read as 10 (A) to 35 (Z).
bool iban_valid(std::string_view iban);

// What is wrong with `value` as an IBAN, or nullopt when iban_valid(value).
// `presentation` is true when the value is a valid IBAN once written in the
// electronic format (ISO 13616-1's paper format has spaces between groups of
// four and may start with "IBAN"; lower-case letters are read as capitals):
// the message then gives that form. Otherwise the message says which part is
// wrong: a character that is no letter or digit, the country code and check
// digits, the length for the country, or the check digits (and the ones the
// rest of the IBAN gives).
struct IbanProblem {
  Message message;
  bool presentation = false;
};
std::optional<IbanProblem> iban_problem(std::string_view value);

// nullopt when `value` (separators already removed) is a valid SIREN / SIRET /
// French VAT number; otherwise what is wrong, in French and English, naming
// the value found and what is expected. A SIRET of La Poste (SIREN 356000000)
// is valid when its digit sum is a multiple of 5, except the head office
// 35600000000048, which follows Luhn.
std::optional<Message> siren_problem(std::string_view value);
std::optional<Message> siret_problem(std::string_view value);
// `expected_siren`: when given, the VAT number must carry that SIREN.
std::optional<Message> fr_vat_problem(std::string_view value,
                                      std::optional<std::string_view> expected_siren = {});

// The two-digit key of the French VAT number of a valid SIREN:
// (12 + 3 * (SIREN mod 97)) mod 97, zero-padded ("FR" + key + SIREN).
std::string fr_vat_key(std::string_view siren);

// What a value (separators removed) looks like: 9 digits a SIREN, 14 digits a
// SIRET, "FR" followed by anything a French VAT number; otherwise Unknown.
enum class IdentifierType { Siren, Siret, FrVat, Unknown };
IdentifierType identifier_type(std::string_view value);

// Why a value of type Unknown is none of the three: what it looks like
// (how many digits, a foreign VAT number, ...) and what each one is.
Message unknown_identifier_problem(std::string_view value);

// True for a SIRET of La Poste other than its head office: those are checked
// by their digit sum, not by Luhn.
bool is_la_poste_establishment(std::string_view siret);

}  // namespace cprokit::chorus
