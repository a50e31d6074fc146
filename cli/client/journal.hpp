// The deposit journal: an append-only JSON Lines file of what was sent to
// which server and account, keyed by (server, login, SHA-256 of the file),
// so that a file is never deposited twice by mistake. A line is written
// before deposer/flux leaves and another once its fate is known; a file
// whose last line says "sending" was sent by a run that never heard back.
// Lines are appended whole under a lock (several processes may share the
// file: each line is one write(2) on a file opened with O_APPEND).
#pragma once

#include <filesystem>
#include <mutex>
#include <optional>
#include <string>

namespace cprokit::client {

struct JournalKey {
  std::string server;
  std::string login;
  std::string sha256;
};

// What the journal last says of a key.
struct JournalEntry {
  std::string event;  // "sending", "deposited", "lost", "refused"
  std::string file;
  std::string numero_flux_depot;  // when known
  std::string etat;               // the flux's last known state, when known
  std::string time;               // ISO 8601, UTC
};

class Journal {
 public:
  // The file is created (with its folders) on the first write.
  explicit Journal(std::filesystem::path path);

  // $XDG_STATE_HOME/cprokit/deposits.jsonl, else ~/.local/state/cprokit/…
  static std::filesystem::path default_path();

  // The last line for `key`; nullopt when none. Lines that are not the
  // journal's JSON are skipped (a line cut by a crash).
  std::optional<JournalEntry> last(const JournalKey& key) const;

  // Appends one line; throws std::system_error when the file cannot be written.
  void record(const JournalKey& key, const JournalEntry& entry);

  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
  mutable std::mutex mutex_;
};

}  // namespace cprokit::client
