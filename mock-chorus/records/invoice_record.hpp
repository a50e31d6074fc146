// An invoice as the mock stores it (InvoiceRecord), made here and nowhere
// else, from what was deposited: an invoice the linter read (a flux, the
// Factur-X of deposer/pdf) or a soumettre request. Both start the same way:
// the depositing account, its structure named as the directory names it,
// the buyer found in the directory, status DEPOSEE.
#pragma once

#include <string_view>

#include "mock-chorus/store/records.hpp"
#include "mock-chorus/wire/body.hpp"
#include "rules/chorus/directory.hpp"
#include "rules/model/invoice.hpp"

namespace cprokit::mock {

// The record of `invoice` deposited in a flux by `account`, at `now`. What
// the invoice lacks stays empty (deposer/pdf shows what it recognised); an
// integrated invoice passed the rules, so its number, date and totals are
// there.
InvoiceRecord record_of(const Invoice& invoice, const AccountRecord& account,
                        const chorus::Directory& directory, Millis now);

// The record of a soumettre request by `account`, at `now`: `request` reads
// its body, `body` is its text (its lignePoste and ligneTva are kept as
// sent). In SAISIE_API, the invoice is numbered here, as Chorus Pro does.
// Throws Refused (400) when the request names no buyer.
InvoiceRecord record_of(const Fields& request, std::string_view body, const AccountRecord& account,
                        const chorus::Directory& directory, Millis now);

}  // namespace cprokit::mock
