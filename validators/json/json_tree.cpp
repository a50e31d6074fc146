// nlohmann::json's SAX parser validates the text and decodes strings; its
// events carry no position and integers lose their spelling. So the handler
// keeps a cursor in the text: each event's token is the next one after the
// cursor (skipping blanks, ':' and ','), and the cursor moves past it.
#include "validators/json/json_tree.hpp"

#include <cstddef>
#include <string>

#include <nlohmann/json.hpp>

namespace cprokit::json {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

bool continues_a_character(char byte) {
  return (static_cast<unsigned char>(byte) & 0xC0U) == 0x80U;
}

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool in_number(char c) {
  return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

// Line and column of offsets met in increasing order, in linear time overall.
class Positions {
 public:
  // A leading BOM takes no column.
  explicit Positions(std::string_view text)
      : text_(text), at_(text.starts_with(kUtf8Bom) ? kUtf8Bom.size() : 0) {}

  void advance_to(std::size_t offset) {
    for (; at_ < offset && at_ < text_.size(); ++at_) {
      if (text_[at_] == '\n') {
        ++line_;
        column_ = 1;
      } else if (!continues_a_character(text_[at_])) {
        ++column_;
      }
    }
  }
  std::uint32_t line() const { return line_; }
  std::uint32_t column() const { return column_; }

 private:
  std::string_view text_;
  std::size_t at_;
  std::uint32_t line_ = 1;
  std::uint32_t column_ = 1;
};

class TreeBuilder : public nlohmann::json_sax<nlohmann::json> {
 public:
  TreeBuilder(std::string_view text, unsigned max_depth)
      : text_(text), max_depth_(max_depth), positions_(text) {
    if (text_.starts_with(kUtf8Bom)) cursor_ = kUtf8Bom.size();
  }

  bool null() override { return scalar(Type::Null, {}, 4); }
  bool boolean(bool value) override {
    return scalar(Type::Boolean, value ? "true" : "false", value ? 4 : 5);
  }
  bool number_integer(number_integer_t /*value*/) override { return number(); }
  bool number_unsigned(number_unsigned_t /*value*/) override { return number(); }
  bool number_float(number_float_t /*value*/, const string_t& /*as_written*/) override {
    return number();
  }
  bool string(string_t& value) override {
    const std::size_t start = next_token();
    Value& v = place(Type::String, start);
    v.text = std::move(value);
    cursor_ = past_string(start);
    return true;
  }
  bool binary(binary_t& /*value*/) override { return false; }  // not in JSON text

  bool start_object(std::size_t /*elements*/) override { return open(Type::Object); }
  bool key(string_t& key) override {
    cursor_ = past_string(next_token());
    pending_key_ = std::move(key);
    return true;
  }
  bool end_object() override { return close(); }
  bool start_array(std::size_t /*elements*/) override { return open(Type::Array); }
  bool end_array() override { return close(); }

  bool parse_error(std::size_t position, const std::string& /*last_token*/,
                   const nlohmann::detail::exception& error) override {
    // what() reads "[json.exception.parse_error.101] parse error at line 1, column 2: <why>".
    const std::string_view what = error.what();
    const std::size_t colon = what.find(": ", what.find(']'));
    SyntaxError out{std::string(colon == std::string_view::npos ? what : what.substr(colon + 2))};
    // `position` counts the characters read, the offending one included.
    positions_.advance_to(position > 0 ? position - 1 : 0);
    out.line = positions_.line();
    out.column = positions_.column();
    error_ = std::move(out);
    return false;
  }

  ParseResult result() && {
    if (!std::holds_alternative<std::monostate>(error_)) {
      if (auto* e = std::get_if<SyntaxError>(&error_)) return std::move(*e);
      return std::get<TooDeep>(error_);
    }
    return std::move(root_);
  }

 private:
  // The offset of the next token after the cursor.
  std::size_t next_token() {
    std::size_t at = cursor_;
    while (at < text_.size() && (is_blank(text_[at]) || text_[at] == ':' || text_[at] == ',')) {
      ++at;
    }
    return at;
  }

  // One past the closing quote of the string that starts at `start`.
  std::size_t past_string(std::size_t start) const {
    std::size_t at = start + 1;
    while (at < text_.size() && text_[at] != '"')
      at += text_[at] == '\\' ? 2 : 1;
    return at + 1;
  }

  // A new value at `start`: the root, the next element of the open array or
  // the open object's member under the pending key.
  Value& place(Type type, std::size_t start) {
    positions_.advance_to(start);
    Value* v = &root_;
    if (!open_.empty()) {
      Value& parent = *open_.back();
      if (parent.type == Type::Array) {
        v = &parent.elements.emplace_back();
      } else {
        v = &parent.members.emplace_back(Member{std::move(pending_key_), {}}).value;
      }
    }
    v->type = type;
    v->line = positions_.line();
    v->column = positions_.column();
    return *v;
  }

  bool scalar(Type type, std::string_view text, std::size_t length) {
    const std::size_t start = next_token();
    place(type, start).text = text;
    cursor_ = start + length;
    return true;
  }

  bool number() {
    const std::size_t start = next_token();
    std::size_t end = start;
    while (end < text_.size() && in_number(text_[end]))
      ++end;
    place(Type::Number, start).text = text_.substr(start, end - start);
    cursor_ = end;
    return true;
  }

  bool open(Type type) {
    const std::size_t start = next_token();
    Value& v = place(type, start);
    if (open_.size() >= max_depth_) {
      error_ = TooDeep{max_depth_, v.line, v.column};
      return false;
    }
    open_.push_back(&v);
    cursor_ = start + 1;
    return true;
  }

  bool close() {
    cursor_ = next_token() + 1;
    open_.pop_back();
    return true;
  }

  std::string_view text_;
  unsigned max_depth_;
  Positions positions_;
  std::size_t cursor_ = 0;
  Value root_;
  // The arrays and objects being filled, outermost first. A pointer stays
  // valid: a container only grows after its open child is closed.
  std::vector<Value*> open_;
  std::string pending_key_;
  std::variant<std::monostate, SyntaxError, TooDeep> error_;
};

}  // namespace

ParseResult parse(std::string_view text, unsigned max_depth) {
  TreeBuilder builder(text, max_depth);
  nlohmann::json::sax_parse(text.begin(), text.end(), &builder);
  ParseResult result = std::move(builder).result();
  // nlohmann::json takes a NUL byte for the end of the input: what follows
  // it would be silently ignored.
  const std::size_t nul = text.find('\0');
  if (std::holds_alternative<Value>(result) && nul != std::string_view::npos) {
    Positions positions(text);
    positions.advance_to(nul);
    return SyntaxError{"NUL byte (U+0000) after the document: not allowed in JSON text",
                       positions.line(), positions.column()};
  }
  return result;
}

std::string pointer_token(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::string_view type_name_en(Type type) {
  switch (type) {
    case Type::Null:
      return "null";
    case Type::Boolean:
      return "a boolean";
    case Type::Number:
      return "a number";
    case Type::String:
      return "a string";
    case Type::Array:
      return "an array";
    case Type::Object:
      break;
  }
  return "an object";
}

std::string_view type_name_fr(Type type) {
  switch (type) {
    case Type::Null:
      return "null";
    case Type::Boolean:
      return "un booléen";
    case Type::Number:
      return "un nombre";
    case Type::String:
      return "une chaîne";
    case Type::Array:
      return "un tableau";
    case Type::Object:
      break;
  }
  return "un objet";
}

}  // namespace cprokit::json
