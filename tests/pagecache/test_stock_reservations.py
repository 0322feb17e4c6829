"""Stock reserved or given back by a pickup request shows on the cached shop and product pages
at once (issue 19, item 15): the reservation's bulk update() invalidates them like a save."""

from datetime import timedelta

import pytest
from django.utils import timezone

from merchants import pickups
from merchants.factories import DirectProductFactory, MerchantAccountFactory
from tests.conftest import requires_redis

pytestmark = [pytest.mark.django_db, requires_redis]


@pytest.fixture
def page_cache(settings, fresh_generation):
    settings.PAGE_CACHE_ENABLED = True


def test_the_last_item_reserved_shows_out_of_stock_then_back_in_stock_on_decline(
    client, page_cache, home_page, django_capture_on_commit_callbacks
):
    account = MerchantAccountFactory()
    product = DirectProductFactory(shop=account.shop, stock=1, title="Panier de pommes")
    page = product.get_absolute_url()
    assert "En stock" in client.get(page).text
    assert client.get(page)["X-Page-Cache"] == "hit"
    data = {
        "shopper_name": "Alex Martin",
        "shopper_email": "alex@example.org",
        "shopper_phone": "02 47 00 00 00",
        "slot": timezone.now() + timedelta(days=1),
        "quantities": {product.pk: 1},
    }

    with django_capture_on_commit_callbacks(execute=True):
        pickup = pickups.create_request(account, data, "fr", "http://testserver")

    reserved = client.get(page)
    assert reserved["X-Page-Cache"] == "miss"
    assert "Épuisé" in reserved.text

    with django_capture_on_commit_callbacks(execute=True):
        pickups.move(pickup, pickups.Status.DECLINED, "http://testserver", reason="Fermé")

    assert "En stock" in client.get(page).text
