// replace_file: a file written whole or not at all, with the umask's mode,
// and no temporary left behind.
#include "validators/replace_file.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

namespace fs = std::filesystem;
using cprokit::replace_file;

namespace {

// A fresh temporary folder, removed at the end.
class Folder {
 public:
  Folder()
      : root_(fs::temp_directory_path() /
              ("cprokit-replace-file-test-" + std::to_string(::getpid()))) {
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  ~Folder() {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }
  Folder(const Folder&) = delete;
  Folder& operator=(const Folder&) = delete;
  Folder(Folder&&) = delete;
  Folder& operator=(Folder&&) = delete;

  [[nodiscard]] const fs::path& root() const { return root_; }
  [[nodiscard]] std::size_t entries() const {
    return static_cast<std::size_t>(
        std::distance(fs::directory_iterator(root_), fs::directory_iterator()));
  }

 private:
  fs::path root_;
};

std::string content(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return std::move(out).str();
}

}  // namespace

TEST_CASE("replace_file writes a new file and replaces an old one, leaving no temporary",
          "[replace_file]") {
  const Folder folder;
  const fs::path target = folder.root() / "report.json";
  REQUIRE(replace_file(target.string(), "first") == 0);
  CHECK(content(target) == "first");
  REQUIRE(replace_file(target.string(), std::string(100000, 'x')) == 0);
  CHECK(content(target) == std::string(100000, 'x'));
  CHECK(folder.entries() == 1);
}

TEST_CASE("replace_file gives a new file the mode the umask allows", "[replace_file]") {
  const Folder folder;
  const fs::path target = folder.root() / "cache.grammar";
  const mode_t previous = ::umask(027);
  const int error = replace_file(target.string(), "bytes");
  ::umask(previous);
  REQUIRE(error == 0);
  struct stat info {};
  REQUIRE(::stat(target.c_str(), &info) == 0);
  CHECK((info.st_mode & 0777) == 0640);
}

TEST_CASE("replace_file fails with the cause and leaves the old file as it was", "[replace_file]") {
  const Folder folder;
  CHECK(replace_file((folder.root() / "missing" / "out.json").string(), "x") == ENOENT);

  const fs::path target = folder.root() / "kept.json";
  REQUIRE(replace_file(target.string(), "old") == 0);
  // A folder where the file should be: the rename fails, the temporary goes.
  const fs::path blocked = folder.root() / "blocked";
  fs::create_directories(blocked / "inside");
  CHECK(replace_file(blocked.string(), "new") != 0);
  CHECK(content(target) == "old");
  CHECK(folder.entries() == 2);
}
