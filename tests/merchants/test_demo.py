"""The demo merchant: loaded twice without duplicates, and able to log in and take requests."""

import pytest

from merchants.demo import DEMO_EMAIL, build_demo_merchant
from merchants.models import MerchantAccount
from shops.models import Product


@pytest.mark.django_db
def test_the_demo_merchant_is_idempotent_and_can_log_in(client):
    build_demo_merchant("premier-mot-de-passe")
    account = build_demo_merchant("second-mot-de-passe")
    assert MerchantAccount.objects.count() == 1
    assert Product.objects.filter(shop=account.shop, marketplace__isnull=True).count() == 3
    assert client.login(username=DEMO_EMAIL, password="second-mot-de-passe")
    assert client.get("/fr/espace-commercant/").status_code == 200
    assert client.get(f"/fr/commerces/{account.shop.slug}/retrait/").status_code == 200
