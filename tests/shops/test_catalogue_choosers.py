"""The product chooser of the page editor (issue 17, item 5): rows an editor can tell apart
(shop, town, price, availability), filterable by département, town and sector."""

import pytest
from django.urls import reverse

from shops.factories import ProductFactory, ShopFactory, town
from shops.models import Sector

pytestmark = pytest.mark.django_db


@pytest.fixture
def forestines():
    sweets = Sector.objects.get(slug="produits-frais")
    bourges = ShopFactory(name="Confiserie du Berry", town=town("18033"))
    chartres = ShopFactory(name="Douceurs de Beauce", town=town("28085"))
    ProductFactory(title="Forestines de Bourges", shop=bourges, price="12.50", sector=sweets)
    ProductFactory(title="Forestines de Bourges", shop=chartres, price="9.90", sector=sweets)
    ProductFactory(title="Forestines cachées", shop=bourges, is_hidden=True)
    return bourges, chartres


def test_each_row_shows_shop_town_price_and_availability(admin_client, forestines):
    url = reverse("wagtailsnippetchoosers_shops_product:choose")
    html = admin_client.get(url, {"q": "forestine"}).json()["html"]
    for text in ("Confiserie du Berry", "Bourges (18)", "12,50 €", "Douceurs de Beauce"):
        assert text in html
    assert "Chartres (28)" in html and "En stock" in html
    # What the public does not see cannot be picked for a page.
    assert "Forestines cachées" not in html


def test_the_chooser_filters_by_departement_town_and_sector(admin_client, forestines):
    bourges, chartres = forestines
    url = reverse("wagtailsnippetchoosers_shops_product:choose_results")
    by_departement = admin_client.get(url, {"q": "forestine", "departement": "18"})
    html = by_departement.content.decode()
    assert "Confiserie du Berry" in html and "Douceurs de Beauce" not in html
    by_town = admin_client.get(url, {"town": chartres.town_id}).content.decode()
    assert "Douceurs de Beauce" in by_town and "Confiserie du Berry" not in by_town
    florists = Sector.objects.get(slug="fleuriste")
    assert "Forestines" not in admin_client.get(url, {"sector": florists.pk}).content.decode()


def test_the_shop_chooser_shows_town_and_filters_by_town(admin_client, forestines):
    bourges, chartres = forestines
    url = reverse("wagtailsnippetchoosers_shops_shop:choose_results")
    html = admin_client.get(url, {"town": bourges.town_id}).content.decode()
    assert "Confiserie du Berry" in html and "Bourges (18)" in html
    assert "Douceurs de Beauce" not in html
