// The value tests the BR-FR schematron defines as functions, re-written from
// their XPath: each takes a value as the rule reads it and says whether the
// reform accepts it. XPath's \d (any Unicode decimal digit) is read as an
// ASCII digit: the values concerned are identifiers and codes in ASCII.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "rules/model/text.hpp"
#include "rules/model/values.hpp"

namespace cprokit::fr {

// Whether `s` is `n` ASCII digits, nothing else.
bool is_digits(std::string_view s, std::size_t n);

// A SIREN as the rules read one (BR-FR-10, BR-FR-32): nine digits once
// white space is normalized.
bool is_siren(std::string_view s);

// BR-FR-09 (check-siret-siren-coherence): the SIRET is 14 digits and starts
// with the SIREN.
bool siret_matches_siren(std::string_view siret, std::string_view siren);

// BR-FR-08 (is-valid-billing-mode): a cadre de facturation of BT-23, B/S/M
// (goods, services, mixed) then its case: B1 … M9.
bool is_billing_mode(std::string_view code);

// BR-FR-04 (is-valid-document-type-code): a document type code the reform
// accepts for BT-3 (invoices, credit notes, corrective, self-billed, down
// payment and factored ones; not 326, 751 and the like).
bool is_document_type(std::string_view code);

// BR-FR-15 (is-valid-vat-category-code): a VAT category code the reform
// accepts (S, E, AE, K, G, O, Z), as written; L and M (Canary Islands, Ceuta
// and Melilla) are not among them.
bool is_vat_category(std::string_view code);

// BR-FR-16 (is-valid-vat-rate): a VAT rate as the reform writes it, a French
// rate in percent with at most two decimals ("20", "20.0", "20.00", "5.5",
// "2.10"...), compared as text: "20.000" and "20 %" are not.
bool is_vat_rate(std::string_view rate);

// BR-FR-23, BR-FR-24 (is-valid-schemeid-format): an electronic address of
// scheme 0225 or a private id of scheme 0224 is made of ASCII letters,
// digits and "+", "-", "_", "." only, at least one.
bool is_scheme_id_format(std::string_view value);

// XPath string-length(): the number of characters (Unicode code points) of
// a UTF-8 text, not of bytes.
std::size_t char_count(std::string_view utf8);
// How the reform wants a decimal written (is-valid-decimal-19-2, -19-4,
// -19-6, -19-6-positive, is-valid-percent-4-2-positive): ASCII digits, at
// most `decimals` of them after a '.', a leading '-' only when `negative`
// is allowed, and at most `digits` characters once the '.' is taken out
// (the sign counts: "-" and 19 digits is too long).
struct DecimalForm {
  int digits = 0;
  int decimals = 0;
  bool negative = false;
};
inline constexpr DecimalForm kAmountForm{19, 2, true};       // BR-FR-DEC-01
inline constexpr DecimalForm kQuantityForm{19, 4, true};     // BR-FR-DEC-02
inline constexpr DecimalForm kPriceForm{19, 6, false};       // BR-FR-DEC-03
inline constexpr DecimalForm kSignedPriceForm{19, 6, true};  // BR-FR-DEC-03, cadre S9/B9/M9
inline constexpr DecimalForm kRateForm{4, 2, false};         // BR-FR-DEC-04

// Whether `text` (as the rules read it: white space normalized) has `form`.
bool has_decimal_form(std::string_view text, DecimalForm form);

// BR-FR-01 (string-length(.) le 35): at most 35 characters, not bytes.
bool fits_identifier_length(std::string_view id);

// BR-FR-02 (is-valid-id-format): letters A-Z a-z, digits and + - _ /, at
// least one, no space anywhere.
bool is_identifier_format(std::string_view id);

// BR-FR-03 (is-valid-date-format), a date of the years 2000 to 2099 that
// exists (29 February in leap years only), as each syntax writes it:
// CII, its first 8 characters are CCYYMMDD (what follows is not read);
// UBL, the whole text is CCYY-MM-DD.
bool is_reform_date_cii(std::string_view date);
bool is_reform_date_ubl(std::string_view date);

// isSpecialContractBD: the cadre de facturation (BT-23) of a bi-directional
// contract, S9, B9 or M9 once white space is normalized.
bool is_bidirectional_billing_mode(std::string_view code);

// The number of non-overlapping occurrences of `marker` in `text`, left to
// right (XPath count(tokenize(text, marker)) - 1 for a literal marker).
std::size_t occurrences(std::string_view text, std::string_view marker);

// isSpecialContract: the cadre de facturation (BT-23) of a multi-vendor
// (S8, B8, M8) or a bi-directional (S9, B9, M9) contract, once white space
// is normalized. Most BR-FR-MV rules ask this one, not the next.
bool is_special_billing_mode(std::string_view code);

// isSpecialContractMV: the cadre de facturation (BT-23) of a multi-vendor
// contract, S8, B8 or M8 once white space is normalized.
bool is_multi_vendor_billing_mode(std::string_view code);

// A self-billed document type (389, 261, 501, 500, 502, 471, 473), compared
// as given: BR-FR-21/22 (whose addressee is then the seller), BR-FR-MV-13
// (which a multi-vendor invoice cannot be), BR-FR-BD-13 (which a
// bi-directional invoice must be).
bool is_self_billed_type(std::string_view code);

// BR-FR-MV-14: a corrective invoice or a credit note type (384, 472, 381,
// 396, 503), which must name the invoices it corrects; compared as given.
bool is_corrective_or_credit_type(std::string_view code);
// BR-FR-17 (is-valid-attachment-code): a supporting document's description
// (BT-123) the reform accepts, as written: RIB, LISIBLE, FEUILLE_DE_STYLE,
// PJA, BORDEREAU_SUIVI, DOCUMENT_ANNEXE, BON_LIVRAISON, BON_COMMANDE,
// BORDEREAU_SUIVI_VALIDATION, ETAT_ACOMPTE, FACTURE_PAIEMENT_DIRECT,
// RECAPITULATIF_COTRAITANCE.
bool is_attachment_code(std::string_view code);

// XPath number() of a text: an xs:double as XML Schema writes one ("100",
// "-1.5", "1e2", ".5E-1", "INF", "-INF", "NaN"), with white space around it;
// NaN for anything else ("", "1,5", "1e").
double xpath_number(std::string_view text);
// XPath number() of an amount element: its value when it is a decimal,
// else what number() makes of its text ("1e2" is 100); NaN when absent.
double xpath_number(const std::optional<Amount>& amount,
                    const std::optional<UnreadableAmount>& unreadable);

}  // namespace cprokit::fr
