#include "cli/merge/shard.hpp"

#include <cerrno>
#include <fstream>
#include <optional>

#include <fmt/core.h>

#include "cli/report/run_json.hpp"
#include "rules/catalogue/catalogue.hpp"
#include "validators/document_json.hpp"

namespace cprokit::cli::merge {
namespace {

ShardError at_line(const std::string& path, std::size_t line, const Message& what) {
  return ShardError({fmt::format("{}, ligne {} : {}", path, line, what.fr),
                     fmt::format("{}, line {}: {}", path, line, what.en)});
}

}  // namespace

ShardRun read_shard(const std::string& path,
                    const std::function<void(LintedDocument&&)>& on_document) {
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw path_error(path, errno);
  std::optional<ShardRun> last;
  std::size_t documents = 0;
  std::string text;
  for (std::size_t line = 1; std::getline(in, text); ++line) {
    if (text.empty()) continue;
    if (last) {
      throw at_line(path, line,
                    {"une ligne après la ligne de synthèse : ce n'est pas un rapport jsonl de "
                     "cprokit",
                     "a line after the summary line: this is not a jsonl report of cprokit"});
    }
    nlohmann::json value;
    try {
      value = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
      throw at_line(path, line,
                    {fmt::format("pas du JSON (octet {}) : fichier tronqué ou abîmé ? Refaites "
                                 "ce lot avec cprokit lint -f jsonl",
                                 e.byte),
                     fmt::format("not JSON (byte {}): a truncated or damaged file? Lint this "
                                 "shard again with cprokit lint -f jsonl",
                                 e.byte)});
    }
    if (value.is_object() && value.contains("summary")) {
      if (!value.contains("run")) {
        throw at_line(path, line,
                      {"la ligne de synthèse n'a pas de « run » : lot fait par une version "
                       "plus ancienne de cprokit ; refaites-le avec celle-ci",
                       "the summary line has no \"run\": a shard made by an older cprokit; "
                       "lint it again with this one"});
      }
      last = ShardRun{path, value.value("tool", nlohmann::json()), value["run"], documents};
      continue;
    }
    LintedDocument doc;
    try {
      doc = document_from_json(value);
      if (value.contains("size") && value["size"].is_number_unsigned()) {
        doc.size = value["size"].get<std::uint64_t>();
      }
      if (value.contains("run_notes")) {
        doc.run_notes = report::run_notes_from_json(value["run_notes"], catalogue::builtin());
      }
    } catch (const std::runtime_error& e) {  // DocumentJsonError, RunJsonError
      throw at_line(path, line,
                    {fmt::format("pas un document du contrat JSON : {}", e.what()),
                     fmt::format("not a document of the JSON contract: {}", e.what())});
    }
    ++documents;
    if (on_document) on_document(std::move(doc));
  }
  if (in.bad()) throw path_error(path, errno);
  if (!last) {
    throw ShardError({fmt::format("{} : pas de ligne de synthèse à la fin : le lint de ce lot "
                                  "ne s'est pas terminé ; refaites-le",
                                  path),
                      fmt::format("{}: no summary line at the end: the lint of this shard did "
                                  "not finish; lint it again",
                                  path)});
  }
  return *last;
}

}  // namespace cprokit::cli::merge
