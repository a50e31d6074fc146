// Reads a JSON document into a tree that keeps what the rules need and a
// plain JSON library forgets: where each value starts (line and column),
// numbers exactly as written (amounts must stay exact decimals), and every
// member of an object, duplicate keys included, in file order.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace cprokit::json {

enum class Type { Null, Boolean, Number, String, Array, Object };

struct Member;

struct Value {
  Type type = Type::Null;
  // String: the decoded text; Number: the number as written ("1200.50");
  // Boolean: "true" or "false"; empty otherwise.
  std::string text;
  std::vector<Member> members;  // Object, in file order
  std::vector<Value> elements;  // Array
  std::uint32_t line = 0;       // 1-based, where the value starts
  std::uint32_t column = 0;     // 1-based, in characters

  bool is_true() const { return type == Type::Boolean && text == "true"; }
};

struct Member {
  std::string key;
  Value value;
};

// Not JSON (RFC 8259), with the place where reading stopped.
struct SyntaxError {
  std::string detail;  // in English, from the parser ("syntax error while parsing value…")
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

// Nested deeper than the limit: refused before the tree grows (and before a
// hostile file can exhaust the stack).
struct TooDeep {
  unsigned limit = 0;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

using ParseResult = std::variant<Value, SyntaxError, TooDeep>;

// Parses UTF-8 JSON text (a leading BOM is allowed). Never throws for bad
// input.
ParseResult parse(std::string_view text, unsigned max_depth);

// `key` as a JSON Pointer reference token (RFC 6901): ~ as ~0, / as ~1.
std::string pointer_token(std::string_view key);

// A JSON type as a message names it, in English and in French.
std::string_view type_name_en(Type type);
std::string_view type_name_fr(Type type);

}  // namespace cprokit::json
