// consumer FILE [DIRECTORY [SCHEMAS]]: lints FILE with the installed
// libcprokit (the structure directory DIRECTORY and the XSD folder SCHEMAS
// if given) and prints the rules that fired, one a line, then the
// document's JSON object; a Linter refused: its error, exit 1.
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

#include <cprokit/lint.hpp>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: consumer FILE [DIRECTORY [SCHEMAS]]\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  cprokit::lib::Options options;
  options.lang = cprokit::lib::Lang::en;
  if (argc > 2) options.directory = argv[2];
  if (argc > 3) options.schemas = argv[3];
  try {
    const cprokit::lib::Linter linter(options);
    const cprokit::lib::Result result = linter.lint(bytes, argv[1]);
    for (const auto& finding : result.findings)
      std::cout << finding.rule << '\n';
    std::cout << cprokit::lib::to_json(result) << '\n';
  } catch (const cprokit::lib::Error& e) {
    std::cerr << "consumer: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
