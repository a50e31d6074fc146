// The private temporary database both stores use: blobs kept byte for byte,
// errors that say what was done and why, and the folder walk's message when
// its temporary file cannot grow.
#include "validators/temporary_database.hpp"

#include <stdexcept>
#include <string>
#include <string_view>

#include <catch2/catch.hpp>

#include "cli/input_walk.hpp"
#include "tests/unit/file_size_limit.hpp"

using Catch::Matchers::Contains;
using cprokit::TemporaryDatabase;
using cprokit::TemporaryDatabaseError;
using cprokit::TemporaryStatement;
using cprokit::test::FileSizeLimit;

namespace {

constexpr const char* kSetup = "CREATE TABLE t (k INTEGER PRIMARY KEY, b BLOB NOT NULL); BEGIN;";

}  // namespace

TEST_CASE("temporary database: blobs come back byte for byte, an empty one not as NULL",
          "[temporary-database]") {
  TemporaryDatabase db(kSetup);
  TemporaryStatement insert = db.prepare("insert", "INSERT INTO t (k, b) VALUES (?1, ?2)");
  const std::string with_nul("a\0b\xff", 4);
  const std::string borrowed(3, '\0');
  const auto add = [&](int k, std::string_view bytes, TemporaryStatement::Bytes bytes_are) {
    insert.bind_int(1, k);
    insert.bind_blob(2, bytes, bytes_are);
    CHECK_FALSE(insert.step());
    insert.reset();
    CHECK(db.changes() == 1);
  };
  add(1, std::string_view(), TemporaryStatement::Bytes::copied);  // a null data pointer
  add(2, "", TemporaryStatement::Bytes::copied);
  add(3, with_nul, TemporaryStatement::Bytes::copied);
  add(4, borrowed, TemporaryStatement::Bytes::borrowed);

  TemporaryStatement select = db.prepare("select", "SELECT k, typeof(b), b FROM t ORDER BY k");
  for (const std::string_view expected : {std::string_view(), std::string_view(""),
                                          std::string_view(with_nul), std::string_view(borrowed)}) {
    REQUIRE(select.step());
    INFO("k = " << select.column_int(0));
    CHECK(select.column_blob(1) == "blob");
    CHECK(select.column_blob(2) == expected);
  }
  CHECK_FALSE(select.step());
}

TEST_CASE("temporary database: an error names what was done and SQLite's reason",
          "[temporary-database]") {
  TemporaryDatabase db(kSetup);
  try {
    db.prepare("select", "SELEC b FROM t");
    FAIL("prepared");
  } catch (const TemporaryDatabaseError& e) {
    CHECK(e.doing() == "prepare");
    CHECK_THAT(e.cause(), Contains("syntax error"));
    CHECK_THAT(std::string(e.what()), Contains("(prepare)") && Contains("syntax error"));
  }
  CHECK_THROWS_WITH(TemporaryDatabase("CREATE TABLE t (;"),
                    Contains("(setup)") && Contains("syntax error"));
}

TEST_CASE("temporary database: a failed step names its statement and leaves it reusable",
          "[temporary-database]") {
  TemporaryDatabase db(kSetup);
  TemporaryStatement insert = db.prepare("insert", "INSERT INTO t (k, b) VALUES (?1, ?2)");
  insert.bind_int(1, 1);
  insert.bind_blob(2, "x");
  CHECK_FALSE(insert.step());
  insert.reset();
  try {
    insert.step();  // the same key again
    FAIL("inserted twice");
  } catch (const TemporaryDatabaseError& e) {
    CHECK(e.doing() == "insert");
    CHECK_THAT(e.cause(), Contains("UNIQUE constraint failed"));
  }
  insert.bind_int(1, 2);
  CHECK_FALSE(insert.step());
  CHECK(db.changes() == 1);
}

TEST_CASE("temporary database: a folder listing that cannot grow says why and what to do",
          "[temporary-database]") {
  cprokit::cli::DirectoryListing listing(1);
  const FileSizeLimit limit(rlim_t{64} * 1024);
  // Long names fill the 1 MiB cache after a few hundred entries; then pages
  // must go to the file, which cannot take them.
  std::string message;
  try {
    for (int i = 0; i < 10'000; ++i)
      listing.add(std::to_string(i) + std::string(2000, 'n'), false);
  } catch (const std::runtime_error& e) {
    message = e.what();
  }
  CHECK_THAT(message, Contains("disk I/O error (File too large)") && Contains("SQLITE_TMPDIR") &&
                          Contains("/var/tmp") &&
                          Contains("free space there or point TMPDIR to another folder"));
}
