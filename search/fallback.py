"""The same search on Wagtail's database backend: the embedded default, and the answer while
the engine is unreachable.

PostgreSQL full text has no typo tolerance, and facets cost one grouped query each, so
the page says its results may be incomplete when this answers for a missing engine.
"""

import heapq
import math
from collections import Counter
from functools import reduce
from operator import or_

from django.db import connection
from django.db.models import (
    CharField,
    Count,
    ExpressionWrapper,
    F,
    FloatField,
    Func,
    IntegerField,
    Max,
    Min,
    Q,
    Value,
)
from django.db.models.functions import Cast, Coalesce
from django.db.models.lookups import Exact
from wagtail.models import Page
from wagtail.search.query import Or, PlainText

from shops.queries import listed_products, listed_shops

from .backends import fallback_backend
from .engine import HitRef, RawAnswer
from .query import KINDS, SearchQuery

KM_PER_DEGREE = 111.19
# Past this many matches of one kind, counts and facets stop growing: the fallback answers
# broad words quickly rather than exactly (the page already says it may be incomplete).
MAX_MATCHES = 1000

# Per kind, the path from the model to what a facet counts (shops and products differ).
FACET_PATHS = {
    "shop": {
        "town": "town__insee_code",
        "departement": "town__departement_id",
        "sector": "sectors__slug",
        "marketplace": "marketplace_id",
    },
    "product": {
        "town": "shop__town__insee_code",
        "departement": "shop__town__departement_id",
        "sector": "sector__slug",
        "marketplace": "marketplace_id",
    },
}
LOCATION_PATHS = {
    "shop": ("latitude", "town__latitude", "longitude", "town__longitude"),
    "product": (
        "shop__latitude",
        "shop__town__latitude",
        "shop__longitude",
        "shop__town__longitude",
    ),
}


def filtered(kind: str, query: SearchQuery, marketplace_id, locale_id):
    """The listed objects of one kind that pass the query's filters, before the text."""
    if kind == "page":
        if query.has_catalogue_filter:
            return Page.objects.none()
        pages = Page.objects.live().public()
        return pages.filter(locale_id=locale_id) if locale_id else pages
    if kind == "shop":
        objects = listed_shops()
        prefix, town = "", "town"
    else:
        objects = listed_products()
        prefix, town = "shop__", "shop__town"
        if query.price_min is not None:
            objects = objects.filter(price__gte=query.price_min)
        if query.price_max is not None:
            objects = objects.filter(price__lte=query.price_max)
    if kind == "shop" and (query.price_min is not None or query.price_max is not None):
        return objects.none()
    if query.town:
        objects = objects.filter(**{f"{town}__insee_code": query.town})
    if query.departement:
        objects = objects.filter(**{f"{town}__departement_id": query.departement})
    if query.sector:
        path = "sectors__slug" if kind == "shop" else "sector__slug"
        objects = objects.filter(**{path: query.sector}).distinct()
    if query.marketplace:
        objects = objects.filter(marketplace_id=marketplace_id or 0)
    if query.click_and_collect:
        objects = objects.filter(**{f"{prefix}click_and_collect": True})
    return objects


def text_matches(objects, alternatives: list[str]):
    """The objects matching any alternative, annotated with `_score` (a queryset).

    Wagtail's database backend accepts only filter fields in the queryset it searches:
    the text is searched in every object of the model, then narrowed to `objects`.
    """
    expression = Or([PlainText(text) for text in alternatives])
    if len(alternatives) == 1:
        expression = PlainText(alternatives[0])
    everything = objects.model.objects.all()
    results = fallback_backend().search(expression, everything).annotate_score("_score")
    return results.get_queryset().filter(pk__in=objects.values("pk"))


def scored_matches(objects, alternatives: list[str]) -> list[tuple[int, float]]:
    """(pk, score) of the best MAX_MATCHES of `objects` matching any alternative, best first."""
    if connection.vendor != "postgresql":
        matches = text_matches(objects, alternatives).order_by(F("_score").desc(), "pk")
        return list(matches.values_list("pk", "_score")[:MAX_MATCHES])
    # Wagtail's query matches `title || body`, which no index serves (a scan of every
    # entry); the same words matched on each column use their GIN indexes.
    from django.contrib.postgres.search import SearchQuery, SearchRank  # noqa: PLC0415
    from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks  # noqa: PLC0415
    from wagtail.search.models import IndexEntry  # noqa: PLC0415

    config = getattr(fallback_backend(), "config", None)
    words = reduce(or_, [SearchQuery(text, config=config) for text in alternatives])
    matched = reduce(or_, [every_word_in_title_or_body(text, config) for text in alternatives])
    model = objects.model
    # Filtered first, ranked after: keeping the best MAX_MATCHES of the whole catalogue and
    # filtering those would drop the town's or sector's own matches on a large catalogue.
    allowed_ids = objects.order_by().annotate(_object_id=Cast("pk", CharField()))
    entries = (
        IndexEntry.objects.filter(
            content_type_id__in=[
                get_content_type_pk(model),
                *get_descendants_content_types_pks(model),
            ],
            object_id__in=allowed_ids.values("_object_id"),
        )
        .filter(matched)
        .annotate(
            score=SearchRank(F("title"), words) * F("title_norm") + SearchRank(F("body"), words)
        )
        .order_by("-score", "object_id")
        .values_list("object_id", "score")[:MAX_MATCHES]
    )
    scores = {int(object_id): score for object_id, score in entries}
    return sorted(scores.items(), key=lambda row: (-row[1], row[0]))


def every_word_in_title_or_body(text: str, config) -> Q:
    """Each word of `text` in the entry's title or in its body: a product's title and the
    town it is sold in ("miel bourges") are in different columns. Each word is matched on
    each column's GIN index; a word the configuration drops (a stop word) matches anything."""
    from django.contrib.postgres.search import SearchQuery  # noqa: PLC0415

    conditions = Q()
    for word in text.split():
        query = SearchQuery(word, config=config)
        no_lexeme = Exact(Func(query, function="numnode", output_field=IntegerField()), 0)
        conditions &= Q(title=query) | Q(body=query) | Q(no_lexeme)
    return conditions


def with_distance(objects, kind: str, origin):
    lat, town_lat, lon, town_lon = LOCATION_PATHS[kind]
    dy = Coalesce(F(lat), F(town_lat)) - Value(origin[0])
    dx = (Coalesce(F(lon), F(town_lon)) - Value(origin[1])) * Value(
        math.cos(math.radians(origin[0]))
    )
    return objects.annotate(
        _distance=ExpressionWrapper(dx * dx + dy * dy, output_field=FloatField())
    )


def ranked_keys(kind, matches, query: SearchQuery, origin, limit: int) -> list[tuple]:
    """The best `limit` objects of one kind as (sort key, kind, pk, distance in km).

    Keys compare across kinds, so that the kinds merge into one ordered list.
    """
    sort = "relevance" if query.sort == "distance" and not origin else query.sort
    if sort == "distance" and kind != "page":
        rows = with_distance(matches, kind, origin).order_by(
            F("_distance").asc(nulls_last=True), "pk"
        )
        return [
            (
                (d is None, d or 0.0),
                kind,
                pk,
                math.sqrt(d) * KM_PER_DEGREE if d is not None else None,
            )
            for pk, d in rows.values_list("pk", "_distance")[:limit]
        ]
    if sort in ("price", "-price") and kind == "product":
        descending = sort == "-price"
        price = F("price").desc(nulls_last=True) if descending else F("price").asc(nulls_last=True)
        rows = matches.order_by(price, "pk").values_list("pk", "price")[:limit]
        sign = -1 if descending else 1
        return [((p is None, sign * float(p or 0)), kind, pk, None) for pk, p in rows]
    if sort != "relevance":
        # No price or position (pages, shops for a price sort): after those that have one.
        rows = matches.order_by("pk").values_list("pk", flat=True)[:limit]
        return [((True, 0.0), kind, pk, None) for pk in rows]
    return [((0.0,), kind, pk, None) for pk in matches.values_list("pk", flat=True)[:limit]]


def exact_name_shop_pks(query: SearchQuery, shops) -> list[int]:
    if not query.text or "shop" not in query.kinds:
        return []
    return list(shops.filter(name__iexact=query.text).values_list("pk", flat=True)[:5])


CLICK_AND_COLLECT_PATHS = {"shop": "click_and_collect", "product": "shop__click_and_collect"}


def count_matched_facets(kind: str, matches, answer: RawAnswer) -> None:
    """The facets of what a text matched (at most MAX_MATCHES rows): one query, counted here,
    rather than a grouped query per facet that each sends the matched keys again."""
    paths = FACET_PATHS[kind]
    click = CLICK_AND_COLLECT_PATHS[kind]
    columns = ["pk", *paths.values(), click, *(["price"] if kind == "product" else [])]
    pairs = {name: set() for name in paths}  # (value, key): a shop's sectors are rows
    click_and_collect, prices = set(), []
    for row in matches.values(*columns).order_by():
        for name, path in paths.items():
            if row[path] is not None:
                pairs[name].add((str(row[path]), row["pk"]))
        if row[click]:
            click_and_collect.add(row["pk"])
        if row.get("price") is not None:
            prices.append(row["price"])
    for name, found in pairs.items():
        answer.facet_counts.setdefault(name, Counter()).update(value for value, _pk in found)
    answer.facet_counts.setdefault("click_and_collect", Counter())["1"] += len(click_and_collect)
    if prices:
        answer.price_range = (min(prices), max(prices))


def count_facets(kind: str, base, answer: RawAnswer) -> None:
    """The facets of a whole filtered catalogue (no text): grouped in the database."""
    for name, path in FACET_PATHS[kind].items():
        counts = answer.facet_counts.setdefault(name, Counter())
        for row in (
            base.exclude(**{f"{path}__isnull": True})
            .values(path)
            .annotate(n=Count("pk", distinct=True))
            .order_by()
        ):
            counts[str(row[path])] += row["n"]
    answer.facet_counts.setdefault("click_and_collect", Counter())["1"] += base.filter(
        **{CLICK_AND_COLLECT_PATHS[kind]: True}
    ).count()
    if kind == "product":
        low, high = base.aggregate(low=Min("price"), high=Max("price")).values()
        if low is not None:
            answer.price_range = (low, high)


def search(query: SearchQuery, alternatives: list[str], checks=None, **context) -> RawAnswer:
    """The database's answer; when it finds nothing, also the answers to `checks()`, the
    searches the suggestions would propose (search/suggestions.py)."""
    answer = find(query, alternatives, **context)
    if not answer.total and checks:
        answer.checked = [
            (check, find(check.query, check.alternatives, **context)) for check in checks()
        ]
    return answer


def find(
    query: SearchQuery,
    alternatives: list[str],
    *,
    origin=None,
    marketplace_id=None,
    locale_id=None,
) -> RawAnswer:
    answer = RawAnswer()
    wanted = query.offset + query.per_page
    candidates = []
    pinned = []
    for kind in KINDS:
        objects = filtered(kind, query, marketplace_id, locale_id)
        scored = None
        if query.text:
            # The text is matched once per kind: counts, facets and order then read rows by key.
            scored = scored_matches(objects, alternatives)
            count = len(scored)
            matches = objects.model.objects.filter(pk__in=[pk for pk, _score in scored])
        else:
            matches = objects
            count = objects.count()
        if not count:
            continue
        answer.kind_counts[kind] = count
        if kind not in query.kinds:
            continue
        answer.total += count
        if kind in FACET_PATHS:
            (count_facets if scored is None else count_matched_facets)(kind, matches, answer)
        if kind == "shop":
            pinned = exact_name_shop_pks(query, objects)
            matches = matches.exclude(pk__in=pinned)
        by_relevance = query.sort == "relevance" or (query.sort == "distance" and not origin)
        if scored is not None and by_relevance:
            best = [(pk, score) for pk, score in scored if pk not in pinned][:wanted]
            candidates.append([((-float(score or 0),), kind, pk, None) for pk, score in best])
        else:
            candidates.append(ranked_keys(kind, matches, query, origin, wanted))
    merged = [("shop", pk, None) for pk in pinned]
    merged += [
        (kind, pk, km) for _key, kind, pk, km in heapq.merge(*candidates, key=lambda row: row[0])
    ]
    answer.refs = [HitRef(kind, pk, "", km) for kind, pk, km in merged[query.offset : wanted]]
    answer.facet_counts = {name: dict(counts) for name, counts in answer.facet_counts.items()}
    return answer
