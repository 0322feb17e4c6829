"""The search service: one function that the search page (and later the API) call.

Asks the configured engine, and the database fallback when the engine is unreachable, in
which case the results say they may be incomplete.
"""

import logging
from dataclasses import dataclass, field

from django.db.models import Model
from wagtail.models import Page

from shops.models import Product, Shop, Town
from shops.queries import listed_shops

from .backends import engine_backend, fallback_backend, uses_external_engine

logger = logging.getLogger(__name__)

PER_TYPE = {"shop": 12, "product": 24, "page": 6}


@dataclass
class SearchRequest:
    text: str
    town: Town | None = None
    kinds: tuple[str, ...] = ("shop", "product", "page")
    locale_id: int | None = None


@dataclass
class SearchResults:
    request: SearchRequest
    shops: list[Shop] = field(default_factory=list)
    products: list[Product] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    degraded: bool = False

    @property
    def count(self) -> int:
        return sum(self.counts.values())


def querysets(request: SearchRequest) -> dict[str, object]:
    """What each kind is searched in, filtered only on the backends' filter fields.

    Only listed shops and products are indexed (see their `get_indexed_objects`), so no
    other condition is needed in the engine; `listed` re-checks each hit in case the
    outbox has not been drained yet.
    """
    shops = Shop.objects.select_related("town", "marketplace")
    products = Product.objects.select_related("shop__town", "marketplace", "sector", "image")
    if request.town is not None:
        shops = shops.filter(town_id=request.town.pk)
        town_shops = list(listed_shops().filter(town=request.town).values_list("pk", flat=True))
        products = products.filter(shop_id__in=town_shops)
    pages = Page.objects.live().public().specific()
    if request.locale_id:
        pages = pages.filter(locale_id=request.locale_id)
    available = {"shop": shops, "product": products, "page": pages}
    return {kind: available[kind] for kind in request.kinds}


def listed(kind: str, obj) -> bool:
    return kind == "page" or obj.is_listed


def run_search(backend, request: SearchRequest) -> SearchResults:
    results = SearchResults(request)
    for kind, queryset in querysets(request).items():
        found = backend.search(request.text, queryset)
        hits: list[Model] = [hit for hit in found[: PER_TYPE[kind]] if listed(kind, hit)]
        results.counts[kind] = found.count()
        setattr(results, f"{kind}s", hits)
    return results


def search(request: SearchRequest) -> SearchResults:
    if not request.text.strip():
        return SearchResults(request)
    try:
        return run_search(engine_backend(), request)
    except Exception:
        if not uses_external_engine():
            raise
        # The engine is down: answer from the database, and say so.
        logger.warning("Search engine unreachable; answering from the database", exc_info=True)
        results = run_search(fallback_backend(), request)
        results.degraded = True
        return results
