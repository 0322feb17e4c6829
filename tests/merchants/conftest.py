"""Fixtures of the merchants' tests: merchants with shops and products, no rate-limit history."""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    # Rate-limit counters live in the (real) cache; each test starts with none.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def account(db):
    from merchants.factories import MerchantAccountFactory

    return MerchantAccountFactory()


@pytest.fixture
def other_account(db):
    from merchants.factories import MerchantAccountFactory

    return MerchantAccountFactory()


@pytest.fixture
def product(account):
    from merchants.factories import DirectProductFactory

    return DirectProductFactory(shop=account.shop, stock=3)


@pytest.fixture
def merchant_client(client, account):
    client.force_login(account.user)
    return client
