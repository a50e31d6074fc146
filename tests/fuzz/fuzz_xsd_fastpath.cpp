// Fuzz target: the fast XSD path's one promise. Whenever it proves an input
// valid (SchemaSet::proven_valid), Xerces must find no error in it; a breach
// aborts with both verdicts. Inputs it does not prove are not given to
// Xerces, which keeps the executions fast. Each input is judged by the grammar
// the linter would choose (a CII's BT-24 may name a Factur-X profile's). Its
// corpus holds the UBL and CII fixtures (scripts/fuzz.sh). Without the
// EN 16931 schemas (a clone without ../shared, CPROKIT_SCHEMAS unset) there
// is nothing to check.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "rules/finding.hpp"
#include "tests/fuzz/fuzz_linter.hpp"
#include "validators/detect.hpp"
#include "validators/pdf/facturx_profile.hpp"
#include "validators/xml/names.hpp"
#include "validators/xml/safe_xml.hpp"
#include "validators/xsd/grammar_groups.hpp"
#include "validators/xsd/schema_set.hpp"

namespace {

const cprokit::xsd::SchemaSet* schemas() {
  static const std::unique_ptr<cprokit::xsd::SchemaSet> set =
      []() -> std::unique_ptr<cprokit::xsd::SchemaSet> {
    const auto lookup = cprokit::xsd::find_schemas(std::nullopt);
    if (!lookup.found) return nullptr;
    return cprokit::xsd::SchemaSet::load(*lookup.found);
  }();
  return set.get();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto* set = schemas();
  if (set == nullptr) return 0;
  const std::string_view bytes = cprokit::fuzz::as_text(data, size);
  std::vector<cprokit::Finding> findings;
  const auto loaded = cprokit::xml::load(bytes, {std::size_t{1} << 20, 200}, findings);
  if (!loaded) return 0;
  const pugi::xml_node root = loaded->doc.document_element();
  const cprokit::xml::Names names(root, loaded->nested_namespace_declarations);
  const auto kind = cprokit::detect_xml_kind(root, names);
  const auto guideline = cprokit::pdf::guideline_in(root);
  const std::size_t group = cprokit::xsd::group_for(
      kind.syntax, guideline ? cprokit::pdf::profile_of_guideline(*guideline) : std::nullopt);
  if (!set->has(group)) return 0;
  if (!set->proven_valid(bytes, loaded->doc, kind.kind, kind.syntax, group)) return 0;
  const auto errors = set->validate(bytes, kind.kind, kind.syntax, group);
  if (errors.empty()) return 0;
  std::fprintf(stderr, "fast path proved valid, Xerces says %u:%u %s\n", errors[0].line,
               errors[0].column, errors[0].message.c_str());
  std::abort();
}
