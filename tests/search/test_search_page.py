"""The search page finds listed shops and products, by town, on the engine or its fallback."""

import pytest
from django.conf import settings
from wagtail.search.backends import get_search_backend

from search.indexing import drain_outbox
from shops.factories import ProductFactory, ShopFactory, town
from shops.models import Product, Shop

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(home_page):
    for alias in settings.WAGTAILSEARCH_BACKENDS:
        backend = get_search_backend(alias)
        for model in (Shop, Product):
            index = backend.get_index_for_model(model)
            index.reset()
            index.add_model(model)
    tours, bourges = town("37261"), town("18033")
    chocolatier = ShopFactory(name="Chocolaterie Royale", town=tours)
    ProductFactory(shop=chocolatier, title="Chocolats fins assortis")
    ShopFactory(name="Chocolaterie du Palais", town=bourges)
    ShopFactory(name="Chocolaterie fermée", town=tours, is_active=False)
    drain_outbox()
    for alias in settings.WAGTAILSEARCH_BACKENDS:
        backend = get_search_backend(alias)
        if hasattr(backend, "es"):
            for model in (Shop, Product):
                backend.get_index_for_model(model).refresh()
    return tours


def test_finds_listed_shops_and_products(client, catalogue):
    response = client.get("/fr/recherche/", {"q": "chocolaterie"})
    assert response.status_code == 200
    names = [shop.name for shop in response.context["results"].shops]
    assert sorted(names) == ["Chocolaterie Royale", "Chocolaterie du Palais"]
    assert not response.context["results"].degraded


def test_filters_by_town(client, catalogue):
    shops = client.get("/fr/recherche/", {"q": "chocolaterie", "town": "37261"})
    assert [shop.name for shop in shops.context["results"].shops] == ["Chocolaterie Royale"]
    products = client.get("/fr/recherche/", {"q": "chocolats", "town": "18033"})
    assert products.context["results"].products == []
    products = client.get("/fr/recherche/", {"q": "chocolats", "town": "37261"})
    titles = [product.title for product in products.context["results"].products]
    assert titles == ["Chocolats fins assortis"]


def test_the_english_page_has_its_own_path(client, catalogue):
    assert client.get("/en/search/", {"q": "chocolaterie"}).status_code == 200


def test_an_unreachable_engine_degrades_to_the_database(client, catalogue, settings):
    if "fallback" not in settings.WAGTAILSEARCH_BACKENDS:
        pytest.skip("the embedded default has no separate engine to lose")
    backends = {name: dict(conf) for name, conf in settings.WAGTAILSEARCH_BACKENDS.items()}
    backends["default"]["URLS"] = ["http://127.0.0.1:9"]  # nothing listens there
    settings.WAGTAILSEARCH_BACKENDS = backends
    response = client.get("/fr/recherche/", {"q": "chocolaterie"})
    assert response.status_code == 200
    assert response.context["results"].degraded
    assert "résultats peuvent être incomplets" in response.content.decode()
    assert len(response.context["results"].shops) == 2
