// What the portal keeps in the mock's database (the same mock.sqlite3 as
// Store, on a connection of its own): its users, and browser sessions, each
// with its CSRF token, the signed-in user and the draft of a form in several
// steps. Tokens are stored as SHA-256 digests and passwords as Argon2id
// hashes: the database alone opens nothing.
#pragma once

#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>

#include "mock-chorus/store/database.hpp"
#include "mock-chorus/store/records.hpp"

namespace cprokit::mock {

struct SessionRecord {
  std::string token_digest;
  std::string csrf;
  std::optional<std::int64_t> user_id;  // none until sign-in
  std::string draft_json;               // "{}" when no form is under way
  Millis last_seen = 0;
};

// A person's account on the portal (not a technical account of the API).
struct PortalUser {
  std::int64_t id = 0;  // assigned on insert
  std::string email;    // the login, unique
  std::string nom;
  std::string prenom;
  std::int64_t id_structure = 0;    // idStructureCPP of the user's structure
  std::string role;                 // GESTIONNAIRE_PRINCIPAL or UTILISATEUR
  std::string statut;               // EN_ATTENTE_ACTIVATION, ACTIF, EN_ATTENTE_RATTACHEMENT
  std::string password_hash;        // empty until activation
  std::string espaces_json = "{}";  // workspace → true/false
  Millis created = 0;
};

class PortalStore {
 public:
  explicit PortalStore(const std::filesystem::path& data_dir);

  void insert_session(const SessionRecord& session);
  // The session, when it exists and was seen after `idle_since`.
  std::optional<SessionRecord> session(const std::string& token_digest, Millis idle_since);
  void touch_session(const std::string& token_digest, Millis at);
  void save_draft(const std::string& token_digest, const std::string& draft_json);
  void delete_session(const std::string& token_digest);
  // Forgets the sessions not seen since `idle_since`.
  void expire_sessions(Millis idle_since);

  // Inserts `user` and returns its id; nullopt when the email is taken.
  std::optional<std::int64_t> insert_user(const PortalUser& user);
  std::optional<PortalUser> user(std::int64_t id);
  std::optional<PortalUser> user_by_email(const std::string& email);
  // Replaces every field of the user `user.id` but its id and email.
  void update_user(const PortalUser& user);

 private:
  std::mutex mutex_;
  Database db_;
};

}  // namespace cprokit::mock
