"""Fixtures of the merchants' tests: merchants with shops and products, no rate-limit history,
a real SMTP server that catches the emails."""

import email
import email.policy
import re
import socket

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


class Mailbox:
    """An aiosmtpd handler that keeps every message it receives."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(
            email.message_from_bytes(envelope.content, policy=email.policy.default)
        )
        return "250 Message accepted for delivery"

    def last_to(self, address: str):
        found = [m for m in self.messages if address in m["To"]]
        assert found, f"no email to {address} among {[m['To'] for m in self.messages]}"
        return found[-1]

    def link_to(self, address: str) -> str:
        body = self.last_to(address).get_body().get_content()
        return re.search(r"https?://\S+", body).group(0)


@pytest.fixture
def smtp_sink(settings):
    from aiosmtpd.controller import Controller

    mailbox = Mailbox()
    with socket.socket() as probe:  # a free port: aiosmtpd checks its own port after starting
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    yield mailbox
    controller.stop()
