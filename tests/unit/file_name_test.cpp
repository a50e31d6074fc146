// What a deposited file may be called (rules/chorus/file_name.hpp): a plain
// name passes; a path, a climb, a control character or bytes that are not
// UTF-8 are refused, in both languages.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "rules/chorus/file_name.hpp"

using cprokit::chorus::archive_path_problem;
using cprokit::chorus::file_name_problem;

TEST_CASE("file names: plain names pass", "[file-name]") {
  for (const std::string& name :
       std::vector<std::string>{"facture.xml", "F-2026-0001 Alpine Bâtiment.pdf", "lot.tar.gz",
                                ".hidden", "a..b.xml", std::string(255, 'a')}) {
    INFO(name);
    CHECK_FALSE(file_name_problem(name));
  }
}

TEST_CASE("file names: paths, climbs, control characters and non-UTF-8 are refused",
          "[file-name]") {
  for (const std::string& name : std::vector<std::string>{
           "", ".", "..", "../../etc/passwd", "/etc/passwd", "dossier/facture.xml",
           R"(..\..\windows\win.ini)", std::string("a\nb.xml"), std::string("a\0b.xml", 7),
           std::string("\x1b[31mrouge.xml"), std::string("\xff\xfe.xml"),
           std::string("\xc0\xaf.xml") /* overlong '/' */, std::string(256, 'a')}) {
    INFO(name);
    const auto problem = file_name_problem(name);
    REQUIRE(problem);
    CHECK_FALSE(problem->fr.empty());
    CHECK_FALSE(problem->en.empty());
  }
}

TEST_CASE("archive paths: folders pass, absolute paths and climbs do not", "[file-name]") {
  for (const std::string& path :
       std::vector<std::string>{"a.xml", "lot/a.xml", "./lot/a.xml", "lot//a.xml", "lot/"}) {
    INFO(path);
    CHECK_FALSE(archive_path_problem(path));
  }
  for (const std::string& path : std::vector<std::string>{
           "/etc/cron.d/x", "../a.xml", "lot/../../a.xml", "lot/..", R"(a\..\b.xml)",
           std::string("lot/a\rb.xml"), std::string("lot/\xe9t\xe9.xml")}) {
    INFO(path);
    CHECK(archive_path_problem(path));
  }
}

TEST_CASE("file names: a message shows a long name cut at a character, never mid-way",
          "[file-name]") {
  // 119 ASCII bytes then 'é' (2 bytes) across the 120-byte cut, then a slash.
  const std::string name = std::string(119, 'a') + "\xc3\xa9" + "/x";
  const auto problem = file_name_problem(name);
  REQUIRE(problem);
  CHECK(problem->en.find("\xc3\xa9") == std::string::npos);  // é dropped whole
  CHECK(problem->en.find('\xc3') == std::string::npos);      // not half of it
}
