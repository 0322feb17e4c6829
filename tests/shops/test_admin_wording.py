"""The catalogue admin in the editors' words (issue 17, item 8)."""

import pytest
from django.urls import reverse
from django.utils import translation

from shops.factories import MarketplaceFactory, ShopFactory
from shops.town_names import town_phrases

pytestmark = pytest.mark.django_db


def test_list_columns_say_oui_and_non_rather_than_true_and_false(admin_client):
    ShopFactory(name="Cave des Coteaux", click_and_collect=True, is_hidden=False)
    html = admin_client.get(reverse("wagtailsnippets_shops_shop:list")).content.decode()
    assert "Oui" in html and "Non" in html
    assert ">True<" not in html and ">False<" not in html and "True\n" not in html


@pytest.mark.parametrize(
    "url_name, label",
    [
        ("wagtailsnippets_shops_shop:list", "Ajouter un commerce"),
        ("wagtailsnippets_shops_town:list", "Ajouter une commune"),
    ],
)
def test_add_buttons_agree_with_the_models_gender(admin_client, url_name, label):
    html = admin_client.get(reverse(url_name)).content.decode()
    assert label in html and "un(e)" not in html


def test_records_only_imports_write_offer_no_add(admin_client):
    response = admin_client.get(reverse("wagtailsnippets_shops_quarantinedrecord:list"))
    html = response.content.decode()
    assert "en ajouter" not in html and "fiche en quarantaine</a>" not in html
    assert reverse("wagtailsnippets_shops_quarantinedrecord:add") not in html
    add = admin_client.get(reverse("wagtailsnippets_shops_quarantinedrecord:add"))
    assert add.status_code in (302, 403)


def test_corrected_fields_are_shown_by_their_labels(admin_client):
    shop = ShopFactory(marketplace=MarketplaceFactory(), locked_fields=["sectors", "name"])
    url = reverse("wagtailsnippets_shops_shop:edit", args=[shop.pk])
    html = admin_client.get(url).content.decode()
    assert "Secteurs, nom" in html
    assert "[&#x27;sectors&#x27;" not in html and "['sectors'" not in html


def test_locales_are_called_languages_in_the_french_admin(admin_client):
    with translation.override("fr"):
        html = admin_client.get("/admin/locales/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Langues" in html and "Régions" not in html


@pytest.mark.parametrize(
    "town, of_town",
    [
        ("Orléans", "d'Orléans"),
        ("Amboise", "d'Amboise"),
        ("Tours", "de Tours"),
        ("Le Blanc", "du Blanc"),
        ("Les Aix-d'Angillon", "des Aix-d'Angillon"),
        ("La Châtre", "de La Châtre"),
    ],
)
def test_town_names_in_a_sentence(town, of_town):
    assert town_phrases(town)["of_town"] == of_town


def test_the_translation_editors_publish_button_keeps_its_space(admin_client):
    """ "Publier dansAnglais": the button's words come from the admin's JavaScript catalogue."""
    catalogue = admin_client.get("/admin/jsi18n/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert '"Publish in ": "Publier : "' in catalogue
