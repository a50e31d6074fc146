#include "validators/seen_invoices.hpp"

#include <sqlite3.h>

#include <system_error>

#include <fmt/format.h>

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

}  // namespace

void SeenInvoices::CloseDatabase::operator()(sqlite3* db) const {
  sqlite3_close_v2(db);
}

void SeenInvoices::Finalize::operator()(sqlite3_stmt* statement) const {
  sqlite3_finalize(statement);
}

SeenInvoices::SeenInvoices() {
  sqlite3* db = nullptr;
  // "": a private temporary database, in the page cache until it outgrows it,
  // then in a file deleted on close.
  const int opened = sqlite3_open_v2("", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  db_.reset(db);
  if (opened != SQLITE_OK) fail("open");
  if (sqlite3_exec(db_.get(), kSetup, nullptr, nullptr, nullptr) != SQLITE_OK) fail("setup");
  insert_ = prepare(
      "INSERT INTO seen (supplier, number, path) VALUES (?1, ?2, ?3)"
      " ON CONFLICT (supplier, number) DO NOTHING");
  select_ = prepare("SELECT path FROM seen WHERE supplier = ?1 AND number = ?2");
}

SeenInvoices::~SeenInvoices() = default;

std::optional<std::string> SeenInvoices::first_path(std::string_view supplier,
                                                    std::string_view number,
                                                    std::string_view path) {
  // The usual case, a new invoice, costs one statement.
  sqlite3_stmt* insert = insert_.get();
  bind(insert, 1, supplier);
  bind(insert, 2, number);
  bind(insert, 3, path);
  const int inserted = sqlite3_step(insert);
  sqlite3_reset(insert);
  if (inserted != SQLITE_DONE) fail("insert");
  if (sqlite3_changes(db_.get()) == 1) return std::nullopt;

  sqlite3_stmt* select = select_.get();
  bind(select, 1, supplier);
  bind(select, 2, number);
  const int found = sqlite3_step(select);
  if (found != SQLITE_ROW) {
    sqlite3_reset(select);
    fail("select");
  }
  const void* blob = sqlite3_column_blob(select, 0);  // null for an empty blob
  const auto size = static_cast<std::size_t>(sqlite3_column_bytes(select, 0));
  std::string first = size == 0 ? std::string() : std::string(static_cast<const char*>(blob), size);
  sqlite3_reset(select);
  return first;
}

void SeenInvoices::bind(sqlite3_stmt* statement, int index, std::string_view bytes) {
  // A null pointer would bind NULL, not an empty blob (a default string_view has one).
  const char* data = bytes.data() == nullptr ? "" : bytes.data();
  if (sqlite3_bind_blob64(statement, index, data, bytes.size(), SQLITE_TRANSIENT) != SQLITE_OK) {
    fail("bind");
  }
}

SeenInvoices::Statement SeenInvoices::prepare(std::string_view sql) {
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v3(db_.get(), sql.data(), static_cast<int>(sql.size()),
                         SQLITE_PREPARE_PERSISTENT, &statement, nullptr) != SQLITE_OK) {
    fail("prepare");
  }
  return Statement(statement);
}

void SeenInvoices::fail(std::string_view doing) const {
  std::string cause =
      db_ ? sqlite3_errmsg(db_.get()) : sqlite3_errstr(SQLITE_NOMEM);  // no handle: no memory
  // The system's reason says more than SQLite's "disk I/O error".
  if (const int error = db_ ? sqlite3_system_errno(db_.get()) : 0; error != 0) {
    cause += fmt::format(" ({})", std::error_code(error, std::generic_category()).message());
  }
  throw SeenInvoicesError(fmt::format(
      "vérification des doublons (CPRO-DUP-01) impossible, la base temporaire a échoué ({}) : {} ; "
      "elle s'écrit dans le dossier temporaire (SQLITE_TMPDIR, TMPDIR, sinon /var/tmp) / "
      "duplicate check (CPRO-DUP-01) failed, its temporary database failed ({}): {}; it is "
      "written in the temporary folder (SQLITE_TMPDIR, TMPDIR, else /var/tmp)",
      doing, cause, doing, cause));
}

}  // namespace cprokit
