"""The demo's editorial pages, built from whatever catalogue the database holds: a live Christmas
campaign, featured towns, seasonal guides and every sector page, in French with English
translations made through wagtail-localize. Idempotent: existing pages are kept as they are.
"""

import datetime
import logging
import random

from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from wagtail.models import Locale

from home.site_setup import ensure_site
from shops.demo.picture_library import festive_hero, partner_logo, town_hero
from shops.models import Sector, Town
from shops.queries import listed_products, listed_shops

from .models import (
    CampaignIndexPage,
    CampaignPage,
    GuideIndexPage,
    SeasonalGuidePage,
    SectorIndexPage,
    SectorPage,
    TownIndexPage,
    TownPage,
)
from .permissions import ensure_town_editor_group
from .structure import ensure_sections
from .translation import translate

logger = logging.getLogger(__name__)

FEATURED_TOWNS = 8
MIN_FEATURED_TOWNS = 6
GUIDE_PRODUCTS = 8
GUIDE_SHOPS = 2
# The demo is the same on every run: guides pick the same products from the same catalogue.
SEED = 2026

PICKUP_FR = (
    "<p>La plupart des commerces préparent votre commande en deux heures. "
    "Présentez le courriel de confirmation en boutique.</p>"
)
PICKUP_EN = {
    "La plupart des commerces préparent votre commande en deux heures. "
    "Présentez le courriel de confirmation en boutique.": "Most shops prepare your order within "
    "two hours. Show the confirmation email in the shop."
}


@transaction.atomic
def build_demo_pages() -> dict:
    """Build (or complete) the demo's editorial pages; returns what exists, for the caller's log."""
    home = ensure_site()
    sections = ensure_sections(home)
    rng = random.Random(SEED)
    towns = _town_pages(sections[TownIndexPage])
    sectors = _sector_pages(sections[SectorIndexPage])
    guides = _guides(sections[GuideIndexPage], rng)
    campaign = _christmas_campaign(sections[CampaignIndexPage], sections[GuideIndexPage])
    return {"towns": towns, "sectors": sectors, "guides": guides, "campaign": campaign}


def _publish_new(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _english(page, strings):
    if not page.has_translation(Locale.objects.get(language_code="en")):
        translate(page, "en", strings)


# --- Towns ------------------------------------------------------------------------------------


def _featured_towns():
    """The towns with the most listed shops, topped up with the largest towns if too few."""
    with_shops = list(
        Town.objects.filter(shops__in=listed_shops().values("pk"))
        .annotate(shop_count=Count("shops", distinct=True))
        .order_by("-shop_count", "name")[:FEATURED_TOWNS]
    )
    if len(with_shops) < MIN_FEATURED_TOWNS:
        missing = MIN_FEATURED_TOWNS - len(with_shops)
        with_shops += list(
            Town.objects.exclude(pk__in=[town.pk for town in with_shops]).order_by("-population")[
                :missing
            ]
        )
    return with_shops


def _town_pages(index):
    pages = []
    for town in _featured_towns():
        page = TownPage.objects.filter(town=town, locale=index.locale).first()
        if page is None:
            intro = f"Les commerces de {town.name} vous accueillent, en boutique et en ligne."
            page = _publish_new(
                index,
                TownPage(
                    title=town.name,
                    slug=town.slug,
                    town=town,
                    intro=f"<p>{intro}</p>",
                    pickup_information=PICKUP_FR,
                    search_description=intro,
                    hero_image=town_hero(town.name),
                ),
            )
            _english(
                page,
                {
                    intro: f"The shops of {town.name} welcome you, in store and online.",
                    **PICKUP_EN,
                },
            )
        ensure_town_editor_group(page)
        pages.append(page)
    return pages


# --- Sectors ----------------------------------------------------------------------------------


def _sector_pages(index):
    pages = []
    for sector in Sector.objects.all():
        page = SectorPage.objects.filter(sector=sector, locale=index.locale).first()
        if page is None:
            intro = f"{sector.name} : les commerces de la région, près de chez vous."
            page = _publish_new(
                index,
                SectorPage(
                    title=sector.name,
                    slug=sector.slug,
                    sector=sector,
                    intro=f"<p>{intro}</p>",
                    search_description=intro,
                ),
            )
            english_name = sector.name_en or sector.name
            _english(
                page,
                {
                    sector.name: english_name,
                    intro: f"{english_name}: the region's shops, near you.",
                },
            )
        pages.append(page)
    return pages


# --- Guides -----------------------------------------------------------------------------------

GUIDES = [
    # slug, French title, English title, French intro, English intro, sector slugs, max price
    (
        "idees-cadeaux-de-noel",
        "Idées cadeaux de Noël",
        "Christmas gift ideas",
        "Jouets, livres et bijoux choisis chez les commerçants de la région.",
        "Toys, books and jewellery chosen from the region's shops.",
        ["jouets", "librairie", "bijouterie"],
        None,
    ),
    (
        "saveurs-des-fetes",
        "Les saveurs des fêtes",
        "Festive flavours",
        "Pour la table des fêtes : produits frais et gourmandises d'ici.",
        "For the festive table: fresh produce and local treats.",
        ["produits-frais", "epicerie", "restauration"],
        None,
    ),
    (
        "offrir-local-petits-prix",
        "Offrir local à petits prix",
        "Local gifts on a budget",
        "Moins de 30 € : des cadeaux qui font vivre nos centres-villes.",
        "Under €30: gifts that keep our town centres alive.",
        [],
        30,
    ),
]


# What each guide's hero shows (shapes of shops/demo/pictures.py); presents otherwise.
GUIDE_SHAPES = {
    "idees-cadeaux-de-noel": ("blocks", "book", "ring"),
    "saveurs-des-fetes": ("bottle", "cheese", "loaf"),
    "offrir-local-petits-prix": ("candle", "jar", "gift"),
}


def _guides(index, rng):
    pages = []
    for slug, title, title_en, intro, intro_en, sector_slugs, max_price in GUIDES:
        page = SeasonalGuidePage.objects.filter(slug=slug, locale=index.locale).first()
        if page is None:
            products = listed_products().order_by("pk")
            if sector_slugs:
                products = products.filter(sector__slug__in=sector_slugs)
            if max_price:
                products = products.filter(price__lte=max_price)
            candidates = list(products[:200]) or list(listed_products().order_by("pk")[:200])
            chosen = rng.sample(candidates, min(GUIDE_PRODUCTS, len(candidates)))
            shops = list(listed_shops().filter(is_featured=True).order_by("pk")[:20]) or list(
                listed_shops().order_by("pk")[:20]
            )
            chosen_shops = rng.sample(shops, min(GUIDE_SHOPS, len(shops)))
            strings = {title: title_en, slug: slug, intro: intro_en}
            selection = []
            for product in chosen:
                note = f"Notre coup de cœur chez {product.shop.name}, à {product.shop.town.name}."
                strings[note] = (
                    f"Our favourite from {product.shop.name}, in {product.shop.town.name}."
                )
                selection.append(("product", {"product": product, "note": note}))
            for shop in chosen_shops:
                note = f"Une adresse à ne pas manquer à {shop.town.name}."
                strings[note] = f"A shop not to be missed in {shop.town.name}."
                selection.append(("shop", {"shop": shop, "note": note}))
            page = _publish_new(
                index,
                SeasonalGuidePage(
                    title=title,
                    slug=slug,
                    season=f"Noël {_christmas().year}",
                    intro=f"<p>{intro}</p>",
                    search_description=intro,
                    hero_image=festive_hero(
                        title,
                        f"Illustration du guide « {title} »",
                        GUIDE_SHAPES.get(slug, ("gift",) * 3),
                    ),
                    selection=selection,
                ),
            )
            strings[f"Noël {_christmas().year}"] = f"Christmas {_christmas().year}"
            _english(page, strings)
        pages.append(page)
    return pages


# --- The Christmas campaign -------------------------------------------------------------------


def _christmas() -> datetime.date:
    today = timezone.localdate()
    christmas = datetime.date(today.year, 12, 25)
    return christmas if today <= christmas else datetime.date(today.year + 1, 12, 25)


def _christmas_campaign(index, guide_index):
    christmas = _christmas()
    slug = f"noel-{christmas.year}"
    page = CampaignPage.objects.filter(slug=slug, locale=index.locale).first()
    if page is not None:
        return page
    today = timezone.localdate()
    # Live whenever the demo is built: started already, ending on Christmas Eve (or later).
    start = min(today - datetime.timedelta(days=7), christmas - datetime.timedelta(days=40))
    end = max(christmas - datetime.timedelta(days=1), today + datetime.timedelta(days=7))
    title = f"Noël {christmas.year} : achetez local !"
    intro = "Cette année, les cadeaux se trouvent au coin de la rue."
    text = (
        "Réservez en ligne, retirez en boutique : les commerçants du Centre-Val de Loire "
        "préparent vos cadeaux."
    )
    countdown_heading = "Plus que quelques jours avant Noël"
    products_heading = "À retirer en boutique dès demain"
    shops_heading = "Ils vous attendent"
    map_heading = "Tous les commerces inscrits"
    quote = "Depuis que je suis sur Local d'abord, des clients de tout le département me trouvent."
    role = "libraire"
    partners_heading = "Nos partenaires"
    button_label = "Voir tous les guides de saison"
    cta = "Trouver un commerce"
    featured = list(listed_shops().filter(is_featured=True).order_by("pk")[:6])
    featured = featured or list(listed_shops().order_by("pk")[:6])
    partners = [
        {"name": name, "logo": partner_logo(name, colour), "url": ""}
        for name, colour in [
            ("Région Centre-Val de Loire", (0, 84, 147)),
            ("CCI Centre-Val de Loire", (30, 30, 30)),
            ("Chambre de métiers", (94, 14, 38)),
        ]
    ]
    body = [
        ("rich_text", f"<p>{text}</p>"),
        (
            "countdown",
            {
                "heading": countdown_heading,
                "target": timezone.make_aware(
                    datetime.datetime.combine(christmas, datetime.time(0, 0))
                ),
                "finished_message": "Joyeux Noël !",
            },
        ),
        (
            "featured_products",
            {
                "heading": products_heading,
                "selection": "rule",
                "products": [],
                "sector": None,
                "town": None,
                "marketplace": None,
                "click_and_collect_only": True,
                "limit": 8,
            },
        ),
        ("featured_shops", {"heading": shops_heading, "shops": featured}),
        ("shop_map", {"heading": map_heading, "town": None, "sector": None}),
        ("testimonial", {"quote": quote, "author": "Claire M.", "role": role, "portrait": None}),
        ("partner_logos", {"heading": partners_heading, "partners": partners}),
        ("button", {"label": button_label, "page": guide_index, "url": ""}),
    ]
    page = _publish_new(
        index,
        CampaignPage(
            title=title,
            slug=slug,
            start_date=start,
            end_date=end,
            intro=f"<p>{intro}</p>",
            search_description=intro,
            hero_image=festive_hero(
                title, "Illustration : des paquets-cadeaux sous la neige et une guirlande"
            ),
            call_to_action_label=cta,
            call_to_action_page=guide_index,
            body=body,
        ),
    )
    _english(
        page,
        {
            title: f"Christmas {christmas.year}: shop local!",
            slug: f"christmas-{christmas.year}",
            intro: "This year, the presents are just around the corner.",
            text: "Reserve online, collect in store: the shops of Centre-Val de Loire are "
            "getting your presents ready.",
            countdown_heading: "Only a few days left until Christmas",
            "Joyeux Noël !": "Merry Christmas!",
            products_heading: "Ready to collect in store from tomorrow",
            shops_heading: "They are waiting for you",
            map_heading: "Every shop on the portal",
            quote: "Since I joined Local d'abord, customers from all over the département find me.",
            role: "bookseller",
            partners_heading: "Our partners",
            button_label: "See all seasonal guides",
            cta: "Find a shop",
        },
    )
    return page
