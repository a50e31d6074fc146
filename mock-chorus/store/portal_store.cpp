#include "mock-chorus/store/portal_store.hpp"

namespace cprokit::mock {
namespace {

constexpr std::string_view kSchema = R"sql(
CREATE TABLE IF NOT EXISTS portal_sessions (
  token_digest TEXT PRIMARY KEY,
  csrf TEXT NOT NULL,
  user_id INTEGER,
  draft TEXT NOT NULL DEFAULT '{}',
  last_seen INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS portal_sessions_seen ON portal_sessions(last_seen);
)sql";

}  // namespace

PortalStore::PortalStore(const std::filesystem::path& data_dir)
    : db_((std::filesystem::create_directories(data_dir), data_dir / "mock.sqlite3")) {
  db_.exec(kSchema);
}

void PortalStore::insert_session(const SessionRecord& s) {
  std::lock_guard lock(mutex_);
  auto insert = db_.prepare(
      "INSERT INTO portal_sessions (token_digest, csrf, user_id, draft, last_seen) "
      "VALUES (?, ?, ?, ?, ?)");
  insert.bind(1, s.token_digest).bind(2, s.csrf);
  if (s.user_id) {
    insert.bind(3, *s.user_id);
  } else {
    insert.bind(3, std::nullopt);
  }
  insert.bind(4, s.draft_json).bind(5, s.last_seen).run();
}

std::optional<SessionRecord> PortalStore::session(const std::string& token_digest,
                                                  Millis idle_since) {
  std::lock_guard lock(mutex_);
  auto s = db_.prepare(
      "SELECT csrf, user_id, draft, last_seen FROM portal_sessions "
      "WHERE token_digest = ? AND last_seen > ?");
  s.bind(1, token_digest).bind(2, idle_since);
  if (!s.step()) return std::nullopt;
  SessionRecord r{token_digest, s.text(0), std::nullopt, s.text(2), s.integer(3)};
  if (!s.is_null(1)) r.user_id = s.integer(1);
  return r;
}

void PortalStore::touch_session(const std::string& token_digest, Millis at) {
  std::lock_guard lock(mutex_);
  db_.prepare("UPDATE portal_sessions SET last_seen = ? WHERE token_digest = ?")
      .bind(1, at)
      .bind(2, token_digest)
      .run();
}

void PortalStore::save_draft(const std::string& token_digest, const std::string& draft_json) {
  std::lock_guard lock(mutex_);
  db_.prepare("UPDATE portal_sessions SET draft = ? WHERE token_digest = ?")
      .bind(1, draft_json)
      .bind(2, token_digest)
      .run();
}

void PortalStore::delete_session(const std::string& token_digest) {
  std::lock_guard lock(mutex_);
  db_.prepare("DELETE FROM portal_sessions WHERE token_digest = ?").bind(1, token_digest).run();
}

void PortalStore::expire_sessions(Millis idle_since) {
  std::lock_guard lock(mutex_);
  db_.prepare("DELETE FROM portal_sessions WHERE last_seen <= ?").bind(1, idle_since).run();
}

}  // namespace cprokit::mock
