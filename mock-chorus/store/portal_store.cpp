#include "mock-chorus/store/portal_store.hpp"

#include <fmt/core.h>

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
  created INTEGER NOT NULL,
  telephone TEXT NOT NULL DEFAULT '',
  question_secrete TEXT NOT NULL DEFAULT '',
  reponse_secrete_hash TEXT NOT NULL DEFAULT '',
  fonctionnalites TEXT NOT NULL DEFAULT '{}',
  enquete INTEGER NOT NULL DEFAULT 0,
  echecs_connexion INTEGER NOT NULL DEFAULT 0,
  verrouille INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS portal_users_structure ON portal_users(id_structure);
CREATE TABLE IF NOT EXISTS portal_links (
  digest TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL,
  purpose TEXT NOT NULL,
  expires INTEGER NOT NULL,
  used INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS portal_devices (
  digest TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL,
  created INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS portal_mails (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  recipient TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  date INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS portal_structures (
  id_structure_cpp INTEGER PRIMARY KEY,
  identifiant TEXT NOT NULL UNIQUE,
  directory_json TEXT NOT NULL);
)sql";

constexpr std::string_view kUserColumns =
    "id, email, nom, prenom, id_structure, role, statut, password_hash, espaces, created, "
    "telephone, question_secrete, reponse_secrete_hash, fonctionnalites, enquete, "
    "echecs_connexion, verrouille";

PortalUser read_user(const Statement& s) {
  return {s.integer(0),  s.text(1),         s.text(2),  s.text(3),  s.integer(4),
          s.text(5),     s.text(6),         s.text(7),  s.text(8),  s.integer(9),
          s.text(10),    s.text(11),        s.text(12), s.text(13), s.integer(14) != 0,
          s.integer(15), s.integer(16) != 0};
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
         "password_hash, espaces, created, telephone, question_secrete, reponse_secrete_hash, "
         "fonctionnalites, enquete, echecs_connexion, verrouille) "
         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .bind(1, u.email)
      .bind(2, u.nom)
      .bind(3, u.prenom)
      .bind(4, u.id_structure)
      .bind(5, u.role)
      .bind(6, u.statut)
      .bind(7, u.password_hash)
      .bind(8, u.espaces_json)
      .bind(9, u.created)
      .bind(10, u.telephone)
      .bind(11, u.question_secrete)
      .bind(12, u.reponse_secrete_hash)
      .bind(13, u.fonctionnalites_json)
      .bind(14, std::int64_t{u.enquete})
      .bind(15, u.echecs_connexion)
      .bind(16, std::int64_t{u.verrouille})
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
         "password_hash = ?, espaces = ?, telephone = ?, question_secrete = ?, "
         "reponse_secrete_hash = ?, fonctionnalites = ?, enquete = ?, echecs_connexion = ?, "
         "verrouille = ? WHERE id = ?")
      .bind(1, u.nom)
      .bind(2, u.prenom)
      .bind(3, u.id_structure)
      .bind(4, u.role)
      .bind(5, u.statut)
      .bind(6, u.password_hash)
      .bind(7, u.espaces_json)
      .bind(8, u.telephone)
      .bind(9, u.question_secrete)
      .bind(10, u.reponse_secrete_hash)
      .bind(11, u.fonctionnalites_json)
      .bind(12, std::int64_t{u.enquete})
      .bind(13, u.echecs_connexion)
      .bind(14, std::int64_t{u.verrouille})
      .bind(15, u.id)
      .run();
}

std::vector<PortalUser> PortalStore::users_of_structure(std::int64_t id_structure) {
  std::lock_guard lock(mutex_);
  auto s = db_.prepare(
      fmt::format("SELECT {} FROM portal_users WHERE id_structure = ? ORDER BY id", kUserColumns));
  s.bind(1, id_structure);
  std::vector<PortalUser> out;
  while (s.step())
    out.push_back(read_user(s));
  return out;
}

bool PortalStore::count_wrong_password(std::int64_t user_id, std::int64_t limit) {
  std::lock_guard lock(mutex_);
  Transaction t(db_);
  db_.prepare(
         "UPDATE portal_users SET echecs_connexion = echecs_connexion + 1, "
         "verrouille = (echecs_connexion + 1 >= ?) WHERE id = ? AND verrouille = 0")
      .bind(1, limit)
      .bind(2, user_id)
      .run();
  const bool locked_now = db_.changes() == 1 && [&] {
    auto s = db_.prepare("SELECT verrouille FROM portal_users WHERE id = ?");
    return s.bind(1, user_id).step() && s.integer(0) != 0;
  }();
  t.commit();
  return locked_now;
}

void PortalStore::unlock_user(std::int64_t user_id) {
  std::lock_guard lock(mutex_);
  db_.prepare("UPDATE portal_users SET echecs_connexion = 0, verrouille = 0 WHERE id = ?")
      .bind(1, user_id)
      .run();
}

void PortalStore::insert_link(const LinkToken& link) {
  std::lock_guard lock(mutex_);
  db_.prepare("INSERT INTO portal_links (digest, user_id, purpose, expires) VALUES (?, ?, ?, ?)")
      .bind(1, link.digest)
      .bind(2, link.user_id)
      .bind(3, link.purpose)
      .bind(4, link.expires)
      .run();
}

std::optional<std::int64_t> PortalStore::link_user(const std::string& digest,
                                                   const std::string& purpose, Millis now) {
  std::lock_guard lock(mutex_);
  auto s = db_.prepare(
      "SELECT user_id FROM portal_links WHERE digest = ? AND purpose = ? AND used = 0 "
      "AND expires > ?");
  if (!s.bind(1, digest).bind(2, purpose).bind(3, now).step()) return std::nullopt;
  return s.integer(0);
}

std::optional<std::int64_t> PortalStore::use_link(const std::string& digest,
                                                  const std::string& purpose, Millis now) {
  std::lock_guard lock(mutex_);
  Transaction t(db_);
  auto s = db_.prepare(
      "SELECT user_id FROM portal_links WHERE digest = ? AND purpose = ? AND used = 0 "
      "AND expires > ?");
  if (!s.bind(1, digest).bind(2, purpose).bind(3, now).step()) return std::nullopt;
  const std::int64_t user_id = s.integer(0);
  db_.prepare("UPDATE portal_links SET used = 1 WHERE digest = ?").bind(1, digest).run();
  t.commit();
  return user_id;
}

void PortalStore::insert_device(const std::string& digest, std::int64_t user_id, Millis at) {
  std::lock_guard lock(mutex_);
  db_.prepare("INSERT INTO portal_devices (digest, user_id, created) VALUES (?, ?, ?)")
      .bind(1, digest)
      .bind(2, user_id)
      .bind(3, at)
      .run();
}

bool PortalStore::device_known(const std::string& digest, std::int64_t user_id) {
  std::lock_guard lock(mutex_);
  auto s = db_.prepare("SELECT 1 FROM portal_devices WHERE digest = ? AND user_id = ?");
  return s.bind(1, digest).bind(2, user_id).step();
}

MailRecord PortalStore::insert_mail(MailRecord mail) {
  std::lock_guard lock(mutex_);
  db_.prepare("INSERT INTO portal_mails (recipient, subject, body, date) VALUES (?, ?, ?, ?)")
      .bind(1, mail.to)
      .bind(2, mail.subject)
      .bind(3, mail.body)
      .bind(4, mail.date)
      .run();
  mail.id = db_.last_insert_id();
  return mail;
}

std::vector<MailRecord> PortalStore::mails() {
  std::lock_guard lock(mutex_);
  auto s = db_.prepare("SELECT id, recipient, subject, body, date FROM portal_mails ORDER BY id");
  std::vector<MailRecord> out;
  while (s.step())
    out.push_back({s.integer(0), s.text(1), s.text(2), s.text(3), s.integer(4)});
  return out;
}

bool PortalStore::insert_structure(const PortalStructure& structure) {
  std::lock_guard lock(mutex_);
  Transaction t(db_);
  auto taken =
      db_.prepare("SELECT 1 FROM portal_structures WHERE id_structure_cpp = ? OR identifiant = ?");
  if (taken.bind(1, structure.id_structure_cpp).bind(2, structure.identifiant).step()) {
    return false;
  }
  db_.prepare(
         "INSERT INTO portal_structures (id_structure_cpp, identifiant, directory_json) "
         "VALUES (?, ?, ?)")
      .bind(1, structure.id_structure_cpp)
      .bind(2, structure.identifiant)
      .bind(3, structure.directory_json)
      .run();
  t.commit();
  return true;
}

std::vector<PortalStructure> PortalStore::structures() {
  std::lock_guard lock(mutex_);
  auto s = db_.prepare(
      "SELECT id_structure_cpp, identifiant, directory_json FROM portal_structures "
      "ORDER BY id_structure_cpp");
  std::vector<PortalStructure> out;
  while (s.step())
    out.push_back({s.integer(0), s.text(1), s.text(2)});
  return out;
}

}  // namespace cprokit::mock
