#include "validators/xsd/schema_set.hpp"

#include <algorithm>
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

// Opens the Xerces-C side when a first document needs it (see
// xerces_backend.hpp): a document the fast path proves valid with a model
// from the grammar cache never does, so a run of such documents does not
// even load Xerces-C. A failure to open is kept and told to every caller, as
// a grammar that does not compile is.
class LazySchemaSet final : public SchemaSet {
 public:
  explicit LazySchemaSet(SchemaEntryPoints at)
      : SchemaSet(at.folder, at.present()), at_(std::move(at)) {}

  using SchemaSet::proven_valid;
  using SchemaSet::validate;

  std::vector<XsdError> validate(std::string_view bytes, DocumentKind kind, Syntax syntax,
                                 std::size_t group) const override {
    return opened().validate(bytes, kind, syntax, group);
  }

  // Without a cached model, the Xerces side extracts one from its grammar
  // (and caches it for the next runs).
  bool proven_valid(std::string_view bytes, const pugi::xml_document& parsed, DocumentKind kind,
                    Syntax syntax, std::size_t group) const override {
    const auto expected = expected_root(kind, syntax);
    if (!expected || !has(group)) return false;
    if (const fast::FastGrammar* model = cached_model(group)) {
      return fast::proven_valid(*model, bytes, parsed, {expected->ns, expected->local});
    }
    return opened().proven_valid(bytes, parsed, kind, syntax, group);
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

bool has_entries(const fs::path& dir, const GrammarGroup& group) {
  std::error_code ec;
  return std::all_of(group.entries.begin(), group.entries.end(),
                     [&](std::string_view entry) { return fs::is_regular_file(dir / entry, ec); });
}

}  // namespace

std::unique_ptr<SchemaSet> SchemaSet::load(const fs::path& dir) {
  std::error_code ec;
  for (const GrammarGroup& group : kGroups) {
    if (group.optional) continue;
    for (const auto entry : group.entries) {
      if (!fs::is_regular_file(dir / entry, ec)) {
        throw SchemaError("XSD entry point not found: " + (dir / entry).string());
      }
    }
  }
  SchemaEntryPoints at{dir, fs::canonical(dir, ec), {}};
  if (ec) throw SchemaError("cannot resolve schema folder " + dir.string() + ": " + ec.message());
  for (std::size_t g = 0; g < kGroups.size(); ++g) {
    const GrammarGroup& group = kGroups.at(g);
    // An optional group whose files are not all there is left out whole.
    if (group.optional && !has_entries(dir, group)) continue;
    for (const auto entry : group.entries) {
      const fs::path file = fs::canonical(dir / entry, ec);
      if (ec || !inside(file, at.root)) {
        throw SchemaError("XSD entry point " + (dir / entry).string() +
                          " resolves outside the schema folder");
      }
      at.files.at(g).push_back(file);
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
