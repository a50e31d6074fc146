// The invoices a run has seen, for CPRO-DUP-01: for each (supplier, number),
// the path of the first document that had it. The linter's SeenStore for the
// engine's run-level rules (rules/engine/engine.hpp). A batch may hold any number of
// invoices, so they are not kept in memory: they go to a private temporary
// database (validators/temporary_database.hpp) with a page cache of 2 MiB.
#pragma once

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "rules/engine/engine.hpp"

namespace cprokit {

// The store failed (the temporary folder full or not writable, no memory):
// the run cannot tell duplicates any more. The message, in French and
// English, names the cause.
class SeenInvoicesError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class SeenInvoices final : public SeenStore {
 public:
  // Throws SeenInvoicesError.
  SeenInvoices();
  ~SeenInvoices() override;

  // The path remembered for (supplier, number), if any; otherwise remembers
  // `path` for it and returns nullopt. Keys and paths are compared and kept
  // byte for byte. Throws SeenInvoicesError, after which the store must not
  // be used again.
  std::optional<std::string> first_path(std::string_view supplier, std::string_view number,
                                        std::string_view path);
  // The same with a run-level rule's key: its scope is the supplier, its
  // value the number.
  std::optional<std::string> first_path(const RunKey& key, std::string_view path) override {
    return first_path(key.scope, key.value, path);
  }

 private:
  struct Store;  // the database and its statements
  std::unique_ptr<Store> store_;
};

}  // namespace cprokit
