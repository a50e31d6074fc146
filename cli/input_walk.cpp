#include "cli/input_walk.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <stdexcept>

namespace cprokit::cli {
namespace fs = std::filesystem;
namespace {

constexpr unsigned kOffsetBits = 16;
constexpr std::size_t kBlockSize = std::size_t{1} << kOffsetBits;
constexpr std::size_t kMaxBlocks = std::size_t{1} << (32 - kOffsetBits);
constexpr char kDirectory = 'd';
constexpr char kFile = 'f';

bool invoice_extension(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".xml" || ext == ".pdf" || ext == ".json";
}

bool hidden(const std::string& name) {
  return name.size() > 1 && name[0] == '.';
}

[[noreturn]] void cannot_read(const std::string& path, const std::string& why) {
  throw std::runtime_error(path + ": " + why);
}

bool any_match(const std::vector<std::string>& globs, const std::string& path) {
  return std::any_of(globs.begin(), globs.end(), [&](const std::string& g) {
    return fnmatch(g.c_str(), path.c_str(), 0) == 0;
  });
}

std::string child(const std::string& dir, std::string_view name) {
  std::string out = dir;
  if (out.back() != '/') out += '/';
  out += name;
  return out;
}

}  // namespace

void DirectoryListing::add(std::string_view name, bool is_directory) {
  const std::size_t needed = name.size() + 2;
  if (needed > kBlockSize) throw std::length_error("file name too long");
  if (blocks_.empty() || blocks_.back().size() + needed > kBlockSize) {
    if (blocks_.size() == kMaxBlocks) throw std::length_error("directory listing too large");
    blocks_.emplace_back().reserve(kBlockSize);
  }
  std::string& block = blocks_.back();
  entries_.push_back(
      static_cast<std::uint32_t>((blocks_.size() - 1) << kOffsetBits | block.size()));
  block += is_directory ? kDirectory : kFile;
  block += name;
  block += '\0';
}

const char* DirectoryListing::at(std::uint32_t entry) const {
  return blocks_[entry >> kOffsetBits].data() + (entry & (kBlockSize - 1));
}

DirectoryListing::Entry DirectoryListing::operator[](std::size_t i) const {
  const char* entry = at(entries_[i]);
  return {std::string_view(entry + 1), *entry == kDirectory};
}

void DirectoryListing::sort() {
  // Names compare as unsigned bytes, as paths do: since a name holds no
  // '/', sorting each directory gives the order of whole paths.
  std::sort(entries_.begin(), entries_.end(), [&](std::uint32_t a, std::uint32_t b) {
    return std::string_view(at(a) + 1) < std::string_view(at(b) + 1);
  });
}

InputWalk::InputWalk(std::vector<std::string> args, FolderFilter filter)
    : filter_(std::move(filter)) {
  bool stdin_given = false;
  for (auto& arg : args) {
    if (arg == "-") {
      if (stdin_given) cannot_read("-", "standard input can be read only once");
      stdin_given = true;
    } else {
      std::error_code ec;
      const fs::file_status status = fs::status(arg, ec);
      if (ec || !fs::exists(status)) cannot_read(arg, "no such file or directory");
    }
    args_.push_back(std::move(arg));
  }
}

bool InputWalk::kept(const std::string& below) const {
  if (!filter_.include.empty() && !any_match(filter_.include, below)) return false;
  return !any_match(filter_.exclude, below);
}

void InputWalk::enter(std::string path, std::string below) {
  Frame frame{std::move(path), std::move(below), {}, 0};
  std::error_code ec;
  fs::directory_iterator it(frame.path, ec);
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (hidden(name)) continue;
    // As a recursive walk: a link to a directory is not followed, a link to
    // a file is taken.
    std::error_code kind_ec;
    if (it->is_directory(kind_ec) && !it->is_symlink(kind_ec)) {
      frame.entries.add(name, true);
    } else if (it->is_regular_file(kind_ec) && invoice_extension(name) &&
               kept(frame.below + name)) {
      frame.entries.add(name, false);
    }
  }
  if (ec) cannot_read(frame.path, ec.message());
  frame.entries.sort();
  stack_.push_back(std::move(frame));
}

std::optional<InputPath> InputWalk::next() {
  for (;;) {
    if (stack_.empty()) {
      if (next_arg_ == args_.size()) return std::nullopt;
      const std::string& arg = args_[next_arg_++];
      if (arg == "-") return InputPath{arg, true};
      std::error_code ec;
      if (!fs::is_directory(arg, ec)) return InputPath{arg, false};
      enter(arg, "");
      continue;
    }
    Frame& top = stack_.back();
    if (top.next == top.entries.size()) {
      stack_.pop_back();
      continue;
    }
    const DirectoryListing::Entry entry = top.entries[top.next++];
    std::string path = child(top.path, entry.name);
    if (!entry.is_directory) return InputPath{std::move(path), false};
    enter(std::move(path), top.below + std::string(entry.name) + '/');
  }
}

std::size_t count_inputs(const std::vector<std::string>& args, const FolderFilter& filter) {
  InputWalk walk(args, filter);
  std::size_t count = 0;
  for (;;) {
    try {
      if (!walk.next()) return count;
    } catch (const std::runtime_error&) {
      // An unreadable directory is one item too: the walk reports it.
    }
    ++count;
  }
}

}  // namespace cprokit::cli
