// The subcommands of `cprokit`. Each takes the arguments after its name and
// returns the process exit code (cli/exit_codes.hpp).
#pragma once

#include <string>
#include <vector>

namespace cprokit::cli {

int lint_command(const std::vector<std::string>& argv);
int rules_command(const std::vector<std::string>& argv);
int id_command(const std::vector<std::string>& argv);
int mock_command(const std::vector<std::string>& argv);
int deposit_command(const std::vector<std::string>& argv);
int rehearse_command(const std::vector<std::string>& argv);
int serve_command(const std::vector<std::string>& argv);
int merge_command(const std::vector<std::string>& argv);
int facturx_command(const std::vector<std::string>& argv);

}  // namespace cprokit::cli
