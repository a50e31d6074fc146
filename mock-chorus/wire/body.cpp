#include "mock-chorus/wire/body.hpp"

#include <charconv>
#include <variant>

#include <fmt/core.h>

#include "mock-chorus/wire/reply.hpp"
#include "rules/chorus/file_name.hpp"

namespace cprokit::mock {
namespace {

constexpr unsigned kMaxDepth = 64;

std::optional<std::int64_t> whole_number(std::string_view text) {
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

void missing_field(const std::string& path) {
  refuse(fmt::format("Le champ {} est obligatoire.", path),
         fmt::format("Field {} is required.", path));
}

std::string Fields::path_of(std::string_view name) const {
  return path_.empty() ? std::string(name) : fmt::format("{}.{}", path_, name);
}

const json::Value* Fields::find(std::string_view name) const {
  if (object_ == nullptr || object_->type != json::Type::Object) return nullptr;
  for (const auto& m : object_->members) {
    if (m.key == name) return m.value.type == json::Type::Null ? nullptr : &m.value;
  }
  return nullptr;
}

void Fields::wrong_type(std::string_view name, std::string_view expected_fr,
                        std::string_view expected_en) const {
  const json::Value* v = find(name);
  refuse(fmt::format("Le champ {} doit être {} (reçu : {}).", path_of(name), expected_fr,
                     json::type_name_fr(v->type)),
         fmt::format("Field {} must be {} (got {}).", path_of(name), expected_en,
                     json::type_name_en(v->type)));
}

std::optional<std::string> Fields::text(std::string_view name) const {
  const json::Value* v = find(name);
  if (v == nullptr) return std::nullopt;
  if (v->type != json::Type::String && v->type != json::Type::Number) {
    wrong_type(name, "une chaîne", "a string");
  }
  return v->text;
}

std::string Fields::required_text(std::string_view name) const {
  auto v = text(name);
  if (!v || v->empty()) missing_field(path_of(name));
  return *v;
}

std::string Fields::required_file_name(std::string_view name) const {
  std::string value = required_text(name);
  if (const auto problem = chorus::file_name_problem(value)) {
    refuse(fmt::format("Le champ {} doit être un nom de fichier : {}.", path_of(name), problem->fr),
           fmt::format("Field {} must be a file name: {}.", path_of(name), problem->en));
  }
  return value;
}

std::optional<std::int64_t> Fields::integer(std::string_view name) const {
  const json::Value* v = find(name);
  if (v == nullptr) return std::nullopt;
  if (v->type == json::Type::Number || v->type == json::Type::String) {
    if (auto n = whole_number(v->text)) return n;
  }
  wrong_type(name, "un nombre entier", "a whole number");
}

std::int64_t Fields::required_integer(std::string_view name) const {
  auto v = integer(name);
  if (!v) missing_field(path_of(name));
  return *v;
}

std::optional<bool> Fields::flag(std::string_view name) const {
  const json::Value* v = find(name);
  if (v == nullptr) return std::nullopt;
  if (v->type != json::Type::Boolean) wrong_type(name, "un booléen", "a boolean");
  return v->is_true();
}

Fields Fields::object(std::string_view name) const {
  const json::Value* v = find(name);
  if (v != nullptr && v->type != json::Type::Object) wrong_type(name, "un objet", "an object");
  return {v, path_of(name)};
}

std::vector<Fields> Fields::objects(std::string_view name) const {
  const json::Value* v = find(name);
  std::vector<Fields> out;
  if (v == nullptr) return out;
  if (v->type != json::Type::Array) wrong_type(name, "un tableau", "an array");
  for (std::size_t i = 0; i < v->elements.size(); ++i) {
    const std::string path = fmt::format("{}[{}]", path_of(name), i);
    if (v->elements[i].type != json::Type::Object) {
      refuse(fmt::format("{} doit être un objet.", path),
             fmt::format("{} must be an object.", path));
    }
    out.emplace_back(&v->elements[i], path);
  }
  return out;
}

std::vector<std::string> Fields::texts(std::string_view name) const {
  const json::Value* v = find(name);
  std::vector<std::string> out;
  if (v == nullptr) return out;
  if (v->type == json::Type::String) return {v->text};  // one value for a list: taken
  if (v->type != json::Type::Array)
    wrong_type(name, "un tableau de chaînes", "an array of strings");
  for (std::size_t i = 0; i < v->elements.size(); ++i) {
    if (v->elements[i].type != json::Type::String) {
      const std::string path = fmt::format("{}[{}]", path_of(name), i);
      refuse(fmt::format("{} doit être une chaîne.", path),
             fmt::format("{} must be a string.", path));
    }
    out.push_back(v->elements[i].text);
  }
  return out;
}

Body::Body(std::string_view text) {
  json::ParseResult parsed = json::parse(text, kMaxDepth);
  if (const auto* e = std::get_if<json::SyntaxError>(&parsed)) {
    refuse(fmt::format("Corps de requête JSON invalide (ligne {}, colonne {}) : {}", e->line,
                       e->column, e->detail),
           fmt::format("Invalid JSON request body (line {}, column {})", e->line, e->column));
  }
  if (const auto* e = std::get_if<json::TooDeep>(&parsed)) {
    refuse(fmt::format("Corps de requête JSON imbriqué sur plus de {} niveaux (ligne {}).",
                       e->limit, e->line),
           fmt::format("JSON request body nested over {} levels (line {}).", e->limit, e->line));
  }
  root_ = std::move(std::get<json::Value>(parsed));
  if (root_.type != json::Type::Object) {
    refuse(fmt::format("Le corps de la requête doit être un objet JSON (reçu : {}).",
                       json::type_name_fr(root_.type)),
           fmt::format("The request body must be a JSON object (got {}).",
                       json::type_name_en(root_.type)));
  }
}

}  // namespace cprokit::mock
