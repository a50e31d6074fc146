// What the portal keeps in the mock's database (the same mock.sqlite3 as
// Store, on a connection of its own): its users, browser sessions (each
// with its CSRF token, the signed-in user and the draft of a form in several
// steps), the links sent by mail (activation, reset), the devices that
// passed the second factor, the mails sent, and the private structures
// created by accounts. Tokens are stored as SHA-256 digests and passwords
// as Argon2id hashes: the database alone opens nothing.
#pragma once

#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

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
  std::string telephone;
  std::string question_secrete;
  std::string reponse_secrete_hash;         // Argon2id, empty until activation
  std::string fonctionnalites_json = "{}";  // feature → true/false
  bool enquete = false;                     // agrees to the satisfaction survey
  std::int64_t echecs_connexion = 0;        // wrong passwords in a row
  bool verrouille = false;                  // locked after too many of them
};

// A link sent by mail: its token is only in the mail, the store keeps its digest.
struct LinkToken {
  std::string digest;
  std::int64_t user_id = 0;
  std::string purpose;  // ACTIVATION or REINITIALISATION
  Millis expires = 0;
};

// A mail of the portal's outbox.
struct MailRecord {
  std::int64_t id = 0;  // assigned on insert
  std::string to;
  std::string subject;
  std::string body;  // plain text, lines separated by \n
  Millis date = 0;
};

// A private structure created by an account (the directory file did not
// know its identifier), as an object of the directory file.
struct PortalStructure {
  std::int64_t id_structure_cpp = 0;
  std::string identifiant;
  std::string directory_json;  // {"idStructureCPP": …, "identifiant": …, …}
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
  std::vector<PortalUser> users_of_structure(std::int64_t id_structure);
  // Counts one more wrong password; locks the account when it makes
  // `limit` in a row. Returns whether this one locked it.
  bool count_wrong_password(std::int64_t user_id, std::int64_t limit);
  // No wrong password counted any more, and not locked.
  void unlock_user(std::int64_t user_id);

  void insert_link(const LinkToken& link);
  // The user of a link of `purpose` neither used nor expired at `now`.
  std::optional<std::int64_t> link_user(const std::string& digest, const std::string& purpose,
                                        Millis now);
  // As link_user(), and marks the link used: it opens once.
  std::optional<std::int64_t> use_link(const std::string& digest, const std::string& purpose,
                                       Millis now);

  void insert_device(const std::string& digest, std::int64_t user_id, Millis at);
  bool device_known(const std::string& digest, std::int64_t user_id);

  // Stores the mail, assigning its id.
  MailRecord insert_mail(MailRecord mail);
  std::vector<MailRecord> mails();  // oldest first

  // Inserts the structure; false when its id or identifiant is taken.
  bool insert_structure(const PortalStructure& structure);
  std::vector<PortalStructure> structures();

 private:
  std::mutex mutex_;
  Database db_;
};

}  // namespace cprokit::mock
