// The mock's shared state: its options, its store, who may call it, and the
// catalogue (the structure directory and the linter that controls deposits
// with it). Handlers, the flux worker and the admin API all work on one Mock.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "mock-chorus/auth/gatekeeper.hpp"
#include "mock-chorus/scenario/scenarios.hpp"
#include "mock-chorus/store/portal_store.hpp"
#include "mock-chorus/store/store.hpp"
#include "rules/chorus/directory.hpp"
#include "rules/chorus/limits.hpp"
#include "validators/directory/directory_file.hpp"
#include "validators/directory/insee_file.hpp"
#include "validators/pipeline.hpp"

namespace cprokit::mock {

struct MockOptions {
  std::filesystem::path data_dir = ".cprokit-mock";
  Millis token_lifetime = 3'600'000;  // expires_in 3600, as PISTE
  Millis flux_step = 0;               // pause before each flux state change
  Millis lifecycle_step = 200;        // DEPOSEE → EN_COURS_ACHEMINEMENT → MISE_A_DISPOSITION
  Millis request_timeout = 30'000;    // a request must arrive whole within it (else 408)
  // A request body: the largest lot in base64 (4 bytes for 3), and 8 MB for its JSON.
  std::size_t max_body = (chorus::kMaxLotBytes + 2) / 3 * 4 + 8 * chorus::kBytesPerMegabyte;
  std::string admin_token;  // X-Mock-Admin for /_mock/…
  XsdSetup xsd;             // the XSD layer of the deposit controls
  // The code lists of the BR-CL rules (--codelists); null: those rules are silent.
  std::shared_ptr<const en16931::CodeLists> code_lists;
  // What pre-fills the portal's account form from a SIRET (--insee); null:
  // nothing is pre-filled, the supplier types it all.
  std::shared_ptr<const directory::InseeRegister> insee;
  // The portal's second factor: a code by mail at the first sign-in on a
  // device. --no-2fa turns it off, for automated tests.
  bool second_factor = true;
  // --seed: the seed every scenario's faults draw with; without it, each
  // scenario's own (its "seed", else 1).
  std::optional<std::uint64_t> seed;
};

// The directory the mock serves and the linter that controls deposits
// against it (the Chorus Pro profile: EN 16931 and Chorus Pro rules).
struct Catalogue {
  std::shared_ptr<const chorus::Directory> directory;
  std::unique_ptr<Linter> linter;

  // The linter for what `account` deposits: its rules also check that the
  // supplier is the account's structure (CPRO-DEP-03).
  Linter linter_for(const AccountRecord& account) const;
};

class Mock {
 public:
  using Clock = std::function<Millis()>;
  // Opens the store; serves the directory it holds (none on a first start).
  Mock(MockOptions options, Clock now);

  // Replaces the directory with the one in `file_text` (a directory file):
  // its client secrets and account passwords are stored hashed, the rest
  // as the file has it; its portal accounts are made ready to sign in. Returns what the file holds,
  // secrets in clear (the caller gave them). Throws directory::DirectoryError for a bad file.
  directory::DirectoryFile load_directory(std::string_view file_text);
  // Forgets every deposit, invoice, file and token; the directory stays.
  void reset();
  // Serves a private structure that an account created on the portal (its
  // identifier unknown to the directory), under a fresh idStructureCPP,
  // which it returns. The store keeps it apart from the directory file, so
  // that it survives a restart and the load of another file (a file that
  // then gives its identifiant or its id wins). When a structure already
  // has that identifiant, returns its id and adds nothing.
  std::int64_t add_private_structure(chorus::Structure structure);

  // The address the portal's mails link to ("http://127.0.0.1:8080"); set
  // by the server once bound.
  std::string base_url() const;
  void set_base_url(std::string url);

  std::shared_ptr<const Catalogue> catalogue() const;
  Store& store() { return store_; }
  PortalStore& portal_store() { return portal_store_; }
  Gatekeeper& gatekeeper() { return gatekeeper_; }
  // The scenarios loaded (in memory: a restart forgets them).
  scenario::Scenarios& scenarios() { return scenarios_; }
  const MockOptions& options() const { return options_; }
  Millis now() const { return now_(); }

 private:
  void serve(std::string_view stored_directory_json);
  void seed_portal_accounts(const std::vector<directory::PortalAccount>& seeds);

  MockOptions options_;
  Clock now_;
  Store store_;
  PortalStore portal_store_;
  Gatekeeper gatekeeper_;
  scenario::Scenarios scenarios_;
  mutable std::mutex catalogue_mutex_;
  std::shared_ptr<const Catalogue> catalogue_;
  std::mutex structures_mutex_;  // one private structure created at a time
  std::string base_url_;         // under catalogue_mutex_
};

// The wall clock in milliseconds since the epoch.
Millis wall_clock();

}  // namespace cprokit::mock
