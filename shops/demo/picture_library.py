"""The demo's pictures (shops/demo/pictures.py) as Wagtail images in a collection of their own,
attached to the demo's products, shops and pages without any network fetch.

Idempotent: a picture is found again by its title in the collection, so a second load_demo
draws nothing that exists already.
"""

import hashlib
import io
from collections.abc import Callable, Iterable

from django.core.files.images import ImageFile
from django.db import transaction
from wagtail.images import get_image_model
from wagtail.models import Collection

from shops.models import Product, Shop

from . import pictures

COLLECTION_NAME = "Démo"
# The renditions of the heroes (templates/components/hero.html, town and guide cards), made
# while loading so that the first visitor does not wait for them. The hundreds of product and
# shop pictures get theirs on first view: making them all here would triple load_demo's time.
HERO_RENDITIONS = ("fill-480x320", "fill-960x640", "fill-1440x960", "fill-320x200", "fill-640x400")


def demo_collection() -> Collection:
    existing = Collection.objects.filter(name=COLLECTION_NAME).first()
    if existing:
        return existing
    return Collection.get_first_root_node().add_child(name=COLLECTION_NAME)


def stored_picture(title: str, alt: str, draw: Callable[[], bytes], renditions: Iterable[str] = ()):
    """The demo picture with this title, drawn and stored the first time it is asked for.

    `alt` is the French text alternative (Wagtail's description, used as the default alt);
    an empty one where the picture only decorates what its caption already says.
    """
    Image = get_image_model()
    collection = demo_collection()
    image = Image.objects.filter(collection=collection, title=title[:255]).first()
    if image is None:
        data = draw()
        digest = hashlib.sha1(data).hexdigest()[:12]  # noqa: S324 — a file name, not security
        image = Image(title=title[:255], description=alt, collection=collection)
        image.file = ImageFile(io.BytesIO(data), name=f"demo-{digest}.jpg")
        image.save()
    if renditions:
        image.get_renditions(*renditions)
    return image


@transaction.atomic
def attach_product_pictures(products) -> int:
    """Products without an image get the picture of their title (shared by the shops that sell
    the same thing); returns how many products got one."""
    groups: dict[tuple[str, str], list[int]] = {}
    for pk, title, sector in products.filter(image__isnull=True).values_list(
        "pk", "title", "sector__slug"
    ):
        groups.setdefault((title, sector or ""), []).append(pk)
    for (title, sector), pks in groups.items():
        image = stored_picture(
            f"Produit — {title}",
            f"Illustration : {title}",
            lambda title=title, sector=sector: pictures.product_picture(title, sector),
        )
        Product.objects.filter(pk__in=pks).update(image=image)
    return sum(len(pks) for pks in groups.values())


@transaction.atomic
def attach_shop_pictures(shops) -> int:
    """Shops without a photo get a drawn shop front with their name on the sign."""
    count = 0
    for shop in shops.filter(photo__isnull=True).prefetch_related("sectors"):
        sector = next(iter(shop.sectors.all()), None)
        image = stored_picture(
            f"Commerce — {shop.name} ({shop.town.name})",
            f"Devanture de « {shop.name} », à {shop.town.name}",
            lambda shop=shop, sector=sector: pictures.shop_picture(
                shop.name, sector.slug if sector else None
            ),
        )
        Shop.objects.filter(pk=shop.pk).update(photo=image)
        count += 1
    return count


def town_hero(town_name: str):
    return stored_picture(
        f"Ville — {town_name}",
        f"{town_name} : les toits de la ville au bord de la Loire (illustration)",
        lambda: pictures.town_picture(town_name),
        HERO_RENDITIONS,
    )


def festive_hero(title: str, alt: str, shapes: tuple[str, ...] = ("gift", "gift", "gift")):
    return stored_picture(
        f"Fête — {title}",
        alt,
        lambda: pictures.festive_picture(title, shapes),
        HERO_RENDITIONS,
    )


def partner_logo(name: str, colour: tuple[int, int, int]):
    return stored_picture(f"Logo — {name}", name, lambda: pictures.logo_picture(name, colour))
