// The portal's assets (assets/: templates, stylesheet, texts), compiled into
// the binary by scripts/embed_text.cmake so that an installed mock needs no files.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace cprokit::mock::portal {

struct Asset {
  std::string_view name;  // "layout.mustache"
  std::string_view text;
};

std::span<const Asset> assets();

// The asset called `name`, or none.
std::optional<std::string_view> asset(std::string_view name);

}  // namespace cprokit::mock::portal
