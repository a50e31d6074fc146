// The main of a fuzz target in the ordinary build: runs the target once on
// each file given, or on each file of each folder given (in name order), as
// libFuzzer would replay them. A crash, a sanitizer report or an exception
// that escapes the target fails the run; so does finding no input at all
// (a replay of nothing proves nothing).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

std::vector<std::filesystem::path> inputs(const std::vector<std::string>& arguments) {
  std::vector<std::filesystem::path> out;
  for (const auto& argument : arguments) {
    if (!std::filesystem::is_directory(argument)) {
      out.emplace_back(argument);
      continue;
    }
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(argument))
      if (entry.is_regular_file()) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    out.insert(out.end(), files.begin(), files.end());
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::filesystem::path> files =
      inputs(std::vector<std::string>(argv + 1, argv + argc));
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      std::cerr << "replay: cannot read " << file.string() << "\n";
      return 1;
    }
    const std::vector<char> bytes((std::istreambuf_iterator<char>(in)),
                                  std::istreambuf_iterator<char>());
    std::cout << "replay: " << file.string() << std::endl;  // flushed: names the culprit of a crash
    // NOLINTNEXTLINE(*-reinterpret-cast): libFuzzer's signature takes bytes
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
  }
  if (files.empty()) {
    std::cerr << "replay: no input given\n";
    return 1;
  }
  std::cout << "replay: " << files.size() << " inputs, no crash\n";
  return 0;
}
