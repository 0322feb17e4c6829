"""Fixtures of the merchants' tests: merchants with shops and products, no rate-limit history,
a real SMTP server that catches the emails."""

import pytest
from django.core.cache import cache

from tests.mail_sink import free_port, start_sink


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


@pytest.fixture
def smtp_sink(settings):
    """A real SMTP server on the loopback (tests/mail_sink.py) that Django sends to."""
    port = free_port()
    controller, mailbox = start_sink(port)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    yield mailbox
    controller.stop()
