#include <nlohmann/json.hpp>

#include "cli/report/document_json.hpp"
#include "cli/report/report.hpp"

namespace cprokit::cli::report {
namespace {

using nlohmann::ordered_json;

// nlohmann's dump, indented as if the value sat `depth` spaces in: the
// report is written piece by piece yet reads as one dump(2) of the whole.
std::string dump_at(const ordered_json& value, std::size_t depth) {
  // Invalid UTF-8 in a message (never expected) is replaced rather than thrown.
  std::string text = value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    out.push_back(c);
    if (c == '\n') out.append(depth, ' ');
  }
  return out;
}

// The JSON contract (README, "JSON output"): one object with the tool, the
// documents and the summary.
class JsonWriter final : public Writer {
 public:
  explicit JsonWriter(std::ostream& out) : out_(out) {}

  void begin(const RunInfo& run) override {
    lang_ = run.lang;
    out_ << "{\n  \"tool\": " << dump_at(tool_json(run), 2) << ",\n  \"documents\": [";
  }

  void document(const LintedDocument& doc) override {
    out_ << (first_ ? "\n    " : ",\n    ") << dump_at(document_json(doc, lang_), 4);
    first_ = false;
  }

  void end(const Summary& s) override {
    out_ << (first_ ? "]" : "\n  ]") << ",\n  \"summary\": " << dump_at(summary_json(s), 2)
         << "\n}\n";
  }

 private:
  std::ostream& out_;
  Lang lang_ = Lang::Fr;
  bool first_ = true;
};

}  // namespace

std::unique_ptr<Writer> make_json_writer(std::ostream& out) {
  return std::make_unique<JsonWriter>(out);
}

}  // namespace cprokit::cli::report
