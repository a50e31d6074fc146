// The command line of the mock's bench programs (cprokit_mock_crash,
// cprokit_mock_load): a usage error (exit 2, naming the program), a whole
// number in a range, a file read, and the options both take — where the
// binary, the directory, the invoice and the data folders are.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace cprokit::bench {

[[noreturn]] void usage_error(std::string_view program, std::string_view message);

// `text` as a whole number from `min` to `max`, else a usage error naming `option`.
std::uint64_t whole_number_arg(std::string_view program, std::string_view option,
                               std::string_view text, std::uint64_t min, std::uint64_t max);

// The bytes of the file given to `option`, else a usage error that says from
// which folder it was looked for.
std::string read_file_arg(std::string_view program, std::string_view option,
                          const std::filesystem::path& path);

struct MockFiles {
  std::filesystem::path cprokit = "build/release/cli/cprokit";
  std::filesystem::path directory = "fixtures/directory/matheysine.json";
  std::filesystem::path invoice = "fixtures/invoices/chorus/invoice-chorus-ok.xml";
  std::filesystem::path tmp = "/tmp";
};

// Takes --cprokit, --directory, --invoice and --tmp into `files`; false for
// any other option.
bool mock_files_option(std::string_view option, std::string_view value, MockFiles& files);

}  // namespace cprokit::bench
