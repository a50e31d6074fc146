// The documents named on the command line, one at a time: files, folders
// (walked) and "-" (standard input). A folder is listed one directory at a
// time, so memory follows the largest directory, never the number of files.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/inputs.hpp"

namespace cprokit::cli {

// One directory's entries worth walking, sorted by name: the names sit end
// to end in blocks of 64 KiB that never move, so a folder of 100,000 files
// costs about its names, without the copies of a growing buffer.
class DirectoryListing {
 public:
  struct Entry {
    std::string_view name;
    bool is_directory;
  };

  // Throws std::length_error past 4 GiB of names.
  void add(std::string_view name, bool is_directory);
  void sort();
  std::size_t size() const { return entries_.size(); }
  Entry operator[](std::size_t i) const;

 private:
  // Per entry: a kind byte, the name, '\0'; an entry is a block number
  // (high 16 bits) and an offset in it (low 16 bits).
  const char* at(std::uint32_t entry) const;

  std::vector<std::string> blocks_;  // each reserved once, never grown past it
  std::vector<std::uint32_t> entries_;
};

// Walks the arguments in order: a folder gives its files with a known
// invoice extension (.xml, .pdf, .json, any case; hidden entries skipped)
// that the filter keeps, depth first, each directory in name order (the
// order of the paths compared component by component: "a/b" before "a-b");
// every other argument is taken as it is, whatever its name.
class InputWalk {
 public:
  // Checks the arguments first: throws std::runtime_error naming one that
  // does not exist, or "-" given twice.
  InputWalk(std::vector<std::string> args, FolderFilter filter);

  // The next input, nullopt at the end. A directory that cannot be listed
  // throws std::runtime_error naming it, in its place; the walk then goes on
  // after it.
  std::optional<InputPath> next();

 private:
  struct Frame {
    std::string path;   // as the walk reaches it
    std::string below;  // its path below the folder given, "" or ending in '/'
    DirectoryListing entries;
    std::size_t next = 0;
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
