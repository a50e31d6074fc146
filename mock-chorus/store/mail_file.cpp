#include "mock-chorus/store/mail_file.hpp"

#include <algorithm>
#include <array>
#include <ctime>
#include <fstream>
#include <stdexcept>

#include <fmt/core.h>

#include "validators/base64.hpp"

namespace cprokit::mock {
namespace {

constexpr std::string_view kFrom = "Chorus Pro (cprokit mock) <ne-pas-repondre@cprokit.invalid>";
constexpr std::size_t kMaxLineOctets = 998;  // RFC 5322 §2.1.1

// "Tue, 01 Dec 2026 08:30:00 +0000" (RFC 5322 §3.3), in UTC.
std::string rfc5322_date(Millis t) {
  static constexpr std::array<std::string_view, 7> kDays{"Sun", "Mon", "Tue", "Wed",
                                                         "Thu", "Fri", "Sat"};
  static constexpr std::array<std::string_view, 12> kMonths{
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::time_t seconds = t / 1000;
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  return fmt::format("{}, {:02} {} {} {:02}:{:02}:{:02} +0000", kDays.at(tm.tm_wday), tm.tm_mday,
                     kMonths.at(tm.tm_mon), tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

bool is_plain_ascii(std::string_view text) {
  return std::ranges::all_of(text, [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x20 && u < 0x80;
  });
}

// A header value as it may be written: as is when plain ASCII, else an RFC
// 2047 encoded word (which also keeps a CR or LF out of the header).
std::string header_value(std::string_view text) {
  if (is_plain_ascii(text)) return std::string(text);
  return fmt::format("=?UTF-8?B?{}?=", encode_base64(text));
}

// The body with CRLF line ends, a line longer than the limit broken in two.
std::string crlf_body(std::string_view body) {
  std::string out;
  std::size_t line = 0;
  for (const char c : body) {
    if (c == '\r') continue;
    if (c == '\n') {
      out += "\r\n";
      line = 0;
      continue;
    }
    if (line == kMaxLineOctets) {
      out += "\r\n";
      line = 0;
    }
    out += c;
    ++line;
  }
  if (!out.ends_with("\r\n")) out += "\r\n";
  return out;
}

}  // namespace

std::filesystem::path mail_file(const MailRecord& mail) {
  return std::filesystem::path("mails") / fmt::format("{:06}.eml", mail.id);
}

std::string eml_text(const MailRecord& mail) {
  return fmt::format(
      "Date: {}\r\nFrom: {}\r\nTo: <{}>\r\nSubject: {}\r\nMessage-ID: "
      "<portail-{}@cprokit.invalid>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; "
      "charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n{}",
      rfc5322_date(mail.date), kFrom, header_value(mail.to), header_value(mail.subject), mail.id,
      crlf_body(mail.body));
}

void write_eml(const std::filesystem::path& data_dir, const MailRecord& mail) {
  const std::filesystem::path path = data_dir / mail_file(mail);
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << eml_text(mail);
  if (!out.flush()) throw std::runtime_error("cannot write " + path.string());
}

}  // namespace cprokit::mock
