"""The merchant's space: each view refuses strangers and other merchants' objects."""

import json
import re

import pytest
from django.contrib.auth.models import User
from django.core import mail

from merchants.factories import DirectProductFactory, MerchantAccountFactory, PickupRequestFactory
from merchants.models import PickupRequest
from merchants.page_views import page_views, views_since
from pagecache.generation import invalidate_pages
from search.models import IndexOutbox
from shops.factories import MarketplaceFactory, ProductFactory, ShopFactory
from shops.models import Product, Shop

OWN_VIEWS = [
    "/fr/espace-commercant/",
    "/fr/espace-commercant/commerce/",
    "/fr/espace-commercant/produits/",
    "/fr/espace-commercant/produits/ajouter/",
    "/fr/espace-commercant/retraits/",
    "/fr/espace-commercant/mot-de-passe/",
    "/fr/espace-commercant/mes-donnees/",
    "/fr/espace-commercant/supprimer/",
]


@pytest.fixture
def foreign(other_account):
    """Another merchant's product and pickup request."""
    product = DirectProductFactory(shop=other_account.shop)
    pickup = PickupRequestFactory(shop=other_account.shop)
    return product, pickup


def object_views(product, pickup):
    return [
        ("get", f"/fr/espace-commercant/produits/{product.pk}/"),
        ("post", f"/fr/espace-commercant/produits/{product.pk}/"),
        ("post", f"/fr/espace-commercant/produits/{product.pk}/supprimer/"),
        ("get", f"/fr/espace-commercant/retraits/{pickup.pk}/"),
        *[
            ("post", f"/fr/espace-commercant/retraits/{pickup.pk}/{action}/")
            for action in ("accept", "decline", "ready", "collected")
        ],
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("url", OWN_VIEWS)
def test_anonymous_visitors_are_sent_to_the_login_page(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith("/fr/espace-commercant/connexion/")


@pytest.mark.django_db
@pytest.mark.parametrize("url", OWN_VIEWS)
def test_a_user_without_a_shop_is_refused(client, url):
    client.force_login(User.objects.create_user("visiteur", "v@example.org", "pw"))
    assert client.get(url).status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize("url", OWN_VIEWS)
def test_a_merchant_reaches_each_of_their_own_views(merchant_client, url):
    assert merchant_client.get(url).status_code == 200


@pytest.mark.django_db
def test_another_merchants_products_and_requests_are_refused(merchant_client, foreign):
    product, pickup = foreign
    for method, url in object_views(product, pickup):
        response = getattr(merchant_client, method)(url, {"title": "Piraté", "reason": "x"})
        assert response.status_code == 404, (method, url)
    product.refresh_from_db()
    pickup.refresh_from_db()
    assert product.title != "Piraté" and pickup.status == "pending"
    assert Product.objects.filter(pk=product.pk).exists()


@pytest.mark.django_db
def test_another_merchants_data_is_absent_from_lists_and_export(merchant_client, foreign):
    product, pickup = foreign
    assert product.title not in merchant_client.get("/fr/espace-commercant/produits/").text
    listing = merchant_client.get("/fr/espace-commercant/retraits/").text
    assert f"/retraits/{pickup.pk}/" not in listing
    export = json.loads(merchant_client.get("/fr/espace-commercant/mes-donnees/").content)
    assert product.pk not in [p["id"] for p in export["products"]]
    assert pickup.pk not in [r["id"] for r in export["pickup_requests"]]


@pytest.mark.django_db
def test_a_merchant_adds_a_product_which_goes_through_the_search_outbox(merchant_client, account):
    IndexOutbox.objects.all().delete()
    response = merchant_client.post(
        "/fr/espace-commercant/produits/ajouter/",
        {
            "title": "Toupie en hêtre",
            "description": "<script>x</script>Tourne longtemps.",
            "price": "9.90",
            "stock": "4",
            "availability": "in_stock",
        },
    )
    assert response.status_code == 302
    product = Product.objects.get(title="Toupie en hêtre")
    assert product.shop == account.shop and product.marketplace is None
    assert "<script>" not in product.description
    assert IndexOutbox.objects.filter(object_id=str(product.pk)).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"price": "-3"}, "price"),
        ({"price": "abc"}, "price"),
        ({"price": "99999999"}, "price"),
        ({"stock": "-1"}, "stock"),
        ({"stock": "1000000"}, "stock"),
        ({"title": ""}, "title"),
    ],
)
def test_bad_product_input_gets_a_message_next_to_the_field(merchant_client, data, field):
    payload = {"title": "Toupie", "price": "9.90", "stock": "4", "availability": "in_stock"}
    response = merchant_client.post("/fr/espace-commercant/produits/ajouter/", payload | data)
    assert response.status_code == 400
    assert response.context["form"].errors[field]


@pytest.mark.django_db
def test_the_merchant_edits_their_shop_and_hours(merchant_client, account):
    response = merchant_client.post(
        "/fr/espace-commercant/commerce/",
        {
            "description": "Nouveau",
            "address": "1 rue Nationale",
            "phone": "0247000001",
            "click_and_collect": "on",
            "pickup_delay_hours": "4",
            "opens_5": "10:00",
            "closes_5": "12:00",
        },
    )
    assert response.status_code == 302
    account.refresh_from_db()
    assert account.opening_hours == {"5": ["10:00", "12:00"]} and account.pickup_delay_hours == 4
    assert Shop.objects.get(pk=account.shop_id).opening_hours == "samedi : 10:00–12:00"


@pytest.mark.django_db
def test_a_marketplace_shop_says_where_its_catalogue_is_managed(client):
    marketplace = MarketplaceFactory(name="Ma Ville Mon Shopping")
    shop = ShopFactory(
        marketplace=marketplace, external_id="7", marketplace_url="https://partner.example/s/7"
    )
    ProductFactory(shop=shop, external_id="p1")
    account = MerchantAccountFactory(shop=shop)
    client.force_login(account.user)
    page = client.get("/fr/espace-commercant/").text
    assert "géré sur Ma Ville Mon Shopping" in page and "https://partner.example/s/7" in page
    refused = client.get("/fr/espace-commercant/produits/ajouter/")
    assert "Catalogue géré ailleurs" in refused.text
    assert not Product.objects.filter(shop=shop, marketplace__isnull=True).exists()


@pytest.mark.django_db
def test_password_login_and_rate_limit_without_account_enumeration(client, account, settings):
    settings.MERCHANT_LOGIN_RATE = "3/m"
    url = "/fr/espace-commercant/connexion/"
    wrong_user = client.post(url, {"username": "nobody@example.org", "password": "x"})
    wrong_password = client.post(url, {"username": account.user.username, "password": "x"})
    # The same message whether the account exists or not.
    assert wrong_user.context["form"].non_field_errors() == (
        wrong_password.context["form"].non_field_errors()
    )
    ok = client.post(
        url, {"username": account.user.username, "password": "un-mot-de-passe-solide-42"}
    )
    assert ok.status_code == 302 and ok.url == "/fr/espace-commercant/"
    client.logout()
    blocked = client.post(
        url, {"username": account.user.username, "password": "un-mot-de-passe-solide-42"}
    )
    assert blocked.status_code == 429 and "Trop de tentatives" in blocked.text


@pytest.mark.django_db
def test_login_links_are_sent_only_to_merchants_with_the_same_answer(client, account):
    url = "/fr/espace-commercant/lien/"
    for email in (account.user.email, "inconnu@example.org"):
        response = client.post(url, {"email": email}, follow=True)
        assert "Si un compte commerçant correspond" in response.text
    assert [message.to for message in mail.outbox] == [[account.user.email]]
    link = re.search(r"https?://\S+", mail.outbox[0].body).group(0)
    assert client.post(link).url == "/fr/espace-commercant/"


@pytest.mark.django_db
def test_password_reset_emails_a_link_that_sets_the_password(client, account):
    client.post("/fr/espace-commercant/mot-de-passe-oublie/", {"email": account.user.email})
    client.post("/fr/espace-commercant/mot-de-passe-oublie/", {"email": "x@example.org"})
    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+", mail.outbox[0].body).group(0)
    page = client.get(link, follow=True)
    response = client.post(
        page.redirect_chain[-1][0],
        {"new_password1": "Tilleul-et-Loire-2026", "new_password2": "Tilleul-et-Loire-2026"},
    )
    assert response.status_code == 302
    account.user.refresh_from_db()
    assert account.user.check_password("Tilleul-et-Loire-2026")


@pytest.mark.django_db
def test_a_merchant_deletes_their_account_and_direct_shop(merchant_client, account, product):
    PickupRequestFactory(shop=account.shop)
    shop_pk, user_pk = account.shop_id, account.user_id
    merchant_client.post("/fr/espace-commercant/supprimer/", {"confirm": "yes"})
    assert not Shop.objects.filter(pk=shop_pk).exists()
    assert not User.objects.filter(pk=user_pk).exists()
    assert not PickupRequest.objects.filter(shop_id=shop_pk).exists()


@pytest.mark.django_db
def test_page_views_of_the_shop_and_its_products_are_counted_for_its_merchant(
    client, merchant_client, account, product, other_account
):
    page_views.forget_pending()
    for _ in range(2):
        assert client.get(account.shop.get_absolute_url()).status_code == 200
    assert client.get(product.get_absolute_url()).status_code == 200
    client.get(other_account.shop.get_absolute_url())
    client.get(account.shop.get_absolute_url().replace("/fr/commerces/", "/en/shops/"))
    page_views.move_to_database()  # what beat runs every five minutes
    dashboard = merchant_client.get("/fr/espace-commercant/")
    assert re.search(r'data-figure="views">4<', dashboard.text)


@pytest.mark.django_db
def test_views_answered_by_the_page_cache_are_counted(client, settings, account):
    settings.PAGE_CACHE_ENABLED = True
    invalidate_pages("test start")
    page_views.forget_pending()
    url = account.shop.get_absolute_url()
    assert client.get(url)["X-Page-Cache"] == "miss"
    assert client.get(url)["X-Page-Cache"] == "hit"
    page_views.move_to_database()
    invalidate_pages("test end")
    assert views_since(account.shop, days=1) == 2


@pytest.mark.django_db
def test_a_merchant_who_never_set_a_password_can_still_reset_it(client):
    account = MerchantAccountFactory(user__password=None)
    account.user.set_unusable_password()
    account.user.save()
    client.post("/fr/espace-commercant/mot-de-passe-oublie/", {"email": account.user.email})
    assert [m.to for m in mail.outbox] == [[account.user.email]]
