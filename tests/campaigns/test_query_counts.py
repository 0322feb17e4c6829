"""Listing pages run a fixed number of queries, however many shops and products they list."""

import pytest
from django.core.cache import cache

from campaigns.factories import (
    CampaignPageFactory,
    SeasonalGuidePageFactory,
    SectorPageFactory,
    TownPageFactory,
)
from shops.factories import ProductFactory, ShopFactory, town
from shops.models import Sector

pytestmark = pytest.mark.django_db

# Measured on SQLite with the skeleton (menus, translations); the same for 3 or 30 shops.
MAX_QUERIES = 30


def catalogue(count):
    toys = Sector.objects.get(slug="jouets")
    shops = ShopFactory.create_batch(count, town=town(), sectors=[toys])
    products = [ProductFactory(shop=shop, sector=toys) for shop in shops]
    return toys, shops, products


def assert_constant(client, url, django_assert_max_num_queries):
    client.get(url)  # first request warms Wagtail's site and locale caches
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(url)
    assert response.status_code == 200
    return response


@pytest.mark.parametrize("count", [3, 30])
def test_town_page(client, town_index, count, django_assert_max_num_queries):
    catalogue(count)
    page = TownPageFactory(parent=town_index, town=town())
    response = assert_constant(client, page.url, django_assert_max_num_queries)
    assert response.content.decode().count('class="card shop-card"') == min(count, 24)


@pytest.mark.parametrize("count", [3, 30])
def test_sector_page(client, sector_index, count, django_assert_max_num_queries):
    toys, *_ = catalogue(count)
    page = SectorPageFactory(parent=sector_index, sector=toys)
    assert_constant(client, page.url, django_assert_max_num_queries)


@pytest.mark.parametrize("count", [3, 30])
def test_guide_page(client, guide_index, count, django_assert_max_num_queries):
    _toys, shops, products = catalogue(count)
    selection = [("product", {"product": p, "note": "Bien."}) for p in products]
    selection += [("shop", {"shop": s, "note": "Bien."}) for s in shops]
    page = SeasonalGuidePageFactory(parent=guide_index, selection=selection)
    response = assert_constant(client, page.url, django_assert_max_num_queries)
    assert response.content.decode().count('class="guide-entry"') == 2 * count


@pytest.mark.parametrize("count", [3, 30])
def test_campaign_and_home_pages(client, campaign_index, count, django_assert_max_num_queries):
    _toys, shops, _products = catalogue(count)
    page = CampaignPageFactory(
        parent=campaign_index,
        body=[
            ("featured_shops", {"heading": "", "shops": shops}),
            ("featured_products", {"selection": "rule", "products": [], "limit": 24}),
            ("shop_map", {"heading": "Carte", "town": None, "sector": None}),
        ],
    )
    cache.clear()
    assert_constant(client, page.url, django_assert_max_num_queries)
    assert_constant(client, "/fr/", django_assert_max_num_queries)
