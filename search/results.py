"""Turning what an engine found (kinds and primary keys) into what the page and the API show.

Rows are loaded in one query per kind (and one for shops' sectors), from the public
querysets: a hit whose shop was hidden since the last index update is dropped rather than
shown.
"""

from django.utils.html import escape, strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from shops.models import Sector, Shop
from shops.models.catalogue import product_url, shop_url
from shops.queries import listed_products, listed_shops

from . import labels
from .engine import MARK_END, MARK_START, HitRef, RawAnswer
from .query import FacetValue, SearchHit, SearchOutcome, SearchQuery
from .text import fold, words

FACET_ORDER = ("type", "town", "departement", "sector", "marketplace", "click_and_collect")
KIND_LABELS = {"shop": _("Commerces"), "product": _("Produits"), "page": _("Pages")}


def marked(fragment: str) -> str:
    """An engine highlight as safe HTML: any markup in the text escaped, matches in <mark>."""
    text = escape(strip_tags(fragment))
    return text.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")


def marked_by_words(title: str, query_text: str) -> str:
    """The database's highlight: whole words of the query, compared folded."""
    wanted = set(words(query_text))
    parts = []
    for token in title.split(" "):
        core = fold(token).strip(".,;:!?()«»\"'")
        hit = core in wanted or any(core.startswith(word) for word in wanted if len(word) > 3)
        parts.append(f"<mark>{escape(token)}</mark>" if hit and core else escape(token))
    return " ".join(parts)


# Only what a result shows is read, as plain rows: these are loaded on every search.
SHOP_COLUMNS = ["pk", "name", "slug", "town__insee_code", "town__name", "marketplace__name"]
SHOP_COLUMNS += ["click_and_collect"]
PRODUCT_COLUMNS = ["pk", "title", "slug", "price", "shop__name", "shop__click_and_collect"]
PRODUCT_COLUMNS += ["shop__town__insee_code", "shop__town__name", "marketplace__name"]
PRODUCT_COLUMNS += ["sector__slug"]


def first_sectors(shop_pks) -> dict[int, str]:
    """Each shop's first sector (in the sectors' own order), by slug."""
    ordering = [f"sector__{name}" for name in Sector._meta.ordering]
    first = {}
    for shop_pk, slug in (
        Shop.sectors.through.objects.filter(shop_id__in=shop_pks)
        .order_by("shop_id", *ordering)
        .values_list("shop_id", "sector__slug")
    ):
        first.setdefault(shop_pk, slug)
    return first


def load_objects(refs: list[HitRef]) -> dict[tuple[str, int], object]:
    wanted = {
        kind: [ref.pk for ref in refs if ref.kind == kind] for kind in ("shop", "product", "page")
    }
    loaded = {}
    if wanted["shop"]:
        shops = listed_shops().filter(pk__in=wanted["shop"]).values(*SHOP_COLUMNS)
        sectors = first_sectors(wanted["shop"])
        for row in shops:
            row["sector__slug"] = sectors.get(row["pk"])
            loaded[("shop", row["pk"])] = row
    if wanted["product"]:
        products = listed_products().filter(pk__in=wanted["product"]).values(*PRODUCT_COLUMNS)
        loaded.update({("product", row["pk"]): row for row in products})
    if wanted["page"]:
        pages = Page.objects.live().public().in_bulk(wanted["page"])
        loaded.update({("page", pk): page for pk, page in pages.items()})
    return loaded


def town_json(prefix: str, row: dict) -> dict:
    return {"code": row[f"{prefix}insee_code"], "name": row[f"{prefix}name"]}


def sector_json(slug: str | None) -> dict | None:
    return {"slug": slug, "name": labels.sector_label(slug)} if slug else None


def make_hit(ref: HitRef, found, query: SearchQuery) -> SearchHit:
    if ref.kind == "shop":
        hit = SearchHit(
            "shop",
            ref.pk,
            found["name"],
            shop_url(found["slug"]),
            town=town_json("town__", found),
            sector=sector_json(found["sector__slug"]),
            marketplace=found["marketplace__name"],
            click_and_collect=found["click_and_collect"],
        )
    elif ref.kind == "product":
        hit = SearchHit(
            "product",
            ref.pk,
            found["title"],
            product_url(ref.pk, found["slug"]),
            town=town_json("shop__town__", found),
            sector=sector_json(found["sector__slug"]),
            price=found["price"],
            marketplace=found["marketplace__name"],
            click_and_collect=found["shop__click_and_collect"],
            shop_name=found["shop__name"],
        )
    else:
        hit = SearchHit("page", found.pk, found.title, found.url or "")
    hit.highlight = (
        marked(ref.highlight) if ref.highlight else marked_by_words(hit.title, query.text)
    )
    hit.distance_km = ref.distance_km
    return hit


def facet_label(name: str, value: str) -> str:
    if name == "type":
        return KIND_LABELS.get(value, value)
    if name == "town":
        return labels.town_name(value) or value
    if name == "departement":
        return labels.departement_name(value) or value
    if name == "sector":
        return labels.sector_label(value)
    if name == "click_and_collect":
        return _("Retrait en boutique")
    return value


def labelled_facets(answer: RawAnswer) -> dict[str, list[FacetValue]]:
    counts = {"type": answer.kind_counts, **answer.facet_counts}
    # Marketplaces are counted by id in the index and chosen by slug in the address.
    marketplaces = {}
    for pk, count in counts.get("marketplace", {}).items():
        found = labels.marketplace_by_id(str(pk))
        if found:
            marketplaces[found[0]] = (found[1], count)
    facets = {}
    for name in FACET_ORDER:
        if name == "marketplace":
            values = [(slug, label, count) for slug, (label, count) in marketplaces.items()]
        else:
            values = [
                (value, facet_label(name, value), count)
                for value, count in counts.get(name, {}).items()
            ]
        values = [value for value in values if value[2]]
        if values:
            values.sort(key=lambda value: (-value[2], str(value[1])))
            facets[name] = [FacetValue(*value) for value in values]
    return facets


def outcome_from(answer: RawAnswer, query: SearchQuery) -> SearchOutcome:
    loaded = load_objects(answer.refs)
    hits = [
        make_hit(ref, loaded[(ref.kind, ref.pk)], query)
        for ref in answer.refs
        if (ref.kind, ref.pk) in loaded
    ]
    return SearchOutcome(
        query=query,
        count=answer.total,
        hits=hits,
        facets=labelled_facets(answer),
        price_range=answer.price_range,
    )
