// The command line of `cprokit serve`: where it listens, the reference data
// it judges with (as `lint` and `mock` take them) and its limits.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "rules/finding.hpp"

namespace cprokit::cli::serve {

struct ServeOptions {
  std::string bind = "127.0.0.1";
  int port = 8080;
  std::optional<std::string> schemas;
  bool no_xsd = false;
  std::optional<std::string> codelists;
  bool no_codelists = false;
  std::optional<std::string> directory;
  std::size_t max_body = std::size_t{20} * 1024 * 1024;  // lint's --max-bytes
  std::chrono::milliseconds document_timeout{10'000};
  std::size_t max_concurrent = 1;  // set to the number of cores when not given
  std::size_t queue = 4;           // set to 4 × max_concurrent when not given
  std::chrono::milliseconds request_timeout{30'000};
  Lang lang = Lang::Fr;  // of the command's own messages (answers: the lang parameter)
};

// The options in `argv`; nullopt when --help was asked (the help is then
// printed). Throws UserError or a Boost.Program_options error on a bad one.
std::optional<ServeOptions> parse_serve_options(const std::vector<std::string>& argv);

}  // namespace cprokit::cli::serve
