#include "cli/client/journal.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <system_error>

#include <fmt/chrono.h>
#include <fmt/core.h>
#include <nlohmann/json.hpp>

namespace cprokit::client {
namespace {

using nlohmann::json;

std::string now_utc() {
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(std::time(nullptr)));
}

}  // namespace

Journal::Journal(std::filesystem::path path) : path_(std::move(path)) {}

std::filesystem::path Journal::default_path() {
  std::filesystem::path base;
  if (const char* state = std::getenv("XDG_STATE_HOME"); state != nullptr && *state == '/') {
    base = state;
  } else if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    base = std::filesystem::path(home) / ".local" / "state";
  } else {
    base = ".";
  }
  return base / "cprokit" / "deposits.jsonl";
}

std::optional<JournalEntry> Journal::last(const JournalKey& key) const {
  const std::lock_guard lock(mutex_);
  std::ifstream in(path_);
  std::optional<JournalEntry> found;
  std::string line;
  while (std::getline(in, line)) {
    const json j = json::parse(line, nullptr, false);
    if (!j.is_object()) continue;
    auto text = [&](const char* name) {
      const auto it = j.find(name);
      return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    if (text("server") != key.server || text("login") != key.login ||
        text("sha256") != key.sha256) {
      continue;
    }
    found = JournalEntry{text("event"), text("file"), text("numeroFluxDepot"), text("etat"),
                         text("time")};
  }
  return found;
}

void Journal::record(const JournalKey& key, const JournalEntry& entry) {
  json line = {{"time", entry.time.empty() ? now_utc() : entry.time},
               {"event", entry.event},
               {"server", key.server},
               {"login", key.login},
               {"sha256", key.sha256},
               {"file", entry.file}};
  if (!entry.numero_flux_depot.empty()) line["numeroFluxDepot"] = entry.numero_flux_depot;
  if (!entry.etat.empty()) line["etat"] = entry.etat;
  const std::string text = line.dump() + "\n";

  const std::lock_guard lock(mutex_);
  std::error_code ignored;
  if (path_.has_parent_path()) std::filesystem::create_directories(path_.parent_path(), ignored);
  const int fd = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (fd < 0) throw std::system_error(errno, std::generic_category(), path_.string());
  const ssize_t written = ::write(fd, text.data(), text.size());
  const int saved = errno;
  const bool synced = ::fsync(fd) == 0;
  ::close(fd);
  if (written != static_cast<ssize_t>(text.size()) || !synced)
    throw std::system_error(written < 0 ? saved : EIO, std::generic_category(), path_.string());
}

}  // namespace cprokit::client
