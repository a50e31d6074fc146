// A private temporary SQLite database, for data that must not stay in memory
// (the invoices a run has seen, a large folder's listing): SQLite keeps it in
// its page cache until it outgrows it, then in a file of the temporary folder
// (SQLITE_TMPDIR, else TMPDIR, else /var/tmp, /usr/tmp, /tmp) unlinked as soon
// as it is created, so nothing is left behind, even after a crash.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace cprokit {

// Where the database's file goes, for a user's message (French, English).
inline constexpr std::string_view kTemporaryFolderFr =
    "elle s'écrit dans le dossier temporaire (SQLITE_TMPDIR, TMPDIR, sinon /var/tmp)";
inline constexpr std::string_view kTemporaryFolderEn =
    "it is written in the temporary folder (SQLITE_TMPDIR, TMPDIR, else /var/tmp)";

// The database failed (the temporary folder full or not writable, no memory).
// what(): "temporary database failed (<doing>): <cause>".
class TemporaryDatabaseError : public std::runtime_error {
 public:
  TemporaryDatabaseError(std::string doing, std::string cause);

  // What was being done: "open", "setup", "prepare", "bind", or the name
  // given to the statement that failed.
  const std::string& doing() const { return doing_; }
  // SQLite's reason, then the system's in parentheses when there is one:
  // "disk I/O error (No space left on device)".
  const std::string& cause() const { return cause_; }

 private:
  std::string doing_;
  std::string cause_;
};

class TemporaryStatement;

class TemporaryDatabase {
 public:
  // Opens the database and runs `setup` (SQL statements, NUL-terminated).
  // Throws TemporaryDatabaseError.
  explicit TemporaryDatabase(const char* setup);
  TemporaryDatabase(const TemporaryDatabase&) = delete;
  TemporaryDatabase& operator=(const TemporaryDatabase&) = delete;
  TemporaryDatabase(TemporaryDatabase&&) noexcept = default;
  TemporaryDatabase& operator=(TemporaryDatabase&&) noexcept = default;
  ~TemporaryDatabase() = default;

  // A statement whose step errors are reported as `doing`. Throws
  // TemporaryDatabaseError.
  TemporaryStatement prepare(std::string doing, std::string_view sql);
  // Rows changed by the last INSERT, UPDATE or DELETE.
  int changes() const;

 private:
  struct Close {
    void operator()(sqlite3* db) const;
  };
  std::unique_ptr<sqlite3, Close> db_;
};

// Parameters and columns count as in SQLite: parameters from 1, columns
// from 0. Throws TemporaryDatabaseError.
class TemporaryStatement {
 public:
  enum class Bytes {
    copied,    // SQLite takes a copy
    borrowed,  // must stay valid until the step that uses them is done
  };

  void bind_blob(int index, std::string_view bytes, Bytes bytes_are = Bytes::copied);
  void bind_int(int index, int value);
  // True when a row is ready, false when done. After an error the statement
  // is reset.
  bool step();
  // Valid until the next step or reset; empty for an empty blob.
  std::string_view column_blob(int column) const;
  int column_int(int column) const;
  void reset();

 private:
  friend class TemporaryDatabase;
  struct Finalize {
    void operator()(sqlite3_stmt* statement) const;
  };
  TemporaryStatement(std::string doing, sqlite3_stmt* statement);

  std::string doing_;
  std::unique_ptr<sqlite3_stmt, Finalize> statement_;
};

}  // namespace cprokit
