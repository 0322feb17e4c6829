"""Turning what an engine found (kinds and primary keys) into what the page and the API show.

A shop or product hit is shown from the fields the engine stores with it, without asking
the database, unless it changed since it was indexed (its outbox row is still waiting): then
it is read from the public querysets, so a shop hidden a moment ago is dropped rather than
shown. Answers of the database fallback, and pages, are always read from the database.
"""

import re
from decimal import Decimal

from django.db.models import F
from django.utils.html import escape, strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from shops.models import Product, Sector, Shop
from shops.models.catalogue import product_urls, shop_urls
from shops.queries import listed_products, listed_shops

from . import labels, outbox
from .backends import ENGINE
from .engine import MARK_END, MARK_START, HitRef, RawAnswer
from .query import FacetValue, SearchHit, SearchOutcome, SearchQuery
from .text import fold, words, worth_marking

FACET_ORDER = ("type", "town", "departement", "sector", "marketplace", "click_and_collect")
KIND_LABELS = {"shop": _("Commerces"), "product": _("Produits"), "page": _("Pages")}
CATALOGUE = {"shop": Shop, "product": Product}
CENTS = Decimal("0.01")


MARKED_WORD = re.compile(f"{MARK_START}([^{MARK_END}]*){MARK_END}")


def marked(fragment: str) -> str:
    """An engine highlight as safe HTML: any markup in the text escaped, matches in <mark>
    except the short words every title has."""
    text = escape(strip_tags(fragment))
    return MARKED_WORD.sub(
        lambda match: f"<mark>{match[1]}</mark>" if worth_marking(match[1]) else match[1], text
    )


def marked_by_words(title: str, query_text: str) -> str:
    """The database's highlight: whole words of the query, compared folded."""
    wanted = {word for word in words(query_text) if worth_marking(word)}
    parts = []
    for token in title.split(" "):
        core = fold(token).strip(".,;:!?()«»\"'")
        hit = core in wanted or any(core.startswith(word) for word in wanted if len(word) > 3)
        parts.append(f"<mark>{escape(token)}</mark>" if hit and core else escape(token))
    return " ".join(parts)


def row_from_source(kind: str, source: dict) -> dict | None:
    """A hit's row from the engine's stored fields; None for a document indexed before they
    were all stored (read from the database until it is indexed again)."""
    try:
        row = {
            "pk": int(source["pk"]),
            "title": source["name" if kind == "shop" else "title"],
            "slug": source["slug_filter"],
            "town_code": source["town_code_filter"],
            "sector_slug": next(iter(source.get("sector_slugs_filter") or []), None),
            "marketplace_id": source.get("marketplace_id_filter"),
            "click_and_collect": source["click_and_collect_filter"],
        }
        if kind == "shop":
            # Absent from documents indexed before it existed: their shop is named alone
            # until indexed again (linking records re-indexes both, shops/same_shop.py).
            row["other_marketplace_ids"] = source.get("other_marketplace_ids_filter") or []
        if kind == "product":
            row["shop_name"] = source["shop"]["name"]
            price = source.get("price_filter")
            # Stored as a number: back to the two decimals of the price column.
            row["price"] = None if price is None else Decimal(str(price)).quantize(CENTS)
    except KeyError:
        return None
    return row


def first_sectors(shop_pks) -> dict[int, str]:
    """Each shop's first sector (in the sectors' own order), by slug: as its document has them."""
    ordering = [f"sector__{name}" for name in Sector._meta.ordering]
    first = {}
    for shop_pk, slug in (
        Shop.sectors.through.objects.filter(shop_id__in=shop_pks)
        .order_by("shop_id", *ordering)
        .values_list("shop_id", "sector__slug")
    ):
        first.setdefault(shop_pk, slug)
    return first


def other_marketplace_ids(shop_pks) -> dict[int, list[int]]:
    """Each listing's other records' marketplaces, as its document has them."""
    found: dict[int, list[int]] = {}
    for listing, marketplace in (
        Shop.objects.filter(duplicate_of_id__in=shop_pks, is_active=True, is_hidden=False)
        .exclude(marketplace_id=None)
        .order_by("pk")
        .values_list("duplicate_of_id", "marketplace_id")
    ):
        if marketplace not in found.setdefault(listing, []):
            found[listing].append(marketplace)
    return found


def rows_from_database(kind: str, pks: list[int]) -> dict[int, dict]:
    """The same rows as `row_from_source`, for the hits still listed."""
    if kind == "shop":
        rows = listed_shops().filter(pk__in=pks)
        rows = rows.values("pk", "slug", "marketplace_id", "click_and_collect", title=F("name"))
        rows = rows.annotate(town_code=F("town__insee_code"))
        sectors, others = first_sectors(pks), other_marketplace_ids(pks)
        return {
            row["pk"]: {
                **row,
                "sector_slug": sectors.get(row["pk"]),
                "other_marketplace_ids": others.get(row["pk"], []),
            }
            for row in rows
        }
    rows = listed_products().filter(pk__in=pks)
    rows = rows.values("pk", "title", "slug", "price", "marketplace_id")
    rows = rows.annotate(
        shop_name=F("shop__name"),
        click_and_collect=F("shop__click_and_collect"),
        town_code=F("shop__town__insee_code"),
        sector_slug=F("sector__slug"),
    )
    return {row["pk"]: row for row in rows}


def load_rows(refs: list[HitRef], outbox_empty: bool = False) -> dict[tuple[str, int], object]:
    """Each hit's row (shop, product) or page by (kind, pk); hits no longer shown are left out.

    `outbox_empty`: known to have no change waiting (search/outbox.py), no need to look.
    """
    from_engine = {
        model: [ref.pk for ref in refs if ref.kind == kind and ref.source]
        for kind, model in CATALOGUE.items()
    }
    changed = set() if outbox_empty else outbox.pending(ENGINE, from_engine)
    loaded = {}
    for ref in refs:
        if ref.kind in CATALOGUE and ref.source and (CATALOGUE[ref.kind], ref.pk) not in changed:
            row = row_from_source(ref.kind, ref.source)
            if row:
                loaded[(ref.kind, ref.pk)] = row
    for kind in CATALOGUE:
        unread = [ref.pk for ref in refs if ref.kind == kind and (kind, ref.pk) not in loaded]
        if unread:
            rows = rows_from_database(kind, unread)
            loaded.update({(kind, pk): row for pk, row in rows.items()})
    pages = [ref.pk for ref in refs if ref.kind == "page"]
    if pages:
        found = Page.objects.live().public().in_bulk(pages)
        loaded.update({("page", pk): page for pk, page in found.items()})
    return loaded


def town_json(code: str) -> dict:
    return {"code": code, "name": labels.town_name(code) or code}


def sector_json(slug: str | None, language: str) -> dict | None:
    return {"slug": slug, "name": labels.sector_label(slug, language)} if slug else None


def make_hit(ref: HitRef, found, query: SearchQuery, addresses: dict) -> SearchHit:
    if ref.kind in CATALOGUE:
        is_shop = ref.kind == "shop"
        hit = SearchHit(
            ref.kind,
            ref.pk,
            found["title"],
            addresses[ref.kind](found["slug"], None if is_shop else ref.pk),
            town=town_json(found["town_code"]),
            sector=sector_json(found["sector_slug"], query.language),
            price=None if is_shop else found["price"],
            marketplace=labels.marketplace_name(found["marketplace_id"]),
            click_and_collect=found["click_and_collect"],
            shop_name=None if is_shop else found["shop_name"],
            also_on=[
                labels.marketplace_name(pk)
                for pk in found.get("other_marketplace_ids") or []
                if pk != found["marketplace_id"]
            ],
        )
    else:
        hit = SearchHit("page", found.pk, found.title, found.url or "")
    hit.highlight = (
        marked(ref.highlight) if ref.highlight else marked_by_words(hit.title, query.text)
    )
    hit.distance_km = ref.distance_km
    return hit


def facet_label(name: str, value: str, language: str) -> str:
    if name == "type":
        return KIND_LABELS.get(value, value)
    if name == "town":
        return labels.town_name(value) or value
    if name == "departement":
        return labels.departement_name(value) or value
    if name == "sector":
        return labels.sector_label(value, language)
    if name == "click_and_collect":
        return _("Retrait en boutique")
    return value


def labelled_facets(answer: RawAnswer, language: str) -> dict[str, list[FacetValue]]:
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
                (value, facet_label(name, value, language), count)
                for value, count in counts.get(name, {}).items()
            ]
        values = [value for value in values if value[2]]
        if values:
            values.sort(key=lambda value: (-value[2], str(value[1])))
            facets[name] = [FacetValue(*value) for value in values]
    return facets


def outcome_from(
    answer: RawAnswer, query: SearchQuery, outbox_empty: bool = False
) -> SearchOutcome:
    loaded = load_rows(answer.refs, outbox_empty)
    # Looked up once for the answer's twenty addresses.
    addresses = {"shop": shop_urls(), "product": product_urls()}
    hits = [
        make_hit(ref, loaded[(ref.kind, ref.pk)], query, addresses)
        for ref in answer.refs
        if (ref.kind, ref.pk) in loaded
    ]
    return SearchOutcome(
        query=query,
        count=answer.total,
        hits=hits,
        facets=labelled_facets(answer, query.language),
        price_range=answer.price_range,
        degraded=answer.degraded,
        answered_by=answer.answered_by,
    )
