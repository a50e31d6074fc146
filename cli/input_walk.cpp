#include "cli/input_walk.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <stdexcept>
#include <system_error>

#include <fmt/core.h>

#include "cli/user_error.hpp"
#include "validators/temporary_database.hpp"

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

// A large folder's entries, sorted by the temporary database.
class DirectoryListing::Spill {
 public:
  Spill() try
      : insert_(db_.prepare("insert", "INSERT INTO entries (name, directory) VALUES (?1, ?2)")) {
  } catch (const TemporaryDatabaseError& e) {
    cannot_sort(e);
  }

  void add(std::string_view name, bool is_directory) {
    try {
      insert_.bind_blob(1, name, TemporaryStatement::Bytes::borrowed);  // it outlives the step
      insert_.bind_int(2, is_directory ? 1 : 0);
      insert_.step();
      insert_.reset();
    } catch (const TemporaryDatabaseError& e) {
      cannot_sort(e);
    }
  }

  void sort() {
    try {
      select_ = db_.prepare("select", "SELECT name, directory FROM entries ORDER BY name");
    } catch (const TemporaryDatabaseError& e) {
      cannot_sort(e);
    }
  }

  std::optional<Entry> next() {
    if (done_) return std::nullopt;  // a step past the end would start again
    try {
      done_ = !select_->step();
    } catch (const TemporaryDatabaseError& e) {
      cannot_sort(e);
    }
    if (done_) return std::nullopt;
    return Entry{select_->column_blob(0), select_->column_int(1) != 0};
  }

 private:
  // What a user can act on: SQLite's reason, the system's ("No space left
  // on device"), where the file goes and what to do.
  [[noreturn]] static void cannot_sort(const TemporaryDatabaseError& e) {
    throw UserError(
        {fmt::format("impossible de trier ce grand dossier dans une base temporaire ({}) : {} ; "
                     "{} : libérez-y de la place ou faites pointer TMPDIR vers un autre dossier",
                     e.doing(), e.cause(), kTemporaryFolderFr),
         fmt::format("cannot sort this large folder in a temporary database ({}): {}; {}: free "
                     "space there or point TMPDIR to another folder",
                     e.doing(), e.cause(), kTemporaryFolderEn)});
  }

  // A fixed page cache of 1 MiB. A name holds no NUL and compares as bytes,
  // as BLOB does: the same order as the in-memory sort. One transaction,
  // never committed: pages reach the file only when the cache is full.
  // Declared first: the statements are finalised before it closes.
  TemporaryDatabase db_{
      "PRAGMA cache_size = -1024;"
      "CREATE TABLE entries (name BLOB PRIMARY KEY, directory INTEGER NOT NULL) WITHOUT ROWID;"
      "BEGIN;"};
  TemporaryStatement insert_;
  std::optional<TemporaryStatement> select_;
  bool done_ = false;
};

DirectoryListing::DirectoryListing(std::size_t in_memory) : in_memory_(in_memory) {}
DirectoryListing::DirectoryListing(DirectoryListing&&) noexcept = default;
DirectoryListing& DirectoryListing::operator=(DirectoryListing&&) noexcept = default;
DirectoryListing::~DirectoryListing() = default;

void DirectoryListing::add(std::string_view name, bool is_directory) {
  ++size_;
  if (spill_) return spill_->add(name, is_directory);
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
  if (entries_.size() > in_memory_) spill();
}

void DirectoryListing::spill() {
  spill_ = std::make_unique<Spill>();
  for (const std::uint32_t entry : entries_) {
    const char* at_entry = at(entry);
    spill_->add(at_entry + 1, *at_entry == kDirectory);
  }
  entries_ = {};
  blocks_ = {};
}

const char* DirectoryListing::at(std::uint32_t entry) const {
  return blocks_[entry >> kOffsetBits].data() + (entry & (kBlockSize - 1));
}

void DirectoryListing::sort() {
  if (spill_) return spill_->sort();
  // Names compare as unsigned bytes, as paths do: since a name holds no
  // '/', sorting each directory gives the order of whole paths.
  std::sort(entries_.begin(), entries_.end(), [&](std::uint32_t a, std::uint32_t b) {
    return std::string_view(at(a) + 1) < std::string_view(at(b) + 1);
  });
}

std::optional<DirectoryListing::Entry> DirectoryListing::next() {
  if (spill_) return spill_->next();
  if (next_ == entries_.size()) return std::nullopt;
  const char* entry = at(entries_[next_++]);
  return Entry{std::string_view(entry + 1), *entry == kDirectory};
}

InputWalk::InputWalk(std::vector<std::string> args, FolderFilter filter)
    : filter_(std::move(filter)) {
  if (std::count(args.begin(), args.end(), "-") > 1) {
    throw UserError(
        {"« - » (l'entrée standard) est donné plus d'une fois : elle ne se lit "
         "qu'une fois",
         "\"-\" (standard input) is given more than once: it can be read only once"});
  }
  args_ = std::move(args);
}

bool InputWalk::kept(const std::string& below) const {
  if (!filter_.include.empty() && !any_match(filter_.include, below)) return false;
  return !any_match(filter_.exclude, below);
}

void InputWalk::enter(std::string path, std::string below) {
  Frame frame{std::move(path), std::move(below), DirectoryListing()};
  std::error_code ec;
  try {
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
    if (!ec) frame.entries.sort();
  } catch (const UserError& e) {
    throw path_error(frame.path, e.message());
  } catch (const std::exception& e) {
    throw path_error(frame.path, Message{e.what(), e.what()});
  }
  if (ec) throw path_error(frame.path, ec.value());
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
    std::optional<DirectoryListing::Entry> next;
    try {
      next = top.entries.next();
    } catch (const UserError& e) {
      const std::string path = top.path;
      stack_.pop_back();  // the rest of that folder is lost; the walk goes on after it
      throw path_error(path, e.message());
    }
    if (!next) {
      stack_.pop_back();
      continue;
    }
    const DirectoryListing::Entry entry = *next;
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
    } catch (const UserError&) {
      // An unreadable directory is one item too: the walk reports it.
    }
    ++count;
  }
}

}  // namespace cprokit::cli
