"""The catalogue rows and pages that editorial pages show, each list fetched in a fixed number of
queries (whatever its length), always through the public querysets of shops.queries.
"""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import Count, F, Q, Window
from django.db.models.functions import RowNumber
from django.utils import timezone
from wagtail.models import Locale, Page

from shops.models import Marketplace, Sector
from shops.queries import listed_products, listed_shops, with_other_records

SHOPS_PER_PAGE = 24
MAP_POINTS_LIMIT = 500


@dataclass(frozen=True)
class GuideEntry:
    kind: str  # "product" or "shop"
    item: object
    note: str


def _in_given_order(queryset, ids):
    by_pk = queryset.in_bulk(ids)
    return [by_pk[pk] for pk in ids if pk in by_pk]


def shops_in_order(ids):
    return _in_given_order(with_other_records(listed_shops()), ids)


def products_in_order(ids):
    return _in_given_order(listed_products(), ids)


def products_by_rule(
    *, sector=None, town=None, marketplace=None, click_and_collect_only=False, limit=8
):
    products = listed_products()
    if sector:
        products = products.filter(sector=sector)
    if town:
        products = products.filter(shop__town=town)
    if marketplace:
        products = products.filter(marketplace=marketplace)
    if click_and_collect_only:
        products = products.filter(shop__click_and_collect=True)
    return list(spread_over_shops(products)[:limit])


def spread_over_shops(products):
    """Each shop's best product first, then each shop's second, and so on: one shop with many
    products never fills a selection that several shops could share. Featured shops and
    products come first, then the newest, so the rule stays fresh as feeds change."""
    turn = Window(
        RowNumber(),
        partition_by=F("shop_id"),
        order_by=[F("is_featured").desc(), F("created_at").desc(), F("pk").desc()],
    )
    return products.annotate(turn=turn).order_by(
        "turn", "-shop__is_featured", "-is_featured", "-created_at", "-pk"
    )


def shops_matching(*, town=None, sector=None):
    shops = with_other_records(listed_shops())
    if town:
        shops = shops.filter(town=town)
    if sector:
        shops = shops.filter(sectors=sector)
    return shops


def map_points(shops, limit=MAP_POINTS_LIMIT):
    """Markers for the Leaflet map, one query; shops without any position are left out."""
    points = []
    for shop in shops[:limit]:
        coordinates = shop.coordinates
        if coordinates:
            points.append(
                {
                    "name": shop.name,
                    "url": shop.get_absolute_url(),
                    "lat": round(coordinates[0], 5),
                    "lon": round(coordinates[1], 5),
                    "town": shop.town.name,
                }
            )
    return points


def paginate(queryset, page_number, per_page=SHOPS_PER_PAGE):
    return Paginator(queryset, per_page).get_page(page_number)


# --- Town pages -------------------------------------------------------------------------------


def town_shops(town, *, sector_slug="", click_and_collect=False):
    shops = with_other_records(listed_shops().filter(town=town).prefetch_related("sectors"))
    if sector_slug:
        shops = shops.filter(sectors__slug=sector_slug)
    if click_and_collect:
        shops = shops.filter(click_and_collect=True)
    return shops.order_by("-is_featured", "name")


def town_sector_facets(town):
    """The sectors present in a town, each with its number of listed shops."""
    return _sector_facets(listed_shops().filter(town=town))


def _sector_facets(shops):
    return list(
        Sector.objects.filter(shops__in=shops.values("pk"))
        .annotate(shop_count=Count("shops", distinct=True))
        .order_by("sort_order", "name")
    )


def town_marketplaces(town):
    return list(
        Marketplace.objects.filter(
            pk__in=listed_shops().filter(town=town).values("marketplace_id")
        ).order_by("name")
    )


# --- Sector pages -----------------------------------------------------------------------------


def sector_shops(sector, *, town_code=""):
    shops = with_other_records(listed_shops().filter(sectors=sector).prefetch_related("sectors"))
    if town_code:
        shops = shops.filter(town__insee_code=town_code)
    return shops.order_by("-is_featured", "name")


def sector_town_facets(sector, limit=30):
    """The towns with shops of this sector, most shops first."""
    from shops.models import Town

    return list(
        Town.objects.filter(shops__in=listed_shops().filter(sectors=sector).values("pk"))
        .annotate(shop_count=Count("shops", distinct=True))
        .order_by("-shop_count", "name")[:limit]
    )


def sector_products(sector, *, town_code="", limit=12):
    products = listed_products().filter(sector=sector)
    if town_code:
        products = products.filter(shop__town__insee_code=town_code)
    return list(products.order_by("-shop__is_featured", "-created_at")[:limit])


# --- Guides -----------------------------------------------------------------------------------


def guide_entries(selection):
    """The guide's products and shops in the editor's order, with their notes, in two queries.

    Reads the raw stream (ids) rather than the chooser blocks, which would fetch each related
    shop and town again for every card.
    """
    raw = [(item["type"], item["value"]) for item in selection.raw_data]
    products = listed_products().in_bulk(
        [value["product"] for kind, value in raw if kind == "product"]
    )
    shops = with_other_records(listed_shops()).in_bulk(
        [value["shop"] for kind, value in raw if kind == "shop"]
    )
    entries = []
    for kind, value in raw:
        item = (products if kind == "product" else shops).get(value.get(kind))
        if item is not None:
            entries.append(GuideEntry(kind, item, value.get("note", "")))
    return entries


# --- Home page and section indexes ------------------------------------------------------------


def current_campaign(locale=None):
    """The running campaign of the language being shown: started, not finished, newest first."""
    from .models import CampaignPage

    today = timezone.localdate()
    return (
        CampaignPage.objects.live()
        .public()
        .filter(locale=locale or Locale.get_active())
        .filter(start_date__lte=today)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=today))
        .select_related("hero_image")
        .order_by("-start_date")
        .first()
    )


def featured_towns(locale=None, limit=8):
    from .models import TownPage

    return list(
        TownPage.objects.live()
        .public()
        .filter(locale=locale or Locale.get_active())
        .select_related("town", "hero_image")
        .order_by("title")[:limit]
    )


def sector_pages(locale=None):
    from .models import SectorPage

    return list(
        SectorPage.objects.live()
        .public()
        .filter(locale=locale or Locale.get_active())
        .select_related("sector")
        .order_by("sector__sort_order", "title")
    )


def latest_guides(locale=None, limit=3):
    from .models import SeasonalGuidePage

    return list(
        SeasonalGuidePage.objects.live()
        .public()
        .filter(locale=locale or Locale.get_active())
        .select_related("hero_image")
        .order_by("-first_published_at")[:limit]
    )


def section_children(index_page):
    """The live children of a section index, as their specific pages, in one query per type."""
    return list(Page.objects.child_of(index_page).live().public().specific().order_by("title"))
