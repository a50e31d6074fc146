#include "rules/chorus/document_name.hpp"

#include <cctype>
#include <string>

#include <fmt/core.h>

namespace cprokit::chorus {
namespace {

// Lower-case ASCII letters and digits only: "Société Dupont & Fils" -> "societedupontfils".
// Accented Latin letters (two bytes in UTF-8) become their base letter.
std::string comparable(std::string_view text) {
  // Latin-1 supplement letters à..ÿ / À..Þ by their second UTF-8 byte (after 0xC3).
  constexpr std::string_view kBase = "aaaaaaaceeeeiiiidnooooo/ouuuuyty";
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (std::isalnum(c)) {
      out += static_cast<char>(std::tolower(c));
    } else if (c == 0xC3 && i + 1 < text.size()) {
      const auto next = static_cast<unsigned char>(text[++i]);
      const unsigned index = (next & 0x1FU);  // À (0x80) and à (0xA0) share a slot
      if (next == 0x9F) {
        out += "ss";  // ß
      } else if (next >= 0x80 && next <= 0xBF && kBase[index] != '/') {
        out += kBase[index];
        if (index == 6) out += 'e';  // æ
      }
    } else if (c == 0xC5 && i + 1 < text.size() &&
               (text[i + 1] == '\x92' || text[i + 1] == '\x93')) {
      out += "oe";  // Œ œ
      ++i;
    }
  }
  return out;
}

}  // namespace

std::optional<Message> document_name_problem(std::string_view document_name,
                                             std::string_view supplier, std::string_view number) {
  const std::string name = comparable(document_name);
  const bool has_supplier = name.find(comparable(supplier)) != std::string::npos;
  const bool has_number = name.find(comparable(number)) != std::string::npos;
  if (has_supplier && has_number) return std::nullopt;
  const std::string_view missing_fr = !has_supplier && !has_number
                                          ? "ni le nom du fournisseur ni le numéro de facture"
                                      : !has_supplier ? "pas le nom du fournisseur"
                                                      : "pas le numéro de facture";
  const std::string_view missing_en = !has_supplier && !has_number
                                          ? "neither the supplier's name nor the invoice number"
                                      : !has_supplier ? "not the supplier's name"
                                                      : "not the invoice number";
  return Message{fmt::format("Le nom du document « {} » ne contient {} : Chorus Pro le présente "
                             "comme « société/n° facture », par exemple « {}_{} » (majuscules, "
                             "accents et ponctuation ignorés ; _, - ou espace pour le /).",
                             document_name, missing_fr, supplier, number),
                 fmt::format("The document name \"{}\" contains {}: Chorus Pro shows it as "
                             "\"company/invoice number\", e.g. \"{}_{}\" (case, accents and "
                             "punctuation ignored; _, - or a space for the /).",
                             document_name, missing_en, supplier, number)};
}

}  // namespace cprokit::chorus
