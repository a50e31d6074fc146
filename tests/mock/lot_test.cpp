// Hostile lots and file names: entries that climb out of a folder, absolute
// paths, links, names that are not UTF-8, a decompression bomb, and a
// nomFichier that is a path. Each is refused with a message naming it, and
// nothing is unpacked past the limits.
#include <catch2/catch.hpp>

#include <archive.h>
#include <archive_entry.h>

#include <cstddef>
#include <stdexcept>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "mock-chorus/flux/lot.hpp"
#include "tests/mock/harness.hpp"
#include "validators/base64.hpp"

using cprokit::encode_base64;
using cprokit::mock::LotEntry;
using cprokit::mock::LotError;
using cprokit::mock::unpack_lot;
using namespace cprokit::testing;

namespace {

constexpr std::size_t kMiB = std::size_t{1024} * 1024;

struct Entry {
  std::string name;
  std::string bytes;
  unsigned type;
  std::string link_to;  // a symbolic link's target, or a hard link's
  bool hard_link;
};

Entry file(std::string name, std::string bytes) {
  return {std::move(name), std::move(bytes), AE_IFREG, "", false};
}
Entry folder(std::string name) {
  return {std::move(name), "", AE_IFDIR, "", false};
}
Entry symbolic_link(std::string name, std::string target) {
  return {std::move(name), "", AE_IFLNK, std::move(target), false};
}
Entry hard_link(std::string name, std::string target) {
  return {std::move(name), "", AE_IFREG, std::move(target), true};
}

// A .tar.gz of `entries`, links included (the harness's tar_gz makes files only).
std::string archive_of(const std::vector<Entry>& entries) {
  std::size_t room = std::size_t{64} * 1024;
  for (const auto& e : entries)
    room += e.bytes.size() / 100 + e.name.size() + 4096;  // zeros compress a hundredfold
  std::string out(room, '\0');
  std::size_t used = 0;
  archive* a = archive_write_new();
  archive_write_add_filter_gzip(a);
  archive_write_set_format_pax_restricted(a);
  archive_write_open_memory(a, out.data(), out.size(), &used);
  for (const auto& e : entries) {
    archive_entry* entry = archive_entry_new();
    archive_entry_set_pathname(entry, e.name.c_str());
    archive_entry_set_filetype(entry, e.type);
    archive_entry_set_perm(entry, 0644);
    if (e.hard_link) archive_entry_set_hardlink(entry, e.link_to.c_str());
    if (e.type == AE_IFLNK) archive_entry_set_symlink(entry, e.link_to.c_str());
    archive_entry_set_size(entry, static_cast<la_int64_t>(e.bytes.size()));
    archive_write_header(a, entry);
    if (!e.bytes.empty()) archive_write_data(a, e.bytes.data(), e.bytes.size());
    archive_entry_free(entry);
  }
  const bool closed = archive_write_close(a) == ARCHIVE_OK;
  archive_write_free(a);
  if (!closed) throw std::runtime_error("archive_of: the archive does not fit its buffer");
  out.resize(used);
  return out;
}

// The lot's refusal, in English; fails the test when the lot is taken.
std::string refusal(const std::vector<Entry>& entries) {
  const auto unpacked = unpack_lot(archive_of(entries));
  const auto* error = std::get_if<LotError>(&unpacked);
  REQUIRE(error != nullptr);
  CHECK_FALSE(error->fr.empty());
  return error->en;
}

}  // namespace

TEST_CASE("lot: folders and plain files are taken", "[mock][lot]") {
  const auto unpacked =
      unpack_lot(archive_of({folder("lot/"), file("lot/a.xml", "<a/>"), file("./b.xml", "<b/>")}));
  const auto* entries = std::get_if<std::vector<LotEntry>>(&unpacked);
  REQUIRE(entries != nullptr);
  REQUIRE(entries->size() == 2);
  CHECK((*entries)[0].name == "lot/a.xml");
  CHECK((*entries)[1].bytes == "<b/>");
}

TEST_CASE("lot: an entry that climbs out or is absolute is refused, named", "[mock][lot]") {
  CHECK_THAT(refusal({file("a.xml", "<a/>"), file("../../home/x/.bashrc", "echo")}),
             Catch::Contains("../../home/x/.bashrc"));
  CHECK_THAT(refusal({file("/etc/cron.d/evil", "* * * * * root sh")}), Catch::Contains("absolute"));
  CHECK_THAT(refusal({file("lot/../../a.xml", "<a/>")}), Catch::Contains("lot/../../a.xml"));
}

TEST_CASE("lot: links are refused", "[mock][lot]") {
  CHECK_THAT(refusal({symbolic_link("a.xml", "/etc/passwd")}), Catch::Contains("link"));
  CHECK_THAT(refusal({file("a.xml", "<a/>"), hard_link("b.xml", "a.xml")}),
             Catch::Contains("link"));
}

TEST_CASE("lot: a decompression bomb stops at the lot's limit", "[mock][lot]") {
  // 13 files of 9.5 MB of zeros: 124 MB unpacked (over the 120 MB limit)
  // from about 120 KB sent.
  std::vector<Entry> entries;
  entries.reserve(13);
  for (int i = 0; i < 13; ++i)
    entries.push_back(file("zeros" + std::to_string(i) + ".xml", std::string(19 * kMiB / 2, '\0')));
  const std::string lot = archive_of(entries);
  CHECK(lot.size() < kMiB);
  const auto unpacked = unpack_lot(lot);
  const auto* error = std::get_if<LotError>(&unpacked);
  REQUIRE(error != nullptr);
  CHECK_THAT(error->en, Catch::Contains("a lot over 125829120 bytes"));
}

TEST_CASE("a lot entry named in bytes that are not UTF-8 ends the flux rejected", "[mock][lot]") {
  // Its name goes into the report's JSON, which must be UTF-8: before it was
  // refused, the worker failed on it at every tick and the flux never ended.
  MockHarness h;
  h.start();
  const Answer a = h.call("/cpro/factures/v1/deposer/flux",
                          {{"fichierFlux", encode_base64(tar_gz({{"\xe9t\xe9.xml", "<a/>"}}))},
                           {"nomFichier", "lot.tar.gz"},
                           {"syntaxeFlux", "IN_DP_E1_UBL_INVOICE"},
                           {"avecSignature", false}});
  REQUIRE(a.status == 200);
  const json cr = h.wait_for_flux(a.body["numeroFluxDepot"]);
  INFO(cr.dump(2));
  CHECK(cr["etatCourantDepotFlux"] == "IN_REJETE");
  CHECK(cr.dump().find("UTF-8") != std::string::npos);
}

TEST_CASE("nomFichier and pieceJointeNom are names, never paths", "[mock][lot]") {
  MockHarness h;
  h.start();
  for (const std::string name : {"../../etc/passwd", "dossier/facture.xml", "a\r\nb.xml"}) {
    INFO(name);
    const Answer flux = h.call("/cpro/factures/v1/deposer/flux",
                               {{"fichierFlux", encode_base64(valid_ubl("FA-2026-0950"))},
                                {"nomFichier", name},
                                {"syntaxeFlux", "IN_DP_E1_UBL_INVOICE"},
                                {"avecSignature", false}});
    CHECK(flux.status == 400);
    CHECK_THAT(flux.body.value("libelle", ""), Catch::Contains("nomFichier"));
    const Answer attachment = h.call("/cpro/transverses/v1/ajouter/fichier",
                                     {{"pieceJointeNom", name + ".pdf"},
                                      {"pieceJointeExtension", "PDF"},
                                      {"pieceJointeTypeMime", "application/pdf"},
                                      {"pieceJointeFichier", encode_base64("%PDF-1.7\n")}});
    CHECK(attachment.status == 400);
    CHECK_THAT(attachment.body.value("libelle", ""), Catch::Contains("pieceJointeNom"));
  }
  const Answer plain = h.call("/cpro/factures/v1/deposer/flux",
                              {{"fichierFlux", encode_base64(valid_ubl("FA-2026-0951"))},
                               {"nomFichier", "facture FA-2026-0951.xml"},
                               {"syntaxeFlux", "IN_DP_E1_UBL_INVOICE"},
                               {"avecSignature", false}});
  CHECK(plain.status == 200);
}
