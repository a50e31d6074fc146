// json::parse: where each value starts (line, column in characters), numbers
// exactly as written, members in file order with duplicates, and the refusals
// (syntax errors with their place, nesting deeper than the limit).
#include "validators/json/json_tree.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace json = cprokit::json;
using namespace std::string_view_literals;

namespace {

constexpr unsigned kDepth = 200;

// "line:column", so that a failure shows both.
template <class T>
std::string at(const T& where) {
  return std::to_string(where.line) + ":" + std::to_string(where.column);
}

json::Value parsed(std::string_view text, unsigned max_depth = kDepth) {
  json::ParseResult result = json::parse(text, max_depth);
  if (const auto* error = std::get_if<json::SyntaxError>(&result)) {
    FAIL("syntax error at " << at(*error) << ": " << error->detail);
  }
  REQUIRE(std::holds_alternative<json::Value>(result));
  return std::get<json::Value>(std::move(result));
}

json::SyntaxError syntax_error(std::string_view text, unsigned max_depth = kDepth) {
  json::ParseResult result = json::parse(text, max_depth);
  REQUIRE(std::holds_alternative<json::SyntaxError>(result));
  return std::get<json::SyntaxError>(std::move(result));
}

json::TooDeep too_deep(std::string_view text, unsigned max_depth) {
  json::ParseResult result = json::parse(text, max_depth);
  REQUIRE(std::holds_alternative<json::TooDeep>(result));
  return std::get<json::TooDeep>(result);
}

// `depth` arrays, one inside the other.
std::string nested_arrays(std::size_t depth) {
  return std::string(depth, '[') + std::string(depth, ']');
}

}  // namespace

TEST_CASE("json: objects and arrays start where their bracket is", "[json]") {
  const json::Value root = parsed("\n  {\"a\": [1, {}],\n   \"b\": {\"c\": []}}");
  CHECK(root.type == json::Type::Object);
  CHECK(at(root) == "2:3");
  REQUIRE(root.members.size() == 2);

  const json::Value& a = root.members[0].value;
  CHECK(a.type == json::Type::Array);
  CHECK(at(a) == "2:9");
  REQUIRE(a.elements.size() == 2);
  CHECK(at(a.elements[0]) == "2:10");
  CHECK(a.elements[1].type == json::Type::Object);
  CHECK(at(a.elements[1]) == "2:13");

  const json::Value& b = root.members[1].value;
  CHECK(b.type == json::Type::Object);
  CHECK(at(b) == "3:9");
  REQUIRE(b.members.size() == 1);
  CHECK(b.members[0].key == "c");
  CHECK(b.members[0].value.type == json::Type::Array);
  CHECK(at(b.members[0].value) == "3:15");
}

TEST_CASE("json: strings with escapes are decoded and the next values keep their column",
          "[json]") {
  // Columns: [1 "a\"b" 2-7, "c\\" 10-14, "\u00e9" 17-24, 1 at 27.
  const json::Value root = parsed(R"(["a\"b", "c\\", "\u00e9", 1])");
  REQUIRE(root.elements.size() == 4);
  CHECK(root.elements[0].type == json::Type::String);
  CHECK(root.elements[0].text == "a\"b");
  CHECK(at(root.elements[0]) == "1:2");
  CHECK(root.elements[1].text == "c\\");
  CHECK(at(root.elements[1]) == "1:10");
  CHECK(root.elements[2].text == "\xC3\xA9");  // é, in UTF-8
  CHECK(at(root.elements[2]) == "1:17");
  CHECK(root.elements[3].type == json::Type::Number);
  CHECK(at(root.elements[3]) == "1:27");
}

TEST_CASE("json: keys with escapes are decoded and their values placed after them", "[json]") {
  // Keys carry no position of their own: the value after each is checked.
  const json::Value root = parsed(R"({"k\\": "v", "q\"": 2, "\u00e9t\u00e9": null})");
  REQUIRE(root.members.size() == 3);
  CHECK(root.members[0].key == "k\\");
  CHECK(root.members[0].value.text == "v");
  CHECK(at(root.members[0].value) == "1:9");
  CHECK(root.members[1].key == "q\"");
  CHECK(root.members[1].value.text == "2");
  CHECK(at(root.members[1].value) == "1:21");
  CHECK(root.members[2].key == "\xC3\xA9t\xC3\xA9");
  CHECK(root.members[2].value.type == json::Type::Null);
  CHECK(at(root.members[2].value) == "1:41");
}

TEST_CASE("json: numbers keep their spelling, whatever follows them", "[json]") {
  SECTION("followed by ',', a newline and ']'") {
    const json::Value root = parsed("[1200.50,-0.0\n,1e3]");
    REQUIRE(root.elements.size() == 3);
    CHECK(root.elements[0].type == json::Type::Number);
    CHECK(root.elements[0].text == "1200.50");
    CHECK(at(root.elements[0]) == "1:2");
    CHECK(root.elements[1].text == "-0.0");
    CHECK(at(root.elements[1]) == "1:10");
    CHECK(root.elements[2].text == "1e3");
    CHECK(at(root.elements[2]) == "2:2");
  }
  SECTION("followed by '}' and by a newline") {
    const json::Value root = parsed("{\"a\": 7,\n \"b\": 0.10\n}");
    REQUIRE(root.members.size() == 2);
    CHECK(root.members[0].value.text == "7");
    CHECK(at(root.members[0].value) == "1:7");
    CHECK(root.members[1].value.text == "0.10");
    CHECK(at(root.members[1].value) == "2:7");
    const json::Value last = parsed("{\"a\":-12.5}");
    CHECK(last.members.at(0).value.text == "-12.5");
  }
  SECTION("beyond what a double or a 64-bit integer holds") {
    const json::Value root = parsed("{\"n\": 123456789012345678901234567890}");
    CHECK(root.members.at(0).value.type == json::Type::Number);
    CHECK(root.members.at(0).value.text == "123456789012345678901234567890");
    const json::Value exponents = parsed("[1E+2, 0.5e-1, -0]");
    REQUIRE(exponents.elements.size() == 3);
    CHECK(exponents.elements[0].text == "1E+2");
    CHECK(exponents.elements[1].text == "0.5e-1");
    CHECK(exponents.elements[2].text == "-0");
  }
}

TEST_CASE("json: literals true, false and null", "[json]") {
  const json::Value root = parsed("[true,false,null,\n  {\"t\": true}]");
  REQUIRE(root.elements.size() == 4);
  CHECK(root.elements[0].type == json::Type::Boolean);
  CHECK(root.elements[0].text == "true");
  CHECK(root.elements[0].is_true());
  CHECK(at(root.elements[0]) == "1:2");
  CHECK(root.elements[1].type == json::Type::Boolean);
  CHECK(root.elements[1].text == "false");
  CHECK_FALSE(root.elements[1].is_true());
  CHECK(at(root.elements[1]) == "1:7");
  CHECK(root.elements[2].type == json::Type::Null);
  CHECK(root.elements[2].text.empty());
  CHECK(at(root.elements[2]) == "1:13");
  const json::Value& t = root.elements[3].members.at(0).value;
  CHECK(t.is_true());
  CHECK(at(t) == "2:9");
}

TEST_CASE("json: columns count characters, not bytes", "[json]") {
  // "déjà" and "été" take 6 and 5 bytes but 4 and 3 characters.
  const json::Value root = parsed(
      "{\"d\xC3\xA9j\xC3\xA0\": \"\xC3\xA9t\xC3\xA9\", \"b\": 1,\n"
      " \"pr\xC3\xA9nom\": \"Zo\xC3\xA9\", \"n\": 5}");
  REQUIRE(root.members.size() == 4);
  CHECK(root.members[0].value.text == "\xC3\xA9t\xC3\xA9");
  CHECK(at(root.members[0].value) == "1:10");
  CHECK(at(root.members[1].value) == "1:22");
  CHECK(at(root.members[2].value) == "2:12");
  CHECK(root.members[3].value.text == "5");
  CHECK(at(root.members[3].value) == "2:24");
  // A 4-byte character (U+1F600) is one column too.
  const json::Value emoji = parsed("[\"\xF0\x9F\x98\x80\", 2]");
  CHECK(at(emoji.elements.at(1)) == "1:7");
}

TEST_CASE("json: a UTF-8 byte order mark is accepted", "[json]") {
  const json::Value root = parsed("\xEF\xBB\xBF{\"a\": 1,\n \"b\": 2}");
  CHECK(root.type == json::Type::Object);
  REQUIRE(root.members.size() == 2);
  CHECK(root.members[0].value.text == "1");
  // Lines after the first are not affected by the mark.
  CHECK(at(root.members[1].value) == "2:7");
}

// The BOM is not a character of the text: line 1 starts after it (errors too).
TEST_CASE("json: a byte order mark does not shift the columns of line 1", "[json]") {
  const json::Value root = parsed("\xEF\xBB\xBF{\"a\": 1}");
  CHECK(at(root) == "1:1");
  CHECK(at(root.members.at(0).value) == "1:7");
  CHECK(at(syntax_error("\xEF\xBB\xBF{\"a\": x}")) == "1:7");
  CHECK(at(syntax_error("\xEF\xBB\xBF")) == "1:1");  // a BOM and nothing else
}

TEST_CASE("json: duplicate keys are kept, in file order", "[json]") {
  const json::Value root = parsed("{\"a\": 1, \"b\": 2,\n \"a\": 3}");
  REQUIRE(root.members.size() == 3);
  CHECK(root.members[0].key == "a");
  CHECK(root.members[0].value.text == "1");
  CHECK(root.members[1].key == "b");
  CHECK(root.members[1].value.text == "2");
  CHECK(root.members[2].key == "a");
  CHECK(root.members[2].value.text == "3");
  CHECK(at(root.members[2].value) == "2:7");
}

TEST_CASE("json: a top-level scalar is a document", "[json]") {
  const json::Value s = parsed("  \"x\"");
  CHECK(s.type == json::Type::String);
  CHECK(s.text == "x");
  CHECK(at(s) == "1:3");
  const json::Value n = parsed("\n42\n");
  CHECK(n.type == json::Type::Number);
  CHECK(n.text == "42");
  CHECK(at(n) == "2:1");
  CHECK(parsed("false").type == json::Type::Boolean);
  CHECK(parsed("null").type == json::Type::Null);
}

TEST_CASE("json: syntax errors say where reading stopped", "[json]") {
  SECTION("empty input and blanks only") {
    const json::SyntaxError empty = syntax_error("");
    CHECK(at(empty) == "1:1");
    CHECK_THAT(empty.detail, Catch::Contains("unexpected end of input"));
    // Past the last blank: line 2, after "\t ".
    const json::SyntaxError blanks = syntax_error("  \n\t ");
    CHECK(at(blanks) == "2:3");
    CHECK_THAT(blanks.detail, Catch::Contains("unexpected end of input"));
  }
  SECTION("truncated document") {
    const json::SyntaxError object = syntax_error("{\"a\": 1");
    CHECK(at(object) == "1:8");
    CHECK_THAT(object.detail, Catch::Contains("end of input"));
    CHECK(at(syntax_error("{\"a\": [1,\n 2")) == "2:3");
    CHECK(at(syntax_error("{\"a\": \"unterminated")) == "1:20");
  }
  SECTION("trailing comma") {
    const json::SyntaxError array = syntax_error("[1, 2,]");
    CHECK(at(array) == "1:7");
    CHECK_THAT(array.detail, Catch::Contains("unexpected ']'"));
    const json::SyntaxError object = syntax_error("{\"a\": 1,\n}");
    CHECK(at(object) == "2:1");
    CHECK_THAT(object.detail, Catch::Contains("unexpected '}'"));
  }
  SECTION("invalid literal") {
    // Stops at the first character that cannot continue the literal.
    const json::SyntaxError tru = syntax_error("[tru]");
    CHECK(at(tru) == "1:5");
    CHECK_THAT(tru.detail, Catch::Contains("invalid literal"));
    CHECK(at(syntax_error("{\n  \"a\": nul\n}")) == "2:11");
    CHECK(at(syntax_error("[NaN]")) == "1:2");
    CHECK(at(syntax_error("{} x")) == "1:4");
  }
  SECTION("invalid UTF-8 in a string, after a multi-byte character") {
    // Line 2: ` "ab": "é` then the byte 0xFF in column 10.
    const json::SyntaxError e = syntax_error("{\n \"ab\": \"\xC3\xA9\xFF\"}");
    CHECK(at(e) == "2:10");
    CHECK_THAT(e.detail, Catch::Contains("ill-formed UTF-8"));
    // A lead byte followed by no continuation byte: stops on the '('.
    CHECK(at(syntax_error("{\"a\": \"x\xC3(\"}")) == "1:10");
  }
  SECTION("a UTF-16 file") {
    CHECK(at(syntax_error("\xFF\xFE{\0}\0"sv)) == "1:1");  // little endian, BOM
    CHECK(at(syntax_error("{\0\"\0a\0\"\0:\0 \0"
                          "1\0}\0"sv)) == "1:2");  // no BOM
    CHECK(at(syntax_error("\0{\0}"sv)) == "1:1");  // big endian
  }
}

// nlohmann's lexer takes a NUL byte for the end of the input: what follows a
// complete document after a NUL must not be silently ignored (RFC 8259).
TEST_CASE("json: a NUL byte after the document is a syntax error", "[json]") {
  CHECK(at(syntax_error("{\"a\": 1}\0{\"b\": 2}"sv)) == "1:9");
  CHECK(at(syntax_error("{\n \"a\": 1}\n\0"sv)) == "3:1");
  CHECK(at(syntax_error("\xEF\xBB\xBF[1]\0"sv)) == "1:4");
  // Inside a string, a raw NUL is an unescaped control character.
  const json::SyntaxError in_string = syntax_error("[\"a\0b\"]"sv);
  CHECK(at(in_string) == "1:4");
  CHECK_THAT(in_string.detail, Catch::Contains("U+0000"));
}

TEST_CASE("json: nesting is refused beyond the limit, not at it", "[json]") {
  SECTION("200 arrays pass a limit of 200; 201 do not") {
    const json::Value root = parsed(nested_arrays(200), 200);
    const json::Value* innermost = &root;
    for (int depth = 1; depth < 200; ++depth) {
      REQUIRE(innermost->elements.size() == 1);
      innermost = &innermost->elements.front();
    }
    CHECK(innermost->type == json::Type::Array);
    CHECK(innermost->elements.empty());
    CHECK(at(*innermost) == "1:200");

    const json::TooDeep deep = too_deep(nested_arrays(201), 200);
    CHECK(deep.limit == 200);
    CHECK(at(deep) == "1:201");  // the bracket one level too deep
  }
  SECTION("objects count as levels too") {
    const std::string text = "{\"a\": {\"b\":\n {\"c\": 1}}}";
    CHECK(parsed(text, 3).type == json::Type::Object);
    const json::TooDeep deep = too_deep(text, 2);
    CHECK(deep.limit == 2);
    CHECK(at(deep) == "2:2");
  }
  SECTION("a limit of 0 takes a scalar only") {
    CHECK(parsed("1", 0).text == "1");
    CHECK(at(too_deep(" []", 0)) == "1:2");
  }
}

TEST_CASE("json: a hostile nesting of 100,000 arrays is refused without a crash", "[json]") {
  const json::TooDeep open_only = too_deep(std::string(100000, '['), kDepth);
  CHECK(open_only.limit == kDepth);
  CHECK(at(open_only) == "1:201");
  const json::TooDeep balanced = too_deep(nested_arrays(100000), kDepth);
  CHECK(at(balanced) == "1:201");
  std::string objects;
  for (int i = 0; i < 100000; ++i)
    objects += "{\"a\":";
  CHECK(at(too_deep(objects, kDepth)) == "1:1001");  // 201st "{", 5 characters each
}

TEST_CASE("json: type names in both languages", "[json]") {
  CHECK(json::type_name_en(json::Type::Object) == "an object");
  CHECK(json::type_name_fr(json::Type::Object) == "un objet");
  CHECK(json::type_name_en(json::Type::String) == "a string");
  CHECK(json::type_name_fr(json::Type::Boolean) == "un booléen");
}
