#include "cli/rehearse/story_invoices.hpp"

#include <random>
#include <stdexcept>

#include <fmt/core.h>

#include "cli/rehearse/rehearsal_data.hpp"
#include "rules/chorus/identifiers.hpp"

namespace cprokit::cli::rehearse {
namespace {

// What the template says, and what each story invoice changes.
constexpr std::string_view kTemplateSiret = "81234567600017";
constexpr std::string_view kTemplateVat = "FR19812345676";
constexpr std::string_view kTemplateName = "Menuiserie Alpine SARL";
constexpr std::string_view kTemplateNumber = "FA-2026-0042";
constexpr std::string_view kTransportBudget = "20004065700054";
constexpr std::string_view kMainBudget = "20004065700013";
constexpr std::string_view kTransportService = "<cbc:BuyerReference>TRANSPORT-SCOLAIRE<";
constexpr std::string_view kMainService = "<cbc:BuyerReference>SERVICE-TECHNIQUE<";

void replace_all(std::string& text, std::string_view from, std::string_view to) {
  std::size_t at = text.find(from);
  if (at == std::string::npos) {
    throw std::logic_error(fmt::format("invoice template without \"{}\"", from));
  }
  for (; at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
}

// `digits` followed by the digit that makes the whole Luhn-valid.
std::string with_luhn_digit(const std::string& digits) {
  for (char last = '0'; last <= '9'; ++last) {
    if (chorus::luhn_valid(digits + last)) return digits + last;
  }
  throw std::logic_error("no Luhn digit");  // one of ten always fits
}

StoryInvoice from_template(const Supplier& supplier, std::string number) {
  std::string xml(invoice_template());
  const std::string siren = supplier.siret.substr(0, 9);
  replace_all(xml, kTemplateSiret, supplier.siret);
  replace_all(xml, kTemplateVat, "FR" + chorus::fr_vat_key(siren) + siren);
  replace_all(xml, kTemplateName, supplier.raison_sociale);
  replace_all(xml, kTemplateNumber, number);
  return {std::move(number), std::move(xml)};
}

}  // namespace

Supplier fresh_supplier(std::string_view run) {
  std::random_device device;
  // 3 to 9: a company's SIREN (public bodies' start with 1 or 2).
  std::uniform_int_distribution<int> first(3, 9);
  std::uniform_int_distribution<int> digit(0, 9);
  std::string siren = std::to_string(first(device));
  while (siren.size() < 8)
    siren += static_cast<char>('0' + digit(device));
  siren = with_luhn_digit(siren);
  return {with_luhn_digit(siren + "0001"), fmt::format("Menuiserie de repetition {}", run)};
}

StoryInvoice valid_invoice(const Supplier& supplier, std::string_view run) {
  StoryInvoice invoice = from_template(supplier, fmt::format("REP-{}-1", run));
  replace_all(invoice.xml, kTransportBudget, kMainBudget);
  replace_all(invoice.xml, kTransportService, kMainService);
  return invoice;
}

StoryInvoice other_budget_invoice(const Supplier& supplier, std::string_view run) {
  return from_template(supplier, fmt::format("REP-{}-2", run));
}

}  // namespace cprokit::cli::rehearse
