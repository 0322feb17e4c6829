"""Mail goes through the real Celery worker after the commit, and an SMTP server that is down
decides nothing (issue 19, item 9): the reservation stands, the expiry goes on, and the emails
arrive once the server is back. The worker sends to WORKER_SMTP_PORT (tests/conftest.py),
where nothing listens until a test starts its sink."""

from datetime import timedelta

import pytest
from django.utils import timezone

from merchants import pickups
from merchants.factories import DirectProductFactory, MerchantAccountFactory
from merchants.models import PickupRequest
from tests.conftest import WORKER_SMTP_PORT, requires_redis
from tests.mail_sink import start_sink

from .test_pickups import request_data, url

pytestmark = [requires_redis, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def smtp_down(settings):
    """The site's own process sends there too: before mail was queued, it sent in the request."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = WORKER_SMTP_PORT
    sinks = []

    def bring_back():
        controller, mailbox = start_sink(WORKER_SMTP_PORT)
        sinks.append(controller)
        return mailbox

    yield bring_back
    for controller in sinks:
        controller.stop()


def test_a_reservation_stands_while_smtp_is_down_and_its_emails_arrive_after(
    celery_worker, smtp_down, client, home_page
):
    account = MerchantAccountFactory()
    product = DirectProductFactory(shop=account.shop, stock=3)

    response = client.post(url(account), request_data(product, quantity=2))

    assert response.status_code == 302
    pickup = PickupRequest.objects.get()
    assert client.get(response.url).status_code == 200  # the status link works
    product.refresh_from_db()
    assert product.stock == 1

    mailbox = smtp_down()  # the server is back: the retries deliver
    shopper, merchant = (
        mailbox.wait_for(1, 90, lambda m, to=to: to in m["To"])[0]
        for to in ("alex@example.org", account.user.email)
    )
    assert mailbox.link_to("alex@example.org").endswith(f"/fr/retrait/{pickup.token}/")
    assert "retrait" in shopper["Subject"].lower() and merchant["Subject"]


def test_the_expiry_goes_on_while_smtp_is_down(celery_worker, smtp_down, settings):
    settings.PICKUP_EXPIRY_HOURS = 24
    account = MerchantAccountFactory()
    products = [DirectProductFactory(shop=account.shop, stock=2) for _ in range(2)]
    for n, product in enumerate(products):
        data = {
            "shopper_name": f"Client n° {n}",
            "shopper_email": f"client{n}@example.org",
            "shopper_phone": "02 47 00 00 00",
            "slot": timezone.now() + timedelta(days=1),
            "quantities": {product.pk: 2},
        }
        pickups.create_request(account, data, "fr", "http://testserver")

    expired = pickups.expire_overdue(now=timezone.now() + timedelta(hours=25))

    assert expired == 2  # the first email's failure stopped nothing
    assert set(PickupRequest.objects.values_list("status", flat=True)) == {"expired"}
    assert [p.stock for p in type(products[0]).objects.filter(pk__in=[p.pk for p in products])] == [
        2,
        2,
    ]
    mailbox = smtp_down()
    mailbox.wait_for(2, 90, lambda m: "expiré" in m["Subject"])
