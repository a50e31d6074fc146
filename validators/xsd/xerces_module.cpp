// The module cprokit-xerces.so: open_xerces_schema_set for the `cprokit`
// program, which loads it on first need (xerces_loader.cpp).
#include <type_traits>

#include "validators/xsd/xerces_backend.hpp"

extern "C" __attribute__((visibility("default"))) cprokit::xsd::SchemaSet*
cprokit_open_xerces_schema_set(const cprokit::xsd::SchemaEntryPoints& at) {
  return cprokit::xsd::open_xerces_schema_set(at).release();
}

// The loader calls the entry through this type.
static_assert(
    std::is_same_v<decltype(&cprokit_open_xerces_schema_set), cprokit::xsd::OpenXercesEntry>);
