"""Editors moderate sign-ups in the Wagtail admin; the merchant is emailed at each step."""

import re

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail

from merchants.models import MerchantAccount, MerchantApplication
from shops.factories import MarketplaceFactory, ShopFactory, town
from shops.models import Sector, Shop


@pytest.fixture
def application(db):
    return MerchantApplication.objects.create(
        status="pending",
        business_name="Fleurs de Loire",
        siret="73282932000074",
        sector=Sector.objects.get(slug="jouets"),
        address="3 place Plumereau",
        postal_code="37000",
        town=town(),
        contact_name="Dominique Petit",
        email="Dominique@Example.org",
        phone="0247000000",
        description="Fleuriste.",
        opening_hours={"2": ["09:00", "18:00"]},
        terms_accepted_at="2026-11-20T10:00:00Z",
    )


@pytest.fixture
def editor(db):
    return User.objects.create_superuser("editrice", "editrice@example.org", "pw")


def decide(client, application, decision, message=""):
    return client.post(f"/admin/commercants/{application.pk}/{decision}/", {"message": message})


def test_the_queue_lists_waiting_applications(client, editor, application):
    client.force_login(editor)
    response = client.get("/admin/commercants/")
    assert response.status_code == 200 and "Fleurs de Loire" in response.text
    assert client.get(f"/admin/commercants/{application.pk}/").status_code == 200


def test_approval_creates_the_shop_and_the_merchant_and_emails_a_one_time_link(
    client, editor, application
):
    client.force_login(editor)
    assert decide(client, application, "approve").status_code == 302
    application.refresh_from_db()
    assert application.status == "approved" and application.decided_by == editor
    shop = application.shop
    assert shop.marketplace is None and shop.siret == "73282932000074"
    assert list(shop.sectors.values_list("slug", flat=True)) == ["jouets"]
    assert "mercredi : 09:00–18:00" in shop.opening_hours
    account = MerchantAccount.objects.get(shop=shop)
    assert account.user.email == "dominique@example.org"
    assert account.user.groups.filter(name="Commerçants").exists()
    assert not account.user.is_staff and not account.user.has_usable_password()

    link = re.search(r"https?://\S+", mail.outbox[-1].body).group(0)
    client.logout()
    assert client.get(link).status_code == 200
    assert client.post(link).url == "/fr/espace-commercant/"
    assert client.get("/fr/espace-commercant/").status_code == 200
    client.logout()
    # Spent: the same link does not log in twice.
    assert client.post(link).status_code == 400


def test_the_photo_sent_at_sign_up_becomes_the_shops_photo(client, editor, application):
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (800, 600), "green").save(buffer, format="JPEG")
    application.photo = SimpleUploadedFile("vitrine.jpg", buffer.getvalue())
    application.save()
    client.force_login(editor)
    decide(client, application, "approve")
    application.refresh_from_db()
    photo = application.shop.photo
    assert photo is not None and (photo.width, photo.height) == (800, 600)
    client.logout()
    page = client.get(application.shop.get_absolute_url()).text
    assert photo.get_rendition("max-480x480").url in page


def test_a_confirmed_claim_attaches_the_imported_shop_instead_of_creating_one(
    client, editor, application
):
    imported = ShopFactory(marketplace=MarketplaceFactory(), external_id="9", town=town())
    application.claimed_shop = imported
    application.claim_requested = True
    application.save()
    client.force_login(editor)
    page = client.get(f"/admin/commercants/{application.pk}/")
    assert "Confirmer la revendication" in page.text
    shops_before = Shop.objects.count()
    decide(client, application, "approve")
    assert Shop.objects.count() == shops_before
    assert MerchantAccount.objects.get().shop == imported


@pytest.mark.parametrize(
    ("decision", "status", "subject"),
    [
        ("reject", "rejected", "Votre demande d'inscription"),
        ("changes", "changes_requested", "modifications demandées"),
    ],
)
def test_reject_and_changes_need_a_message_which_is_emailed(
    client, editor, application, decision, status, subject
):
    client.force_login(editor)
    response = decide(client, application, decision, "")
    assert response.status_code == 400 and "Expliquez votre décision" in response.text
    decide(client, application, decision, "Le SIRET ne correspond pas à l'adresse.")
    application.refresh_from_db()
    assert application.status == status
    assert subject in mail.outbox[-1].subject
    assert "Le SIRET ne correspond pas" in mail.outbox[-1].body


def test_a_merchant_asked_for_changes_can_amend_and_resubmit(client, editor, application):
    client.force_login(editor)
    decide(client, application, "changes", "Ajoutez une description plus précise.")
    client.logout()
    link = re.search(r"https?://\S+", mail.outbox[-1].body).group(0)
    page = client.get(link)
    assert page.status_code == 200 and "Ajoutez une description" in page.text
    response = client.post(
        link,
        {
            "business_name": "Fleurs de Loire",
            "siret": "73282932000074",
            "sector": application.sector_id,
            "address": "3 place Plumereau",
            "postal_code": "37000",
            "town_name": "Tours",
            "contact_name": "Dominique Petit",
            "email": "dominique@example.org",
            "phone": "0247000000",
            "description": "Fleuriste, bouquets de saison et plantes de la région.",
            "opens_2": "09:00",
            "closes_2": "18:00",
            "terms": "on",
        },
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == "pending" and "saison" in application.description


def test_people_without_the_permission_cannot_moderate(client, application):
    merchant = User.objects.create_user("m@example.org", "m@example.org", "pw")
    merchant.groups.add(Group.objects.get_or_create(name="Commerçants")[0])
    client.force_login(merchant)
    assert client.get("/admin/commercants/").status_code in (302, 403)
    decide(client, application, "approve")
    application.refresh_from_db()
    assert application.status == "pending"


def test_a_decided_application_cannot_be_decided_again(client, editor, application):
    client.force_login(editor)
    decide(client, application, "reject", "Hors région.")
    decide(client, application, "approve")
    application.refresh_from_db()
    assert application.status == "rejected" and not MerchantAccount.objects.exists()


def test_an_email_that_already_manages_a_shop_is_refused_clearly(client, editor, application):
    from merchants.factories import MerchantAccountFactory

    MerchantAccountFactory(user__username="dominique@example.org")
    client.force_login(editor)
    response = decide(client, application, "approve")
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == "pending"
    assert "gère déjà un commerce" in client.get("/admin/commercants/").text
