// The documents named on the command line, one at a time: files, folders
// (walked) and "-" (standard input). A folder is listed one directory at a
// time, so memory follows the largest directory, never the number of files.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/inputs.hpp"

namespace cprokit::cli {

// One directory's entries worth walking, sorted by name, read once in order.
// Up to `in_memory` entries, the names sit end to end in blocks of 64 KiB
// that never move. Past that, they go to a private temporary SQLite database
// that sorts them, in a page cache of 1 MiB: a folder of any size then costs
// the same memory, and one of a few thousand files no database.
class DirectoryListing {
 public:
  struct Entry {
    std::string_view name;  // valid until the next call of next()
    bool is_directory;
  };

  static constexpr std::size_t kInMemory = 4096;

  explicit DirectoryListing(std::size_t in_memory = kInMemory);
  DirectoryListing(DirectoryListing&&) noexcept;
  DirectoryListing& operator=(DirectoryListing&&) noexcept;
  ~DirectoryListing();

  // Throws std::length_error for a name over 64 KiB, UserError
  // when the temporary database fails.
  void add(std::string_view name, bool is_directory);
  // Once every entry is added.
  void sort();
  // The entries in name order, nullopt after the last. Throws
  // UserError when the temporary database fails.
  std::optional<Entry> next();
  std::size_t size() const { return size_; }
  // Whether the entries went to the temporary database.
  bool spilled() const { return spill_ != nullptr; }

 private:
  class Spill;  // the temporary database

  // Per entry: a kind byte, the name, '\0'; an entry is a block number
  // (high 16 bits) and an offset in it (low 16 bits).
  const char* at(std::uint32_t entry) const;
  void spill();

  std::size_t in_memory_;
  std::size_t size_ = 0;
  std::size_t next_ = 0;
  std::vector<std::string> blocks_;  // each reserved once, never grown past it
  std::vector<std::uint32_t> entries_;
  std::unique_ptr<Spill> spill_;
};

// Walks the arguments in order: a folder gives its files with a known
// invoice extension (.xml, .pdf, .json, any case; hidden entries skipped)
// that the filter keeps, depth first, each directory in name order (the
// order of the paths compared component by component: "a/b" before "a-b");
// every other argument is taken as it is, whatever its name (one that does
// not exist too: reading it says so, in its place).
class InputWalk {
 public:
  // Throws UserError (cli/user_error.hpp) when "-" is given more than once.
  InputWalk(std::vector<std::string> args, FolderFilter filter);

  // The next input, nullopt at the end. A directory that cannot be listed
  // throws UserError naming it and the cause, in its place; the walk then
  // goes on after it.
  std::optional<InputPath> next();

 private:
  struct Frame {
    std::string path;   // as the walk reaches it
    std::string below;  // its path below the folder given, "" or ending in '/'
    DirectoryListing entries;
  };

  void enter(std::string path, std::string below);
  bool kept(const std::string& below) const;

  std::vector<std::string> args_;
  FolderFilter filter_;
  std::size_t next_arg_ = 0;
  std::vector<Frame> stack_;
};

// How many items a walk of the arguments yields (errors included), for the
// progress line; the arguments must be valid (an InputWalk was made of them).
std::size_t count_inputs(const std::vector<std::string>& args, const FolderFilter& filter);

}  // namespace cprokit::cli
