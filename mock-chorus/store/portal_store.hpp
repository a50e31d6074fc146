// What the portal keeps in the mock's database (the same mock.sqlite3 as
// Store, on a connection of its own): browser sessions, each with its CSRF
// token, the signed-in user and the draft of a form in several steps.
// Tokens are stored as SHA-256 digests: the database alone opens nothing.
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

 private:
  std::mutex mutex_;
  Database db_;
};

}  // namespace cprokit::mock
