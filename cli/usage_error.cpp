#include "cli/usage_error.hpp"

#include <iostream>

#include <fmt/format.h>

#include "cli/exit_codes.hpp"
#include "cli/user_error.hpp"

namespace cprokit::cli {
namespace po = boost::program_options;
namespace {

Message syntax_message(const po::invalid_syntax& e) {
  const std::string name = e.get_option_name();
  switch (e.kind()) {
    case po::invalid_syntax::missing_parameter:
      return {fmt::format("{} attend une valeur", name), fmt::format("{} needs a value", name)};
    case po::invalid_syntax::extra_parameter:
      return {fmt::format("{} ne prend pas de valeur", name),
              fmt::format("{} takes no value", name)};
    case po::invalid_syntax::empty_adjacent_parameter:
      return {fmt::format("{}= : la valeur suit le signe = sans espace", name),
              fmt::format("{}=: the value follows the = sign with no space", name)};
    default:
      break;
  }
  return {fmt::format("{} : écriture incorrecte de l'option", name),
          fmt::format("{}: the option is not written correctly", name)};
}

Message validation_message(const po::validation_error& e) {
  const std::string name = e.get_option_name();
  switch (e.kind()) {
    case po::validation_error::multiple_values_not_allowed:
      return {fmt::format("{} ne prend qu'une valeur", name),
              fmt::format("{} takes a single value", name)};
    case po::validation_error::at_least_one_value_required:
      return {fmt::format("{} attend une valeur", name), fmt::format("{} needs a value", name)};
    default:
      break;
  }
  return {fmt::format("{} : valeur incorrecte", name), fmt::format("{}: invalid value", name)};
}

}  // namespace

Message option_error_message(const po::error& e) {
  if (const auto* unknown = dynamic_cast<const po::unknown_option*>(&e)) {
    return {fmt::format("option inconnue : {}", unknown->get_option_name()),
            fmt::format("unknown option: {}", unknown->get_option_name())};
  }
  if (const auto* ambiguous = dynamic_cast<const po::ambiguous_option*>(&e)) {
    const std::string choices = fmt::format("{}", fmt::join(ambiguous->alternatives(), ", "));
    return {fmt::format("option ambiguë : {} peut être {}", ambiguous->get_option_name(), choices),
            fmt::format("ambiguous option: {} may be {}", ambiguous->get_option_name(), choices)};
  }
  if (const auto* twice = dynamic_cast<const po::multiple_occurrences*>(&e)) {
    return {fmt::format("{} est donnée plus d'une fois : gardez-en une", twice->get_option_name()),
            fmt::format("{} is given more than once: keep one", twice->get_option_name())};
  }
  if (const auto* values = dynamic_cast<const po::multiple_values*>(&e)) {
    return {fmt::format("{} ne prend qu'une valeur", values->get_option_name()),
            fmt::format("{} takes a single value", values->get_option_name())};
  }
  if (const auto* syntax = dynamic_cast<const po::invalid_syntax*>(&e))
    return syntax_message(*syntax);
  if (const auto* value = dynamic_cast<const po::validation_error*>(&e)) {
    return validation_message(*value);
  }
  if (dynamic_cast<const po::too_many_positional_options_error*>(&e) != nullptr) {
    return {"trop d'arguments", "too many arguments"};
  }
  return {fmt::format("option incorrecte : {}", e.what()), e.what()};
}

std::string usage_error_text(const std::exception& e, Lang lang) {
  if (const auto* user = dynamic_cast<const UserError*>(&e)) return user->message().in(lang);
  if (const auto* option = dynamic_cast<const po::error*>(&e)) {
    return option_error_message(*option).in(lang);
  }
  return e.what();
}

int refuse_usage(std::string_view command, const std::exception& e, Lang lang) {
  std::cerr << fmt::format("cprokit {}: {}\n(cprokit {} --help)\n", command,
                           usage_error_text(e, lang), command);
  return kExitUsage;
}

}  // namespace cprokit::cli
