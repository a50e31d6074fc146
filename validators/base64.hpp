// Base64 as the Chorus Pro API uses it (RFC 4648, with padding) for files
// and the cpro-account header: the mock decodes them, the API client
// (cli/client/) encodes them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cprokit {

// The decoded bytes, or nullopt when `text` is not base64 (whitespace and
// line breaks are ignored, as MIME encoders insert them).
std::optional<std::string> decode_base64(std::string_view text);
std::string encode_base64(std::string_view bytes);

}  // namespace cprokit
