#include "validators/xsd/schema_set.hpp"

#include <array>
#include <mutex>
#include <optional>
#include <string>
#include <system_error>
#include <utility>

#include "validators/xsd/fast_grammar.hpp"
#include "validators/xsd/fast_validator.hpp"
#include "validators/xsd/grammar_cache.hpp"
#include "validators/xsd/grammar_groups.hpp"
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

// Opens the Xerces-C side when a first document needs it (see
// xerces_backend.hpp): a document the fast path proves valid with a model
// from the grammar cache never does, so a run of such documents does not
// even load Xerces-C. A failure to open is kept and told to every caller, as
// a grammar that does not compile is.
class LazySchemaSet final : public SchemaSet {
 public:
  explicit LazySchemaSet(SchemaEntryPoints at) : SchemaSet(at.folder), at_(std::move(at)) {}

  using SchemaSet::validate;

  std::vector<XsdError> validate(std::string_view bytes, DocumentKind kind,
                                 Syntax syntax) const override {
    return opened().validate(bytes, kind, syntax);
  }

  // Without a cached model, the Xerces side extracts one from its grammar
  // (and caches it for the next runs).
  bool proven_valid(std::string_view bytes, const pugi::xml_document& parsed, DocumentKind kind,
                    Syntax syntax) const override {
    const auto expected = expected_root(kind, syntax);
    if (!expected) return false;
    if (const fast::FastGrammar* model = cached_model(group_of(syntax))) {
      return fast::proven_valid(*model, bytes, parsed, {expected->ns, expected->local});
    }
    return opened().proven_valid(bytes, parsed, kind, syntax);
  }

 private:
  const fast::FastGrammar* cached_model(std::size_t group) const {
    Cached& c = cached_.at(group);
    std::call_once(c.once, [&] {
      const auto cache = GrammarCache::for_folder(at_.root);
      if (!cache) return;
      if (const auto bytes = cache->read(kGroups.at(group).fast_name)) {
        c.model = fast::FastGrammar::from_bytes(*bytes);
      }
    });
    return c.model ? &*c.model : nullptr;
  }

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

  struct Cached {
    std::once_flag once;
    std::optional<fast::FastGrammar> model;
  };

  SchemaEntryPoints at_;
  mutable std::array<Cached, kGroups.size()> cached_;
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
