"""The demo's pictures (shops/demo/pictures.py) as Wagtail images in a collection of their own,
attached to the demo's products, shops and pages without any network fetch.

Idempotent: a picture is found again by its title in the collection, so a second load_demo
draws nothing that exists already.
"""

import hashlib
import io
from collections.abc import Callable

from django.core.files.base import ContentFile
from django.db import transaction
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection

from search.outbox import record_changes
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


def stored_pictures(wanted: dict[str, tuple[str, Callable[[], bytes]]]) -> dict:
    """The demo pictures with these titles ({title: (alt, draw)}), drawn and stored the first
    time they are asked for; returns {title: image}.

    `alt` is the French text alternative (Wagtail's description, used as the default alt).
    New images are written in one bulk insert, with their index outbox rows written explicitly
    (bulk writes skip the save signal): one save per picture would queue one index drain each,
    which made load_demo several times slower.
    """
    Image = get_image_model()
    collection = demo_collection()
    titles = {title[:255]: title for title in wanted}
    found = {
        image.title: image
        for image in Image.objects.filter(collection=collection, title__in=list(titles))
    }
    new = []
    for short, title in titles.items():
        if short in found:
            continue
        alt, draw = wanted[title]
        data = draw()
        digest = hashlib.sha1(data).hexdigest()  # noqa: S324 — Wagtail's own file hash
        width, height = PILImage.open(io.BytesIO(data)).size  # reads the header only
        image = Image(
            title=short,
            description=alt,
            collection=collection,
            file_size=len(data),
            file_hash=digest,
        )
        image.file.save(f"demo-{digest[:12]}.jpg", ContentFile(data), save=False)
        # After the file: assigning it resets the dimension fields it cannot read back.
        image.width, image.height = width, height
        new.append(image)
    if new:
        Image.objects.bulk_create(new, batch_size=200)
        created = Image.objects.filter(
            collection=collection, file_hash__in=[i.file_hash for i in new]
        )
        record_changes(Image, created.values_list("pk", flat=True))
        found.update({image.title: image for image in created})
    return {title: found[short] for short, title in titles.items()}


def stored_picture(title: str, alt: str, draw: Callable[[], bytes], renditions=()):
    image = stored_pictures({title: (alt, draw)})[title]
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
    images = stored_pictures(
        {
            f"Produit — {title}": (
                f"Illustration : {title}",
                lambda title=title, sector=sector: pictures.product_picture(title, sector),
            )
            for title, sector in groups
        }
    )
    for (title, _sector), pks in groups.items():
        Product.objects.filter(pk__in=pks).update(image=images[f"Produit — {title}"])
    return sum(len(pks) for pks in groups.values())


@transaction.atomic
def attach_shop_pictures(shops) -> int:
    """Shops without a photo get a drawn shop front with their name on the sign."""
    shops = list(shops.filter(photo__isnull=True).prefetch_related("sectors"))

    def title(shop):
        return f"Commerce — {shop.name} ({shop.town.name}, {shop.pk})"

    def draw(shop):
        sector = next(iter(shop.sectors.all()), None)
        return lambda: pictures.shop_picture(shop.name, sector.slug if sector else None)

    images = stored_pictures(
        {
            title(shop): (f"Devanture de « {shop.name} », à {shop.town.name}", draw(shop))
            for shop in shops
        }
    )
    for shop in shops:
        Shop.objects.filter(pk=shop.pk).update(photo=images[title(shop)])
    return len(shops)


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
