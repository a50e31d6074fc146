#include "mock-chorus/store/store.hpp"

#include <sqlite3.h>

#include <fmt/core.h>

namespace cprokit::mock {
namespace {

constexpr std::string_view kSchema = R"sql(
CREATE TABLE IF NOT EXISTS directory (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS clients (
  client_id TEXT PRIMARY KEY,
  secret_hash TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS accounts (
  login TEXT PRIMARY KEY,
  password_hash TEXT NOT NULL,
  id_structure INTEGER NOT NULL,
  id_utilisateur INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS tokens (
  token_hash TEXT PRIMARY KEY,
  client_id TEXT NOT NULL,
  expires INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS flux (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  numero TEXT UNIQUE,
  login TEXT NOT NULL,
  id_structure INTEGER NOT NULL,
  nom_fichier TEXT NOT NULL,
  syntaxe TEXT NOT NULL,
  date_depot INTEGER NOT NULL,
  etat TEXT NOT NULL,
  date_etat INTEGER NOT NULL,
  erreurs TEXT NOT NULL DEFAULT '',
  file BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS flux_etat ON flux(etat);
CREATE TABLE IF NOT EXISTS invoices (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  numero_flux TEXT, mode_depot TEXT NOT NULL, login TEXT NOT NULL,
  id_fournisseur INTEGER NOT NULL, code_fournisseur TEXT NOT NULL,
  designation_fournisseur TEXT NOT NULL,
  numero_facture TEXT NOT NULL, annee TEXT NOT NULL, date_facture TEXT NOT NULL,
  type_facture TEXT NOT NULL, devise TEXT NOT NULL, cadre TEXT NOT NULL,
  montant_ht TEXT NOT NULL, montant_tva TEXT NOT NULL, montant_ttc TEXT NOT NULL,
  montant_a_payer TEXT NOT NULL,
  code_destinataire TEXT NOT NULL, id_destinataire INTEGER,
  designation_destinataire TEXT NOT NULL,
  code_service TEXT, numero_bon_commande TEXT, numero_marche TEXT,
  statut TEXT NOT NULL, date_statut INTEGER NOT NULL, commentaire_statut TEXT,
  date_depot INTEGER NOT NULL, detail TEXT NOT NULL,
  UNIQUE (id_fournisseur, numero_facture, annee));
CREATE INDEX IF NOT EXISTS invoices_flux ON invoices(numero_flux);
CREATE INDEX IF NOT EXISTS invoices_statut ON invoices(statut, date_statut);
CREATE TABLE IF NOT EXISTS history (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  invoice_id INTEGER NOT NULL REFERENCES invoices(id),
  statut TEXT NOT NULL, date INTEGER NOT NULL, commentaire TEXT,
  utilisateur TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS history_invoice ON history(invoice_id);
CREATE TABLE IF NOT EXISTS planned_moves (
  invoice_id INTEGER PRIMARY KEY REFERENCES invoices(id),
  statut TEXT NOT NULL, motif TEXT, after_ms INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS attachments (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  login TEXT NOT NULL, nom TEXT NOT NULL, extension TEXT NOT NULL,
  type_mime TEXT NOT NULL, taille INTEGER NOT NULL, date INTEGER NOT NULL,
  data BLOB NOT NULL);
)sql";

constexpr std::string_view kInvoiceColumns =
    "id, numero_flux, mode_depot, login, id_fournisseur, code_fournisseur, "
    "designation_fournisseur, numero_facture, date_facture, type_facture, devise, cadre, "
    "montant_ht, montant_tva, montant_ttc, montant_a_payer, code_destinataire, "
    "id_destinataire, designation_destinataire, code_service, numero_bon_commande, "
    "numero_marche, statut, date_statut, commentaire_statut, date_depot, detail";

InvoiceRecord read_invoice(const Statement& s) {
  InvoiceRecord r;
  r.identifiant_facture_cpp = s.integer(0);
  r.numero_flux_depot = s.optional_text(1);
  r.mode_depot = s.text(2);
  r.login = s.text(3);
  r.id_fournisseur = s.integer(4);
  r.code_fournisseur = s.text(5);
  r.designation_fournisseur = s.text(6);
  r.numero_facture = s.text(7);
  r.date_facture = s.text(8);
  r.type_facture = s.text(9);
  r.devise = s.text(10);
  r.cadre_facturation = s.text(11);
  r.montant_ht = s.text(12);
  r.montant_tva = s.text(13);
  r.montant_ttc = s.text(14);
  r.montant_a_payer = s.text(15);
  r.code_destinataire = s.text(16);
  if (!s.is_null(17)) r.id_destinataire = s.integer(17);
  r.designation_destinataire = s.text(18);
  r.code_service_executant = s.optional_text(19);
  r.numero_bon_commande = s.optional_text(20);
  r.numero_marche = s.optional_text(21);
  r.statut = s.text(22);
  r.date_statut = s.integer(23);
  r.commentaire_statut = s.optional_text(24);
  r.date_depot = s.integer(25);
  r.detail_json = s.text(26);
  return r;
}

void add_history(Database& db, std::int64_t id, const std::string& statut, Millis at,
                 const std::optional<std::string>& commentaire, const std::string& utilisateur) {
  db.prepare(
        "INSERT INTO history (invoice_id, statut, date, commentaire, utilisateur) "
        "VALUES (?, ?, ?, ?, ?)")
      .bind(1, id)
      .bind(2, statut)
      .bind(3, at)
      .bind(4, commentaire)
      .bind(5, utilisateur)
      .run();
}

}  // namespace

Store::Store(const std::filesystem::path& data_dir)
    : db_((std::filesystem::create_directories(data_dir), data_dir / "mock.sqlite3")),
      checkpointer_(data_dir / "mock.sqlite3") {
  create_schema();
  // SQLite checkpoints in the commit that fills the log past 1000 pages: that
  // deposit would wait for the copy and its fsync, and every call behind it.
  // The worker checkpoints instead (checkpoint()).
  db_.exec("PRAGMA wal_autocheckpoint=0;");
}

void Store::checkpoint() {
  // A passive checkpoint copies what no reader holds and waits for nobody;
  // the log is rewound by the next commit only once it was copied whole. When
  // it still holds more than kMaxLogFrames, truncate it: that waits (busy
  // timeout) for the commits in progress and holds the next ones for the copy.
  constexpr std::int64_t kMaxLogFrames = 8192;  // 32 MiB of 4 KiB pages
  std::int64_t log_frames = 0;
  {
    auto passive = checkpointer_.prepare("PRAGMA wal_checkpoint(PASSIVE);");
    if (passive.step()) log_frames = passive.integer(1);
  }  // finalized: a statement left open would hold the log
  if (log_frames > kMaxLogFrames) checkpointer_.exec("PRAGMA wal_checkpoint(TRUNCATE);");
}

void Store::create_schema() {
  db_.exec(kSchema);
}

void Store::seed(const std::string& directory_json, const std::vector<ClientSeed>& clients,
                 const std::vector<AccountRecord>& accounts) {
  std::lock_guard lock(mutex_);
  Transaction tx(db_);
  db_.exec("DELETE FROM directory; DELETE FROM clients; DELETE FROM accounts; DELETE FROM tokens;");
  db_.prepare("INSERT INTO directory (id, json) VALUES (1, ?)").bind(1, directory_json).run();
  for (const auto& c : clients) {
    db_.prepare("INSERT OR REPLACE INTO clients (client_id, secret_hash) VALUES (?, ?)")
        .bind(1, c.client_id)
        .bind(2, c.secret_hash)
        .run();
  }
  for (const auto& a : accounts) {
    db_.prepare(
           "INSERT OR REPLACE INTO accounts (login, password_hash, id_structure, id_utilisateur) "
           "VALUES (?, ?, ?, ?)")
        .bind(1, a.login)
        .bind(2, a.password_hash)
        .bind(3, a.id_structure)
        .bind(4, a.id_utilisateur)
        .run();
  }
  tx.commit();
}

std::optional<std::string> Store::directory_json() {
  std::lock_guard lock(mutex_);
  auto s = db_.prepare("SELECT json FROM directory WHERE id = 1");
  if (!s.step()) return std::nullopt;
  return s.text(0);
}

void Store::clear_activity() {
  std::lock_guard lock(mutex_);
  Transaction tx(db_);
  db_.exec(
      "DELETE FROM planned_moves; DELETE FROM history; DELETE FROM invoices; DELETE FROM flux; "
      "DELETE FROM attachments; "
      "DELETE FROM tokens;");
  tx.commit();
}

std::optional<std::string> Store::client_secret_hash(const std::string& client_id) {
  std::lock_guard lock(mutex_);
  auto s = db_.prepare("SELECT secret_hash FROM clients WHERE client_id = ?");
  s.bind(1, client_id);
  if (!s.step()) return std::nullopt;
  return s.text(0);
}

std::optional<AccountRecord> Store::account(const std::string& login) {
  std::lock_guard lock(mutex_);
  auto s = db_.prepare(
      "SELECT login, password_hash, id_structure, id_utilisateur FROM accounts WHERE login = ?");
  s.bind(1, login);
  if (!s.step()) return std::nullopt;
  return AccountRecord{s.text(0), s.text(1), s.integer(2), s.integer(3)};
}

bool Store::insert_account(const AccountRecord& a) {
  std::lock_guard lock(mutex_);
  Transaction tx(db_);
  if (db_.prepare("SELECT 1 FROM accounts WHERE login = ?").bind(1, a.login).step()) return false;
  db_.prepare(
         "INSERT INTO accounts (login, password_hash, id_structure, id_utilisateur) "
         "VALUES (?, ?, ?, (SELECT COALESCE(MAX(id_utilisateur), 0) + 1 FROM accounts))")
      .bind(1, a.login)
      .bind(2, a.password_hash)
      .bind(3, a.id_structure)
      .run();
  tx.commit();
  return true;
}

std::vector<AccountRecord> Store::accounts_of(std::int64_t id_structure) {
  std::lock_guard lock(mutex_);
  auto s = db_.prepare(
      "SELECT login, password_hash, id_structure, id_utilisateur FROM accounts "
      "WHERE id_structure = ? ORDER BY login");
  s.bind(1, id_structure);
  std::vector<AccountRecord> out;
  while (s.step())
    out.push_back({s.text(0), s.text(1), s.integer(2), s.integer(3)});
  return out;
}

void Store::save_token(const std::string& token_hash, const std::string& client_id,
                       Millis expires) {
  std::lock_guard lock(mutex_);
  db_.prepare("INSERT INTO tokens (token_hash, client_id, expires) VALUES (?, ?, ?)")
      .bind(1, token_hash)
      .bind(2, client_id)
      .bind(3, expires)
      .run();
}

std::optional<Millis> Store::token_expiry(const std::string& token_hash) {
  std::lock_guard lock(mutex_);
  auto s = db_.prepare("SELECT expires FROM tokens WHERE token_hash = ?");
  s.bind(1, token_hash);
  if (!s.step()) return std::nullopt;
  return s.integer(0);
}

std::string Store::insert_flux(const FluxRecord& flux, const std::string& file) {
  std::lock_guard lock(mutex_);
  Transaction tx(db_);
  db_.prepare(
         "INSERT INTO flux (login, id_structure, nom_fichier, syntaxe, date_depot, etat, "
         "date_etat, file) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
      .bind(1, flux.login)
      .bind(2, flux.id_structure)
      .bind(3, flux.nom_fichier)
      .bind(4, flux.syntaxe_flux)
      .bind(5, flux.date_depot)
      .bind(6, flux.etat)
      .bind(7, flux.date_etat)
      .bind_blob(8, file)
      .run();
  const std::int64_t seq = db_.last_insert_id();
  // "CPP" and 22 digits, as the real numbers (CPP0011117000000000425903).
  std::string numero = fmt::format("CPP0019{:018}", seq);
  db_.prepare("UPDATE flux SET numero = ? WHERE seq = ?").bind(1, numero).bind(2, seq).run();
  tx.commit();
  return numero;
}

std::optional<FluxRecord> Store::flux(const std::string& numero) {
  std::lock_guard lock(mutex_);
  auto s = db_.prepare(
      "SELECT numero, login, id_structure, nom_fichier, syntaxe, date_depot, etat, date_etat, "
      "erreurs FROM flux WHERE numero = ?");
  s.bind(1, numero);
  if (!s.step()) return std::nullopt;
  return FluxRecord{s.text(0),    s.text(1), s.integer(2), s.text(3), s.text(4),
                    s.integer(5), s.text(6), s.integer(7), s.text(8)};
}

std::string Store::flux_file(const std::string& numero) {
  std::lock_guard lock(mutex_);
  auto s = db_.prepare("SELECT file FROM flux WHERE numero = ?");
  s.bind(1, numero);
  return s.step() ? s.text(0) : std::string();
}

std::vector<std::string> Store::unfinished_flux() {
  std::lock_guard lock(mutex_);
  auto s = db_.prepare(
      "SELECT numero FROM flux WHERE etat IN ('IN_RECU', 'IN_EN_ATTENTE_TRAITEMENT_CPP', "
      "'IN_EN_COURS_TRAITEMENT_CPP') ORDER BY seq");  // IN, not NOT IN: uses the index
  std::vector<std::string> out;
  while (s.step())
    out.push_back(s.text(0));
  return out;
}

void Store::set_flux_state(const std::string& numero, const std::string& etat, Millis at,
                           const std::optional<std::string>& erreurs_json) {
  std::lock_guard lock(mutex_);
  db_.prepare(
         "UPDATE flux SET etat = ?, date_etat = ?, erreurs = COALESCE(?, erreurs) "
         "WHERE numero = ?")
      .bind(1, etat)
      .bind(2, at)
      .bind(3, erreurs_json)
      .bind(4, numero)
      .run();
}

std::variant<std::int64_t, DuplicateInvoice> Store::insert_invoice(
    const InvoiceRecord& r, const std::string& utilisateur,
    const std::optional<PlannedMove>& planned) {
  std::lock_guard lock(mutex_);
  Transaction tx(db_);
  auto inserted = insert_invoice_locked(r, utilisateur, planned);
  tx.commit();
  return inserted;
}

void Store::integrate_flux(const std::string& numero, const std::vector<InvoiceRecord>& invoices,
                           const std::string& utilisateur, Millis at,
                           const std::function<FluxEnd(const Inserted&)>& finish,
                           const std::vector<std::optional<PlannedMove>>& planned) {
  std::lock_guard lock(mutex_);
  Transaction tx(db_);
  Inserted inserted;
  for (std::size_t i = 0; i < invoices.size(); ++i) {
    inserted.push_back(insert_invoice_locked(invoices[i], utilisateur,
                                             i < planned.size() ? planned[i] : std::nullopt));
  }
  const FluxEnd end = finish(inserted);
  db_.prepare("UPDATE flux SET etat = ?, date_etat = ?, erreurs = ? WHERE numero = ?")
      .bind(1, end.etat)
      .bind(2, at)
      .bind(3, end.erreurs_json)
      .bind(4, numero)
      .run();
  tx.commit();
}

std::variant<std::int64_t, DuplicateInvoice> Store::insert_invoice_locked(
    const InvoiceRecord& r, const std::string& utilisateur,
    const std::optional<PlannedMove>& planned) {
  const std::string annee = r.date_facture.substr(0, 4);
  auto existing = db_.prepare(
      "SELECT id FROM invoices WHERE id_fournisseur = ? AND numero_facture = ? AND annee = ?");
  existing.bind(1, r.id_fournisseur).bind(2, r.numero_facture).bind(3, annee);
  if (existing.step()) return DuplicateInvoice{existing.integer(0)};

  auto s = db_.prepare(fmt::format(
      "INSERT INTO invoices ({}, annee) VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
      "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      kInvoiceColumns));
  s.bind(1, r.numero_flux_depot)
      .bind(2, r.mode_depot)
      .bind(3, r.login)
      .bind(4, r.id_fournisseur)
      .bind(5, r.code_fournisseur)
      .bind(6, r.designation_fournisseur)
      .bind(7, r.numero_facture)
      .bind(8, r.date_facture)
      .bind(9, r.type_facture)
      .bind(10, r.devise)
      .bind(11, r.cadre_facturation)
      .bind(12, r.montant_ht)
      .bind(13, r.montant_tva)
      .bind(14, r.montant_ttc)
      .bind(15, r.montant_a_payer)
      .bind(16, r.code_destinataire);
  if (r.id_destinataire) {
    s.bind(17, *r.id_destinataire);
  } else {
    s.bind(17, std::nullopt);
  }
  s.bind(18, r.designation_destinataire)
      .bind(19, r.code_service_executant)
      .bind(20, r.numero_bon_commande)
      .bind(21, r.numero_marche)
      .bind(22, r.statut)
      .bind(23, r.date_statut)
      .bind(24, r.commentaire_statut)
      .bind(25, r.date_depot)
      .bind(26, r.detail_json)
      .bind(27, annee)
      .run();
  const std::int64_t id = db_.last_insert_id();
  add_history(db_, id, r.statut, r.date_statut, r.commentaire_statut, utilisateur);
  if (planned) {
    db_.prepare(
           "INSERT INTO planned_moves (invoice_id, statut, motif, after_ms) VALUES (?, ?, ?, ?)")
        .bind(1, id)
        .bind(2, planned->statut)
        .bind(3, planned->motif)
        .bind(4, planned->after)
        .run();
  }
  return id;
}

std::optional<InvoiceRecord> Store::invoice(std::int64_t id) {
  std::lock_guard lock(mutex_);
  auto s = db_.prepare(fmt::format("SELECT {} FROM invoices WHERE id = ?", kInvoiceColumns));
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return read_invoice(s);
}

InvoicePage Store::search(const InvoiceQuery& q) {
  std::lock_guard lock(mutex_);
  std::string where = q.every_supplier ? "1 = 1" : "id_fournisseur = ?";
  std::vector<std::string> texts;
  auto add = [&](const std::optional<std::string>& value, std::string_view condition) {
    if (!value) return;
    where += fmt::format(" AND {}", condition);
    texts.push_back(*value);
  };
  add(q.numero_flux_depot, "numero_flux = ?");
  add(q.numero_facture, "numero_facture = ?");
  add(q.numero_bon_commande, "numero_bon_commande = ?");
  add(q.numero_marche, "numero_marche = ?");
  add(q.type_facture, "type_facture = ?");
  add(q.date_facture_du, "date_facture >= ?");
  add(q.date_facture_au, "date_facture <= ?");
  // Deposit dates are stored in milliseconds; compare their UTC day.
  add(q.date_depot_du, "date(date_depot / 1000, 'unixepoch') >= ?");
  add(q.date_depot_au, "date(date_depot / 1000, 'unixepoch') <= ?");
  if (!q.statuts.empty()) {
    where += " AND statut IN (";
    for (std::size_t i = 0; i < q.statuts.size(); ++i) {
      where += i == 0 ? "?" : ", ?";
      texts.push_back(q.statuts[i]);
    }
    where += ")";
  }
  auto bind_all = [&](Statement& s) {
    int index = 1;
    if (!q.every_supplier) s.bind(index++, q.id_fournisseur);
    for (const auto& t : texts)
      s.bind(index++, t);
    return index;
  };

  InvoicePage page;
  auto count = db_.prepare(fmt::format("SELECT COUNT(*) FROM invoices WHERE {}", where));
  bind_all(count);
  if (count.step()) page.total = count.integer(0);

  auto s =
      db_.prepare(fmt::format("SELECT {} FROM invoices WHERE {} ORDER BY id {} LIMIT ? OFFSET ?",
                              kInvoiceColumns, where, q.descending ? "DESC" : "ASC"));
  const int next = bind_all(s);
  s.bind(next, q.per_page).bind(next + 1, (q.page - 1) * q.per_page);
  while (s.step())
    page.invoices.push_back(read_invoice(s));
  return page;
}

void Store::set_status(std::int64_t id, const std::string& statut, Millis at,
                       const std::optional<std::string>& commentaire,
                       const std::string& utilisateur) {
  std::lock_guard lock(mutex_);
  Transaction tx(db_);
  db_.prepare(
         "UPDATE invoices SET statut = ?, date_statut = ?, commentaire_statut = ? WHERE id = ?")
      .bind(1, statut)
      .bind(2, at)
      .bind(3, commentaire)
      .bind(4, id)
      .run();
  add_history(db_, id, statut, at, commentaire, utilisateur);
  tx.commit();
}

std::vector<HistoryEntry> Store::history(std::int64_t id) {
  std::lock_guard lock(mutex_);
  auto s = db_.prepare(
      "SELECT statut, date, commentaire, utilisateur FROM history WHERE invoice_id = ? "
      "ORDER BY id");
  s.bind(1, id);
  std::vector<HistoryEntry> out;
  while (s.step())
    out.push_back({s.text(0), s.integer(1), s.optional_text(2), s.text(3)});
  return out;
}

std::vector<StatusEvent> Store::status_events() {
  std::lock_guard lock(mutex_);
  auto s = db_.prepare(
      "SELECT i.id, i.numero_facture, i.login, h.statut, h.date, h.commentaire, h.utilisateur "
      "FROM history h JOIN invoices i ON i.id = h.invoice_id ORDER BY h.id");
  std::vector<StatusEvent> out;
  while (s.step()) {
    out.push_back({s.integer(0),
                   s.text(1),
                   s.text(2),
                   {s.text(3), s.integer(4), s.optional_text(5), s.text(6)}});
  }
  return out;
}

std::vector<std::int64_t> Store::invoices_in(const std::string& statut, Millis before) {
  std::lock_guard lock(mutex_);
  auto s = db_.prepare("SELECT id FROM invoices WHERE statut = ? AND date_statut <= ? ORDER BY id");
  s.bind(1, statut).bind(2, before);
  std::vector<std::int64_t> out;
  while (s.step())
    out.push_back(s.integer(0));
  return out;
}

std::vector<DueMove> Store::due_moves(Millis now) {
  std::lock_guard lock(mutex_);
  auto s = db_.prepare(
      "SELECT p.invoice_id, p.statut, p.motif, p.after_ms FROM planned_moves p "
      "JOIN invoices i ON i.id = p.invoice_id "
      "WHERE i.statut = 'MISE_A_DISPOSITION' AND i.date_statut + p.after_ms <= ? "
      "ORDER BY p.invoice_id");
  s.bind(1, now);
  std::vector<DueMove> out;
  while (s.step())
    out.push_back({s.integer(0), {s.text(1), s.optional_text(2), s.integer(3)}});
  return out;
}

void Store::forget_move(std::int64_t identifiant_facture_cpp) {
  std::lock_guard lock(mutex_);
  db_.prepare("DELETE FROM planned_moves WHERE invoice_id = ?")
      .bind(1, identifiant_facture_cpp)
      .run();
}

void Store::play_move(std::int64_t id, const std::vector<WalkStep>& steps, Millis at) {
  std::lock_guard lock(mutex_);
  Transaction tx(db_);
  for (const auto& step : steps) {
    db_.prepare(
           "UPDATE invoices SET statut = ?, date_statut = ?, commentaire_statut = ? WHERE id = ?")
        .bind(1, step.statut)
        .bind(2, at)
        .bind(3, step.motif)
        .bind(4, id)
        .run();
    add_history(db_, id, step.statut, at, step.motif, "DESTINATAIRE");
  }
  db_.prepare("DELETE FROM planned_moves WHERE invoice_id = ?").bind(1, id).run();
  tx.commit();
}

std::int64_t Store::insert_attachment(const AttachmentRecord& m, std::string_view bytes) {
  std::lock_guard lock(mutex_);
  db_.prepare(
         "INSERT INTO attachments (login, nom, extension, type_mime, taille, date, data) "
         "VALUES (?, ?, ?, ?, ?, ?, ?)")
      .bind(1, m.login)
      .bind(2, m.nom)
      .bind(3, m.extension)
      .bind(4, m.type_mime)
      .bind(5, static_cast<std::int64_t>(bytes.size()))
      .bind(6, m.date)
      .bind_blob(7, bytes)
      .run();
  return db_.last_insert_id();
}

std::string Store::attachment_file(std::int64_t id) {
  std::lock_guard lock(mutex_);
  auto s = db_.prepare("SELECT data FROM attachments WHERE id = ?");
  s.bind(1, id);
  return s.step() ? s.text(0) : std::string();
}

std::optional<AttachmentRecord> Store::attachment(std::int64_t id) {
  std::lock_guard lock(mutex_);
  auto s = db_.prepare(
      "SELECT id, login, nom, extension, type_mime, taille, date FROM attachments WHERE id = ?");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return AttachmentRecord{s.integer(0), s.text(1),    s.text(2),   s.text(3),
                          s.text(4),    s.integer(5), s.integer(6)};
}

}  // namespace cprokit::mock
