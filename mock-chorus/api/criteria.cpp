#include "mock-chorus/api/criteria.hpp"

namespace cprokit::mock {

std::optional<std::string> Criteria::text(std::string_view name) const {
  auto value = fields_.text(name);
  if (value && value->empty()) return std::nullopt;
  return value;
}

std::optional<std::int64_t> Criteria::integer(std::string_view name) const {
  // Identifiers come as numbers or strings: "" is the zero of a string.
  const json::Value* v = fields_.find(name);
  if (v != nullptr && v->type == json::Type::String && v->text.empty()) return std::nullopt;
  auto value = fields_.integer(name);
  if (value && *value == 0) return std::nullopt;
  return value;
}

std::vector<std::string> Criteria::texts(std::string_view name) const {
  std::vector<std::string> values = fields_.texts(name);
  std::erase_if(values, [](const std::string& v) { return v.empty(); });
  return values;
}

bool Criteria::narrows(std::string_view name) const {
  return fields_.flag(name).value_or(false);
}

Criteria Criteria::object(std::string_view name) const {
  return Criteria(fields_.object(name));
}

}  // namespace cprokit::mock
