// Reading a request body the way the mock wants it: malformed JSON, a value
// of the wrong type or a missing mandatory field is refused with a 400 that
// names the field (Refused); unknown fields are ignored, as real clients
// send fields the mock does not model; null reads as absent.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "validators/json/json_tree.hpp"

namespace cprokit::mock {

// The fields of one JSON object of the body; `path` names it in messages
// ("structure", "lignePoste[2]"; empty for the root).
class Fields {
 public:
  Fields(const json::Value* object, std::string path) : object_(object), path_(std::move(path)) {}

  // The member, or null when absent or null.
  const json::Value* find(std::string_view name) const;

  // A string (a JSON number is taken as written, as identifiers come both ways).
  std::optional<std::string> text(std::string_view name) const;
  std::string required_text(std::string_view name) const;
  // A file's name, never a path (rules/chorus/file_name.hpp).
  std::string required_file_name(std::string_view name) const;
  // A whole number, given as a JSON number or a string of digits.
  std::optional<std::int64_t> integer(std::string_view name) const;
  std::int64_t required_integer(std::string_view name) const;
  std::optional<bool> flag(std::string_view name) const;
  // A nested object; its Fields are empty (every find() null) when absent.
  Fields object(std::string_view name) const;
  // The elements of an array (objects expected); empty when absent.
  std::vector<Fields> objects(std::string_view name) const;
  // An array of strings.
  std::vector<std::string> texts(std::string_view name) const;

  bool present() const { return object_ != nullptr; }
  std::string path_of(std::string_view name) const;

 private:
  [[noreturn]] void wrong_type(std::string_view name, std::string_view expected_fr,
                               std::string_view expected_en) const;

  const json::Value* object_;
  std::string path_;
};

class Body {
 public:
  // Parses the body (the root must be an object); throws Refused (400) when not.
  explicit Body(std::string_view text);
  Fields fields() const { return {&root_, ""}; }

 private:
  json::Value root_;
};

[[noreturn]] void missing_field(const std::string& path);

}  // namespace cprokit::mock
