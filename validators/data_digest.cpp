#include "validators/data_digest.hpp"

#include <algorithm>
#include <array>
#include <fstream>
#include <stdexcept>
#include <system_error>
#include <vector>

#include "validators/sha256.hpp"

namespace cprokit {
namespace {

namespace fs = std::filesystem;

std::string file_sha256(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error(file.string() + " : illisible / cannot be read");
  Sha256 hash;
  std::array<char, 1 << 16> buffer{};
  while (in.read(buffer.data(), buffer.size()) || in.gcount() > 0)
    hash.update({buffer.data(), static_cast<std::size_t>(in.gcount())});
  if (in.bad()) throw std::runtime_error(file.string() + " : illisible / cannot be read");
  return hash.hex();
}

}  // namespace

DataDigest folder_digest(const fs::path& folder, std::string_view extension) {
  std::vector<std::string> paths;  // below the folder, with '/'
  std::error_code ec;
  for (fs::recursive_directory_iterator it(folder, ec), end; it != end; it.increment(ec)) {
    if (ec) break;
    if (!it->is_regular_file(ec) || it->is_symlink(ec)) continue;
    const std::string name = it->path().filename().string();
    if (!name.ends_with(extension)) continue;
    paths.push_back(it->path().lexically_relative(folder).generic_string());
  }
  if (ec) {
    throw std::runtime_error(folder.string() + " : illisible / cannot be read (" + ec.message() +
                             ")");
  }
  // std::string compares bytes as unsigned char: the C locale's order.
  std::sort(paths.begin(), paths.end());
  Sha256 digest;
  for (const std::string& path : paths)
    digest.update(file_sha256(folder / path) + "  " + path + "\n");
  return {folder.string(), digest.hex(), paths.size()};
}

}  // namespace cprokit
