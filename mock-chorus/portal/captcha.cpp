#include "mock-chorus/portal/captcha.hpp"

#include <cctype>

#include "validators/sha256.hpp"

namespace cprokit::mock::portal {
namespace {

constexpr std::string_view kAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";  // 32 characters
constexpr std::size_t kLength = 5;

}  // namespace

std::string captcha_code(const SessionRecord& session) {
  const std::string digest = sha256_hex("captcha:" + session.csrf);
  std::string code;
  for (std::size_t i = 0; i < kLength; ++i) {
    const auto byte = std::stoul(digest.substr(2 * i, 2), nullptr, 16);
    code += kAlphabet[byte % kAlphabet.size()];
  }
  return code;
}

bool captcha_matches(const SessionRecord& session, std::string_view typed) {
  std::string normalised;
  for (const char c : typed) {
    if (std::isspace(static_cast<unsigned char>(c)) != 0) continue;
    normalised += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return normalised == captcha_code(session);
}

}  // namespace cprokit::mock::portal
