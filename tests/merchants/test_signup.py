"""The public sign-up: every field checked with a message next to it, then email confirmation."""

import io
import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase as HypothesisTestCase
from PIL import Image

from merchants.models import MerchantApplication
from shops.factories import MarketplaceFactory, ShopFactory, town
from shops.models import Sector
from shops.sync import shop_match_key

SIGNUP = "/fr/commercants/inscription/"


def valid_data(**overrides):
    data = {
        "business_name": "La Boîte à Jouets",
        "siret": "73282932000074",
        "sector": Sector.objects.get(slug="jouets").pk,
        "address": "12 rue Colbert",
        "postal_code": "37000",
        "town_name": "Tours",
        "contact_name": "Camille Durand",
        "email": "camille@example.org",
        "phone": "02 47 00 00 00",
        "description": "Jouets en bois et jeux de société.",
        "click_and_collect": "on",
        "opens_1": "09:30",
        "closes_1": "19:00",
        "terms": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def photo(size=(400, 300)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "red").save(buffer, format="JPEG")
    return SimpleUploadedFile("vitrine.jpg", buffer.getvalue(), content_type="image/jpeg")


def error_next_to(response, field: str) -> str:
    """The error text rendered inside the field's own wrapper."""
    return " ".join(str(error) for error in response.context["form"].errors.get(field, []))


@pytest.mark.django_db
@pytest.mark.parametrize("url", [SIGNUP, "/en/merchants/sign-up/"])
def test_the_sign_up_page_exists_in_both_languages(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert 'name="siret"' in response.text and 'name="website_url"' in response.text


@pytest.mark.django_db
def test_a_valid_sign_up_sends_a_confirmation_link_that_queues_the_application(client):
    response = client.post(SIGNUP, {**valid_data(), "photo": photo()})
    assert response.status_code == 302
    application = MerchantApplication.objects.get()
    assert application.status == "unconfirmed"
    assert application.town.insee_code == "37261"
    assert application.opening_hours == {"1": ["09:30", "19:00"]}
    assert application.photo.name.startswith("merchants/photos/")
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["camille@example.org"]
    link = re.search(r"https?://\S+", mail.outbox[0].body).group(0)
    assert link.endswith(f"/fr/commercants/inscription/{application.token}/")

    page = client.get(link)
    assert page.status_code == 200 and "Confirmer mon inscription" in page.text
    client.post(link, {"claim": "no"})
    application.refresh_from_db()
    assert application.status == "pending" and application.confirmed_at is not None
    assert "vérification" in mail.outbox[-1].subject


@pytest.mark.django_db
def test_an_english_sign_up_gets_english_emails(client):
    client.post("/en/merchants/sign-up/", valid_data())
    assert mail.outbox[0].subject.startswith("Confirm your")
    assert "/en/merchants/sign-up/" in mail.outbox[0].body


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"siret": "73282932000075"}, "siret", "clé de contrôle"),
        ({"siret": "123"}, "siret", "14 chiffres"),
        ({"postal_code": "45000"}, "postal_code", "ne correspond pas à Tours"),
        ({"town_name": "Paris", "postal_code": "75001"}, "town_name", "Commune inconnue"),
        ({"terms": None}, "terms", "accepter les conditions"),
        ({"email": "pas-un-courriel"}, "email", ""),
        ({"phone": "abc"}, "phone", "numéro de téléphone"),
        ({"opens_1": "19:00", "closes_1": "09:00"}, "closes_1", "après l'ouverture"),
        ({"closes_1": None}, "closes_1", "aucune"),
        ({"website_url": "http://spam.example"}, "website_url", "vide"),
    ],
)
def test_each_bad_field_gets_its_message_next_to_it(client, overrides, field, message):
    response = client.post(SIGNUP, valid_data(**overrides))
    assert response.status_code == 400
    assert message in error_next_to(response, field)
    assert not MerchantApplication.objects.exists()
    assert mail.outbox == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("vitrine.jpg", b"%PDF-1.4 not an image"), "pas une image"),
        (None, "dépasse"),
    ],
)
def test_bad_photos_are_refused_next_to_the_field(client, settings, upload, message):
    if upload is None:
        settings.MERCHANT_PHOTO_MAX_BYTES = 2000
        upload = photo(size=(1200, 900))
    response = client.post(SIGNUP, {**valid_data(), "photo": upload})
    assert response.status_code == 400
    assert message in error_next_to(response, "photo")


@pytest.mark.django_db
def test_a_shop_imported_with_the_same_siret_is_offered_for_claiming(client):
    imported = ShopFactory(
        marketplace=MarketplaceFactory(), external_id="42", siret="73282932000074", town=town()
    )
    client.post(SIGNUP, valid_data())
    application = MerchantApplication.objects.get()
    assert application.claimed_shop == imported
    page = client.get(f"{SIGNUP}{application.token}/")
    assert imported.name in page.text and "revendiquer" in page.text
    client.post(f"{SIGNUP}{application.token}/", {"claim": "yes"})
    application.refresh_from_db()
    assert application.claim_requested and application.status == "pending"


@pytest.mark.django_db
def test_a_shop_imported_with_the_same_name_and_address_is_offered_too(client):
    tours = town()
    imported = ShopFactory(
        marketplace=MarketplaceFactory(),
        external_id="43",
        name="LA BOITE A JOUETS",
        address="12 RUE COLBERT",
        town=tours,
        match_key=shop_match_key("LA BOITE A JOUETS", "12 RUE COLBERT", tours.pk),
    )
    client.post(SIGNUP, valid_data(siret="44306184100047"))
    assert MerchantApplication.objects.get().claimed_shop == imported


@pytest.mark.django_db
def test_sign_up_is_rate_limited_per_address(client, settings):
    settings.MERCHANT_SIGNUP_RATE = "2/h"
    for _ in range(2):
        assert client.post(SIGNUP, valid_data(siret="1")).status_code == 400
    response = client.post(SIGNUP, valid_data())
    assert response.status_code == 429
    assert "Trop de tentatives" in response.text
    assert not MerchantApplication.objects.exists()
    # Another address is not affected.
    assert client.post(SIGNUP, valid_data(), REMOTE_ADDR="10.0.0.9").status_code == 302


@pytest.mark.django_db
def test_the_form_refuses_a_post_without_csrf_token(client):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert strict.post(SIGNUP, valid_data()).status_code == 403


FIELDS = st.fixed_dictionaries(
    {},
    optional={
        name: st.one_of(st.text(max_size=40), st.from_regex(r"\A\d{1,16}\Z"))
        for name in [
            "business_name",
            "siret",
            "sector",
            "address",
            "postal_code",
            "town_name",
            "contact_name",
            "email",
            "phone",
            "description",
            "opens_0",
            "closes_0",
            "terms",
            "website_url",
        ]
    },
)


class SignupFuzzTests(HypothesisTestCase):
    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(overrides=FIELDS)
    def test_any_input_gets_a_page_with_messages_never_a_500(self, overrides):
        from django.core.cache import cache

        cache.clear()
        clean = {k: v.replace("\x00", "") for k, v in overrides.items()}
        response = self.client.post(SIGNUP, valid_data(**clean))
        assert response.status_code in (302, 400), response.status_code
        if response.status_code == 400:
            errors = response.context["form"].errors
            assert errors
            for field, messages in errors.items():
                for message in messages:
                    assert message in response.text or field == "__all__"
