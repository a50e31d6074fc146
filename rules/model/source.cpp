#include "rules/model/source.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>
#include <new>
#include <type_traits>
#include <vector>

namespace cprokit {

std::string_view SourcePaths::intern(std::string_view name) {
  if (name.empty()) return {};
  const std::size_t last = static_cast<unsigned char>(name.back());
  const std::size_t middle = static_cast<unsigned char>(name[name.size() / 2]);
  std::string_view& slot = recent_[(name.size() * 31 + last * 7 + middle) % recent_.size()];
  if (slot != name) {
    auto* copy = static_cast<char*>(arena_.allocate(name.size(), 1));
    std::memcpy(copy, name.data(), name.size());
    slot = {copy, name.size()};
  }
  return slot;
}

const PathStep* SourcePaths::step(const PathStep* parent, std::string_view name,
                                  std::uint32_t position) {
  void* place = arena_.allocate(sizeof(PathStep), alignof(PathStep));
  static_assert(std::is_trivially_destructible_v<PathStep>, "the arena never destroys steps");
  return new (place) PathStep{parent, intern(name), position};
}

const PathStep* SourcePaths::parse(std::string_view path) {
  const PathStep* at = nullptr;
  while (!path.empty()) {
    if (path.front() == '/') path.remove_prefix(1);
    std::string_view segment = path.substr(0, path.find('/'));
    path.remove_prefix(segment.size());
    if (segment.empty()) continue;
    std::uint32_t position = 0;
    if (segment.back() == ']') {
      if (auto open = segment.rfind('['); open != std::string_view::npos) {
        std::from_chars(segment.data() + open + 1, segment.data() + segment.size() - 1, position);
        segment = segment.substr(0, open);
      }
    }
    at = step(at, segment, position);
  }
  return at;
}

std::string SourceRef::path() const {
  std::vector<const PathStep*> steps;  // leaf first
  std::size_t size = 0;
  for (const PathStep* s = step; s != nullptr; s = s->parent) {
    steps.push_back(s);
    size += s->name.size() + 12;
  }
  std::string out;
  out.reserve(size);
  std::reverse(steps.begin(), steps.end());  // root first
  for (const PathStep* s : steps) {
    out += '/';
    out += s->name;
    if (s->position != 0) {
      std::array<char, 12> digits{};
      auto* end = std::to_chars(digits.begin(), digits.end(), s->position).ptr;
      out += '[';
      out.append(digits.begin(), end);
      out += ']';
    }
  }
  return out;
}

}  // namespace cprokit
