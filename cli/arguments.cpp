#include "cli/arguments.hpp"

#include <iostream>

#include <fmt/format.h>

namespace cprokit::cli {
namespace po = boost::program_options;

bool parse_arguments(const std::vector<std::string>& argv, const po::options_description& visible,
                     std::vector<std::string>& positionals, std::string_view examples,
                     po::variables_map& vm) {
  po::options_description all;
  all.add(visible).add_options()("positional", po::value(&positionals));
  po::positional_options_description positional;
  positional.add("positional", -1);
  po::store(po::command_line_parser(argv).options(all).positional(positional).run(), vm);
  po::notify(vm);
  if (vm.count("help") == 0) return true;
  std::cout << visible << examples;
  return false;
}

Lang parse_lang(const std::string& name) {
  if (name == "fr") return Lang::Fr;
  if (name == "en") return Lang::En;
  throw po::error(fmt::format("--lang: « {} » inconnu / unknown (fr | en)", name));
}

}  // namespace cprokit::cli
