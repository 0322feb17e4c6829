"""Turning what an engine found (kinds and primary keys) into what the page and the API show.

Objects are loaded in one query per kind, from the public querysets: a hit whose shop was
hidden since the last index update is dropped rather than shown.
"""

from django.utils.html import escape, strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

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


# Only what a result shows is read: these rows are loaded on every search.
SHOP_FIELDS = ["name", "slug", "town__insee_code", "town__name", "marketplace__name"]
SHOP_FIELDS += ["click_and_collect", "delivery"]
PRODUCT_FIELDS = ["title", "slug", "price", "shop__name", "shop__slug", "shop__click_and_collect"]
PRODUCT_FIELDS += ["shop__town__insee_code", "shop__town__name", "marketplace__name"]
PRODUCT_FIELDS += ["sector__slug", "sector__name", "sector__name_en", "image"]


def load_objects(refs: list[HitRef]) -> dict[tuple[str, int], object]:
    wanted = {
        kind: [ref.pk for ref in refs if ref.kind == kind] for kind in ("shop", "product", "page")
    }
    loaded = {}
    if wanted["shop"]:
        shops = (
            listed_shops()
            .select_related(None)
            .select_related("town", "marketplace")
            .only(*SHOP_FIELDS)
            .prefetch_related("sectors")
            .in_bulk(wanted["shop"])
        )
        loaded.update({("shop", pk): shop for pk, shop in shops.items()})
    if wanted["product"]:
        products = (
            listed_products()
            .select_related(None)
            .select_related("shop__town", "sector", "marketplace")
            .only(*PRODUCT_FIELDS)
            .in_bulk(wanted["product"])
        )
        loaded.update({("product", pk): product for pk, product in products.items()})
    if wanted["page"]:
        pages = Page.objects.live().public().in_bulk(wanted["page"])
        loaded.update({("page", pk): page for pk, page in pages.items()})
    return loaded


def town_json(town) -> dict:
    return {"code": town.insee_code, "name": town.name}


def sector_json(sector) -> dict | None:
    return {"slug": sector.slug, "name": sector.label} if sector else None


def make_hit(ref: HitRef, obj, query: SearchQuery) -> SearchHit:
    if ref.kind == "shop":
        sectors = list(obj.sectors.all())
        hit = SearchHit(
            "shop",
            obj.pk,
            obj.name,
            obj.get_absolute_url(),
            obj,
            town=town_json(obj.town),
            sector=sector_json(sectors[0] if sectors else None),
            marketplace=obj.marketplace.name if obj.marketplace else None,
            click_and_collect=obj.click_and_collect,
        )
    elif ref.kind == "product":
        hit = SearchHit(
            "product",
            obj.pk,
            obj.title,
            obj.get_absolute_url(),
            obj,
            town=town_json(obj.shop.town),
            sector=sector_json(obj.sector),
            price=obj.price,
            marketplace=obj.marketplace.name if obj.marketplace else None,
            click_and_collect=obj.shop.click_and_collect,
        )
    else:
        hit = SearchHit("page", obj.pk, obj.title, obj.url or "", obj)
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
