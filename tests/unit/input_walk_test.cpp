// The walk of the command line's inputs: order, hidden entries, globs,
// arguments, unreadable folders, and the counting pass of the progress line.
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "cli/input_walk.hpp"
#include "tests/skip.hpp"

namespace fs = std::filesystem;
using cprokit::cli::count_inputs;
using cprokit::cli::DirectoryListing;
using cprokit::cli::FolderFilter;
using cprokit::cli::InputWalk;

namespace {

// A tree of empty files under a fresh temporary folder, removed at the end.
class Tree {
 public:
  explicit Tree(const std::vector<std::string>& files)
      : root_(fs::temp_directory_path() / ("cprokit-walk-test-" + std::to_string(::getpid()))) {
    fs::remove_all(root_);
    for (const auto& f : files) {
      fs::create_directories((root_ / f).parent_path());
      std::ofstream(root_ / f) << "x";
    }
  }
  Tree(const Tree&) = delete;
  Tree& operator=(const Tree&) = delete;
  ~Tree() {
    std::error_code ec;
    fs::permissions(root_ / "locked", fs::perms::owner_all, ec);
    fs::remove_all(root_, ec);
  }
  std::string root() const { return root_.string(); }

 private:
  fs::path root_;
};

// Every path the walk yields, relative to `root`, and the folders it could
// not read, as "!" + the message.
std::vector<std::string> walk_all(const std::string& root, const FolderFilter& filter = {}) {
  InputWalk walk({root}, filter);
  std::vector<std::string> out;
  for (;;) {
    try {
      auto input = walk.next();
      if (!input) return out;
      out.push_back(fs::path(input->path).lexically_relative(root).string());
    } catch (const std::runtime_error& e) {
      out.push_back(std::string("!") + e.what());
    }
  }
}

// The order the walk must follow: whole paths compared component by
// component ('/' before any other byte).
bool path_order(const std::string& a, const std::string& b) {
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    auto rank = [](char c) { return c == '/' ? 0 : static_cast<unsigned char>(c) + 1; };
    return rank(x) < rank(y);
  });
}

const std::vector<std::string> kTricky = {
    "a-b.xml", "a/c.xml",   "a/b/x.xml", "a.xml", "a b.json",      "B.xml",
    "b.XML",   "A/y.pdf",   "z.txt",     "ab",    "a.json/in.xml", "\xc3\xa9t\xc3\xa9.xml",
    "a0.xml",  "a/b-c.xml", "a/b.xml"};

}  // namespace

TEST_CASE("walk: each folder in name order gives the order of whole paths", "[walk]") {
  Tree tree(kTricky);
  const std::vector<std::string> expected = {"A/y.pdf",
                                             "B.xml",
                                             "a/b/x.xml",
                                             "a/b-c.xml",
                                             "a/b.xml",
                                             "a/c.xml",
                                             "a b.json",
                                             "a-b.xml",
                                             "a.json/in.xml",
                                             "a.xml",
                                             "a0.xml",
                                             "b.XML",
                                             "\xc3\xa9t\xc3\xa9.xml"};
  const std::vector<std::string> walked = walk_all(tree.root());
  CHECK(walked == expected);
  CHECK(std::is_sorted(walked.begin(), walked.end(), path_order));
}

TEST_CASE("walk: hidden entries are skipped, hidden folders not entered", "[walk]") {
  Tree tree({".h.xml", ".git/x.xml", "sub/.secret/s.xml", "sub/.s.xml", "sub/t.xml", "u.json"});
  CHECK(walk_all(tree.root()) == std::vector<std::string>{"sub/t.xml", "u.json"});
}

TEST_CASE("walk: globs on the path below the folder, '*' crossing '/'", "[walk]") {
  Tree tree({"2026/a.xml", "2026/draft/b.xml", "2025/c.xml", "d.json"});
  using V = std::vector<std::string>;
  CHECK(walk_all(tree.root(), {{"2026/*"}, {}}) == V{"2026/a.xml", "2026/draft/b.xml"});
  CHECK(walk_all(tree.root(), {{}, {"*draft*"}}) == V{"2025/c.xml", "2026/a.xml", "d.json"});
  CHECK(walk_all(tree.root(), {{"*.xml"}, {"2025/*"}}) == V{"2026/a.xml", "2026/draft/b.xml"});
}

TEST_CASE("walk: arguments in order, files as given, '-' once, missing ones in their place",
          "[walk]") {
  Tree tree({"f/a.xml", "notes.txt"});
  const std::string notes = (fs::path(tree.root()) / "notes.txt").string();
  InputWalk walk({notes, "-", "/no/such/place.xml", (fs::path(tree.root()) / "f").string()}, {});
  auto first = walk.next();
  REQUIRE(first);
  CHECK(first->path == notes);
  auto second = walk.next();
  REQUIRE(second);
  CHECK(second->is_stdin);
  // Reading it says it is missing (cli/inputs.cpp), in its place.
  auto missing = walk.next();
  REQUIRE(missing);
  CHECK(missing->path == "/no/such/place.xml");
  auto fourth = walk.next();
  REQUIRE(fourth);
  CHECK(fs::path(fourth->path).filename() == "a.xml");
  CHECK_FALSE(walk.next());

  CHECK_THROWS_WITH(InputWalk({"-", "-"}, {}), Catch::Contains("standard input"));
}

TEST_CASE("walk: a folder that cannot be read is named in its place, the walk goes on", "[walk]") {
  if (::geteuid() == 0) SKIP_TEST("root reads every folder: run the tests as another user");
  Tree tree({"a.xml", "locked/b.xml", "z.xml"});
  const fs::path locked = fs::path(tree.root()) / "locked";
  fs::permissions(locked, fs::perms::none);
  const std::vector<std::string> walked = walk_all(tree.root());
  REQUIRE(walked.size() == 3);
  CHECK(walked[0] == "a.xml");
  CHECK(walked[1].starts_with("!" + locked.string() + ": "));
  CHECK(walked[2] == "z.xml");
  CHECK(count_inputs({tree.root()}, {}) == 3);
}

TEST_CASE("walk: the counting pass counts what the walk yields", "[walk]") {
  Tree tree(kTricky);
  const FolderFilter filter{{}, {"a/*"}};
  const std::vector<std::string> args = {tree.root(), "-", tree.root()};
  std::size_t yielded = 0;
  InputWalk walk(args, filter);
  while (walk.next())
    ++yielded;
  CHECK(yielded == 2 * 9 + 1);
  CHECK(count_inputs(args, filter) == yielded);
}

namespace {

// The names of a sorted listing, read to the end, directories marked "/".
std::vector<std::string> read_all(DirectoryListing& listing) {
  std::vector<std::string> out;
  while (const auto entry = listing.next())
    out.push_back(std::string(entry->name) + (entry->is_directory ? "/" : ""));
  return out;
}

}  // namespace

TEST_CASE("walk: a listing keeps names and kinds, sorted as bytes", "[walk]") {
  // In memory, then past a limit of 2 entries in the temporary database:
  // the same order and kinds.
  for (const std::size_t in_memory : {DirectoryListing::kInMemory, std::size_t{2}}) {
    INFO("in memory: " << in_memory);
    DirectoryListing listing(in_memory);
    listing.add("b", false);
    listing.add("\xc3\xa9", false);
    listing.add("a", true);
    listing.add("B", false);
    listing.add("a-b", false);
    listing.add("a b", true);
    listing.sort();
    CHECK(listing.size() == 6);
    CHECK(read_all(listing) == std::vector<std::string>{"B", "a/", "a b/", "a-b", "b", "\xc3\xa9"});
    CHECK_FALSE(listing.next());
  }
}

TEST_CASE("walk: a listing spans blocks, or spills, in the same order", "[walk]") {
  constexpr int kCount = 5000;  // about 200 KB of names: several blocks
  std::vector<std::string> expected;
  expected.reserve(kCount);
  for (int i = 0; i < kCount; ++i)
    expected.push_back("invoice-with-a-rather-long-name-" + std::to_string(100000 + i) + ".xml");
  for (const std::size_t in_memory : {std::size_t{kCount}, std::size_t{1000}}) {
    INFO("in memory: " << in_memory);
    DirectoryListing listing(in_memory);
    for (int i = kCount - 1; i >= 0; --i)
      listing.add(expected[static_cast<std::size_t>(i)], false);
    listing.sort();
    CHECK(listing.size() == kCount);
    CHECK(read_all(listing) == expected);
  }
}

TEST_CASE("walk: a listing keeps 4,096 entries in memory, the 4,097th takes it to the database",
          "[walk][thresholds]") {
  DirectoryListing listing;  // README "Benchmarks": up to 4,096 entries in memory
  for (int i = 0; i < 4096; ++i)
    listing.add("invoice-" + std::to_string(10000 - i) + ".xml", false);
  CHECK_FALSE(listing.spilled());
  listing.add("invoice-0.xml", false);
  CHECK(listing.spilled());
  listing.sort();
  const std::vector<std::string> names = read_all(listing);
  REQUIRE(names.size() == 4097);
  CHECK(names.front() == "invoice-0.xml");
  CHECK(std::is_sorted(names.begin(), names.end()));
}
