"""Plain-text emails read as typed: names with an apostrophe, "<" or "&" are not HTML-escaped,
while the HTML pages showing the same names stay escaped."""

import pytest

from merchants import applications, pickups
from merchants.factories import MerchantAccountFactory, PickupRequestFactory
from merchants.models import MerchantApplication
from shops.factories import town
from shops.models import Sector

NAME = "L'Atelier <Dupont> & Fils"
ESCAPED = ("&#x27;", "&#39;", "&lt;", "&gt;", "&amp;")


def assert_as_typed(text: str, expected: str) -> None:
    assert expected in text
    assert not any(entity in text for entity in ESCAPED), text


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "en"])
def test_pickup_emails_name_the_shop_and_the_reason_as_typed(smtp_sink, language):
    account = MerchantAccountFactory(shop__name=NAME)
    pickup = PickupRequestFactory(shop=account.shop, language=language, status="pending")
    pickups.move(pickup, "declined", "http://127.0.0.1:8000", reason="Rupture & stock < 2")
    message = smtp_sink.last_to("alex@example.org")
    assert_as_typed(message["Subject"], NAME)
    body = message.get_body().get_content()
    assert_as_typed(body, NAME)
    assert "Rupture & stock < 2" in body


@pytest.mark.django_db
def test_the_sign_up_confirmation_names_the_business_as_typed(smtp_sink):
    application = MerchantApplication.objects.create(
        business_name=NAME,
        siret="73282932000074",
        sector=Sector.objects.order_by("pk").first(),
        address="3 place Plumereau",
        postal_code="37000",
        town=town(),
        contact_name="Anne-Marie O'Neill",
        email="anne@example.org",
        phone="0247000000",
        opening_hours={},
        terms_accepted_at="2026-11-20T10:00:00Z",
    )
    applications.submit(application, "http://127.0.0.1:8000")
    body = smtp_sink.last_to("anne@example.org").get_body().get_content()
    assert_as_typed(body, NAME)
    assert "Anne-Marie O'Neill" in body


@pytest.mark.django_db
def test_html_pages_still_escape_the_same_name(client):
    account = MerchantAccountFactory(shop__name=NAME)
    page = client.get(account.shop.get_absolute_url())
    assert page.status_code == 200
    assert "L&#x27;Atelier &lt;Dupont&gt; &amp; Fils" in page.text
    assert NAME not in page.text
