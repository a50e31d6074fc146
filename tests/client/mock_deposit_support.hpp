// What the tests of deposit_file() against the mock share: a mock that
// integrates at once, a client of its demo PISTE application and Alpine's
// technical account, a fixture placed as a file to deposit, quick polling,
// and the mock's store counted.
#pragma once

#include <filesystem>
#include <string>

#include "cli/client/chorus_client.hpp"
#include "cli/client/deposit.hpp"
#include "tests/mock/harness.hpp"

namespace cprokit::testing {

// Alpine's invoice as the fixtures name it when deposited (CPRO-NAME-01).
inline constexpr const char* kDepositName = "Menuiserie Alpine SARL_FA-2026-0042.xml";

// No pause between flux states nor lifecycle steps.
mock::MockOptions fast_mock();

// A client of the mock's demo application, as Alpine's technical account,
// retrying after 10 ms rather than 200 ms.
client::ChorusClient client_of(const MockHarness& h, client::ClientOptions options = {});

// The fixture `relative` copied into the mock's data folder, named `name`.
std::filesystem::path invoice_file(const MockHarness& h, const std::string& relative,
                                   const std::string& name = kDepositName);

// Polls every 10 to 50 ms, waits and looks for a lost deposit 20 s at most.
client::DepositOptions quick();

// Whether the pre-flight lint of `r` fired `rule`.
bool fired(const client::DepositReport& r, const std::string& rule);

// How many rows the mock's store holds in `table` ("flux", "invoices").
int count_rows(const MockHarness& h, const std::string& table);

}  // namespace cprokit::testing
