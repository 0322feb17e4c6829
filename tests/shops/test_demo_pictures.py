"""The demo's drawn pictures: the same words always draw the same picture, different things
look different, and they are stored once as Wagtail images in the demo's collection, with a
French text alternative, and shown by the cards and heroes."""

import io

import pytest
from django.template.loader import render_to_string
from PIL import Image as PILImage

from search.models import IndexOutbox
from shops.demo import pictures
from shops.demo.picture_library import (
    COLLECTION_NAME,
    attach_product_pictures,
    attach_shop_pictures,
    town_hero,
)
from shops.factories import ProductFactory, ShopFactory
from shops.models import Product, Shop


def decoded(data: bytes) -> PILImage.Image:
    picture = PILImage.open(io.BytesIO(data))
    picture.load()
    return picture


def test_the_same_words_draw_the_same_picture_and_other_words_another():
    honey = pictures.product_picture("Miel de lavande de Sologne", "produits-frais")
    assert honey == pictures.product_picture("Miel de lavande de Sologne", "produits-frais")
    assert honey != pictures.product_picture("Miel de châtaignier", "produits-frais")
    assert decoded(honey).format == "JPEG" and decoded(honey).size == (560, 560)
    shop = decoded(pictures.shop_picture("L'Atelier du Vitrail", "artisanat"))
    town = decoded(pictures.town_picture("Châteauroux"))
    assert shop.size == (720, 480) and town.size == (1500, 1000)


def test_a_picture_is_not_a_flat_placeholder():
    picture = decoded(pictures.product_picture("Bague argent et pierre de lune", "bijouterie"))
    colours = picture.convert("RGB").resize((64, 64)).getcolors(64 * 64)
    assert len(colours) > 50  # shading and a shape, not one or two colours


@pytest.mark.parametrize(
    "title,sector,shape",
    [
        ("Miel de lavande de Sologne", "produits-frais", "jar"),
        ("Vin de Touraine rouge", "produits-frais", "bottle"),
        ("Crottin de Chavignol", "epicerie", "cheese"),
        ("Roman policier", "librairie", "book"),
        ("Puzzle Châteaux de la Loire", "jouets", "blocks"),
        ("Objet sans mot connu", "bijouterie", "ring"),  # the sector decides
        ("Objet sans mot connu", None, "gift"),
    ],
)
def test_the_shape_says_what_the_product_is(title, sector, shape):
    assert pictures.shape_for(title, sector) == shape


@pytest.mark.django_db
def test_products_and_shops_get_their_pictures_once_in_the_demo_collection():
    shop = ShopFactory(name="L'Atelier & Fils")
    same = ProductFactory.create_batch(2, title="Coffret de sablés", shop=shop)
    other = ProductFactory(title="Tasse en grès", shop=shop)
    assert attach_product_pictures(Product.objects.all()) == 3
    assert attach_shop_pictures(Shop.objects.select_related("town")) == 1
    products = {p.pk: p for p in Product.objects.select_related("image__collection")}
    first, second = (products[p.pk].image for p in same)
    assert first == second and products[other.pk].image != first
    assert first.collection.name == COLLECTION_NAME and (first.width, first.height) == (560, 560)
    assert IndexOutbox.objects.filter(object_id=str(first.pk)).exists()  # found by the admin
    assert first.default_alt_text == "Illustration : Coffret de sablés"
    shop.refresh_from_db()
    assert shop.photo.default_alt_text == f"Devanture de « L'Atelier & Fils », à {shop.town.name}"
    # A second load draws nothing new and keeps what is attached.
    assert attach_product_pictures(Product.objects.all()) == 0
    assert attach_shop_pictures(Shop.objects.select_related("town")) == 0
    assert type(first).objects.filter(collection__name=COLLECTION_NAME).count() == 3


@pytest.mark.django_db
def test_cards_and_heroes_show_the_pictures_with_renditions():
    shop = ShopFactory()
    ProductFactory(shop=shop, title="Coffret de sablés")
    attach_product_pictures(Product.objects.all())
    attach_shop_pictures(Shop.objects.select_related("town"))
    product = Product.objects.select_related("image", "shop__town").get()
    shop = Shop.objects.select_related("photo", "town").get()
    product_card = render_to_string("components/product_card.html", {"product": product})
    shop_card = render_to_string("components/shop_card.html", {"shop": shop})
    assert 'class="card__media"' in product_card and "fill-240x240" in product_card
    assert 'class="card__media"' in shop_card and "fill-320x200" in shop_card
    hero_image = town_hero("Vierzon")
    assert hero_image.renditions.filter(filter_spec="fill-1440x960").exists()
    hero = render_to_string("components/hero.html", {"title": "Vierzon", "image": hero_image})
    assert 'alt="Vierzon : les toits de la ville au bord de la Loire (illustration)"' in hero
