"""Suggestions while the shopper types: towns, sectors and shop names.

Towns and sectors are few and change rarely: they are matched in memory. Shop names come
from the engine's edge n-grams, or from the database while the engine is away.
"""

import logging

from django.core.cache import cache
from django.urls import reverse

from shops.models import Sector, Town
from shops.queries import listed_shops

from .backends import uses_external_engine
from .engine import current_engine, run_query
from .service import engine_paused, pause_engine
from .text import fold, words

logger = logging.getLogger(__name__)

TOWNS_KEY = "search:autocomplete-towns"
PER_GROUP = 5
MIN_LENGTH = 2


def town_names() -> list[tuple[str, str, str, str]]:
    """(folded name, INSEE code, name, département), the most populated towns first."""
    towns = cache.get(TOWNS_KEY)
    if towns is None:
        rows = Town.objects.order_by("-population").values_list(
            "name", "insee_code", "departement_id"
        )
        towns = [(fold(name), code, name, departement) for name, code, departement in rows]
        cache.set(TOWNS_KEY, towns, 3600)
    return towns


def matches_start(folded_name: str, typed: str) -> bool:
    """ "tou" finds "Tours" and "Saint-Pierre-des-Corps" is found by "pier"."""
    return folded_name.startswith(typed) or any(
        part.startswith(typed) for part in folded_name.replace("-", " ").split()
    )


def towns_for(typed: str) -> list[dict]:
    found = [row for row in town_names() if matches_start(row[0], typed)][:PER_GROUP]
    return [
        {"type": "town", "label": f"{name} ({departement})", "value": code}
        for _folded, code, name, departement in found
    ]


def sectors_for(typed: str) -> list[dict]:
    found = [
        sector
        for sector in Sector.objects.all()
        if matches_start(fold(sector.label), typed) or matches_start(fold(sector.name), typed)
    ]
    return [
        {"type": "sector", "label": sector.label, "value": sector.slug}
        for sector in found[:PER_GROUP]
    ]


def shop_pks_from_engine(typed: str) -> list[int]:
    backend = current_engine()
    from shops.models import Shop  # noqa: PLC0415 — keeps this module's imports light

    if getattr(backend, "reduced_analysis", False):
        typed = " ".join(words(typed))  # the prefixes in the document are folded words
    body = {
        "query": {
            "match": {
                "name_edgengrams": {
                    "query": typed,
                    "analyzer": "autocomplete_search",
                    "operator": "and",
                }
            }
        },
        "size": PER_GROUP,
        "_source": ["pk"],
    }
    response = run_query(backend, body, [backend.get_index_for_model(Shop).name])
    return [int(hit["_source"]["pk"]) for hit in response["hits"]["hits"]]


def shops_for(typed: str) -> list[dict]:
    shops = listed_shops()
    pks = None
    if uses_external_engine() and not engine_paused():
        try:
            pks = shop_pks_from_engine(typed)
        except Exception:  # noqa: BLE001 — any engine failure: the database answers
            logger.warning("Search engine unavailable for autocomplete", exc_info=True)
            pause_engine()
    if pks is None:
        found = list(shops.filter(name__icontains=typed)[:PER_GROUP])
    else:
        by_pk = shops.in_bulk(pks)
        found = [by_pk[pk] for pk in pks if pk in by_pk]
    return [
        {
            "type": "shop",
            "label": f"{shop.name} — {shop.town.name}",
            "value": shop.name,
            "url": reverse("shops:shop", kwargs={"slug": shop.slug}),
        }
        for shop in found
    ]


def autocomplete(text: str) -> list[dict]:
    typed = fold(text)[:60]
    if len(typed) < MIN_LENGTH:
        return []
    return towns_for(typed) + sectors_for(typed) + shops_for(text.strip()[:60])
