#include <nlohmann/json.hpp>

#include "cli/report/document_json.hpp"
#include "cli/report/report.hpp"

namespace cprokit::cli::report {
namespace {

// JSON Lines: each document's object of the JSON contract on its own line,
// flushed as soon as the document is linted (a consumer can follow a long
// run), then one last line {"summary": {…}, "tool": {…}} that also says the
// run finished.
class JsonLinesWriter final : public Writer {
 public:
  explicit JsonLinesWriter(std::ostream& out) : out_(out) {}

  void begin(const RunInfo& run) override {
    lang_ = run.lang;
    tool_ = tool_json(run);
  }

  void document(const LintedDocument& doc) override {
    out_ << compact(document_json(doc, lang_)) << '\n' << std::flush;
  }

  void end(const Summary& s) override {
    out_ << compact({{"summary", summary_json(s)}, {"tool", tool_}}) << '\n' << std::flush;
  }

 private:
  std::ostream& out_;
  Lang lang_ = Lang::Fr;
  nlohmann::ordered_json tool_;
};

}  // namespace

std::unique_ptr<Writer> make_jsonl_writer(std::ostream& out) {
  return std::make_unique<JsonLinesWriter>(out);
}

}  // namespace cprokit::cli::report
