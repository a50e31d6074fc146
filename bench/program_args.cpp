#include "bench/program_args.hpp"

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <fmt/core.h>

namespace cprokit::bench {

void usage_error(std::string_view program, std::string_view message) {
  fmt::print(stderr, "{}: {}\n", program, message);
  std::exit(2);
}

std::uint64_t whole_number_arg(std::string_view program, std::string_view option,
                               std::string_view text, std::uint64_t min, std::uint64_t max) {
  std::uint64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < min || value > max) {
    usage_error(program, fmt::format("{} wants a whole number from {} to {}, not '{}' (see --help)",
                                     option, min, max, text));
  }
  return value;
}

std::string read_file_arg(std::string_view program, std::string_view option,
                          const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    usage_error(program,
                fmt::format("{} {}: cannot read it (from {}; run from the source folder "
                            "or give the path)",
                            option, path.string(), std::filesystem::current_path().string()));
  }
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

bool mock_files_option(std::string_view option, std::string_view value, MockFiles& files) {
  if (option == "--cprokit") {
    files.cprokit = value;
  } else if (option == "--directory") {
    files.directory = value;
  } else if (option == "--invoice") {
    files.invoice = value;
  } else if (option == "--tmp") {
    files.tmp = value;
  } else {
    return false;
  }
  return true;
}

}  // namespace cprokit::bench
