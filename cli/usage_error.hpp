// What a subcommand says when its command line cannot be used: a bad
// option or value, a file an option names that cannot be read. Said in the
// language the command line asks for, French by default.
#pragma once

#include <exception>
#include <string>
#include <string_view>

#include <boost/program_options/errors.hpp>

#include "rules/finding.hpp"

namespace cprokit::cli {

// A Boost.Program_options error in our words, naming the option.
Message option_error_message(const boost::program_options::error& e);

// The text of `e` in `lang`: a UserError's own (cli/user_error.hpp), a
// Boost.Program_options error put in words, else what().
std::string usage_error_text(const std::exception& e, Lang lang);

// Prints "cprokit COMMAND: text" and where the help is on standard error;
// returns the usage exit code.
int refuse_usage(std::string_view command, const std::exception& e, Lang lang);

}  // namespace cprokit::cli
