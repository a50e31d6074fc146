// The portal's language: French unless the visitor asked for English, by
// ?lang=en (remembered in a cookie) or by the browser's Accept-Language.
#pragma once

#include <string_view>

namespace cprokit::mock::portal {

enum class Lang { fr, en };

std::string_view code(Lang lang);  // "fr", "en"

// `query` (?lang=) first, then `cookie`, then the first of fr/en that
// `accept_language` names ("en-GB,en;q=0.9,fr;q=0.8" → en); else French.
Lang negotiate(std::string_view query, std::string_view cookie, std::string_view accept_language);

}  // namespace cprokit::mock::portal
