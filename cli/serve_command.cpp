// cprokit serve: a stateless HTTP validation service (cli/serve/).
#include <pthread.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <iostream>
#include <optional>
#include <thread>
#include <utility>

#include <fmt/core.h>

#include "cli/arguments.hpp"
#include "cli/codelists_option.hpp"
#include "cli/commands.hpp"
#include "cli/directory_option.hpp"
#include "cli/exit_codes.hpp"
#include "cli/serve/handlers.hpp"
#include "cli/serve/options.hpp"
#include "cli/usage_error.hpp"
#include "cli/xsd_option.hpp"
#include "mock-chorus/listen.hpp"
#include "validators/data_digest.hpp"

namespace cprokit::cli {
namespace {

// After SIGTERM: the documents being answered are given their deadline and
// a moment to be written, then the server stops whatever remains.
void drain(serve::Service& service, std::chrono::milliseconds document_timeout) {
  service.drain();
  const auto until = std::chrono::steady_clock::now() + document_timeout + std::chrono::seconds(1);
  while (service.metrics().in_flight() > 0 && std::chrono::steady_clock::now() < until)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  service.stop();
}

}  // namespace

int serve_command(const std::vector<std::string>& argv) {
  Lang lang = requested_lang(argv);
  serve::ServeOptions options;
  serve::Judging judging;
  try {
    auto parsed = serve::parse_serve_options(argv);
    if (!parsed) return kExitOk;
    options = *parsed;
    lang = options.lang;
    if (options.directory) {
      DirectoryFile file = load_directory_file(*options.directory);
      judging.lint.directory = std::move(file.directory);
      judging.references.directory = std::move(file.digest);
      judging.directory = *options.directory;
    }
    judging.xsd = setup_xsd(options.no_xsd, options.schemas);
    if (judging.xsd.schemas) {
      judging.references.xsd = folder_digest(judging.xsd.schemas->folder(), ".xsd");
    }
    judging.references.codelists =
        setup_code_lists(options.no_codelists, options.codelists, judging.lint);
    judging.no_codelists = options.no_codelists;
  } catch (const std::exception& e) {
    return refuse_usage("serve", e, lang);
  }

  // SIGINT and SIGTERM are waited for by one thread, which drains the service.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  const bool xsd_on = bool(judging.xsd.schemas);
  serve::Service service(options, std::move(judging));
  int port = 0;
  try {
    port = service.bind(options.bind, options.port);
  } catch (const mock::ListenError& e) {
    std::cerr << "cprokit serve: " << (lang == Lang::Fr ? e.message_fr() : e.what()) << '\n';
    return kExitUsage;
  }
  const std::string host =
      options.bind.find(':') == std::string::npos ? options.bind : "[" + options.bind + "]";
  // The first line on stdout: where to send requests (--port 0 included).
  std::cout << fmt::format("http://{}:{}", host, port) << std::endl;
  std::cerr << fmt::format(
      "cprokit serve: démarré / started on {}:{} (XSD {}, {} documents at once, queue {}, "
      "--max-body {}, --document-timeout {} s)\n",
      host, port, xsd_on ? "on" : "off", options.max_concurrent, options.queue, options.max_body,
      std::chrono::duration<double>(options.document_timeout).count());
  std::thread waiter([&] {
    int signal = 0;
    sigwait(&stop_signals, &signal);
    drain(service, options.document_timeout);
  });
  service.run();
  // Wake the waiter if the server stopped on its own: the signal is blocked
  // in every thread, so only its sigwait takes it.
  kill(getpid(), SIGTERM);
  waiter.join();
  std::cerr << "cprokit serve: arrêté / stopped" << std::endl;
  return kExitOk;
}

}  // namespace cprokit::cli
