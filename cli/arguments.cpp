#include "cli/arguments.hpp"

#include <iostream>

#include <fmt/core.h>

#include "cli/user_error.hpp"

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
  throw UserError({fmt::format("--lang : « {} » inconnue, attendu fr ou en", name),
                   fmt::format("--lang: unknown \"{}\", expected fr or en", name)});
}

Lang requested_lang(const std::vector<std::string>& argv) {
  constexpr std::string_view kLong = "--lang";
  Lang lang = Lang::Fr;
  auto take = [&](std::string_view value) {
    if (value == "fr") lang = Lang::Fr;
    if (value == "en") lang = Lang::En;
  };
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--") break;  // what follows is positional
    const std::string_view name = arg.substr(0, arg.find('='));
    const bool long_form = name.size() >= 3 && kLong.starts_with(name);
    if (long_form && name.size() < arg.size()) {
      take(arg.substr(name.size() + 1));
    } else if ((long_form || arg == "-l") && i + 1 < argv.size()) {
      take(argv[++i]);
    } else if (arg.starts_with("-l") && arg.size() > 2) {
      take(arg.substr(2));
    }
  }
  return lang;
}

}  // namespace cprokit::cli
