// What `cprokit deposit` prints of its deposits: lines for people in the
// run's language, or one JSON document (a contract, see README "Deposit
// with cprokit deposit"), and the exit code they make.
#pragma once

#include <ostream>
#include <span>
#include <string>

#include "cli/client/deposit.hpp"
#include "rules/finding.hpp"

namespace cprokit::cli {

void write_deposits_text(std::ostream& out, std::span<const client::DepositReport> reports,
                         Lang lang);
void write_deposits_json(std::ostream& out, std::span<const client::DepositReport> reports,
                         const std::string& server, Lang lang);

// 4 when an outcome is unknown (lost, pending) or the server could not be
// reached or authenticated; else 2 when a file cannot be read; else 1 when
// a file was rejected, partly integrated or refused by the pre-flight lint;
// else 0 (every file integrated, now or by an earlier run).
int deposit_exit_code(std::span<const client::DepositReport> reports);

}  // namespace cprokit::cli
