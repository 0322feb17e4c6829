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


@pytest.fixture(autouse=True)
def mail_sent_in_process(request, monkeypatch):
    """Emails go to Celery once the request's transaction commits (merchants/emails.py). A test
    wrapped in a transaction that never commits, with no worker, reads them from mail.outbox:
    the task runs in-process, at once. Transactional tests keep the real after-commit, and
    tests with the real worker (tests/merchants/test_mail_queue.py) keep everything real."""
    if "celery_worker" in request.fixturenames:
        return
    from merchants import emails
    from portal.celery import app

    marker = request.node.get_closest_marker("django_db")
    if not (marker and marker.kwargs.get("transaction")):
        monkeypatch.setattr(emails, "after_commit", lambda callback: callback())
    monkeypatch.setattr(app.conf, "task_always_eager", True)
