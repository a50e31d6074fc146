// open_xerces_schema_set for the `cprokit` program: loads the module
// cprokit-xerces.so, which links Xerces-C, when a first document needs it
// (see xerces_backend.hpp). Linked into the program alone, before the
// validators' library, whose direct definition is then never pulled in.
#include <dlfcn.h>

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <system_error>
#include <vector>

#include "validators/xsd/xerces_backend.hpp"

#ifndef CPROKIT_XERCES_MODULE_NAME
#define CPROKIT_XERCES_MODULE_NAME "cprokit-xerces.so"
#endif
#ifndef CPROKIT_INSTALL_XERCES_MODULE
#define CPROKIT_INSTALL_XERCES_MODULE ""
#endif

namespace cprokit::xsd {
namespace {

namespace fs = std::filesystem;

// Beside the program (the build tree), then where `cmake --install` puts it.
std::vector<fs::path> module_candidates() {
  std::vector<fs::path> out;
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) out.push_back(self.parent_path() / CPROKIT_XERCES_MODULE_NAME);
  if (std::string(CPROKIT_INSTALL_XERCES_MODULE).empty()) return out;
  out.emplace_back(CPROKIT_INSTALL_XERCES_MODULE);
  return out;
}

// The module's entry, or why there is none. Loaded once, never unloaded:
// the schema sets it makes live until the process ends.
OpenXercesEntry load_entry(std::string& why) {
  std::string tried;
  for (const fs::path& candidate : module_candidates()) {
    std::error_code ec;
    if (!fs::is_regular_file(candidate, ec)) {
      tried += (tried.empty() ? "" : ", ") + candidate.string();
      continue;
    }
    void* module = dlopen(candidate.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (module == nullptr) {
      why = "the XSD module " + candidate.string() + " cannot be loaded: " + dlerror() +
            " (is Xerces-C 3.2 installed? scripts/setup.sh installs it)";
      return nullptr;
    }
    if (void* entry = dlsym(module, kXercesModuleEntry)) {
      return reinterpret_cast<OpenXercesEntry>(entry);
    }
    why = "the XSD module " + candidate.string() + " has no " + kXercesModuleEntry;
    return nullptr;
  }
  why = "the XSD module " CPROKIT_XERCES_MODULE_NAME " is missing (looked for " + tried +
        "): reinstall cprokit, or lint with --no-xsd";
  return nullptr;
}

}  // namespace

std::unique_ptr<SchemaSet> open_xerces_schema_set(const SchemaEntryPoints& at) {
  static std::once_flag once;
  static OpenXercesEntry entry = nullptr;
  static std::string why;
  std::call_once(once, [] { entry = load_entry(why); });
  if (entry == nullptr) throw SchemaError(why);
  return std::unique_ptr<SchemaSet>(entry(at));
}

}  // namespace cprokit::xsd
