// The invoices a run has seen, for CPRO-DUP-01: for each (supplier, number),
// the path of the first document that had it. A batch may hold any number of
// invoices, so they are not kept in memory: they go to a private temporary
// SQLite database, which SQLite keeps in a small page cache (2 MiB) and
// spills to a file of the temporary folder (SQLITE_TMPDIR, else TMPDIR, else
// /var/tmp, /usr/tmp, /tmp) as it grows. The file is unlinked as soon as it
// is created: nothing is left behind, even after a crash.
#pragma once

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace cprokit {

// The store failed (the temporary folder full or not writable, no memory):
// the run cannot tell duplicates any more. The message, in French and
// English, names the cause.
class SeenInvoicesError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class SeenInvoices {
 public:
  // Throws SeenInvoicesError.
  SeenInvoices();
  SeenInvoices(const SeenInvoices&) = delete;
  SeenInvoices& operator=(const SeenInvoices&) = delete;
  ~SeenInvoices();

  // The path remembered for (supplier, number), if any; otherwise remembers
  // `path` for it and returns nullopt. Keys and paths are compared and kept
  // byte for byte. Throws SeenInvoicesError, after which the store must not
  // be used again.
  std::optional<std::string> first_path(std::string_view supplier, std::string_view number,
                                        std::string_view path);

 private:
  struct CloseDatabase {
    void operator()(sqlite3* db) const;
  };
  struct Finalize {
    void operator()(sqlite3_stmt* statement) const;
  };
  using Statement = std::unique_ptr<sqlite3_stmt, Finalize>;

  Statement prepare(std::string_view sql);
  void bind(sqlite3_stmt* statement, int index, std::string_view bytes);
  [[noreturn]] void fail(std::string_view doing) const;

  std::unique_ptr<sqlite3, CloseDatabase> db_;
  Statement insert_;
  Statement select_;
};

}  // namespace cprokit
