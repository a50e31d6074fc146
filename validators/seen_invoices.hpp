// The invoices a run has seen, for CPRO-DUP-01: for each (supplier, number),
// the path of the first document that had it. A batch may hold any number of
// invoices, so they are not kept in memory: they go to a private temporary
// database (validators/temporary_database.hpp) with a page cache of 2 MiB.
#pragma once

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

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
  struct Store;  // the database and its statements
  std::unique_ptr<Store> store_;
};

}  // namespace cprokit
