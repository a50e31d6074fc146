#include "rules/model/source.hpp"

#include <catch2/catch.hpp>

#include <string>

using cprokit::Location;
using cprokit::PathStep;
using cprokit::SourcePaths;
using cprokit::SourceRef;

TEST_CASE("SourceRef spells its path from the steps, positions where counted", "[source]") {
  SourcePaths paths;
  const PathStep* root = paths.step(nullptr, "Invoice", 0);
  const PathStep* line = paths.step(root, "cac:InvoiceLine", 2);
  const PathStep* amount = paths.step(line, "cbc:LineExtensionAmount", 0);

  CHECK(SourceRef{root, 1, 0}.path() == "/Invoice");
  CHECK(SourceRef{line, 1, 0}.path() == "/Invoice/cac:InvoiceLine[2]");
  CHECK(SourceRef{amount, 1, 0}.path() == "/Invoice/cac:InvoiceLine[2]/cbc:LineExtensionAmount");
  CHECK(SourceRef{}.path().empty());
}

TEST_CASE("SourcePaths keeps names alive after the caller's text is gone", "[source]") {
  SourcePaths paths;
  const PathStep* first = nullptr;
  const PathStep* second = nullptr;
  {
    std::string name = "ram:IncludedSupplyChainTradeLineItem";
    first = paths.step(nullptr, name, 1);
    second = paths.step(nullptr, name, 2);
    name.assign(name.size(), 'x');
  }
  for (int i = 0; i < 10000; ++i)
    paths.step(first, "cbc:Filler" + std::to_string(i), 0);  // grows the containers
  CHECK(SourceRef{first, 0, 0}.path() == "/ram:IncludedSupplyChainTradeLineItem[1]");
  CHECK(SourceRef{second, 0, 0}.path() == "/ram:IncludedSupplyChainTradeLineItem[2]");
  CHECK(first->name.data() == second->name.data());  // one copy of each name
}

TEST_CASE("SourcePaths parses a spelled path back into steps", "[source]") {
  SourcePaths paths;
  for (std::string spelled : {"/Invoice", "/Invoice/cac:TaxTotal[3]/cbc:TaxAmount",
                              "/rsm:CrossIndustryInvoice/ram:A[12]/ram:B[1]/ram:C"}) {
    CHECK(SourceRef{paths.parse(spelled), 0, 0}.path() == spelled);
  }
  CHECK(paths.parse("") == nullptr);
  const PathStep* step = paths.parse("/a/b[7]");
  REQUIRE(step != nullptr);
  CHECK(step->name == "b");
  CHECK(step->position == 7);
  REQUIRE(step->parent != nullptr);
  CHECK(step->parent->name == "a");
  CHECK(step->parent->parent == nullptr);
}

TEST_CASE("A Location keeps the spelled path, line and column", "[source]") {
  SourcePaths paths;
  Location at = SourceRef{paths.parse("/Invoice/cbc:ID"), 4, 9}.location();
  CHECK(at.path == "/Invoice/cbc:ID");
  CHECK(at.line == 4);
  CHECK(at.column == 9);
}
