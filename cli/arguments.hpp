// What every subcommand does with its arguments (Boost.Program_options):
// named options, then any number of positional values; --help; --lang.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <boost/program_options.hpp>

#include "rules/finding.hpp"

namespace cprokit::cli {

// Parses `argv` into `visible` (the options --help shows) and `positionals`.
// Returns false when --help was asked: the help and `examples` are printed on
// stdout and the command has nothing else to do. Throws
// boost::program_options::error on a bad option.
bool parse_arguments(const std::vector<std::string>& argv,
                     const boost::program_options::options_description& visible,
                     std::vector<std::string>& positionals, std::string_view examples,
                     boost::program_options::variables_map& vm);

// --lang: "fr" or "en"; throws UserError (cli/user_error.hpp) otherwise.
Lang parse_lang(const std::string& name);

// The language `argv` asks for (--lang en, --lang=en, -l en, -len, or a
// shorter --lang as Boost takes it; the last one counts), French by default.
// Read before the parse, so that a command line the parse refuses is
// answered in its language too.
Lang requested_lang(const std::vector<std::string>& argv);

}  // namespace cprokit::cli
