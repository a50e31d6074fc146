// The compiled grammar cache (validators/xsd/grammar_cache.*): a grammar read
// back judges as the compiled one, a damaged or foreign file is replaced,
// racing writers leave one whole file, and nothing breaks without a cache.
#include <sys/stat.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <unistd.h>

#include <catch2/catch.hpp>

#include "tests/unit/scratch.hpp"
#include "validators/xsd/grammar_cache.hpp"
#include "validators/xsd/schema_set.hpp"

namespace {

namespace fs = std::filesystem;
using cprokit::DocumentKind;
using cprokit::Syntax;
using cprokit::xsd::GrammarCache;
using cprokit::xsd::SchemaSet;
using cprokit::xsd::XsdError;

constexpr std::string_view kUblNs = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
constexpr std::string_view kCreditNs = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
constexpr std::string_view kCiiNs = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";

using cprokit::test::ScopedEnv;
using cprokit::test::TempDir;

void write_file(const fs::path& path, std::string_view content) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << content;
  REQUIRE(out.good());
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string tiny_xsd(std::string_view ns, std::string_view root) {
  return std::string(R"(<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace=")") +
         std::string(ns) + R"(" elementFormDefault="qualified">
  <xs:element name=")" +
         std::string(root) +
         R"(">
    <xs:complexType><xs:sequence>
      <xs:element name="ID"><xs:simpleType><xs:restriction base="xs:string">
        <xs:pattern value="[A-Z]+-[0-9]+"/></xs:restriction></xs:simpleType></xs:element>
      <xs:element name="N" type="xs:integer" minOccurs="0" maxOccurs="unbounded"/>
    </xs:sequence></xs:complexType>
  </xs:element>
</xs:schema>
)";
}

void write_schemas(const fs::path& dir) {
  write_file(dir / cprokit::xsd::kUblInvoiceXsd, tiny_xsd(kUblNs, "Invoice"));
  write_file(dir / cprokit::xsd::kUblCreditNoteXsd, tiny_xsd(kCreditNs, "CreditNote"));
  write_file(dir / cprokit::xsd::kCiiXsd, tiny_xsd(kCiiNs, "CrossIndustryInvoice"));
}

std::string doc(std::string_view ns, std::string_view root, std::string_view body) {
  return "<?xml version=\"1.0\"?>\n<" + std::string(root) + " xmlns=\"" + std::string(ns) +
         "\">\n" + std::string(body) + "\n</" + std::string(root) + ">\n";
}

// What a set says of a valid and of an invalid invoice of each syntax: the
// invalid ones break the pattern, the type and the content model.
std::vector<std::vector<XsdError>> verdicts(const SchemaSet& set) {
  const std::string bad_body = "<ID>abc</ID>\n<N>x</N>\n<Z/>";
  return {
      set.validate(doc(kUblNs, "Invoice", "<ID>FA-1</ID>"), DocumentKind::Invoice, Syntax::Ubl),
      set.validate(doc(kUblNs, "Invoice", bad_body), DocumentKind::Invoice, Syntax::Ubl),
      set.validate(doc(kCiiNs, "CrossIndustryInvoice", "<ID>FA-1</ID>"), DocumentKind::Invoice,
                   Syntax::Cii),
      set.validate(doc(kCiiNs, "CrossIndustryInvoice", bad_body), DocumentKind::Invoice,
                   Syntax::Cii),
  };
}

std::string describe(const std::vector<std::vector<XsdError>>& all) {
  std::string text;
  for (const auto& errors : all) {
    text += "--\n";
    for (const auto& e : errors)
      text += std::to_string(e.line) + ":" + std::to_string(e.column) + " " + e.message + "\n";
  }
  return text;
}

ino_t inode(const fs::path& path) {
  struct stat info {};
  REQUIRE(::stat(path.c_str(), &info) == 0);
  return info.st_ino;
}

std::vector<fs::path> files_in(const fs::path& dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    files.push_back(entry.path().filename());
  return files;
}

// A schema folder and a cache folder of their own, the cache named by
// CPROKIT_CACHE_DIR for the test's scope.
struct Fixture {
  TempDir schemas;
  TempDir cache;
  ScopedEnv env{"CPROKIT_CACHE_DIR", cache.path().string()};
  Fixture() { write_schemas(schemas.path()); }

  fs::path file(std::string_view group) const {
    auto found = GrammarCache::for_folder(fs::canonical(schemas.path()));
    REQUIRE(found);
    return found->file(group);
  }
};

}  // namespace

TEST_CASE("grammar cache: a grammar read back judges as the compiled one", "[xsd][cache]") {
  Fixture f;
  const auto compiled = verdicts(*SchemaSet::load(f.schemas.path()));
  REQUIRE(fs::exists(f.file("ubl")));
  REQUIRE(fs::exists(f.file("cii")));
  const ino_t ubl = inode(f.file("ubl"));
  const ino_t cii = inode(f.file("cii"));

  const auto cached = verdicts(*SchemaSet::load(f.schemas.path()));
  INFO("compiled:\n" << describe(compiled) << "cached:\n" << describe(cached));
  CHECK(describe(cached) == describe(compiled));
  CHECK(compiled.at(0).empty());
  CHECK(compiled.at(1).size() >= 3);
  CHECK(compiled.at(3).size() >= 3);
  // Read, not compiled and written again.
  CHECK(inode(f.file("ubl")) == ubl);
  CHECK(inode(f.file("cii")) == cii);
}

TEST_CASE("grammar cache: only the grammar a run needs is compiled and kept", "[xsd][cache]") {
  Fixture f;
  const auto set = SchemaSet::load(f.schemas.path());
  CHECK(set->validate(doc(kCiiNs, "CrossIndustryInvoice", "<ID>FA-1</ID>"), DocumentKind::Invoice,
                      Syntax::Cii)
            .empty());
  CHECK(fs::exists(f.file("cii")));
  CHECK_FALSE(fs::exists(f.file("ubl")));
}

TEST_CASE("grammar cache: a damaged, truncated or foreign file is replaced", "[xsd][cache]") {
  Fixture f;
  const auto expected = verdicts(*SchemaSet::load(f.schemas.path()));
  const std::string whole = read_file(f.file("ubl"));
  REQUIRE(whole.size() > 200);

  std::string flipped = whole;
  flipped[flipped.size() / 2] = static_cast<char>(flipped[flipped.size() / 2] ^ 0x20);
  const std::vector<std::pair<std::string, std::string>> damages = {
      {"one byte of the payload changed", flipped},
      {"cut in the middle", whole.substr(0, whole.size() / 2)},
      {"cut in the header", whole.substr(0, 10)},
      {"empty", ""},
      {"another program's file", std::string(5000, 'x')},
  };
  for (const auto& [what, bytes] : damages) {
    SECTION(what) {
      write_file(f.file("ubl"), bytes);
      const ino_t damaged = inode(f.file("ubl"));
      CHECK(describe(verdicts(*SchemaSet::load(f.schemas.path()))) == describe(expected));
      CHECK(inode(f.file("ubl")) != damaged);  // written again
      CHECK(read_file(f.file("ubl")) == whole);
    }
  }
}

TEST_CASE("grammar cache: a schema that changes gets a new file", "[xsd][cache]") {
  Fixture f;
  verdicts(*SchemaSet::load(f.schemas.path()));
  const fs::path before = f.file("ubl");
  write_file(f.schemas.path() / cprokit::xsd::kUblInvoiceXsd,
             tiny_xsd(kUblNs, "Invoice") + "<!-- a new version -->\n");
  CHECK(f.file("ubl") != before);
  const auto set = SchemaSet::load(f.schemas.path());
  CHECK(set->validate(doc(kUblNs, "Invoice", "<ID>FA-1</ID>"), DocumentKind::Invoice, Syntax::Ubl)
            .empty());
  CHECK(fs::exists(f.file("ubl")));
}

TEST_CASE("grammar cache: writers racing leave one whole file and no temporary one",
          "[xsd][cache]") {
  Fixture f;
  std::vector<std::string> results(8);
  {
    std::vector<std::jthread> threads;
    threads.reserve(results.size());
    for (std::string& result : results) {
      threads.emplace_back(
          [&f, &result] { result = describe(verdicts(*SchemaSet::load(f.schemas.path()))); });
    }
  }
  for (const auto& result : results)
    CHECK(result == results.front());
  const auto files = files_in(f.file("ubl").parent_path());
  INFO(files.size() << " files");
  CHECK(files.size() == 2);  // ubl and cii
  // The file left is whole: read back, it judges as before.
  const ino_t ubl = inode(f.file("ubl"));
  CHECK(describe(verdicts(*SchemaSet::load(f.schemas.path()))) == results.front());
  CHECK(inode(f.file("ubl")) == ubl);
}

TEST_CASE("grammar cache: without a usable cache folder only speed is lost", "[xsd][cache]") {
  TempDir schemas;
  write_schemas(schemas.path());
  TempDir home;
  const ScopedEnv xdg("XDG_CACHE_HOME", std::nullopt);
  const ScopedEnv home_env("HOME", home.path().string());
  std::optional<std::string> expected;
  {
    const ScopedEnv off("CPROKIT_CACHE_DIR", std::nullopt);
    expected = describe(verdicts(*SchemaSet::load(schemas.path())));
    // Without CPROKIT_CACHE_DIR nor XDG_CACHE_HOME: ~/.cache/cprokit.
    CHECK(fs::exists(home.path() / ".cache/cprokit/xsd"));
  }
  SECTION("an empty CPROKIT_CACHE_DIR turns the cache off") {
    fs::remove_all(home.path() / ".cache");
    const ScopedEnv off("CPROKIT_CACHE_DIR", "");
    CHECK_FALSE(GrammarCache::for_folder(fs::canonical(schemas.path())));
    CHECK(describe(verdicts(*SchemaSet::load(schemas.path()))) == *expected);
    CHECK_FALSE(fs::exists(home.path() / ".cache"));
  }
  SECTION("a cache folder that cannot be made") {
    TempDir blocked;
    write_file(blocked.path() / "file", "not a folder");
    const ScopedEnv env("CPROKIT_CACHE_DIR", (blocked.path() / "file").string());
    CHECK(describe(verdicts(*SchemaSet::load(schemas.path()))) == *expected);
  }
}

namespace {

void age(const fs::path& file, fs::file_time_type::duration by) {
  fs::last_write_time(file, fs::file_time_type::clock::now() - by);
}

bool younger_than(const fs::path& file, fs::file_time_type::duration age) {
  return fs::last_write_time(file) > fs::file_time_type::clock::now() - age;
}

}  // namespace

TEST_CASE("grammar cache: writing removes the files unused for 30 days and dead temporaries",
          "[xsd][cache]") {
  using std::chrono::days;
  using std::chrono::hours;
  Fixture f;
  const fs::path dir = f.file("ubl").parent_path();
  const fs::path stale = dir / "ubl-00000000000000000000000000000000.grammar";
  const fs::path recent = dir / "cii-11111111111111111111111111111111.grammar";
  const fs::path dead_temporary = dir / "ubl-22222222222222222222222222222222.grammar.tmp.1.ab";
  const fs::path live_temporary = dir / "cii-33333333333333333333333333333333.grammar.tmp.2.cd";
  const fs::path not_ours = dir / "notes.txt";
  for (const auto& file : {stale, recent, dead_temporary, live_temporary, not_ours})
    write_file(file, "x");
  age(stale, days(31));
  age(recent, days(29));
  age(dead_temporary, hours(2));
  age(not_ours, days(400));

  verdicts(*SchemaSet::load(f.schemas.path()));  // compiles, so writes
  CHECK(fs::exists(f.file("ubl")));
  CHECK_FALSE(fs::exists(stale));
  CHECK(fs::exists(recent));
  CHECK_FALSE(fs::exists(dead_temporary));
  CHECK(fs::exists(live_temporary));
  CHECK(fs::exists(not_ours));
}

TEST_CASE("grammar cache: a file read is kept young at most once a day", "[xsd][cache]") {
  using std::chrono::days;
  using std::chrono::hours;
  Fixture f;
  verdicts(*SchemaSet::load(f.schemas.path()));
  const auto cache = GrammarCache::for_folder(fs::canonical(f.schemas.path()));
  REQUIRE(cache);
  age(f.file("ubl"), days(40));
  REQUIRE(cache->read("ubl"));
  CHECK(younger_than(f.file("ubl"), hours(1)));
  // Read again within the day: its time is not written again.
  age(f.file("ubl"), hours(2));
  REQUIRE(cache->read("ubl"));
  CHECK_FALSE(younger_than(f.file("ubl"), hours(1)));
}
