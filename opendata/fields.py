"""The columns of the open shop directory, described once for the files and the page that
documents them. Nothing personal: no merchant name, email, phone or SIRET."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

LICENCE_NAME = "Licence Ouverte 2.0 (Etalab)"
LICENCE_URL = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"


@dataclass(frozen=True)
class DirectoryField:
    name: str
    kind: str
    description: str


FIELDS = [
    DirectoryField("id", "integer", _("Identifiant stable du commerce sur le portail.")),
    DirectoryField("nom", "string", _("Nom commercial (enseigne) du commerce.")),
    DirectoryField("adresse", "string", _("Adresse de la boutique.")),
    DirectoryField("code_postal", "string", _("Code postal de la boutique.")),
    DirectoryField("commune", "string", _("Nom de la commune.")),
    DirectoryField("code_insee", "string", _("Code INSEE de la commune (COG).")),
    DirectoryField("departement", "string", _("Code du département.")),
    DirectoryField(
        "secteurs", "string", _("Identifiants des secteurs d'activité, séparés par « | ».")
    ),
    DirectoryField("retrait_en_boutique", "boolean", _("Retrait en boutique proposé.")),
    DirectoryField("livraison", "boolean", _("Livraison proposée.")),
    DirectoryField("site_web", "string", _("Site web du commerce.")),
    DirectoryField("page_portail", "string", _("Adresse de la fiche sur Local d'abord !.")),
    DirectoryField("latitude", "number", _("Latitude WGS 84 (celle de la commune à défaut).")),
    DirectoryField("longitude", "number", _("Longitude WGS 84 (celle de la commune à défaut).")),
    DirectoryField(
        "place_de_marche",
        "string",
        _("Place de marché partenaire d'origine, vide si inscrit directement."),
    ),
    DirectoryField(
        "places_de_marche",
        "string",
        _(
            "Toutes les places de marché partenaires où le commerce vend, séparées par « | » "
            "(un commerce listé par plusieurs n'a qu'une ligne)."
        ),
    ),
    DirectoryField("mis_a_jour", "string", _("Date de dernière mise à jour (ISO 8601).")),
]

FIELD_NAMES = [field.name for field in FIELDS]
