#include "mock-chorus/store/portal_store.hpp"

#include <fmt/format.h>

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
CREATE TABLE IF NOT EXISTS portal_users (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  nom TEXT NOT NULL, prenom TEXT NOT NULL,
  id_structure INTEGER NOT NULL,
  role TEXT NOT NULL, statut TEXT NOT NULL,
  password_hash TEXT NOT NULL DEFAULT '',
  espaces TEXT NOT NULL DEFAULT '{}',
  created INTEGER NOT NULL);
)sql";

constexpr std::string_view kUserColumns =
    "id, email, nom, prenom, id_structure, role, statut, password_hash, espaces, created";

PortalUser read_user(const Statement& s) {
  return {s.integer(0), s.text(1), s.text(2), s.text(3), s.integer(4),
          s.text(5),    s.text(6), s.text(7), s.text(8), s.integer(9)};
}

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

namespace cprokit::mock {

std::optional<std::int64_t> PortalStore::insert_user(const PortalUser& u) {
  std::lock_guard lock(mutex_);
  Transaction t(db_);
  auto taken = db_.prepare("SELECT 1 FROM portal_users WHERE email = ?");
  if (taken.bind(1, u.email).step()) return std::nullopt;
  db_.prepare(
         "INSERT INTO portal_users (email, nom, prenom, id_structure, role, statut, "
         "password_hash, espaces, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .bind(1, u.email)
      .bind(2, u.nom)
      .bind(3, u.prenom)
      .bind(4, u.id_structure)
      .bind(5, u.role)
      .bind(6, u.statut)
      .bind(7, u.password_hash)
      .bind(8, u.espaces_json)
      .bind(9, u.created)
      .run();
  const std::int64_t id = db_.last_insert_id();
  t.commit();
  return id;
}

std::optional<PortalUser> PortalStore::user(std::int64_t id) {
  std::lock_guard lock(mutex_);
  auto s = db_.prepare(fmt::format("SELECT {} FROM portal_users WHERE id = ?", kUserColumns));
  if (!s.bind(1, id).step()) return std::nullopt;
  return read_user(s);
}

std::optional<PortalUser> PortalStore::user_by_email(const std::string& email) {
  std::lock_guard lock(mutex_);
  auto s = db_.prepare(fmt::format("SELECT {} FROM portal_users WHERE email = ?", kUserColumns));
  if (!s.bind(1, email).step()) return std::nullopt;
  return read_user(s);
}

void PortalStore::update_user(const PortalUser& u) {
  std::lock_guard lock(mutex_);
  db_.prepare(
         "UPDATE portal_users SET nom = ?, prenom = ?, id_structure = ?, role = ?, statut = ?, "
         "password_hash = ?, espaces = ? WHERE id = ?")
      .bind(1, u.nom)
      .bind(2, u.prenom)
      .bind(3, u.id_structure)
      .bind(4, u.role)
      .bind(5, u.statut)
      .bind(6, u.password_hash)
      .bind(7, u.espaces_json)
      .bind(8, u.id)
      .run();
}

}  // namespace cprokit::mock
