"""Click and collect: reserving stock, impossible slots, the merchant's answers, expiry, purge."""

import datetime as dt
import threading
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase as HypothesisTestCase

from merchants import pickups
from merchants.factories import DirectProductFactory, MerchantAccountFactory, PickupRequestFactory
from merchants.models import PickupRequest
from search.models import IndexOutbox
from shops.factories import MarketplaceFactory, ProductFactory, ShopFactory

PARIS = dt.timezone(dt.timedelta(hours=1))


def next_weekday_at(hour: int, days: int = 2):
    day = (timezone.localtime() + timedelta(days=days)).date()
    return day, dt.time(hour, 0)


def request_data(product, quantity=1, **overrides):
    day, at = next_weekday_at(11)
    data = {
        f"quantity_{product.pk}": str(quantity),
        "slot_date": day.isoformat(),
        "slot_time": at.strftime("%H:%M"),
        "shopper_name": "Alex Martin",
        "shopper_email": "alex@example.org",
        "shopper_phone": "06 12 34 56 78",
    }
    data.update(overrides)
    return data


def url(account):
    return f"/fr/commerces/{account.shop.slug}/retrait/"


@pytest.mark.django_db
def test_a_request_reserves_stock_and_sends_the_shopper_to_a_secret_status_page(
    client, account, product
):
    IndexOutbox.objects.all().delete()
    response = client.post(url(account), request_data(product, quantity=2))
    assert response.status_code == 302
    pickup = PickupRequest.objects.get()
    assert response.url == f"/fr/retrait/{pickup.token}/"
    assert pickup.status == "pending" and pickup.lines.get().quantity == 2
    product.refresh_from_db()
    assert product.stock == 1
    assert IndexOutbox.objects.filter(object_id=str(product.pk)).exists()
    status_page = client.get(response.url)
    assert "En attente" in status_page.text and status_page["Cache-Control"] == "private, no-store"
    assert {m.to[0] for m in mail.outbox} == {"alex@example.org", account.user.email}


@pytest.mark.django_db
def test_the_last_items_go_out_of_stock_and_come_back_on_decline(client, account, product):
    client.post(url(account), request_data(product, quantity=3))
    product.refresh_from_db()
    assert product.stock == 0 and product.availability == "out_of_stock"
    pickup = PickupRequest.objects.get()
    pickups.move(pickup, "declined", "http://testserver", reason="Fermé pour inventaire")
    product.refresh_from_db()
    assert product.stock == 3 and product.availability == "in_stock"
    assert "Fermé pour inventaire" in mail.outbox[-1].body


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"quantity": 4}, "quantity", "Il n'en reste que 3"),
        ({"slot_time": "22:00"}, "slot_time", "entre 08:00 et 20:00"),
        ({"slot_time": "25:00"}, "slot_time", ""),
        ({"slot_date": "2020-01-01"}, "slot_time", "plus tard"),
        ({"slot_date": "2999-01-01"}, "slot_date", "prochains jours"),
        ({"slot_date": "pas une date"}, "slot_date", ""),
        ({"shopper_email": "alex"}, "shopper_email", ""),
        ({"shopper_phone": "?"}, "shopper_phone", "numéro de téléphone"),
        ({"website_url": "spam"}, "website_url", "vide"),
    ],
)
def test_bad_requests_get_a_message_next_to_the_field(
    client, account, product, overrides, field, message
):
    quantity = overrides.pop("quantity", 1)
    response = client.post(url(account), request_data(product, quantity, **overrides))
    assert response.status_code == 400
    field = f"quantity_{product.pk}" if field == "quantity" else field
    errors = " ".join(response.context["form"].errors[field])
    assert message in errors and errors in response.text.replace("&#x27;", "'")
    product.refresh_from_db()
    assert product.stock == 3 and not PickupRequest.objects.exists()


@pytest.mark.django_db
def test_a_closed_day_and_a_too_short_delay_are_refused(client, product):
    account = product.shop.merchant
    account.opening_hours = {"0": ["09:00", "12:00"]}  # Mondays only
    account.pickup_delay_hours = 24
    account.save()
    tuesday = timezone.localdate() + timedelta(days=(1 - timezone.localdate().weekday()) % 7 or 7)
    response = client.post(url(account), request_data(product, slot_date=tuesday.isoformat()))
    assert "fermé ce jour-là" in " ".join(response.context["form"].errors["slot_date"])


@pytest.mark.django_db
def test_nothing_chosen_is_a_clear_error(client, account, product):
    response = client.post(url(account), request_data(product, quantity=0))
    assert response.status_code == 400
    assert "Choisissez au moins un produit" in response.text


@pytest.mark.django_db(transaction=True)
def test_two_shoppers_cannot_both_take_the_last_item(account):
    product = DirectProductFactory(shop=account.shop, stock=1)
    day, at = next_weekday_at(11)
    slot = timezone.make_aware(dt.datetime.combine(day, at))
    results = []
    barrier = threading.Barrier(2)

    def reserve(name):
        try:
            barrier.wait()
            data = {
                "quantities": {product.pk: 1},
                "slot": slot,
                "shopper_name": name,
                "shopper_email": f"{name}@example.org",
                "shopper_phone": "0600000000",
            }
            pickups.create_request(account, data, "fr", "http://testserver")
            results.append("ok")
        except pickups.OutOfStock:
            results.append("out")
        finally:
            connection.close()

    threads = [threading.Thread(target=reserve, args=(n,)) for n in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == ["ok", "out"]
    product.refresh_from_db()
    assert product.stock == 0 and PickupRequest.objects.count() == 1


@pytest.mark.django_db
def test_the_merchant_walks_a_request_to_collected_and_the_shopper_is_told_each_time(
    client, merchant_client, account, product
):
    client.post(url(account), request_data(product))
    pickup = PickupRequest.objects.get()
    status_url = f"/fr/retrait/{pickup.token}/"
    subjects = []
    for action, label in [("accept", "Acceptée"), ("ready", "Prête"), ("collected", "Retirée")]:
        merchant_client.post(f"/fr/espace-commercant/retraits/{pickup.pk}/{action}/")
        assert label in client.get(status_url).text
        subjects.append(mail.outbox[-1].subject)
        assert mail.outbox[-1].to == ["alex@example.org"]
    assert "accepté" in subjects[0] and "prête" in subjects[1] and "Merci" in subjects[2]
    # A collected request cannot be declined afterwards.
    merchant_client.post(f"/fr/espace-commercant/retraits/{pickup.pk}/decline/", {"reason": "x"})
    pickup.refresh_from_db()
    assert pickup.status == "collected"


@pytest.mark.django_db
def test_declining_needs_a_reason(merchant_client, account, product):
    pickup = PickupRequestFactory(shop=account.shop)
    response = merchant_client.post(f"/fr/espace-commercant/retraits/{pickup.pk}/decline/")
    assert response.status_code == 400 and response.context["decline_form"].errors["reason"]


@pytest.mark.django_db
def test_an_english_shopper_gets_english_pages_and_emails(client, account, product):
    response = client.post(f"/en/shops/{account.shop.slug}/pickup/", request_data(product))
    pickup = PickupRequest.objects.get()
    assert response.url == f"/en/pickup/{pickup.token}/"
    shopper_mail = next(m for m in mail.outbox if m.to == ["alex@example.org"])
    assert shopper_mail.subject.startswith("Pickup request sent")
    pickups.move(pickup, "accepted", "http://testserver")
    pickups.move(pickup, "ready", "http://testserver")
    assert "Ready" in client.get(response.url).text


@pytest.mark.django_db
def test_unanswered_requests_expire_and_give_their_stock_back(client, account, product, settings):
    settings.PICKUP_EXPIRY_HOURS = 24
    client.post(url(account), request_data(product, quantity=2))
    answered = PickupRequestFactory(shop=account.shop, status="accepted")
    pickup = PickupRequest.objects.get(status="pending")
    assert pickups.expire_overdue(now=timezone.now() + timedelta(hours=23)) == 0
    assert pickups.expire_overdue(now=timezone.now() + timedelta(hours=25)) == 1
    pickup.refresh_from_db()
    product.refresh_from_db()
    answered.refresh_from_db()
    assert pickup.status == "expired" and product.stock == 3 and answered.status == "accepted"
    assert "expiré" in mail.outbox[-1].subject


@pytest.mark.django_db
def test_the_expiry_and_purge_tasks_are_scheduled_by_beat(settings):
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert {"merchants.tasks.expire_pickups", "merchants.tasks.purge_shoppers"} <= tasks


@pytest.mark.django_db
def test_shoppers_data_is_purged_after_the_retention_period(account, settings):
    settings.SHOPPER_DATA_RETENTION_DAYS = 30
    closed = PickupRequestFactory(shop=account.shop, status="collected")
    still_open = PickupRequestFactory(shop=account.shop, status="accepted")
    assert pickups.purge_shoppers(now=timezone.now() + timedelta(days=29)) == 0
    assert pickups.purge_shoppers(now=timezone.now() + timedelta(days=31)) == 1
    closed.refresh_from_db()
    still_open.refresh_from_db()
    assert closed.shopper_email == "" and closed.shopper_name == "" and closed.purged_at
    assert still_open.shopper_email == "alex@example.org"


@pytest.mark.django_db
def test_pickup_requests_are_rate_limited_per_address(client, account, product, settings):
    settings.PICKUP_REQUEST_RATE = "2/h"
    for _ in range(2):
        client.post(url(account), request_data(product))
    response = client.post(url(account), request_data(product))
    assert response.status_code == 429 and "Trop de tentatives" in response.text
    assert PickupRequest.objects.count() == 2


@pytest.mark.django_db
def test_marketplace_shops_have_no_pickup_form_and_links_carry_tracking(client):
    marketplace = MarketplaceFactory()
    shop = ShopFactory(marketplace=marketplace, external_id="1", click_and_collect=True)
    MerchantAccountFactory(shop=shop)
    product = ProductFactory(
        shop=shop, external_id="p", marketplace_url="https://partner.example/p/1?ref=feed"
    )
    assert client.get(f"/fr/commerces/{shop.slug}/retrait/").status_code == 404
    response = client.get(f"/fr/produits/{product.pk}/partenaire/")
    assert response.status_code == 302
    assert response.url == (
        "https://partner.example/p/1?ref=feed&utm_source=localdabord"
        "&utm_medium=referral&utm_campaign=portail"
    )


def test_tracking_parameters_replace_existing_ones():
    link = pickups.marketplace_link("https://p.example/x?utm_source=other&a=1")
    assert (
        link
        == "https://p.example/x?a=1&utm_source=localdabord&utm_medium=referral&utm_campaign=portail"
    )


class PickupFuzzTests(HypothesisTestCase):
    def setUp(self):
        self.account = MerchantAccountFactory()
        self.product = DirectProductFactory(shop=self.account.shop, stock=3)

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        quantity=st.one_of(st.integers(-5, 10**6).map(str), st.text(max_size=8)),
        slot_date=st.one_of(st.dates().map(str), st.text(max_size=12)),
        slot_time=st.one_of(st.times().map(lambda t: t.strftime("%H:%M")), st.text(max_size=8)),
        email=st.one_of(st.emails(), st.text(max_size=20)),
    )
    def test_any_input_gets_messages_never_a_500_and_never_oversells(
        self, quantity, slot_date, slot_time, email
    ):
        from django.core.cache import cache

        cache.clear()
        data = request_data(self.product)
        data.update(
            {
                f"quantity_{self.product.pk}": quantity,
                "slot_date": slot_date,
                "slot_time": slot_time,
                "shopper_email": email,
            }
        )
        data = {k: v.replace("\x00", "") for k, v in data.items()}
        response = self.client.post(url(self.account), data)
        assert response.status_code in (302, 400), response.status_code
        if response.status_code == 400:
            assert response.context["form"].errors
        self.product.refresh_from_db()
        assert 0 <= self.product.stock <= 3


@pytest.mark.django_db
def test_product_pages_offer_pickup_or_the_tracked_partner_link(client, account, product):
    page = client.get(product.get_absolute_url()).text
    assert f"/fr/commerces/{account.shop.slug}/retrait/" in page
    imported = ProductFactory(
        shop=ShopFactory(marketplace=MarketplaceFactory(), external_id="s"),
        external_id="p",
        marketplace_url="https://partner.example/p",
    )
    page = client.get(imported.get_absolute_url()).text
    assert f"/fr/produits/{imported.pk}/partenaire/" in page and "/retrait/" not in page
