// An integrated invoice as the mock stores it, from the EN 16931 model.
#pragma once

#include "mock-chorus/mock.hpp"
#include "mock-chorus/store/records.hpp"
#include "rules/model/invoice.hpp"

namespace cprokit::mock {

// The record of `invoice` deposited by `account` (status DEPOSEE at `now`).
// The invoice passed the rules, so its number, date and totals are there.
InvoiceRecord record_of(const Invoice& invoice, const AccountRecord& account,
                        const Catalogue& catalogue, Millis now);

}  // namespace cprokit::mock
