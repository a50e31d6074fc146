#include "rules/en16931/core_rules.hpp"

#include "rules/en16931/en16931_rules.hpp"

namespace cprokit::en16931 {
namespace core {

namespace {

std::string_view local_name(std::string_view qualified) {
  auto colon = qualified.find(':');
  return colon == std::string_view::npos ? qualified : qualified.substr(colon + 1);
}

}  // namespace

bool unreadable(const Invoice& inv, const SourceRef& group, NumberPath path) {
  if (group.step == nullptr) return false;
  const auto& names = inv.syntax == Syntax::Ubl ? path.ubl : path.cii;
  for (const SourceRef& number : inv.unreadable_numbers) {
    const PathStep* step = number.step;
    bool match = true;
    for (auto name = std::rbegin(names); name != std::rend(names) && match; ++name) {
      match = step != nullptr && local_name(step->name) == *name;
      if (match) step = step->parent;
    }
    if (match && step == group.step) return true;
  }
  return false;
}

std::size_t characters(std::string_view utf8) {
  std::size_t n = 0;
  for (char c : utf8) {
    if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) ++n;  // not a continuation byte
  }
  return n;
}

}  // namespace core

void register_core_rules(Registry& registry) {
  core::register_document_rules(registry);
  core::register_party_rules(registry);
  core::register_line_rules(registry);
  core::register_allowance_vat_payment_rules(registry);
}

}  // namespace cprokit::en16931
