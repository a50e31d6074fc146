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

directory::PisteClient demo_client() {
  const auto file = directory::read_directory_file(demo_directory());
  if (file.clients.empty()) throw std::logic_error("the demo directory has no PISTE client");
  return file.clients.front();
}

std::string_view invoice_template() {
  return embedded("eng-03-other-budget.xml");
}

}  // namespace cprokit::cli::rehearse
