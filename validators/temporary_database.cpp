#include "validators/temporary_database.hpp"

#include <sqlite3.h>

#include <system_error>
#include <utility>

#include <fmt/core.h>

namespace cprokit {
namespace {

// SQLite's reason for the last failure on `db`, and the system's, which says
// more than SQLite's "disk I/O error". No handle: no memory for one.
std::string reason(sqlite3* db) {
  std::string cause = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(SQLITE_NOMEM);
  if (const int error = db != nullptr ? sqlite3_system_errno(db) : 0; error != 0) {
    cause += fmt::format(" ({})", std::error_code(error, std::generic_category()).message());
  }
  return cause;
}

}  // namespace

TemporaryDatabaseError::TemporaryDatabaseError(std::string doing, std::string cause)
    : std::runtime_error(fmt::format("temporary database failed ({}): {}", doing, cause)),
      doing_(std::move(doing)),
      cause_(std::move(cause)) {}

void TemporaryDatabase::Close::operator()(sqlite3* db) const {
  sqlite3_close_v2(db);
}

TemporaryDatabase::TemporaryDatabase(const char* setup) {
  sqlite3* db = nullptr;
  // "": a private temporary database, in the page cache until it outgrows it,
  // then in a file deleted on close. That it spills to a file rather than
  // stay all in memory depends on SQLite's build: SQLITE_TEMP_STORE=1, the
  // default (Debian's too), with temp_store left at its default.
  const int opened = sqlite3_open_v2("", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  db_.reset(db);
  if (opened != SQLITE_OK) throw TemporaryDatabaseError("open", reason(db_.get()));
  if (sqlite3_exec(db_.get(), setup, nullptr, nullptr, nullptr) != SQLITE_OK) {
    throw TemporaryDatabaseError("setup", reason(db_.get()));
  }
}

TemporaryStatement TemporaryDatabase::prepare(std::string doing, std::string_view sql) {
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v3(db_.get(), sql.data(), static_cast<int>(sql.size()),
                         SQLITE_PREPARE_PERSISTENT, &statement, nullptr) != SQLITE_OK) {
    throw TemporaryDatabaseError("prepare", reason(db_.get()));
  }
  return {std::move(doing), statement};
}

int TemporaryDatabase::changes() const {
  return sqlite3_changes(db_.get());
}

void TemporaryStatement::Finalize::operator()(sqlite3_stmt* statement) const {
  sqlite3_finalize(statement);
}

TemporaryStatement::TemporaryStatement(std::string doing, sqlite3_stmt* statement)
    : doing_(std::move(doing)), statement_(statement) {}

void TemporaryStatement::bind_blob(int index, std::string_view bytes, Bytes bytes_are) {
  // A null pointer would bind NULL, not an empty blob (a default string_view has one).
  const char* data = bytes.data() == nullptr ? "" : bytes.data();
  if (sqlite3_bind_blob64(statement_.get(), index, data, bytes.size(),
                          bytes_are == Bytes::copied ? SQLITE_TRANSIENT : SQLITE_STATIC) !=
      SQLITE_OK) {
    throw TemporaryDatabaseError("bind", reason(sqlite3_db_handle(statement_.get())));
  }
}

void TemporaryStatement::bind_int(int index, int value) {
  if (sqlite3_bind_int(statement_.get(), index, value) != SQLITE_OK) {
    throw TemporaryDatabaseError("bind", reason(sqlite3_db_handle(statement_.get())));
  }
}

bool TemporaryStatement::step() {
  const int stepped = sqlite3_step(statement_.get());
  if (stepped == SQLITE_ROW) return true;
  if (stepped == SQLITE_DONE) return false;
  std::string cause = reason(sqlite3_db_handle(statement_.get()));
  reset();  // after the reason is read: a reset may change it
  throw TemporaryDatabaseError(doing_, std::move(cause));
}

std::string_view TemporaryStatement::column_blob(int column) const {
  // The pointer before the size, as SQLite asks; null for an empty blob.
  const void* blob = sqlite3_column_blob(statement_.get(), column);
  const auto size = static_cast<std::size_t>(sqlite3_column_bytes(statement_.get(), column));
  return size == 0 ? std::string_view() : std::string_view(static_cast<const char*>(blob), size);
}

int TemporaryStatement::column_int(int column) const {
  return sqlite3_column_int(statement_.get(), column);
}

void TemporaryStatement::reset() {
  sqlite3_reset(statement_.get());  // returns the last step's error, already reported
}

}  // namespace cprokit
