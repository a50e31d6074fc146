// The fields of a deposit request (API.md §3.4), as the API spells them.
#include <array>
#include <memory>

#include "validators/readers/json_fields.hpp"
#include "validators/readers/readers.hpp"

namespace cprokit::readers {
namespace {

using D = DepositRequest;

constexpr std::array<Field<D::Cadre>, 3> kCadre{{
    {"codeCadreFacturation", text_field<D::Cadre, &D::Cadre::code_cadre_facturation>},
    {"codeStructureValideur", text_field<D::Cadre, &D::Cadre::code_structure_valideur>},
    {"codeServiceValideur", text_field<D::Cadre, &D::Cadre::code_service_valideur>},
}};

constexpr std::array<Field<D::Destinataire>, 2> kDestinataire{{
    {"codeDestinataire", text_field<D::Destinataire, &D::Destinataire::code_destinataire>},
    {"codeServiceExecutant", text_field<D::Destinataire, &D::Destinataire::code_service_executant>},
}};

constexpr std::array<Field<D::Fournisseur>, 3> kFournisseur{{
    {"idFournisseur", number_field<D::Fournisseur, &D::Fournisseur::id_fournisseur>},
    {"idServiceFournisseur", number_field<D::Fournisseur, &D::Fournisseur::id_service_fournisseur>},
    {"codeCoordonneesBancairesFournisseur",
     number_field<D::Fournisseur, &D::Fournisseur::code_coordonnees_bancaires>},
}};

constexpr std::array<Field<D::References>, 8> kReferences{{
    {"deviseFacture", text_field<D::References, &D::References::devise_facture>},
    {"typeFacture", text_field<D::References, &D::References::type_facture>},
    {"typeTva", text_field<D::References, &D::References::type_tva>},
    {"modePaiement", text_field<D::References, &D::References::mode_paiement>},
    {"motifExonerationTva", text_field<D::References, &D::References::motif_exoneration_tva>},
    {"numeroMarche", text_field<D::References, &D::References::numero_marche>},
    {"numeroBonCommande", text_field<D::References, &D::References::numero_bon_commande>},
    {"numeroFactureOrigine", text_field<D::References, &D::References::numero_facture_origine>},
}};

using Poste = D::LignePoste;
constexpr std::array<Field<Poste>, 9> kLignePoste{{
    {"lignePosteNumero", unchecked_field<Poste>},
    {"lignePosteReference", text_field<Poste, &Poste::reference>},
    {"lignePosteDenomination", text_field<Poste, &Poste::denomination>},
    {"lignePosteQuantite", number_field<Poste, &Poste::quantite>},
    {"lignePosteUnite", text_field<Poste, &Poste::unite>},
    {"lignePosteMontantUnitaireHT", number_field<Poste, &Poste::montant_unitaire_ht>},
    {"lignePosteMontantRemiseHT", number_field<Poste, &Poste::montant_remise_ht>},
    {"lignePosteTauxTva", text_field<Poste, &Poste::taux_tva>},
    {"lignePosteTauxTvaManuel", number_field<Poste, &Poste::taux_tva_manuel>},
}};

using Tva = D::LigneTva;
constexpr std::array<Field<Tva>, 4> kLigneTva{{
    {"ligneTvaTaux", text_field<Tva, &Tva::taux>},
    {"ligneTvaTauxManuel", number_field<Tva, &Tva::taux_manuel>},
    {"ligneTvaMontantBaseHtParTaux", number_field<Tva, &Tva::montant_base_ht>},
    {"ligneTvaMontantTvaParTaux", number_field<Tva, &Tva::montant_tva>},
}};

using Total = D::MontantTotal;
constexpr std::array<Field<Total>, 6> kMontantTotal{{
    {"montantHtTotal", number_field<Total, &Total::ht_total>},
    {"montantTVA", number_field<Total, &Total::tva>},
    {"montantTtcTotal", number_field<Total, &Total::ttc_total>},
    {"montantRemiseGlobaleTTC", number_field<Total, &Total::remise_globale_ttc>},
    {"motifRemiseGlobaleTTC", text_field<Total, &Total::motif_remise_globale_ttc>},
    {"montantAPayer", number_field<Total, &Total::a_payer>},
}};

using Piece = D::PieceJointePrincipale;
constexpr std::array<Field<Piece>, 2> kPieceJointePrincipale{{
    {"pieceJointePrincipaleDesignation", text_field<Piece, &Piece::designation>},
    {"pieceJointePrincipaleId", unchecked_field<Piece>},
}};

// The complementary attachments are only referenced by id: no rule reads them.
constexpr std::array<Field<D>, 14> kRequest{{
    {"modeDepot", text_field<D, &D::mode_depot>},
    {"idUtilisateurCourant", unchecked_field<D>},
    {"numeroFactureSaisi", text_field<D, &D::numero_facture_saisi>},
    {"dateFacture", text_field<D, &D::date_facture>},
    {"commentaire", unchecked_field<D>},
    {"cadreDeFacturation", object_field<D, D::Cadre, &D::cadre, kCadre>},
    {"destinataire", object_field<D, D::Destinataire, &D::destinataire, kDestinataire>},
    {"fournisseur", object_field<D, D::Fournisseur, &D::fournisseur, kFournisseur>},
    {"references", object_field<D, D::References, &D::references, kReferences>},
    {"lignePoste", array_field<D, Poste, &D::lignes_poste, kLignePoste>},
    {"ligneTva", array_field<D, Tva, &D::lignes_tva, kLigneTva>},
    {"montantTotal", optional_object_field<D, Total, &D::montant_total, kMontantTotal>},
    {"pieceJointePrincipale",
     array_field<D, Piece, &D::pieces_jointes_principales, kPieceJointePrincipale>},
    {"pieceJointeComplementaire", unchecked_field<D>},
}};

}  // namespace

DepositRequest read_deposit_request(const json::Value& root, std::vector<Finding>& findings) {
  DepositRequest request;
  auto paths = std::make_shared<SourcePaths>();
  JsonFields fields(*paths, findings);
  read_object(fields, Place{root, nullptr}, request, kRequest);
  request.paths = std::move(paths);
  return request;
}

}  // namespace cprokit::readers
