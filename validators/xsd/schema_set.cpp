#include "validators/xsd/schema_set.hpp"

#include <array>
#include <mutex>
#include <string>
#include <system_error>
#include <utility>

#include "validators/xsd/xerces_backend.hpp"

#ifndef CPROKIT_INSTALL_SCHEMAS
#define CPROKIT_INSTALL_SCHEMAS ""
#endif
#ifndef CPROKIT_DEFAULT_SCHEMAS
#define CPROKIT_DEFAULT_SCHEMAS ""
#endif

namespace cprokit::xsd {
namespace {

namespace fs = std::filesystem;

constexpr std::array<std::string_view, 3> kEntries = {kUblInvoiceXsd, kUblCreditNoteXsd, kCiiXsd};

// Opens the Xerces-C side when a first document needs it, so that a run
// without XML to validate never loads it (see xerces_backend.hpp). A failure
// is kept and told to every caller, as a grammar that does not compile is.
class LazySchemaSet final : public SchemaSet {
 public:
  explicit LazySchemaSet(SchemaEntryPoints at) : SchemaSet(at.folder), at_(std::move(at)) {}

  std::vector<XsdError> validate(std::string_view bytes, DocumentKind kind,
                                 Syntax syntax) const override {
    return opened().validate(bytes, kind, syntax);
  }

 private:
  const SchemaSet& opened() const {
    std::call_once(once_, [&] {
      try {
        xerces_ = open_xerces_schema_set(at_);
      } catch (const SchemaError& e) {
        error_ = e.what();
      }
    });
    if (!xerces_) throw SchemaError(error_);
    return *xerces_;
  }

  SchemaEntryPoints at_;
  mutable std::once_flag once_;
  mutable std::unique_ptr<SchemaSet> xerces_;
  mutable std::string error_;
};

}  // namespace

std::unique_ptr<SchemaSet> SchemaSet::load(const fs::path& dir) {
  std::error_code ec;
  for (const auto entry : kEntries) {
    if (!fs::is_regular_file(dir / entry, ec)) {
      throw SchemaError("XSD entry point not found: " + (dir / entry).string());
    }
  }
  SchemaEntryPoints at{dir, fs::canonical(dir, ec), {}};
  if (ec) throw SchemaError("cannot resolve schema folder " + dir.string() + ": " + ec.message());
  for (std::size_t i = 0; i < kEntries.size(); ++i) {
    at.files.at(i) = fs::canonical(dir / kEntries.at(i), ec);
    if (ec || !inside(at.files.at(i), at.root)) {
      throw SchemaError("XSD entry point " + (dir / kEntries.at(i)).string() +
                        " resolves outside the schema folder");
    }
  }
  return std::make_unique<LazySchemaSet>(std::move(at));
}

SchemaLookup find_schemas(const std::optional<fs::path>& option_dir) {
  return find_data(
      option_dir,
      {"--schemas", "CPROKIT_SCHEMAS", CPROKIT_INSTALL_SCHEMAS, CPROKIT_DEFAULT_SCHEMAS},
      [](const fs::path& dir) {
        std::error_code ec;
        return fs::is_regular_file(dir / kUblInvoiceXsd, ec);
      });
}

}  // namespace cprokit::xsd
