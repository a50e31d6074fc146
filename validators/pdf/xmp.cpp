#include "validators/pdf/xmp.hpp"

#include <pugixml.hpp>

namespace cprokit::pdf {
namespace {

// Matched by local name: Factur-X (fx:) and ZUGFeRD (zf:) spell the same
// properties in their own namespaces, and no other XMP schema uses them.
constexpr std::string_view kFileName = "DocumentFileName";
constexpr std::string_view kLevel = "ConformanceLevel";

// The name after its prefix (npos + 1 is 0: no prefix, the whole name).
std::string_view local_name(std::string_view qualified) {
  return qualified.substr(qualified.find(':') + 1);
}

void take(std::optional<std::string>& into, std::string_view value) {
  if (!into && !value.empty()) into = std::string(value);
}

// pugixml walks the tree without recursion: a deeply nested XMP costs no stack.
class Collector : public pugi::xml_tree_walker {
 public:
  explicit Collector(FacturXMetadata& out) : out_(out) {}

  bool for_each(pugi::xml_node& node) override {
    if (node.type() != pugi::node_element) return true;
    const std::string_view local = local_name(node.name());
    if (local == kFileName) take(out_.document_file_name, node.child_value());
    if (local == kLevel) take(out_.conformance_level, node.child_value());
    for (const pugi::xml_attribute& a : node.attributes()) {
      const std::string_view attribute = local_name(a.name());
      if (attribute == kFileName) take(out_.document_file_name, a.value());
      if (attribute == kLevel) take(out_.conformance_level, a.value());
    }
    return true;
  }

 private:
  FacturXMetadata& out_;
};

}  // namespace

FacturXMetadata read_facturx_metadata(std::string_view xmp) {
  FacturXMetadata out;
  pugi::xml_document doc;
  // pugixml expands no entity but the five predefined ones: nothing to fear
  // from a hostile DOCTYPE here.
  if (!doc.load_buffer(xmp.data(), xmp.size(), pugi::parse_default)) return out;
  Collector collector(out);
  doc.traverse(collector);
  return out;
}

}  // namespace cprokit::pdf
