#include "bench/crash_ledger.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <stdexcept>

#include <fmt/core.h>

namespace cprokit::bench {
namespace {

// The mock's database, read-only, for the checks.
class Reader {
 public:
  explicit Reader(const std::filesystem::path& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
      const std::string why = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      throw std::runtime_error(fmt::format("{}: {}", path.string(), why));
    }
    sqlite3_busy_timeout(db_, 5000);
  }
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;
  ~Reader() { sqlite3_close(db_); }

  // The rows of `sql` with `text` or `id` bound to its ?, each column as text.
  using Row = std::vector<std::string>;
  std::vector<Row> rows(const char* sql, const std::string* text = nullptr,
                        const std::int64_t* id = nullptr) const {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db_, sql, -1, &s, nullptr) != SQLITE_OK) {
      throw std::runtime_error(fmt::format("{}: {}", sql, sqlite3_errmsg(db_)));
    }
    if (text) sqlite3_bind_text(s, 1, text->data(), static_cast<int>(text->size()), nullptr);
    if (id) sqlite3_bind_int64(s, 1, *id);
    std::vector<Row> out;
    int rc = 0;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
      Row row;
      for (int c = 0; c < sqlite3_column_count(s); ++c) {
        const auto* bytes = static_cast<const char*>(sqlite3_column_blob(s, c));
        row.emplace_back(bytes ? bytes : "", static_cast<std::size_t>(sqlite3_column_bytes(s, c)));
      }
      out.push_back(std::move(row));
    }
    const std::string error = rc == SQLITE_DONE ? "" : sqlite3_errmsg(db_);
    sqlite3_finalize(s);
    if (!error.empty()) throw std::runtime_error(fmt::format("{}: {}", sql, error));
    return out;
  }
  std::string value(const char* sql) const {
    const auto r = rows(sql);
    return r.empty() || r[0].empty() ? "" : r[0][0];
  }

 private:
  sqlite3* db_ = nullptr;
};

// The statuses an invoice passes through to its end, in its history.
std::vector<std::string_view> path_to(std::string_view end) {
  std::vector<std::string_view> path{"DEPOSEE", "EN_COURS_ACHEMINEMENT", "MISE_A_DISPOSITION"};
  if (end != "MISE_A_DISPOSITION") path.push_back(end);
  return path;
}

}  // namespace

std::size_t Ledger::Verdict::count(std::string_view kind) const {
  return static_cast<std::size_t>(std::count_if(violations.begin(), violations.end(),
                                                [&](const auto& v) { return v.kind == kind; }));
}

void Ledger::flux(const std::string& numero, const std::string& number, std::string bytes,
                  Expect e) {
  std::lock_guard lock(mutex_);
  if (!flux_.emplace(numero, Flux{number, std::move(bytes), e}).second) {
    problems_.push_back({"reused", fmt::format("numeroFluxDepot {} answered to two deposits "
                                               "({} and {})",
                                               numero, flux_.at(numero).number, number)});
  }
}

void Ledger::attachment(std::int64_t id, std::string bytes) {
  std::lock_guard lock(mutex_);
  if (!attachments_.emplace(id, std::move(bytes)).second) {
    problems_.push_back({"reused", fmt::format("pieceJointeId {} answered to two deposits", id)});
  }
}

void Ledger::submitted(std::int64_t id, const std::string& number) {
  std::lock_guard lock(mutex_);
  if (!invoices_.emplace(id, number).second) {
    problems_.push_back({"reused", fmt::format("identifiantFactureCPP {} answered for {} and {}",
                                               id, invoices_.at(id), number)});
  }
}

void Ledger::problem(std::string text) {
  std::lock_guard lock(mutex_);
  problems_.push_back({"answer", std::move(text)});
}

void Ledger::starting(std::int64_t epoch_ms) {
  std::lock_guard lock(mutex_);
  starts_.push_back(epoch_ms);
}

Tally Ledger::tally() const {
  std::lock_guard lock(mutex_);
  return {flux_.size(), attachments_.size(), invoices_.size()};
}

Ledger::Verdict Ledger::check(const std::filesystem::path& database) const {
  std::lock_guard lock(mutex_);
  Verdict v;
  v.violations = problems_;
  auto expect = [&](bool ok, std::string_view kind, std::string text) {
    if (ok) {
      ++v.passed;
    } else {
      v.violations.push_back({std::string(kind), std::move(text)});
    }
  };
  const Reader db(database);
  const std::string integrity = db.value("PRAGMA integrity_check");
  expect(integrity == "ok", "integrity", "PRAGMA integrity_check: " + integrity);

  // Each deposit kept once: no two flux, attachments or invoices the same.
  expect(db.value("SELECT count(*) FROM (SELECT 1 FROM flux GROUP BY file HAVING count(*) > 1)") ==
             "0",
         "duplicated", "a file stored in two flux");
  expect(db.value("SELECT count(*) FROM (SELECT 1 FROM attachments GROUP BY data "
                  "HAVING count(*) > 1)") == "0",
         "duplicated", "a PDF stored as two attachments");
  expect(db.value("SELECT count(*) FROM (SELECT 1 FROM invoices GROUP BY id_fournisseur, "
                  "numero_facture HAVING count(*) > 1)") == "0",
         "duplicated", "an invoice number recorded twice for one supplier");
  for (const auto& row : db.rows("SELECT invoice_id, statut, count(*) FROM history "
                                 "GROUP BY invoice_id, statut HAVING count(*) > 1")) {
    v.violations.push_back(
        {"history", fmt::format("invoice {}: {} {} times in its history", row[0], row[1], row[2])});
  }
  ++v.passed;

  auto check_invoice = [&](const std::string& id, const std::string& number, std::string_view end) {
    const auto r = db.rows("SELECT numero_facture, statut FROM invoices WHERE id = ?", &id);
    if (r.empty()) return;  // told by the caller
    expect(r[0][0] == number, "state",
           fmt::format("invoice {}: number {}, {} was deposited", id, r[0][0], number));
    expect(r[0][1] == end, "state",
           fmt::format("invoice {} ({}): {}, not {}", id, number, r[0][1], end));
    const auto history =
        db.rows("SELECT statut FROM history WHERE invoice_id = ? ORDER BY id", &id);
    for (const auto status : path_to(end)) {
      expect(std::any_of(history.begin(), history.end(),
                         [&](const auto& h) { return h[0] == status; }),
             "history", fmt::format("invoice {} ({}): no {} in its history", id, number, status));
    }
  };

  for (const auto& [numero, f] : flux_) {
    const auto r =
        db.rows("SELECT file, etat, date_depot, date_etat FROM flux WHERE numero = ?", &numero);
    expect(r.size() == 1, r.empty() ? "lost" : "duplicated",
           fmt::format("flux {} ({}): {} row(s)", numero, f.number, r.size()));
    if (r.size() != 1) continue;
    expect(r[0][0] == f.bytes, "bytes",
           fmt::format("flux {} ({}): {} bytes stored, {} sent, or different", numero, f.number,
                       r[0][0].size(), f.bytes.size()));
    const std::string_view etat = f.expect == Expect::Rejected ? "IN_REJETE" : "IN_INTEGRE";
    expect(r[0][1] == etat, "state",
           fmt::format("flux {} ({}): {}, not {}", numero, f.number, r[0][1], etat));
    const auto invoices = db.rows("SELECT id FROM invoices WHERE numero_flux = ?", &numero);
    const std::size_t wanted = f.expect == Expect::Rejected ? 0 : 1;
    expect(invoices.size() == wanted, invoices.size() > wanted ? "duplicated" : "lost",
           fmt::format("flux {} ({}): {} invoice(s), {} expected", numero, f.number,
                       invoices.size(), wanted));
    if (invoices.size() == 1 && wanted == 1) {
      const std::int64_t deposited = std::stoll(r[0][2]);
      const std::int64_t integrated = std::stoll(r[0][3]);
      const bool restarted_between = std::any_of(
          starts_.begin(), starts_.end(), [&](auto s) { return deposited < s && s <= integrated; });
      const bool moved = f.expect == Expect::Moved && !restarted_between;
      check_invoice(invoices[0][0], f.number, moved ? "MISE_EN_PAIEMENT" : "MISE_A_DISPOSITION");
    }
  }
  for (const auto& [id, bytes] : attachments_) {
    const auto r = db.rows("SELECT data FROM attachments WHERE id = ?", nullptr, &id);
    expect(r.size() == 1, "lost", fmt::format("attachment {}: not stored", id));
    if (r.size() == 1) {
      expect(r[0][0] == bytes, "bytes",
             fmt::format("attachment {}: {} bytes stored, {} sent, or different", id,
                         r[0][0].size(), bytes.size()));
    }
  }
  for (const auto& [id, number] : invoices_) {
    const std::string text = std::to_string(id);
    const auto r = db.rows("SELECT 1 FROM invoices WHERE id = ?", &text);
    expect(r.size() == 1, "lost", fmt::format("invoice {} ({}): not recorded", id, number));
    check_invoice(text, number, "MISE_A_DISPOSITION");
  }
  return v;
}

bool settled(const std::filesystem::path& database, std::string& error) {
  try {
    const Reader db(database);
    return db.value(
               "SELECT count(*) FROM flux WHERE etat IN ('IN_RECU', "
               "'IN_EN_ATTENTE_TRAITEMENT_CPP', 'IN_EN_COURS_TRAITEMENT_CPP')") == "0" &&
           db.value(
               "SELECT count(*) FROM invoices WHERE statut IN ('DEPOSEE', "
               "'EN_COURS_ACHEMINEMENT')") == "0" &&
           db.value("SELECT count(*) FROM planned_moves") == "0";
  } catch (const std::exception& e) {
    error = e.what();
    return false;
  }
}

}  // namespace cprokit::bench
