"""Editors find every shop, product and town in the admin listings (issue 17, item 1): by each
word of a name, a SIRET, a GTIN, an INSEE code or a town, hidden and inactive records included.
"""

import pytest
from django.urls import reverse

from shops.factories import ProductFactory, ShopFactory, town

pytestmark = pytest.mark.django_db

BOURGES, CHARTRES = "18033", "28085"


def listed_names(response):
    assert response.status_code == 200
    return {str(item) for item in response.context["object_list"]}


@pytest.fixture
def shops():
    return {
        "cave": ShopFactory(name="La Cave du Berry", siret="73282932000074", town=town(BOURGES)),
        "hidden": ShopFactory(name="Cave cachée", is_hidden=True, town=town(CHARTRES)),
        "gone": ShopFactory(name="Ancienne cave", is_active=False, town=town(BOURGES)),
        "florist": ShopFactory(name="Fleurs d'Eure", town=town(CHARTRES)),
    }


@pytest.mark.parametrize(
    "query, expected",
    [
        ("Cave", {"La Cave du Berry", "Cave cachée", "Ancienne cave"}),
        ("73282932000074", {"La Cave du Berry"}),
        ("cave bourges", {"La Cave du Berry", "Ancienne cave"}),
        ("chartres", {"Cave cachée", "Fleurs d'Eure"}),
    ],
)
def test_shops_are_found_by_name_siret_and_town(admin_client, shops, query, expected):
    url = reverse("wagtailsnippets_shops_shop:list")
    assert listed_names(admin_client.get(url, {"q": query})) == expected
    # The listing's own search box answers through the results view, as the browser asks it.
    results = admin_client.get(reverse("wagtailsnippets_shops_shop:list_results"), {"q": query})
    assert listed_names(results) == expected


def test_products_are_found_by_title_and_gtin_hidden_ones_included(admin_client, shops):
    ProductFactory(title="Miel de châtaignier", gtin="3760012345678", shop=shops["cave"])
    ProductFactory(title="Miel de tilleul", is_hidden=True, shop=shops["florist"])
    ProductFactory(title="Bouquet de saison", shop=shops["florist"])
    url = reverse("wagtailsnippets_shops_product:list")
    assert listed_names(admin_client.get(url, {"q": "miel"})) == {
        "Miel de châtaignier",
        "Miel de tilleul",
    }
    assert listed_names(admin_client.get(url, {"q": "3760012345678"})) == {"Miel de châtaignier"}


def test_towns_are_found_by_name_insee_code_and_postal_code(admin_client):
    url = reverse("wagtailsnippets_shops_town:list")
    assert "Tours (37)" in listed_names(admin_client.get(url, {"q": "tours"}))
    assert listed_names(admin_client.get(url, {"q": "18033"})) == {"Bourges (18)"}
    assert "Chartres (28)" in listed_names(admin_client.get(url, {"q": "28000"}))
