// The mock's state on disk (SQLite under --data): the seeded directory,
// clients and technical accounts (secrets hashed), tokens (hashed), flux,
// invoices with their history, and uploaded files. Every method is one
// transaction, serialised by a mutex: handlers and the worker share it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "mock-chorus/store/database.hpp"
#include "mock-chorus/store/records.hpp"

namespace cprokit::mock {

struct ClientSeed {
  std::string client_id;
  std::string secret_hash;
};

// Filters of factures/v1/rechercher/fournisseur; unset ones do not filter.
struct InvoiceQuery {
  std::int64_t id_fournisseur = 0;  // the only supplier the caller may see
  bool every_supplier = false;      // the mock's buyer view: id_fournisseur does not filter
  std::optional<std::string> numero_flux_depot;
  std::optional<std::string> numero_facture;
  std::optional<std::string> numero_bon_commande;
  std::optional<std::string> numero_marche;
  std::optional<std::string> type_facture;
  std::vector<std::string> statuts;
  std::optional<std::string> date_depot_du, date_depot_au;  // YYYY-MM-DD, inclusive
  std::optional<std::string> date_facture_du, date_facture_au;
  std::int64_t page = 1;  // 1-based
  std::int64_t per_page = 50;
  bool descending = false;  // by identifiantFactureCPP
};

struct InvoicePage {
  std::vector<InvoiceRecord> invoices;
  std::int64_t total = 0;
};

// An invoice number already deposited by the same supplier for the same year.
struct DuplicateInvoice {
  std::int64_t existing_id = 0;
};

class Store {
 public:
  // Opens or creates <data_dir>/mock.sqlite3 (and the folder).
  explicit Store(const std::filesystem::path& data_dir);

  // The directory and its secrets: replaces all three in one transaction.
  // `directory_json` is the directory file without its secrets.
  void seed(const std::string& directory_json, const std::vector<ClientSeed>& clients,
            const std::vector<AccountRecord>& accounts);
  std::optional<std::string> directory_json();
  // Forgets flux, invoices, files and tokens (the directory stays).
  void clear_activity();

  std::optional<std::string> client_secret_hash(const std::string& client_id);
  std::optional<AccountRecord> account(const std::string& login);
  // Adds a technical account (made on the portal), numbering its user after
  // the others; false when the login is taken. Loading a directory replaces
  // every account, these too.
  bool insert_account(const AccountRecord& account);
  // The technical accounts of a structure, by login.
  std::vector<AccountRecord> accounts_of(std::int64_t id_structure);

  void save_token(const std::string& token_hash, const std::string& client_id, Millis expires);
  // The token's expiry, or nullopt for a token never issued.
  std::optional<Millis> token_expiry(const std::string& token_hash);

  // Numbers the flux (CPP + 22 digits), stores it with its file, commits.
  std::string insert_flux(const FluxRecord& flux, const std::string& file);
  std::optional<FluxRecord> flux(const std::string& numero);
  std::string flux_file(const std::string& numero);
  // Flux not in a final state, oldest first (to resume after a restart).
  std::vector<std::string> unfinished_flux();
  void set_flux_state(const std::string& numero, const std::string& etat, Millis at,
                      const std::optional<std::string>& erreurs_json = std::nullopt);

  // Inserts the invoice with its first history entry, and the move planned
  // for it if any; the duplicate's id when the supplier already has this
  // number in this invoice year.
  std::variant<std::int64_t, DuplicateInvoice> insert_invoice(
      const InvoiceRecord& r, const std::string& utilisateur,
      const std::optional<PlannedMove>& planned = std::nullopt);
  // The end of a flux's processing, in one transaction (all or nothing, so
  // that a restart simply processes the flux again): inserts the invoices
  // (as insert_invoice, each with the move `planned` holds at its place, when
  // it holds one), then gives the flux the state and errors `finish` makes of
  // what was inserted.
  using Inserted = std::vector<std::variant<std::int64_t, DuplicateInvoice>>;
  struct FluxEnd {
    std::string etat;
    std::string erreurs_json;
  };
  void integrate_flux(const std::string& numero, const std::vector<InvoiceRecord>& invoices,
                      const std::string& utilisateur, Millis at,
                      const std::function<FluxEnd(const Inserted&)>& finish,
                      const std::vector<std::optional<PlannedMove>>& planned = {});
  std::optional<InvoiceRecord> invoice(std::int64_t id);
  InvoicePage search(const InvoiceQuery& query);
  void set_status(std::int64_t id, const std::string& statut, Millis at,
                  const std::optional<std::string>& commentaire, const std::string& utilisateur);
  std::vector<HistoryEntry> history(std::int64_t id);
  // Every status change of every invoice, oldest first (the mailbox).
  std::vector<StatusEvent> status_events();
  // Invoices in `statut` that entered it at or before `before`.
  std::vector<std::int64_t> invoices_in(const std::string& statut, Millis before);

  // The planned moves of invoices that reached MISE_A_DISPOSITION at least
  // their delay before `now`, oldest invoice first; and forgetting one, done.
  std::vector<DueMove> due_moves(Millis now);
  void forget_move(std::int64_t identifiant_facture_cpp);
  // A planned move played: the invoice moved through `statuts` (each with
  // `motif` when given), recorded as done by DESTINATAIRE, and the move
  // forgotten, in one commit, so that a kill never leaves a walk half done.
  struct WalkStep {
    std::string statut;
    std::optional<std::string> motif;
  };
  void play_move(std::int64_t identifiant_facture_cpp, const std::vector<WalkStep>& steps,
                 Millis at);

  // Copies the write-ahead log into the database, on a connection of its
  // own so that calls do not wait (commits leave it to this: see store.cpp).
  void checkpoint();

  std::int64_t insert_attachment(const AttachmentRecord& meta, std::string_view bytes);
  std::optional<AttachmentRecord> attachment(std::int64_t id);
  // The bytes of an attachment; empty when there is none.
  std::string attachment_file(std::int64_t id);

 private:
  void create_schema();
  // insert_invoice's work, the lock held and a transaction open.
  std::variant<std::int64_t, DuplicateInvoice> insert_invoice_locked(
      const InvoiceRecord& r, const std::string& utilisateur,
      const std::optional<PlannedMove>& planned);

  std::mutex mutex_;
  Database db_;
  Database checkpointer_;
};

}  // namespace cprokit::mock
