#include "validators/xsd/xerces_backend.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <mutex>
#include <optional>
#include <string>
#include <system_error>
#include <utility>

#include <xercesc/framework/BinOutputStream.hpp>
#include <xercesc/framework/LocalFileInputSource.hpp>
#include <xercesc/framework/MemBufInputSource.hpp>
#include <xercesc/framework/XMLErrorCodes.hpp>
#include <xercesc/framework/XMLGrammarPoolImpl.hpp>
#include <xercesc/framework/psvi/XSModel.hpp>
#include <xercesc/parsers/SAX2XMLReaderImpl.hpp>
#include <xercesc/sax/Locator.hpp>
#include <xercesc/sax/SAXParseException.hpp>
#include <xercesc/sax2/DefaultHandler.hpp>
#include <xercesc/util/BinMemInputStream.hpp>
#include <xercesc/util/OutOfMemoryException.hpp>
#include <xercesc/util/PlatformUtils.hpp>
#include <xercesc/util/SecurityManager.hpp>
#include <xercesc/util/TransService.hpp>
#include <xercesc/util/XMLEntityResolver.hpp>
#include <xercesc/util/XMLException.hpp>
#include <xercesc/util/XMLResourceIdentifier.hpp>
#include <xercesc/util/XMLString.hpp>
#include <xercesc/util/XMLUni.hpp>
#include <xercesc/validators/schema/ComplexTypeInfo.hpp>
#include <xercesc/validators/schema/SchemaGrammar.hpp>

#include "validators/xsd/fast_extract.hpp"
#include "validators/xsd/fast_validator.hpp"
#include "validators/xsd/grammar_cache.hpp"
#include "validators/xsd/grammar_groups.hpp"

namespace cprokit::xsd {
namespace {

namespace fs = std::filesystem;
namespace xc = xercesc;

constexpr std::size_t kMaxErrors = 100;
constexpr XMLSize_t kEntityExpansionLimit = 100;
constexpr const char* kDocumentId = "document";

// Xerces builds a type's content model, and its text for messages, on first
// use, writing into the grammar: done here, before the grammar is shared
// between threads.
void prebuild(xc::ComplexTypeInfo& type) {
  type.getContentModel();
  type.getFormattedContentModel();
}

// No matching Terminate: a SchemaSet kept in a static could be destroyed after
// this guard, and its grammar pool needs Xerces alive.
void ensure_xerces() {
  [[maybe_unused]] static const bool initialized = [] {
    xc::XMLPlatformUtils::Initialize();
    prebuild(*xc::ComplexTypeInfo::getAnyType(0));  // a process-wide singleton
    return true;
  }();
}

std::string utf8(const XMLCh* text) {
  if (text == nullptr) return {};
  const xc::TranscodeToStr out(text, "UTF-8");
  return {reinterpret_cast<const char*>(out.str()), out.length()};
}

class XmlString {
 public:
  explicit XmlString(std::string_view text)
      : data_(reinterpret_cast<const XMLByte*>(text.data()), text.size(), "UTF-8") {}
  const XMLCh* get() const { return data_.str(); }

 private:
  xc::TranscodeFromStr data_;
};

std::uint32_t clamp32(XMLFileLoc value) {
  return static_cast<std::uint32_t>(
      std::min<XMLFileLoc>(value, std::numeric_limits<std::uint32_t>::max()));
}

// The lower-case URL scheme of `s` ("" for a plain path).
std::string scheme_of(std::string_view s) {
  const auto colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0) return {};
  std::string scheme;
  for (const char c : s.substr(0, colon)) {
    const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!alpha && (scheme.empty() || !((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')))
      return {};
    scheme += alpha ? static_cast<char>(c | 0x20) : c;
  }
  return scheme;
}

// The local path of a plain path or file: URL; nullopt for any other URL.
std::optional<fs::path> local_path(std::string_view s) {
  const std::string scheme = scheme_of(s);
  if (scheme.empty()) return fs::path(s);
  if (scheme != "file") return std::nullopt;
  s.remove_prefix(scheme.size() + 1);
  if (s.starts_with("//")) {
    s.remove_prefix(2);
    const auto slash = s.find('/');
    const std::string_view host = s.substr(0, slash);
    if (!host.empty() && host != "localhost") return std::nullopt;
    s = slash == std::string_view::npos ? std::string_view{} : s.substr(slash);
  }
  return fs::path(s);
}

// A source that cannot be opened: Xerces reports it as unreadable and reads
// nothing.
class RefusedSource : public xc::InputSource {
 public:
  explicit RefusedSource(const XMLCh* system_id) : xc::InputSource(system_id) {}
  xc::BinInputStream* makeStream() const override { return nullptr; }
};

class RefusalSink {
 public:
  virtual void refused(const std::string& base, std::uint32_t line, std::uint32_t column,
                       std::string message) = 0;

 protected:
  ~RefusalSink() = default;
};

// Resolves schema imports/includes and external entities to regular files
// whose canonical path lies inside `root` (itself canonical). Anything else,
// including every non-file URL, is refused: reported to the sink and answered
// with a source that cannot be opened.
class ConfinedResolver : public xc::XMLEntityResolver {
 public:
  ConfinedResolver(const fs::path& root, RefusalSink& sink) : root_(root), sink_(sink) {}

  xc::InputSource* resolveEntity(xc::XMLResourceIdentifier* id) override {
    const std::string location = utf8(id->getSystemId());
    // xs:import without schemaLocation: the namespace must already be loaded.
    if (location.empty()) return nullptr;
    const std::string base = utf8(id->getBaseURI());
    std::string why;
    if (const auto path = confine(location, base, why)) {
      return new xc::LocalFileInputSource(XmlString(path->string()).get());
    }
    const xc::Locator* where = id->getLocator();
    sink_.refused(base, where ? clamp32(where->getLineNumber()) : 0,
                  where ? clamp32(where->getColumnNumber()) : 0,
                  "refused to read '" + location + "': " + why);
    return new RefusedSource(id->getSystemId());
  }

 private:
  std::optional<fs::path> confine(const std::string& location, const std::string& base,
                                  std::string& why) const {
    auto path = local_path(location);
    if (!path) {
      why = "only files inside the schema folder are read";
      return std::nullopt;
    }
    if (path->is_relative()) {
      const auto base_path = local_path(base);
      if (!base_path || !base_path->is_absolute()) {
        why = "no local base to resolve it against";
        return std::nullopt;
      }
      path = base_path->parent_path() / *path;
    }
    std::error_code ec;
    const fs::path canonical = fs::weakly_canonical(*path, ec);
    if (ec || !inside(canonical, root_)) {
      why = "outside the schema folder " + root_.string();
      return std::nullopt;
    }
    if (!fs::is_regular_file(canonical, ec)) {
      why = "no such file in the schema folder";
      return std::nullopt;
    }
    return canonical;
  }

  const fs::path& root_;
  RefusalSink& sink_;
};

// What went wrong while compiling the schemas, as "file:line:col: text".
class LoadErrors final : public xc::ErrorHandler, public RefusalSink {
 public:
  // A missing include or import is only a warning for Xerces: any warning
  // makes the schema folder unusable.
  void warning(const xc::SAXParseException& e) override { record(e); }
  void error(const xc::SAXParseException& e) override { record(e); }
  void fatalError(const xc::SAXParseException& e) override { record(e); }
  void resetErrors() override {}

  void refused(const std::string& base, std::uint32_t line, std::uint32_t column,
               std::string message) override {
    add(at(base, line, column) + message);
  }

  void add(std::string message) { messages_.push_back(std::move(message)); }

  bool empty() const { return messages_.empty(); }

  std::string describe() const {
    constexpr std::size_t kShown = 5;
    std::string text;
    for (std::size_t i = 0; i < messages_.size() && i < kShown; ++i) {
      text += (i == 0 ? "" : "; ") + messages_[i];
    }
    if (messages_.size() > kShown) {
      text += "; (" + std::to_string(messages_.size() - kShown) + " more)";
    }
    return text;
  }

 private:
  static std::string at(const std::string& file, XMLFileLoc line, XMLFileLoc column) {
    if (file.empty()) return {};
    return file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": ";
  }

  void record(const xc::SAXParseException& e) {
    add(at(utf8(e.getSystemId()), e.getLineNumber(), e.getColumnNumber()) + utf8(e.getMessage()));
  }

  std::vector<std::string> messages_;
};

// The fast path's model of a locked pool's grammars, or nullopt when Xerces
// cannot describe them.
std::optional<fast::FastGrammar> extract_fast(xc::XMLGrammarPool& pool, const GrammarGroup& group) {
  try {
    // Built here, once: LeanGrammarPool never builds one of its own.
    xc::XSModel model(&pool, xc::XMLPlatformUtils::fgMemoryManager);
    std::vector<fast::QualifiedName> roots;
    for (const auto& [kind, syntax] : group.documents) {
      const auto root = expected_root(kind, syntax);
      if (root) roots.push_back({root->ns, root->local});
    }
    return fast::extract(model, roots);
  } catch (const xc::XMLException&) {
  } catch (const xc::OutOfMemoryException&) {
  }
  return std::nullopt;
}

// Collects the errors of one document (capped) and checks its root element.
class DocumentHandler final : public xc::DefaultHandler, public RefusalSink {
 public:
  // Starts a new document: no error yet, its root still to be seen.
  void start(RootName expected) {
    expected_ = expected;
    seen_root_ = false;
    stopped_ = false;
    errors_.clear();
  }

  void setDocumentLocator(const xc::Locator* locator) override { locator_ = locator; }

  void startElement(const XMLCh* uri, const XMLCh* local, const XMLCh*,
                    const xc::Attributes&) override {
    if (seen_root_) return;
    seen_root_ = true;
    const std::string ns = utf8(uri);
    const std::string name = utf8(local);
    if (ns == expected_.ns && name == expected_.local) return;
    add(locator_ ? clamp32(locator_->getLineNumber()) : 0,
        locator_ ? clamp32(locator_->getColumnNumber()) : 0,
        "root element {" + ns + "}" + name + " is not the expected {" + std::string(expected_.ns) +
            "}" + std::string(expected_.local));
  }

  // The warnings Xerces can give here (contradictory encoding declaration,
  // unreadable entity) make the result unreliable: they are reported too.
  void warning(const xc::SAXParseException& e) override { record(e, "warning: "); }
  void error(const xc::SAXParseException& e) override { record(e, ""); }
  void fatalError(const xc::SAXParseException& e) override {
    record(e, "");
    stopped_ = true;
  }

  void refused(const std::string&, std::uint32_t line, std::uint32_t column,
               std::string message) override {
    add(line, column, std::move(message));
  }

  void add(std::uint32_t line, std::uint32_t column, std::string message) {
    if (errors_.size() < kMaxErrors) {
      errors_.push_back({line, column, std::move(message)});
    } else if (!full()) {
      errors_.push_back({line, column, "... further errors not shown"});
    }
  }

  bool full() const { return errors_.size() > kMaxErrors; }
  // A fatal error was given: the scan cannot go on, and what Xerces throws
  // when asked to ("call to scanNext is illegal at this point") says nothing
  // more to the user.
  bool stopped() const { return stopped_; }
  std::vector<XsdError> take() { return std::move(errors_); }

 private:
  void record(const xc::SAXParseException& e, std::string_view prefix) {
    add(clamp32(e.getLineNumber()), clamp32(e.getColumnNumber()),
        std::string(prefix) + utf8(e.getMessage()));
  }

  RootName expected_{};
  const xc::Locator* locator_ = nullptr;
  bool seen_root_ = false;
  bool stopped_ = false;
  std::vector<XsdError> errors_;
};

// Xerces treats an odd number of URIs in xsi:schemaLocation as a fatal error
// and stops, even though it does not load the hints. They are ignored here
// (as libxml2 does, and the official examples need): the error is dropped and
// the scan goes on, fatal errors stopping it again from the element's start.
class DocumentReader final : public xc::SAX2XMLReaderImpl {
 public:
  using xc::SAX2XMLReaderImpl::SAX2XMLReaderImpl;

  void error(const unsigned int code, const XMLCh* const domain,
             const xc::XMLErrorReporter::ErrTypes type, const XMLCh* const text,
             const XMLCh* const system_id, const XMLCh* const public_id, const XMLFileLoc line,
             const XMLFileLoc column) override {
    if (code == xc::XMLErrs::BadSchemaLocation &&
        xc::XMLString::equals(domain, xc::XMLUni::fgXMLErrDomain)) {
      setExitOnFirstFatalError(false);
      return;
    }
    xc::SAX2XMLReaderImpl::error(code, domain, type, text, system_id, public_id, line, column);
  }

  // The handler only looks at the root element: the SAX events of the other
  // elements and of the texts (their attribute lists, qualified names and
  // namespace mappings, built for every element) are not made. Validation
  // and its errors do not go through them. The state the root's event leaves
  // is reset by the next parse.
  void startElement(const xc::XMLElementDecl& decl, const unsigned int uri_id,
                    const XMLCh* const prefix, const xc::RefVectorOf<xc::XMLAttr>& attributes,
                    const XMLSize_t count, const bool empty, const bool root) override {
    setExitOnFirstFatalError(true);
    if (root) {
      xc::SAX2XMLReaderImpl::startElement(decl, uri_id, prefix, attributes, count, empty, root);
    }
  }
  void endElement(const xc::XMLElementDecl&, const unsigned int, const bool,
                  const XMLCh* const) override {}
  void docCharacters(const XMLCh* const, const XMLSize_t, const bool) override {}
  void ignorableWhitespace(const XMLCh* const, const XMLSize_t, const bool) override {}
};

// A reader with its handler and resolver, set up for validating documents
// against the locked pool. Building one costs about as much as validating a
// small invoice, so a schema set keeps them for its next documents
// (IdleValidators); one is used by one thread at a time.
class Validator {
 public:
  Validator(const fs::path& root, xc::XMLGrammarPool* pool)
      : resolver_(root, handler_), reader_(xc::XMLPlatformUtils::fgMemoryManager, pool) {
    security_.setEntityExpansionLimit(kEntityExpansionLimit);
    reader_.setFeature(xc::XMLUni::fgSAX2CoreValidation, true);
    reader_.setFeature(xc::XMLUni::fgXercesDynamic, false);  // with the above: Val_Always
    reader_.setFeature(xc::XMLUni::fgSAX2CoreNameSpaces, true);
    reader_.setFeature(xc::XMLUni::fgXercesSchema, true);
    reader_.setFeature(xc::XMLUni::fgXercesSchemaFullChecking, false);
    reader_.setFeature(xc::XMLUni::fgXercesUseCachedGrammarInParse, true);
    reader_.setFeature(xc::XMLUni::fgXercesLoadSchema, false);
    reader_.setFeature(xc::XMLUni::fgXercesLoadExternalDTD, false);
    reader_.setFeature(xc::XMLUni::fgXercesDisableDefaultEntityResolution, true);
    reader_.setProperty(xc::XMLUni::fgXercesSecurityManager, &security_);
    reader_.setXMLEntityResolver(&resolver_);
    reader_.setContentHandler(&handler_);
    reader_.setErrorHandler(&handler_);
  }
  Validator(const Validator&) = delete;
  Validator& operator=(const Validator&) = delete;

  // The errors of `bytes`; `reusable` turns false when Xerces threw, as the
  // reader may then be left in the middle of a document.
  std::vector<XsdError> validate(std::string_view bytes, RootName expected, bool& reusable) {
    handler_.start(expected);
    reusable = false;
    try {
      reader_.setExitOnFirstFatalError(true);
      const xc::MemBufInputSource source(reinterpret_cast<const XMLByte*>(bytes.data()),
                                         bytes.size(), kDocumentId);
      // Progressive parsing stops once the error cap is reached.
      xc::XMLPScanToken token;
      if (reader_.parseFirst(source, token)) {
        while (!handler_.full() && reader_.parseNext(token)) {
        }
      }
      reader_.parseReset(token);
      reusable = true;
    } catch (const xc::XMLException& e) {
      if (!handler_.stopped()) handler_.add(0, 0, utf8(e.getMessage()));
    } catch (const xc::SAXException& e) {
      handler_.add(0, 0, utf8(e.getMessage()));
    } catch (const xc::OutOfMemoryException&) {
      handler_.add(0, 0, "out of memory during XSD validation");
    }
    return handler_.take();
  }

 private:
  DocumentHandler handler_;
  ConfinedResolver resolver_;
  xc::SecurityManager security_;
  DocumentReader reader_;  // last: destroyed first, it points to the members above
};

// The validators not in use, owned by their schema set, so none outlives the
// grammar pool it reads (a thread-local cache could, when a set is destroyed
// and another loaded in the same thread). As many as threads validating at
// once; a mutex guards the list, held only to take or give back.
class IdleValidators {
 public:
  std::unique_ptr<Validator> take(const fs::path& root, xc::XMLGrammarPool* pool) {
    {
      const std::lock_guard lock(mutex_);
      if (!idle_.empty()) {
        auto validator = std::move(idle_.back());
        idle_.pop_back();
        return validator;
      }
    }
    return std::make_unique<Validator>(root, pool);
  }

  void give_back(std::unique_ptr<Validator> validator) {
    const std::lock_guard lock(mutex_);
    idle_.push_back(std::move(validator));
  }

 private:
  std::mutex mutex_;
  std::vector<std::unique_ptr<Validator>> idle_;
};

void prebuild(xc::XMLGrammarPool& pool) {
  auto grammars = pool.getGrammarEnumerator();
  while (grammars.hasMoreElements()) {
    auto& grammar = grammars.nextElement();
    if (grammar.getGrammarType() != xc::Grammar::SchemaGrammarType) continue;
    auto* types = static_cast<xc::SchemaGrammar&>(grammar).getComplexTypeRegistry();
    if (types == nullptr) continue;
    xc::RefHashTableOfEnumerator<xc::ComplexTypeInfo> type(types, false,
                                                           xc::XMLPlatformUtils::fgMemoryManager);
    while (type.hasMoreElements())
      prebuild(type.nextElement());
  }
}

// A grammar pool that never builds the PSVI model (XSModel) of its grammars:
// Xerces builds one when the pool is locked, about 2 ms for UBL at start-up,
// and only a PSVI handler, which we never set, reads it.
class LeanGrammarPool final : public xc::XMLGrammarPoolImpl {
 public:
  LeanGrammarPool() : xc::XMLGrammarPoolImpl(xc::XMLPlatformUtils::fgMemoryManager) {}

 private:
  void createXSModel() override {}
};

// Compiles the entry points `files` (canonical, inside `root`) into a pool,
// left unlocked (see serialise).
std::unique_ptr<xc::XMLGrammarPool> compile(const fs::path& root,
                                            const std::vector<fs::path>& files) {
  auto pool = std::make_unique<LeanGrammarPool>();
  LoadErrors errors;
  ConfinedResolver resolver(root, errors);
  xc::SAX2XMLReaderImpl loader(xc::XMLPlatformUtils::fgMemoryManager, pool.get());
  loader.setFeature(xc::XMLUni::fgSAX2CoreNameSpaces, true);
  loader.setFeature(xc::XMLUni::fgXercesSchema, true);
  loader.setFeature(xc::XMLUni::fgXercesSchemaFullChecking, false);
  loader.setFeature(xc::XMLUni::fgXercesHandleMultipleImports, true);
  // The schemas' documentation (most of UBL's bytes) plays no part in
  // validation; kept, it made the cached grammar 3 MB and its load 30 ms.
  loader.setFeature(xc::XMLUni::fgXercesIgnoreAnnotations, true);
  // Lets the second and third entry point reuse the namespaces already loaded.
  loader.setFeature(xc::XMLUni::fgXercesUseCachedGrammarInParse, true);
  loader.setFeature(xc::XMLUni::fgXercesLoadExternalDTD, false);
  loader.setFeature(xc::XMLUni::fgXercesDisableDefaultEntityResolution, true);
  loader.setXMLEntityResolver(&resolver);
  loader.setErrorHandler(&errors);
  for (const auto& file : files) {
    const xc::LocalFileInputSource source(XmlString(file.string()).get());
    if (loader.loadGrammar(source, xc::Grammar::SchemaGrammarType, true) == nullptr) {
      errors.add("no grammar could be built");
    }
    if (!errors.empty()) {
      throw SchemaError("cannot load XSD " + file.string() + ": " + errors.describe());
    }
  }
  prebuild(*pool);
  return pool;
}

class StringOutput final : public xc::BinOutputStream {
 public:
  XMLFilePos curPos() const override { return bytes_.size(); }
  void writeBytes(const XMLByte* const bytes, const XMLSize_t count) override {
    bytes_.append(reinterpret_cast<const char*>(bytes), count);
  }
  std::string take() { return std::move(bytes_); }

 private:
  std::string bytes_;
};

// The grammars of an unlocked pool, for the grammar cache. Xerces 3.2.4 reads
// back what it wrote from a locked pool wrongly (a crash in
// XTemplateSerializer::loadObject), from an unlocked one rightly.
std::optional<std::string> serialise(xc::XMLGrammarPool& pool) {
  try {
    StringOutput out;
    pool.serializeGrammars(&out);
    return out.take();
  } catch (const xc::XMLException&) {
  } catch (const xc::OutOfMemoryException&) {
  }
  return std::nullopt;
}

// The pool `bytes` (checked by the grammar cache) hold, or null when Xerces
// cannot read them.
std::unique_ptr<xc::XMLGrammarPool> deserialise(std::string_view bytes) {
  auto pool = std::make_unique<LeanGrammarPool>();
  try {
    xc::BinMemInputStream in(reinterpret_cast<const XMLByte*>(bytes.data()), bytes.size(),
                             xc::BinMemInputStream::BufOpt_Reference);
    pool->deserializeGrammars(&in);
    prebuild(*pool);
    return pool;
  } catch (const xc::XMLException&) {
  } catch (const xc::OutOfMemoryException&) {
  }
  return nullptr;
}

class XercesSchemaSet final : public SchemaSet {
 public:
  explicit XercesSchemaSet(const SchemaEntryPoints& at)
      : SchemaSet(at.folder, at.present()), root_(at.root) {
    for (std::size_t g = 0; g < kGroups.size(); ++g)
      grammars_.at(g).files = at.files.at(g);
  }

  // Reusing a reader rather than building one per call: +2 to 4 % typical
  // invoices per second with XSD on (bench/lint_bench.cpp, CPU time).
  // Switching identity-constraint checking off gained nothing measurable.
  using SchemaSet::proven_valid;
  using SchemaSet::validate;

  bool proven_valid(std::string_view bytes, const pugi::xml_document& parsed, DocumentKind kind,
                    Syntax syntax, std::size_t group) const override {
    const auto expected = expected_root(kind, syntax);
    if (!expected || !has(group)) return false;
    const fast::FastGrammar* model = fast_grammar(group);
    return model != nullptr &&
           fast::proven_valid(*model, bytes, parsed, {expected->ns, expected->local});
  }

  std::vector<XsdError> validate(std::string_view bytes, DocumentKind kind, Syntax syntax,
                                 std::size_t group) const override {
    const auto expected = expected_root(kind, syntax);
    if (!expected) {
      return {{0, 0,
               "no XSD for " + std::string(name(kind)) + " documents in " +
                   std::string(name(syntax)) + " syntax"}};
    }
    xc::XMLGrammarPool& pool = grammar(group);
    IdleValidators& idle = grammars_.at(group).idle;
    std::unique_ptr<Validator> validator;
    try {
      validator = idle.take(root_, &pool);
    } catch (const xc::XMLException& e) {
      return {{0, 0, utf8(e.getMessage())}};
    } catch (const xc::SAXException& e) {
      return {{0, 0, utf8(e.getMessage())}};
    } catch (const xc::OutOfMemoryException&) {
      return {{0, 0, "out of memory during XSD validation"}};
    }
    bool reusable = false;
    auto errors = validator->validate(bytes, *expected, reusable);
    if (reusable) idle.give_back(std::move(validator));
    return errors;
  }

 private:
  struct Grammar {
    std::vector<fs::path> files;  // the entry points, canonical, inside root_
    std::once_flag once;
    std::unique_ptr<xc::XMLGrammarPool> pool;
    std::string error;    // why it did not compile, when pool is null
    IdleValidators idle;  // after pool: destroyed before it
    std::once_flag fast_once;
    std::optional<fast::FastGrammar> fast;
  };

  // The fast path's model of group `i`: read from the grammar cache, else
  // extracted from the Xerces grammar, so that both judge by the same
  // schemas, and cached beside it, keyed alike. Null when there is none; a
  // grammar that does not compile is then reported by the Xerces path.
  const fast::FastGrammar* fast_grammar(std::size_t i) const {
    Grammar& g = grammars_.at(i);
    std::call_once(g.fast_once, [&] {
      const GrammarGroup& group = kGroups.at(i);
      const auto cache = GrammarCache::for_folder(root_);
      if (cache) {
        if (const auto bytes = cache->read(group.fast_name)) {
          g.fast = fast::FastGrammar::from_bytes(*bytes);
          if (g.fast) return;
        }
      }
      try {
        g.fast = extract_fast(grammar(i), group);
      } catch (const SchemaError&) {
        return;
      }
      if (g.fast && cache) cache->write(group.fast_name, g.fast->to_bytes());
    });
    return g.fast ? &*g.fast : nullptr;
  }

  // The grammar of group `i`, read from the grammar cache or compiled (and
  // then cached) by the first thread that needs it while the others wait; a
  // failure is kept and told to every caller.
  xc::XMLGrammarPool& grammar(std::size_t i) const {
    Grammar& g = grammars_.at(i);
    std::call_once(g.once, [&] {
      const GrammarGroup& group = kGroups.at(i);
      if (g.files.empty()) {
        g.error = "the schema folder " + folder().string() + " has no " +
                  std::string(group.entries.front()) + " (" + std::string(group.label) + ")";
        return;
      }
      const auto cache = GrammarCache::for_folder(root_);
      if (cache) {
        if (const auto bytes = cache->read(group.name)) g.pool = deserialise(*bytes);
      }
      try {
        if (!g.pool) {
          g.pool = compile_entries(g.files);
          if (cache) {
            if (const auto bytes = serialise(*g.pool)) cache->write(group.name, *bytes);
          }
        }
        g.pool->lockPool();
      } catch (const SchemaError& e) {
        g.pool.reset();
        g.error = e.what();
      }
    });
    if (!g.pool) throw SchemaError(g.error);
    return *g.pool;
  }

  std::unique_ptr<xc::XMLGrammarPool> compile_entries(const std::vector<fs::path>& files) const {
    try {
      return compile(root_, files);
    } catch (const xc::XMLException& e) {
      throw SchemaError("cannot load XSD from " + folder().string() + ": " + utf8(e.getMessage()));
    } catch (const xc::SAXException& e) {
      throw SchemaError("cannot load XSD from " + folder().string() + ": " + utf8(e.getMessage()));
    } catch (const xc::OutOfMemoryException&) {
      throw SchemaError("out of memory while loading XSD from " + folder().string());
    }
  }

  fs::path root_;
  mutable std::array<Grammar, kGroups.size()> grammars_;
};

}  // namespace

std::unique_ptr<SchemaSet> open_xerces_schema_set(const SchemaEntryPoints& at) {
  ensure_xerces();
  return std::make_unique<XercesSchemaSet>(at);
}

}  // namespace cprokit::xsd
