"""A merchant's day on a phone, by pointer, in French and in English: log in, add a product
with a photo and a price typed "34,50", set the opening hours, answer a reservation; each step
seen on the public pages as a shopper sees them."""

from decimal import Decimal

import pytest
from django.utils import translation
from PIL import Image

from tests.journeys.conftest import screenshot, serious_violations
from tests.journeys.post_migrate import restore_post_migrate_data

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "un-mot-de-passe-solide-42"  # merchants.factories.MerchantUserFactory's
PATHS = {
    "fr": {
        "login": "/fr/espace-commercant/connexion/",
        "log_in": "Se connecter",
        "products": "Mes produits",
        "add": "Ajouter un produit",
        "save_product": "Enregistrer le produit",
        "shop": "Mon commerce",
        "save_shop": "Enregistrer",
        "pickups": "Demandes de retrait",
        "accept": "Accepter",
        "saved": "Votre commerce est à jour.",
        "price_typed": "34,50",
        "price_shown": "34,50\u00a0€",
        "price_in_form": "34,50",
        "monday": "lundi : 09:30–19:00",
    },
    "en": {
        "login": "/en/merchant-area/login/",
        "log_in": "Log in",
        "products": "My products",
        "add": "Add a product",
        "save_product": "Save the product",
        "shop": "My shop",
        "save_shop": "Save",
        "pickups": "Pickup requests",
        "accept": "Approve",
        "saved": "Your shop is up to date.",
        # An English merchant on a French phone keyboard still types a comma.
        "price_typed": "34,50",
        "price_shown": "€34.50",
        "price_in_form": "34.50",
        "monday": "Monday: 09:30–19:00",
    },
}


@pytest.fixture
def merchant(db):
    from home.site_setup import ensure_site
    from merchants.factories import MerchantAccountFactory, PickupRequestFactory
    from merchants.models import PickupLine
    from shops.factories import ProductFactory

    restore_post_migrate_data()
    ensure_site()
    account = MerchantAccountFactory(opening_hours={}, shop__name="Le Cheval de Bois")
    toy = ProductFactory(shop=account.shop, marketplace=None, stock=4, price="12.00")
    pickup = PickupRequestFactory(shop=account.shop, shopper_email="sam@example.org")
    PickupLine.objects.create(
        request=pickup, product=toy, title=toy.title, unit_price=toy.price, quantity=1
    )
    return account


@pytest.fixture
def photo_file(tmp_path):
    path = tmp_path / "toupie.jpg"
    Image.new("RGB", (900, 700), (180, 120, 60)).save(path, "JPEG")
    return path


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_merchant_works_from_a_phone(
    live_server, open_context, merchant, photo_file, language, mailoutbox
):
    from merchants.models import PickupRequest
    from shops.models import Product

    words = PATHS[language]
    problems = []
    page = open_context("phone", language).new_page()

    # Log in.
    page.goto(live_server.url + words["login"])
    page.locator("input[name=username]").fill(merchant.user.username)
    page.locator("input[name=password]").fill(PASSWORD)
    page.get_by_role("button", name=words["log_in"]).click()
    page.get_by_role("link", name=words["products"]).click()

    # Add a product with a photo, its price typed with a comma on the phone's keyboard.
    page.get_by_role("link", name=words["add"]).click()
    problems += serious_violations(page)
    page.locator("input[name=title]").fill("Toupie en hêtre")
    price = page.locator("input[name=price]")
    assert price.get_attribute("inputmode") == "decimal"
    price.click()
    page.keyboard.type(words["price_typed"])
    page.locator("input[name=stock]").fill("3")
    page.locator("input[name=photo_upload]").set_input_files(photo_file)
    page.get_by_role("button", name=words["save_product"]).click()
    page.get_by_role("link", name="Toupie en hêtre").wait_for()
    product = Product.objects.get(title="Toupie en hêtre")
    assert product.price == Decimal("34.50")
    assert product.image is not None

    # The public product page shows the photo and the price.
    shopper = open_context("phone", language).new_page()
    with translation.override(language):
        product_path, shop_path = product.get_absolute_url(), merchant.shop.get_absolute_url()
    shopper.goto(live_server.url + product_path)
    photo = shopper.locator("article img").first
    photo.wait_for()
    assert photo.evaluate("img => img.complete && img.naturalWidth > 0")
    assert words["price_shown"] in shopper.locator(".price").inner_text()
    screenshot(shopper, f"merchant-day-{language}-product-page")
    problems += serious_violations(shopper)

    # The price is shown back as typed in this language; then set Monday's hours.
    page.get_by_role("link", name="Toupie en hêtre").click()
    assert price.input_value() == words["price_in_form"]
    page.get_by_role("link", name=words["shop"]).click()
    problems += serious_violations(page)
    opens, closes = page.locator("input[name=opens_0]"), page.locator("input[name=closes_0]")
    # Opening and closing of a day sit side by side, on one row, inside the phone's width.
    opens_box, closes_box = opens.bounding_box(), closes.bounding_box()
    assert abs(opens_box["y"] - closes_box["y"]) < 2
    assert closes_box["x"] + closes_box["width"] <= 390
    opens.fill("09:30")
    closes.fill("19:00")
    page.locator("input[name=phone]").fill("02 47 20 30 40")
    screenshot(page, f"merchant-day-{language}-shop-form")
    page.get_by_role("button", name=words["save_shop"], exact=True).click()
    page.get_by_text(words["saved"]).wait_for()
    shopper.goto(live_server.url + shop_path)
    facts = shopper.locator(".shop-facts").inner_text()
    assert words["monday"] in facts
    phone_link = shopper.get_by_role("link", name="02 47 20 30 40")
    assert phone_link.get_attribute("href") == "tel:0247203040"
    screenshot(shopper, f"merchant-day-{language}-shop-page")

    # Answer the reservation.
    page.get_by_role("link", name=words["pickups"]).click()
    page.locator("a", has_text="n°").first.click()
    page.get_by_role("button", name=words["accept"], exact=True).click()
    page.locator("[data-status=accepted]").wait_for()
    problems += serious_violations(page)
    screenshot(page, f"merchant-day-{language}-pickup-accepted")
    assert PickupRequest.objects.get(shop=merchant.shop).status == "accepted"
    assert any(message.to == ["sam@example.org"] for message in mailoutbox)
    assert problems == []
