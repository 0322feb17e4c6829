"""A merchant who leaves tells the shoppers still waiting for a pickup (issue 19, item 14)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from merchants import pickups
from merchants.factories import DirectProductFactory
from merchants.models import PickupRequest

pytestmark = pytest.mark.django_db


def reserve(account, product, email, language="fr"):
    data = {
        "shopper_name": "Camille Petit",
        "shopper_email": email,
        "shopper_phone": "02 38 00 00 00",
        "slot": timezone.now() + timedelta(days=1),
        "quantities": {product.pk: 1},
    }
    return pickups.create_request(account, data, language, "http://testserver")


def test_deleting_a_merchant_tells_the_shoppers_of_open_requests_then_deletes(
    merchant_client, account
):
    product = DirectProductFactory(shop=account.shop, stock=5, title="Confiture de coings")
    reserve(account, product, "waiting@example.org")
    reserve(account, product, "english@example.org", language="en")
    done = reserve(account, product, "collected@example.org")
    for status in ("accepted", "ready", "collected"):
        pickups.move(done, status, "http://testserver")
    mail.outbox.clear()

    merchant_client.post("/fr/espace-commercant/supprimer/", {"confirm": "yes"})

    assert not PickupRequest.objects.exists()
    told = {message.to[0]: message for message in mail.outbox}
    assert set(told) == {"waiting@example.org", "english@example.org"}
    french, english = told["waiting@example.org"], told["english@example.org"]
    assert "annulée" in french.subject and account.shop.name in french.subject
    assert "Confiture de coings" in french.body
    assert "cancelled" in english.subject and "nobody will prepare it" in english.body
    assert "/retrait/" not in french.body  # no link to a status page that no longer exists
