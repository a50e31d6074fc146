#include "validators/xml/encoding.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

using cprokit::xml::to_utf8;
using cprokit::xml::Utf8Text;

namespace {

bool contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

// Checks that `bytes` is refused as invalid UTF-8 at (line, column), naming `byte`.
void require_invalid_at(const std::string& bytes, std::uint32_t line, std::uint32_t column,
                        std::string_view byte) {
  Utf8Text out = to_utf8(bytes);
  REQUIRE(out.problem.has_value());
  CHECK(out.problem.has_value());
  CHECK(out.problem->line == line);
  CHECK(out.problem->column == column);
  const std::string where_fr =
      "ligne " + std::to_string(line) + ", colonne " + std::to_string(column);
  const std::string where_en =
      "line " + std::to_string(line) + ", column " + std::to_string(column);
  INFO("fr: " << out.problem->message.fr);
  INFO("en: " << out.problem->message.en);
  CHECK(contains(out.problem->message.fr, byte));
  CHECK(contains(out.problem->message.fr, where_fr));
  CHECK(contains(out.problem->message.fr, "UTF-8"));
  CHECK(contains(out.problem->message.en, byte));
  CHECK(contains(out.problem->message.en, where_en));
  CHECK(contains(out.problem->message.en, "not valid UTF-8"));
}

}  // namespace

TEST_CASE("to_utf8 passes valid UTF-8 through unchanged", "[encoding]") {
  SECTION("declared UTF-8, with 2, 3 and 4 byte sequences") {
    const std::string text =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<a>caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF</a>\n";
    Utf8Text out = to_utf8(text);
    CHECK_FALSE(out.problem.has_value());
    CHECK(out.utf8() == text);
  }
  SECTION("no XML declaration") {
    const std::string text = "<a>\xC3\xA9t\xC3\xA9</a>";
    Utf8Text out = to_utf8(text);
    CHECK_FALSE(out.problem.has_value());
    CHECK(out.utf8() == text);
  }
  SECTION("declared utf-8 in lower case, with single quotes") {
    const std::string text = "<?xml version='1.0' encoding='utf-8'?><a>\xC3\xA9</a>";
    Utf8Text out = to_utf8(text);
    CHECK_FALSE(out.problem.has_value());
    CHECK(out.utf8() == text);
  }
}

TEST_CASE("to_utf8 strips a UTF-8 byte order mark", "[encoding]") {
  const std::string body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><a>\xC3\xA9</a>";
  const std::string input = "\xEF\xBB\xBF" + body;  // utf8() views it: keep it alive
  Utf8Text out = to_utf8(input);
  CHECK_FALSE(out.problem.has_value());
  CHECK(out.utf8() == body);
  CHECK(out.utf8().size() == body.size());

  SECTION("a BOM before a document without declaration") {
    Utf8Text bare = to_utf8("\xEF\xBB\xBF<a/>");
    CHECK_FALSE(bare.problem.has_value());
    CHECK(bare.utf8() == "<a/>");
  }
}

TEST_CASE("to_utf8 converts declared ISO-8859-1 to UTF-8", "[encoding]") {
  const std::string name =
      GENERATE(std::string("ISO-8859-1"), std::string("iso-8859-1"), std::string("latin1"),
               std::string("LATIN1"), std::string("Latin1"), std::string("Iso-8859-1"));
  INFO("declared encoding " << name);
  const std::string decl = R"(<?xml version="1.0" encoding=")" + name + "\"?>\n";
  Utf8Text out = to_utf8(decl + "<a>caf\xE9 \xFF \x80 A</a>");
  REQUIRE_FALSE(out.problem.has_value());
  // é (0xE9) becomes C3 A9, ÿ (0xFF) C3 BF, 0x80 C2 80; ASCII is unchanged.
  CHECK(out.utf8() == decl + "<a>caf\xC3\xA9 \xC3\xBF \xC2\x80 A</a>");
}

TEST_CASE("to_utf8 refuses ISO-8859-1 declared after a UTF-8 byte order mark", "[encoding]") {
  Utf8Text out = to_utf8("\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>\xE9</a>");
  REQUIRE(out.problem.has_value());
  CHECK(out.problem.has_value());
  CHECK(contains(out.problem->message.fr, "ISO-8859-1"));
  CHECK(contains(out.problem->message.en, "byte order mark"));
}

TEST_CASE("to_utf8 locates invalid UTF-8", "[encoding]") {
  SECTION("a lone Latin-1 e acute (0xE9) on the second line") {
    // Line 2 is "  x\xE9</a>": the bad byte is the 4th character.
    require_invalid_at("<?xml version=\"1.0\"?>\n  x\xE9</a>", 2, 4, "0xE9");
  }
  SECTION("columns count characters, not bytes") {
    // Two valid é (2 bytes each) before the bad byte: it is the 6th character.
    require_invalid_at("<a>\n<b>\xC3\xA9\xC3\xA9\xE9</b>", 2, 6, "0xE9");
  }
  SECTION("the first line, without declaration") {
    require_invalid_at("<a>\xE9</a>", 1, 4, "0xE9");
  }
  SECTION("an overlong encoding of '/' (C0 AF)") {
    require_invalid_at("<a>\n\n<b>\xC0\xAF</b>", 3, 4, "0xC0");
  }
  SECTION("an overlong three byte form (E0 80 AF)") {
    require_invalid_at("<a>\xE0\x80\xAF</a>", 1, 4, "0xE0");
  }
  SECTION("a UTF-16 surrogate encoded in UTF-8 (ED A0 80)") {
    require_invalid_at("<a>ok\xED\xA0\x80</a>", 1, 6, "0xED");
  }
  SECTION("a sequence truncated by the end of the file") {
    // The euro sign is E2 82 AC; its last byte is missing.
    require_invalid_at("<a>x</a>\n\xE2\x82", 2, 1, "0xE2");
  }
  SECTION("a sequence cut short by an ASCII byte") {
    require_invalid_at("<a>\xE2\x82<b/></a>", 1, 4, "0xE2");
  }
  SECTION("a byte that never occurs in UTF-8 (0xF5)") {
    require_invalid_at("<a>\xC3\xA9\xF5\x80\x80\x80</a>", 1, 5, "0xF5");
  }
  SECTION("a code point past U+10FFFF (F4 90 80 80)") {
    require_invalid_at("<a>\xF4\x90\x80\x80</a>", 1, 4, "0xF4");
  }
  SECTION("a continuation byte alone") {
    require_invalid_at("<a>\x80</a>", 1, 4, "0x80");
  }
}

TEST_CASE("to_utf8 refuses encodings other than UTF-8 and ISO-8859-1", "[encoding]") {
  SECTION("windows-1252") {
    Utf8Text out = to_utf8("<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n<a>\x80</a>");
    REQUIRE(out.problem.has_value());
    CHECK(out.problem.has_value());
    CHECK(out.problem->line == 1);
    CHECK(out.problem->column == 1);
    CHECK(contains(out.problem->message.fr, "windows-1252"));
    CHECK(contains(out.problem->message.fr, "non pris en charge"));
    CHECK(contains(out.problem->message.en, "windows-1252"));
    CHECK(contains(out.problem->message.en, "not supported"));
  }
  SECTION("the declared name is quoted as written") {
    Utf8Text out = to_utf8("<?xml version='1.0' encoding='Shift_JIS'?><a/>");
    REQUIRE(out.problem.has_value());
    CHECK(contains(out.problem->message.fr, "Shift_JIS"));
    CHECK(contains(out.problem->message.en, "\"Shift_JIS\""));
  }
}

TEST_CASE("to_utf8 refuses UTF-16", "[encoding]") {
  const std::string text =
      GENERATE(std::string("\xFF\xFE<\0a\0/\0>\0", 10), std::string("\xFE\xFF\0<\0a\0/\0>", 10),
               std::string("<\0a\0/\0>\0", 8), std::string("\0<\0a\0/\0>", 8));
  Utf8Text out = to_utf8(text);
  REQUIRE(out.problem.has_value());
  CHECK(out.problem.has_value());
  CHECK(contains(out.problem->message.fr, "UTF-16"));
  CHECK(contains(out.problem->message.en, "UTF-16"));
  CHECK(contains(out.problem->message.en, "not supported"));
}

TEST_CASE("to_utf8 accepts US-ASCII", "[encoding]") {
  const std::string name =
      GENERATE(std::string("US-ASCII"), std::string("us-ascii"), std::string("ASCII"));
  const std::string text =
      R"(<?xml version="1.0" encoding=")" + name + "\"?>\n<a>plain &#233; text</a>\n";
  Utf8Text out = to_utf8(text);
  CHECK_FALSE(out.problem.has_value());
  CHECK(out.utf8() == text);
}

TEST_CASE("to_utf8 accepts an empty input", "[encoding]") {
  Utf8Text out = to_utf8("");
  CHECK_FALSE(out.problem.has_value());
  CHECK(out.utf8().empty());
}
