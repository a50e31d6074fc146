#include "mock-chorus/mock.hpp"

#include <algorithm>
#include <chrono>

#include <fmt/core.h>

#include <nlohmann/json.hpp>

#include "mock-chorus/auth/secret_hash.hpp"

namespace cprokit::mock {
namespace {

// The directory file without its secrets: what the store keeps in clear.
std::string without_secrets(std::string_view file_text) {
  nlohmann::ordered_json j = nlohmann::ordered_json::parse(file_text);
  j.erase("clients");
  if (auto it = j.find("structures"); it != j.end() && it->is_array()) {
    for (auto& s : *it) {
      if (s.is_object()) {
        s.erase("comptesTechniques");
        s.erase("comptesPortail");
      }
    }
  }
  return j.dump(2);
}

// The directory file the store holds, an empty one on a first start.
std::string stored_directory(Store& store) {
  return store.directory_json().value_or(R"({"version": 1, "structures": []})");
}

// The directory file's structures, then the private structures created on
// the portal whose id and identifiant the file does not use.
chorus::Directory served_directory(std::string_view directory_json, PortalStore& portal) {
  chorus::Directory directory = directory::parse_directory(directory_json);
  for (const PortalStructure& p : portal.structures()) {
    if (directory.structure(p.identifiant) != nullptr ||
        directory.structure_by_id(p.id_structure_cpp) != nullptr) {
      continue;
    }
    chorus::Directory one = directory::parse_directory(
        fmt::format(R"({{"version": 1, "structures": [{}]}})", p.directory_json));
    directory.structures.push_back(std::move(one.structures.front()));
  }
  return directory;
}

nlohmann::json structure_json(const chorus::Structure& s) {
  return {{"idStructureCPP", s.id_structure_cpp},
          {"identifiant", s.identifiant},
          {"typeIdentifiant", s.type_identifiant},
          {"typeStructure", "PRIVEE"},
          {"raisonSociale", s.raison_sociale},
          {"statut", "ACTIF"},
          {"adresse",
           {{"adresse", s.adresse.adresse},
            {"codePostal", s.adresse.code_postal},
            {"ville", s.adresse.ville},
            {"pays", s.adresse.pays}}}};
}

std::unique_ptr<Linter> deposit_linter(std::shared_ptr<const chorus::Directory> directory,
                                       const MockOptions& mock) {
  LintOptions options;
  options.code_lists = mock.code_lists;
  options.profile = "chorus";
  options.max_bytes = chorus::kMaxFileBytes;
  options.directory = std::move(directory);
  return std::make_unique<Linter>(std::move(options), mock.xsd);
}

}  // namespace

Linter Catalogue::linter_for(const AccountRecord& account) const {
  const chorus::Structure* structure = directory->structure_by_id(account.id_structure);
  return linter->for_depositor(std::make_shared<const chorus::Depositor>(
      chorus::Depositor{account.login, account.id_structure,
                        structure != nullptr ? structure->identifiant : std::string()}));
}

Millis wall_clock() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

Mock::Mock(MockOptions options, Clock now)
    : options_(std::move(options)),
      now_(std::move(now)),
      store_(options_.data_dir),
      portal_store_(options_.data_dir),
      gatekeeper_(store_, options_.token_lifetime, now_),
      scenarios_(options_.seed) {
  serve(stored_directory(store_));
}

void Mock::serve(std::string_view stored_directory_json) {
  auto catalogue = std::make_shared<Catalogue>();
  catalogue->directory = std::make_shared<const chorus::Directory>(
      served_directory(stored_directory_json, portal_store_));
  catalogue->linter = deposit_linter(catalogue->directory, options_);
  std::lock_guard lock(catalogue_mutex_);
  catalogue_ = std::move(catalogue);
}

directory::DirectoryFile Mock::load_directory(std::string_view file_text) {
  directory::DirectoryFile file = directory::read_directory_file(file_text);
  std::vector<ClientSeed> clients;
  for (const auto& c : file.clients)
    clients.push_back({c.client_id, hash_secret(c.client_secret)});
  std::vector<AccountRecord> accounts;
  for (const auto& a : file.technical_accounts) {
    // Users are numbered in file order, stable across reloads of one file.
    const auto id_utilisateur = static_cast<std::int64_t>(accounts.size()) + 1;
    accounts.push_back({a.login, hash_secret(a.mot_de_passe), a.id_structure_cpp, id_utilisateur});
  }
  const std::string stored = without_secrets(file_text);
  store_.seed(stored, clients, accounts);
  seed_portal_accounts(file.portal_accounts);
  gatekeeper_.forget_cached();
  serve(stored);
  return file;
}

// The file's portal accounts, ready to sign in (activated, gestionnaire of
// their structure): created, or given the file's password and names again.
void Mock::seed_portal_accounts(const std::vector<directory::PortalAccount>& seeds) {
  for (const auto& seed : seeds) {
    PortalUser user;
    if (auto existing = portal_store_.user_by_email(seed.email)) user = std::move(*existing);
    user.email = seed.email;
    user.nom = seed.nom;
    user.prenom = seed.prenom;
    user.id_structure = seed.id_structure_cpp;
    user.role = "GESTIONNAIRE_PRINCIPAL";
    user.statut = "ACTIF";
    user.password_hash = hash_secret(seed.mot_de_passe);
    if (user.id == 0) {
      user.espaces_json = R"({"factures_emises": true, "sollicitations_emises": true})";
      user.created = now_();
      portal_store_.insert_user(user);
    } else {
      portal_store_.update_user(user);
    }
  }
}

void Mock::reset() {
  store_.clear_activity();
}

std::int64_t Mock::add_private_structure(chorus::Structure structure) {
  std::lock_guard creating(structures_mutex_);
  const auto served = catalogue();
  if (const auto* known = served->directory->structure(structure.identifiant)) {
    return known->id_structure_cpp;
  }
  std::int64_t last = 0;
  for (const auto& s : served->directory->structures)
    last = std::max(last, s.id_structure_cpp);
  for (const auto& s : portal_store_.structures())
    last = std::max(last, s.id_structure_cpp);
  structure.id_structure_cpp = last + 1;
  portal_store_.insert_structure(
      {structure.id_structure_cpp, structure.identifiant, structure_json(structure).dump()});
  serve(stored_directory(store_));
  return structure.id_structure_cpp;
}

std::string Mock::base_url() const {
  std::lock_guard lock(catalogue_mutex_);
  return base_url_;
}

void Mock::set_base_url(std::string url) {
  std::lock_guard lock(catalogue_mutex_);
  base_url_ = std::move(url);
}

std::shared_ptr<const Catalogue> Mock::catalogue() const {
  std::lock_guard lock(catalogue_mutex_);
  return catalogue_;
}

}  // namespace cprokit::mock
