#include "cli/rehearse/rehearsal_data.hpp"

#include <stdexcept>
#include <string>

namespace cprokit::cli::rehearse {
namespace {

std::string_view embedded(std::string_view name) {
  for (const Asset& asset : rehearsal_data()) {
    if (asset.name == name) return asset.text;
  }
  throw std::logic_error("not embedded: " + std::string(name));  // a build mistake
}

}  // namespace

std::string_view demo_directory() {
  return embedded("matheysine.json");
}

std::string_view invoice_template() {
  return embedded("eng-03-other-budget.xml");
}

}  // namespace cprokit::cli::rehearse
