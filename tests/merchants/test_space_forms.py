"""The merchant's shop and product forms: decimal commas, photos, descriptions as text, hours
and phone shown on the public page, required fields marked."""

import io
import re
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image

from merchants.factories import DirectProductFactory, PickupRequestFactory
from shops.models import Product, Shop

pytestmark = pytest.mark.django_db

ADD = "/fr/espace-commercant/produits/ajouter/"
SHOP = "/fr/espace-commercant/commerce/"


def picture(size=(640, 480), image_format="JPEG", name="toupie.jpg"):
    buffer = io.BytesIO()
    Image.new("RGB", size, "teal").save(buffer, format=image_format)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def product_data(**overrides):
    data = {"title": "Toupie en hêtre", "price": "34,50", "stock": "4", "availability": "in_stock"}
    return {key: value for key, value in (data | overrides).items() if value is not None}


def errors_of(response, field):
    return " ".join(response.context["form"].errors.get(field, []))


@pytest.mark.parametrize("typed", ["34,50", "34.50", "34,5"])
def test_a_price_typed_with_a_comma_or_a_point_is_the_same_price(merchant_client, typed):
    response = merchant_client.post(ADD, product_data(price=typed))
    assert response.status_code == 302
    assert Product.objects.get(title="Toupie en hêtre").price == Decimal("34.50")


def test_an_ambiguous_price_is_refused_next_to_the_field_and_kept_as_typed(merchant_client):
    response = merchant_client.post(ADD, product_data(price="1.234,5"))
    assert response.status_code == 400
    assert "ambigu" in errors_of(response, "price")
    assert 'value="1.234,5"' in response.text
    assert 'value="Toupie en hêtre"' in response.text  # nothing else typed is lost
    assert not Product.objects.exists()


def test_the_price_is_shown_back_in_french_in_a_decimal_text_input(merchant_client, account):
    product = DirectProductFactory(shop=account.shop, price=Decimal("34.50"))
    html = merchant_client.get(f"/fr/espace-commercant/produits/{product.pk}/").text
    assert 'value="34,50"' in html
    assert 'inputmode="decimal"' in html and 'type="number" name="price"' not in html


def test_a_merchant_adds_then_replaces_then_removes_a_product_photo(merchant_client, client):
    response = merchant_client.post(ADD, product_data(photo_upload=picture()))
    assert response.status_code == 302
    product = Product.objects.get()
    first = product.image
    assert first is not None and (first.width, first.height) == (640, 480)
    # Shown on the public product page through a rendition.
    page = client.get(product.get_absolute_url()).text
    assert "/media/images/" in page and first.get_rendition("max-480x480").url in page

    edit = f"/fr/espace-commercant/produits/{product.pk}/"
    form_page = merchant_client.get(edit).text
    assert 'enctype="multipart/form-data"' in form_page and 'class="photo-preview"' in form_page
    merchant_client.post(edit, product_data(photo_upload=picture(size=(800, 800), name="b.png")))
    product.refresh_from_db()
    assert product.image_id != first.pk and product.image.width == 800
    merchant_client.post(edit, product_data(remove_photo="on"))
    product.refresh_from_db()
    assert product.image is None


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("toupie.jpg", b"%PDF-1.4 not a picture"), "image"),
        ("small", "entre 200 et 6000 pixels"),
        ("gif", "JPEG, PNG ou WebP"),
        ("large", "dépasse"),
    ],
)
def test_bad_photos_get_a_french_message_next_to_the_field(
    merchant_client, settings, upload, message
):
    if upload == "small":
        upload = picture(size=(120, 90))
    elif upload == "gif":
        upload = picture(image_format="GIF", name="toupie.gif")
    elif upload == "large":
        settings.MERCHANT_PHOTO_MAX_BYTES = 2000
        upload = picture(size=(1600, 1200))
    response = merchant_client.post(ADD, product_data(photo_upload=upload))
    assert response.status_code == 400
    assert message in errors_of(response, "photo_upload")
    assert not Product.objects.exists()


def shop_data(**overrides):
    data = {
        "description": "Jouets en bois.\n\nAtelier le samedi.",
        "address": "1 rue Nationale",
        "phone": "02 47 00 00 01",
        "click_and_collect": "on",
        "pickup_delay_hours": "4",
        "opens_0": "09:30",
        "closes_0": "19:00",
    }
    return data | overrides


def test_the_shop_description_is_edited_as_text_and_shown_as_paragraphs(
    merchant_client, client, account
):
    assert merchant_client.post(SHOP, shop_data()).status_code == 302
    shop = Shop.objects.get(pk=account.shop_id)
    assert shop.description == "<p>Jouets en bois.</p>\n\n<p>Atelier le samedi.</p>"
    form_page = merchant_client.get(SHOP).text
    assert "&lt;p&gt;" not in form_page
    assert "\nJouets en bois.\n\nAtelier le samedi.</textarea>" in form_page
    # What looks like a tag is text: shown as typed, never run.
    merchant_client.post(SHOP, shop_data(description="Prix <b>bas</b> & <script>x</script>"))
    public = client.get(shop.get_absolute_url()).text
    assert "Prix &lt;b&gt;bas&lt;/b&gt; &amp; &lt;script&gt;" in public


def test_the_shop_photo_phone_and_hours_reach_the_public_page(merchant_client, client, account):
    merchant_client.post(SHOP, shop_data(photo_upload=picture(size=(1200, 800))))
    shop = Shop.objects.get(pk=account.shop_id)
    assert shop.photo is not None
    page = client.get(shop.get_absolute_url()).text
    assert shop.photo.get_rendition("max-480x480").url in page
    assert '<a href="tel:0247000001">02 47 00 00 01</a>' in page
    assert "lundi : 09:30–19:00" in page


def test_the_english_shop_page_names_the_days_in_english(merchant_client, client, account):
    with translation.override("en"):
        # Saved from the English merchant space: still stored in French.
        response = merchant_client.post("/en/merchant-area/shop/", shop_data())
    assert response.status_code == 302, response.text[:300]
    shop = Shop.objects.get(pk=account.shop_id)
    assert shop.opening_hours == "lundi : 09:30–19:00"
    with translation.override("en"):
        english = client.get(shop.get_absolute_url()).text
    assert "Monday: 09:30–19:00" in english and "lundi" not in english


@pytest.mark.parametrize("language", ["fr", "en"])
def test_required_fields_are_marked_in_their_label_and_input(client, account, product, language):
    with translation.override(language):
        page = client.get(reverse("merchants:pickup_request", args=[account.shop.slug])).text
    mark = "(obligatoire)" if language == "fr" else "(required)"
    for name in ["shopper_name", "shopper_email", "shopper_phone", "slot_date", "slot_time"]:
        label = re.search(rf'<label for="id_{name}">(.*?)</label>', page, re.S).group(1)
        assert mark in label, name
        assert re.search(rf'<input[^>]*name="{name}"[^>]*required', page), name
    # An optional quantity is not marked.
    label = re.search(rf'<label for="id_quantity_{product.pk}">(.*?)</label>', page, re.S)
    assert mark not in label.group(1)


def test_the_status_page_says_the_request_was_sent_and_to_keep_the_link(client, account):
    pickup = PickupRequestFactory(shop=account.shop)
    page = client.get(f"/fr/retrait/{pickup.token}/").text
    assert "Demande envoyée" in page and "Gardez ce lien" in page
    assert f"http://testserver/fr/retrait/{pickup.token}/" in page
    english = client.get(f"/en/pickup/{pickup.token}/").text
    assert "Request sent" in english and "Keep this link" in english
