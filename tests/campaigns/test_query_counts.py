"""Listing pages run a fixed number of queries, however many shops and products they list.

Exact counts, measured on PostgreSQL with the site skeleton (menus, translations) and the
same for 5 and 50 shops: a new query per shop or product shows up as a failure here.
"""

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

# The frame of every page (site, locale, menus, breadcrumbs, language alternates) is part of
# each count; the listing itself adds the same few queries whatever its length.
# One more per list of shops: their other records ("aussi sur …", shops.queries.with_other_records).
QUERIES = {"town": 24, "sector": 22, "guide": 19, "campaign": 21, "home": 24, "shop": 12}


def catalogue(count):
    toys = Sector.objects.get(slug="jouets")
    shops = ShopFactory.create_batch(count, town=town(), sectors=[toys])
    products = [ProductFactory(shop=shop, sector=toys) for shop in shops]
    return toys, shops, products


def assert_constant(client, url, page, django_assert_num_queries):
    client.get(url)  # first request warms Wagtail's site and locale caches
    with django_assert_num_queries(QUERIES[page]):
        response = client.get(url)
    assert response.status_code == 200
    return response


@pytest.mark.parametrize("count", [5, 50])
def test_town_page(client, town_index, count, django_assert_num_queries):
    catalogue(count)
    page = TownPageFactory(parent=town_index, town=town())
    response = assert_constant(client, page.url, "town", django_assert_num_queries)
    assert response.content.decode().count('class="card shop-card"') == min(count, 24)


@pytest.mark.parametrize("count", [5, 50])
def test_sector_page(client, sector_index, count, django_assert_num_queries):
    toys, *_ = catalogue(count)
    page = SectorPageFactory(parent=sector_index, sector=toys)
    assert_constant(client, page.url, "sector", django_assert_num_queries)


@pytest.mark.parametrize("count", [5, 50])
def test_guide_page(client, guide_index, count, django_assert_num_queries):
    _toys, shops, products = catalogue(count)
    selection = [("product", {"product": p, "note": "Bien."}) for p in products]
    selection += [("shop", {"shop": s, "note": "Bien."}) for s in shops]
    page = SeasonalGuidePageFactory(parent=guide_index, selection=selection)
    response = assert_constant(client, page.url, "guide", django_assert_num_queries)
    assert response.content.decode().count('class="guide-entry"') == 2 * count


@pytest.mark.parametrize("count", [5, 50])
def test_campaign_and_home_pages(client, campaign_index, count, django_assert_num_queries):
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
    assert_constant(client, page.url, "campaign", django_assert_num_queries)
    assert_constant(client, "/fr/", "home", django_assert_num_queries)


@pytest.mark.parametrize("count", [5, 50])
def test_shop_page(client, home_page, count, django_assert_num_queries):
    shop = ShopFactory(town=town())
    ProductFactory.create_batch(count, shop=shop)
    response = assert_constant(client, shop.get_absolute_url(), "shop", django_assert_num_queries)
    assert response.content.decode().count('class="card product-card"') == min(count, 48)
