#include "validators/seen_invoices.hpp"

#include <fmt/core.h>

#include "validators/temporary_database.hpp"

namespace cprokit {
namespace {

// A fixed page cache: what the store holds in memory whatever the number of
// invoices (negative: in KiB).
constexpr const char* kSetup =
    "PRAGMA cache_size = -2048;"
    // Keys and paths are blobs: compared byte for byte, never converted.
    // Without a rowid, the primary key's b-tree holds the rows themselves.
    "CREATE TABLE seen (supplier BLOB NOT NULL, number BLOB NOT NULL, path BLOB NOT NULL,"
    " PRIMARY KEY (supplier, number)) WITHOUT ROWID;"
    // One transaction for the whole run, never committed (the database is
    // thrown away at the end): pages are written to the file only when the
    // cache is full, never at each insertion.
    "BEGIN;";

[[noreturn]] void fail(const TemporaryDatabaseError& e) {
  throw SeenInvoicesError(fmt::format(
      "vérification des doublons (CPRO-DUP-01) impossible, la base temporaire a échoué ({}) : {} ; "
      "{} / duplicate check (CPRO-DUP-01) failed, its temporary database failed ({}): {}; {}",
      e.doing(), e.cause(), kTemporaryFolderFr, e.doing(), e.cause(), kTemporaryFolderEn));
}

}  // namespace

struct SeenInvoices::Store {
  TemporaryDatabase db{kSetup};
  TemporaryStatement insert =
      db.prepare("insert",
                 "INSERT INTO seen (supplier, number, path) VALUES (?1, ?2, ?3)"
                 " ON CONFLICT (supplier, number) DO NOTHING");
  TemporaryStatement select =
      db.prepare("select", "SELECT path FROM seen WHERE supplier = ?1 AND number = ?2");
};

SeenInvoices::SeenInvoices() {
  try {
    store_ = std::make_unique<Store>();
  } catch (const TemporaryDatabaseError& e) {
    fail(e);
  }
}

SeenInvoices::~SeenInvoices() = default;

std::optional<std::string> SeenInvoices::first_path(std::string_view supplier,
                                                    std::string_view number,
                                                    std::string_view path) {
  try {
    // The usual case, a new invoice, costs one statement.
    TemporaryStatement& insert = store_->insert;
    insert.bind_blob(1, supplier);
    insert.bind_blob(2, number);
    insert.bind_blob(3, path);
    insert.step();
    insert.reset();
    if (store_->db.changes() == 1) return std::nullopt;

    TemporaryStatement& select = store_->select;
    select.bind_blob(1, supplier);
    select.bind_blob(2, number);
    if (!select.step()) throw TemporaryDatabaseError("select", "no row for a key just found");
    std::string first(select.column_blob(0));
    select.reset();
    return first;
  } catch (const TemporaryDatabaseError& e) {
    fail(e);
  }
}

}  // namespace cprokit
