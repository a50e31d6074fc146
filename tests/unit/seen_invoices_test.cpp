// The store of the invoices a run has seen (CPRO-DUP-01): first path kept,
// keys byte for byte, bounded memory, and a failing temporary file reported.
#include "validators/seen_invoices.hpp"

#include <sqlite3.h>

#include <optional>
#include <string>

#include <catch2/catch.hpp>

#include "tests/unit/file_size_limit.hpp"

using Catch::Matchers::Contains;
using cprokit::SeenInvoices;
using cprokit::SeenInvoicesError;
using cprokit::test::FileSizeLimit;

TEST_CASE("seen invoices: new, then seen with the first path", "[duplicates]") {
  SeenInvoices seen;
  CHECK(seen.first_path("12345678200010", "F-1", "a.xml") == std::nullopt);
  CHECK(seen.first_path("12345678200010", "F-1", "b.xml") == std::optional<std::string>("a.xml"));
}

TEST_CASE("seen invoices: the supplier and the number are separate parts of the key",
          "[duplicates]") {
  SeenInvoices seen;
  CHECK_FALSE(seen.first_path("S", "1", "a.xml"));
  CHECK_FALSE(seen.first_path("S", "2", "b.xml"));   // other number
  CHECK_FALSE(seen.first_path("T", "1", "c.xml"));   // other supplier
  CHECK_FALSE(seen.first_path("ab", "c", "d.xml"));  // not the same as ("a", "bc")
  CHECK_FALSE(seen.first_path("a", "bc", "e.xml"));
  CHECK_FALSE(seen.first_path("", "abc", "f.xml"));  // an empty part is a value too
  CHECK_FALSE(seen.first_path("abc", "", "g.xml"));
  CHECK_FALSE(seen.first_path("s", "1", "h.xml"));   // case counts
  CHECK_FALSE(seen.first_path("S", "1 ", "i.xml"));  // so do spaces
  CHECK(seen.first_path("T", "1", "z.xml") == std::optional<std::string>("c.xml"));
  CHECK(seen.first_path("a", "bc", "z.xml") == std::optional<std::string>("e.xml"));
  CHECK(seen.first_path("", "abc", "z.xml") == std::optional<std::string>("f.xml"));
}

TEST_CASE("seen invoices: the first path is kept however often the invoice comes back",
          "[duplicates]") {
  SeenInvoices seen;
  CHECK_FALSE(seen.first_path("S", "1", "first.xml"));
  CHECK(seen.first_path("S", "1", "second.xml") == std::optional<std::string>("first.xml"));
  CHECK(seen.first_path("S", "1", "third.xml") == std::optional<std::string>("first.xml"));
}

TEST_CASE("seen invoices: keys and paths are kept byte for byte", "[duplicates]") {
  SeenInvoices seen;
  const std::string quotes = R"(O'Brien "& fils"; DROP TABLE seen; --)";
  const std::string utf8 = "Société Générale — 株式会社 🧾";
  const std::string long_supplier(100'000, 'S');
  const std::string long_number = std::string(50'000, '9') + "é";
  const std::string odd_path = "dossier/d'été \"2026\"/facture n°1.xml";
  const std::string not_text = std::string("\0\xff\xfe", 3) + "a";  // a NUL, bytes of no UTF-8

  CHECK_FALSE(seen.first_path(quotes, utf8, odd_path));
  CHECK_FALSE(seen.first_path(utf8, quotes, "b.xml"));
  CHECK_FALSE(seen.first_path(long_supplier, long_number, long_number));
  CHECK_FALSE(seen.first_path(long_supplier, long_number + "0", "c.xml"));
  CHECK_FALSE(seen.first_path(not_text, not_text, not_text));
  CHECK_FALSE(seen.first_path(not_text.substr(0, 1), not_text, "d.xml"));  // "\0" is not ""
  CHECK_FALSE(seen.first_path("", not_text, "e.xml"));

  CHECK(seen.first_path(quotes, utf8, "z.xml") == odd_path);
  CHECK(seen.first_path(utf8, quotes, "z.xml") == std::optional<std::string>("b.xml"));
  CHECK(seen.first_path(long_supplier, long_number, "z.xml") == long_number);
  CHECK(seen.first_path(not_text, not_text, "z.xml") == not_text);
  CHECK(seen.first_path("", not_text, "z.xml") == std::optional<std::string>("e.xml"));
}

TEST_CASE("seen invoices: far more invoices than the cache holds, memory stays bounded",
          "[duplicates]") {
  constexpr int kCount = 200'000;
  const auto supplier = [](int i) { return "1234567820" + std::to_string(1000 + i % 997); };
  const auto number = [](int i) { return "FA-2026-" + std::to_string(i); };
  const auto path = [](int i) { return "lot/2026/facture-" + std::to_string(i) + ".xml"; };

  SeenInvoices seen;
  sqlite3_memory_highwater(1);  // from here on
  for (int i = 0; i < kCount; ++i) {
    REQUIRE_FALSE(seen.first_path(supplier(i), number(i), path(i)));
  }
  for (const int i : {0, 1, 2, kCount / 2, kCount - 1}) {
    CHECK(seen.first_path(supplier(i), number(i), "again.xml") == path(i));
  }
  CHECK_FALSE(seen.first_path(supplier(1), number(0), "new.xml"));
  // About 20 MB of rows; SQLite holds its 2 MiB page cache and little more.
  CHECK(sqlite3_memory_highwater(0) < sqlite3_int64{4} * 1024 * 1024);
}

TEST_CASE("seen invoices: a temporary file that cannot grow is an error naming the cause",
          "[duplicates]") {
  SeenInvoices seen;
  const FileSizeLimit limit(rlim_t{64} * 1024);
  // Long paths fill the 2 MiB cache after a few thousand invoices; then
  // pages must go to the file, which cannot take them.
  const std::string long_path(1000, 'p');
  std::string message;
  try {
    for (int i = 0; i < 100'000; ++i)
      seen.first_path("S", std::to_string(i), long_path);
  } catch (const SeenInvoicesError& e) {
    message = e.what();
  }
  CHECK_THAT(message, Contains("CPRO-DUP-01") && Contains("disk I/O error (File too large)") &&
                          Contains("TMPDIR") && Contains("temporary folder"));
}
