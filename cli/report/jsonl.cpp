#include <nlohmann/json.hpp>

#include "cli/report/document_json.hpp"
#include "cli/report/report.hpp"
#include "cli/report/run_json.hpp"

namespace cprokit::cli::report {
namespace {

// JSON Lines: each document's object of the JSON contract on its own line,
// flushed as soon as the document is linted (a consumer can follow a long
// run), then one last line {"summary": {…}, "tool": {…}, "run": {…}} that
// also says the run finished. Beyond the contract, a document's line has its
// "size" and "run_notes", the last line the "run" (run_json.hpp): what
// `cprokit merge` needs to write every other format from jsonl shards.
class JsonLinesWriter final : public Writer {
 public:
  explicit JsonLinesWriter(std::ostream& out) : out_(out) {}

  void begin(const RunInfo& run) override {
    lang_ = run.lang;
    tool_ = tool_json(run);
    run_ = run_json(run);
  }

  void document(const LintedDocument& doc) override {
    nlohmann::ordered_json line = document_json(doc, lang_);
    line["size"] = doc.size;
    line["run_notes"] = run_notes_json(doc.run_notes);
    out_ << compact(line) << '\n' << std::flush;
  }

  void end(const Summary& s) override {
    out_ << compact({{"summary", summary_json(s)}, {"tool", tool_}, {"run", run_}}) << '\n'
         << std::flush;
  }

 private:
  std::ostream& out_;
  Lang lang_ = Lang::Fr;
  nlohmann::ordered_json tool_;
  nlohmann::ordered_json run_;
};

}  // namespace

std::unique_ptr<Writer> make_jsonl_writer(std::ostream& out) {
  return std::make_unique<JsonLinesWriter>(out);
}

}  // namespace cprokit::cli::report
