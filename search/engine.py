"""The search as one query to OpenSearch or Elasticsearch, over Wagtail's own indexes.

Wagtail indexes shops, products and pages (through the outbox); this module asks for
all three at once with the query DSL, because the page needs what Wagtail's search API
does not expose: facets with counts, highlighting, boosts, distance sort and fuzziness.
Field names are those of Wagtail's mapping: `<field>_filter` for filter fields,
`_all_text[_boost_N]` for the full text.
"""

import json
import time
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from wagtail.models import Page

from shops.models import Product, Shop

from . import analysis
from .backends import engine_backend
from .query import SearchQuery
from .text import fold

CONTENT_TYPES = {"shop": "shops.Shop", "product": "shops.Product", "page": "wagtailcore.Page"}
KIND_OF_CONTENT_TYPE = {value: key for key, value in CONTENT_TYPES.items()}
TEXT_FIELDS = [
    "_all_text",
    "_all_text_boost_2_0^2",
    "_all_text_boost_3_0^3",
    "_all_text_boost_4_0^4",
]
HIGHLIGHTED_FIELDS = ("name", "title")
# What a result shows, stored in the shops' and products' documents (search/results.py).
SHOWN_FIELDS = ["name", "title", "slug_filter", "shop.name", "price_filter"]
SHOWN_FIELDS += ["town_code_filter", "sector_slugs_filter", "marketplace_id_filter"]
SHOWN_FIELDS += ["click_and_collect_filter", "other_marketplace_ids_filter"]
MARK_START, MARK_END = "\ue000", "\ue001"  # replaced by <mark> once the text is escaped

# Ranking: text relevance multiplied by these, then the exact shop name above everything.
PROMOTED_WEIGHT = 1.5
AVAILABLE_FOR_COLLECTION_WEIGHT = 1.3
EXACT_NAME_BOOST = 100_000

FACET_FIELDS = {
    "town": ("town_code_filter", 20),
    "departement": ("departement_code_filter", 10),
    "sector": ("sector_slugs_filter", 30),
    "marketplace": ("marketplace_id_filter", 20),
}


@dataclass
class HitRef:
    kind: str
    pk: int
    highlight: str = ""
    distance_km: float | None = None
    source: dict | None = None  # the engine's stored fields, for showing the hit


@dataclass
class RawAnswer:
    """What an engine (or the database) found, before the objects are loaded."""

    total: int = 0
    refs: list[HitRef] = field(default_factory=list)
    kind_counts: dict[str, int] = field(default_factory=dict)
    facet_counts: dict[str, dict[str, int]] = field(default_factory=dict)
    price_range: tuple[Decimal, Decimal] | None = None
    took_ms: float = 0.0
    answered_by: str = "engine"
    degraded: bool = False  # the engine did not answer: the database did, perhaps with less
    # When nothing was found: the suggestions' checks (search/suggestions.py) and their answers.
    checked: list[tuple] = field(default_factory=list)


_client_cache: dict[str, object] = {}


def current_engine():
    """The engine's backend, built once per configuration: each one opens its own client."""
    key = json.dumps(settings.WAGTAILSEARCH_BACKENDS["default"], sort_keys=True, default=str)
    if key not in _client_cache:
        _client_cache.clear()
        _client_cache[key] = engine_backend()
    return _client_cache[key]


def index_names(backend) -> dict[str, str]:
    return {
        "shop": backend.get_index_for_model(Shop).name,
        "product": backend.get_index_for_model(Product).name,
        "page": backend.get_index_for_model(Page).name,
    }


def text_query(alternatives: list[str], fuzzy: bool = False, reduced: bool = False) -> dict:
    """Any alternative (the query or a synonym variant), every word; with typos if `fuzzy`.

    `reduced`: the node has no French analysis; the words are folded here and matched against
    the documents' folded shadows (search/analysis.py)."""
    tolerance = {"fuzziness": "AUTO", "prefix_length": 1} if fuzzy else {}
    fields = TEXT_FIELDS
    if reduced:
        fields = [name.replace("_all_text", analysis.FOLDED_TEXT) for name in TEXT_FIELDS]
        alternatives = [analysis.folded_text(alternative) for alternative in alternatives]
    return {
        "bool": {
            "should": [
                {
                    "multi_match": {
                        "query": alternative,
                        "fields": fields,
                        "operator": "and",
                        # AUTO: exact under 3 letters, one typo up to 5, two beyond.
                        **tolerance,
                    }
                }
                for alternative in alternatives
            ],
            "minimum_should_match": 1,
        }
    }


def visibility_filter(query: SearchQuery, locale_id: int | None) -> dict:
    """Shops and products are indexed only while listed; pages must be live, in this language."""
    catalogue = [CONTENT_TYPES[kind] for kind in ("shop", "product")]
    pages = [
        {"term": {"_django_content_type": CONTENT_TYPES["page"]}},
        {"term": {"live_filter": True}},
    ]
    if locale_id:
        pages.append({"term": {"locale_id_filter": locale_id}})
    return {
        "bool": {
            "should": [
                {"terms": {"_django_content_type": catalogue}},
                {"bool": {"filter": pages}},
            ],
            "minimum_should_match": 1,
        }
    }


def catalogue_filters(query: SearchQuery, marketplace_id: int | None) -> list[dict]:
    filters = []
    if query.town:
        filters.append({"term": {"town_code_filter": query.town}})
    if query.departement:
        filters.append({"term": {"departement_code_filter": query.departement}})
    if query.sector:
        filters.append({"term": {"sector_slugs_filter": query.sector}})
    if query.marketplace:
        # An unknown marketplace slug matches nothing rather than being ignored.
        filters.append({"term": {"marketplace_id_filter": marketplace_id or 0}})
    if query.click_and_collect:
        filters.append({"term": {"click_and_collect_filter": True}})
    if query.price_min is not None or query.price_max is not None:
        bounds = {}
        if query.price_min is not None:
            bounds["gte"] = float(query.price_min)
        if query.price_max is not None:
            bounds["lte"] = float(query.price_max)
        filters.append({"range": {"price_filter": bounds}})
    return filters


def kind_filter(query: SearchQuery) -> dict:
    return {"terms": {"_django_content_type": [CONTENT_TYPES[kind] for kind in query.kinds]}}


def exact_name_clause(text: str) -> dict:
    return {
        "constant_score": {
            "filter": {"term": {"exact_name_filter": fold(text)}},
            "boost": EXACT_NAME_BOOST,
        }
    }


def ranked_text(text_clause: dict) -> dict:
    return {
        "function_score": {
            "query": text_clause,
            "functions": [
                {"filter": {"term": {"is_promoted_filter": True}}, "weight": PROMOTED_WEIGHT},
                {
                    "filter": {
                        "bool": {
                            "filter": [
                                {"term": {"availability_filter": "in_stock"}},
                                {"term": {"click_and_collect_filter": True}},
                            ]
                        }
                    },
                    "weight": AVAILABLE_FOR_COLLECTION_WEIGHT,
                },
            ],
            "score_mode": "multiply",
            "boost_mode": "multiply",
        }
    }


def sort_clauses(query: SearchQuery, origin: tuple[float, float] | None) -> list:
    if query.sort == "distance" and origin:
        by_key = {
            "_geo_distance": {
                "location_filter": {"lat": origin[0], "lon": origin[1]},
                "order": "asc",
                "unit": "km",
                "ignore_unmapped": True,
            }
        }
    elif query.sort in ("price", "-price"):
        order = "desc" if query.sort == "-price" else "asc"
        by_key = {"price_filter": {"order": order, "missing": "_last", "unmapped_type": "double"}}
    else:
        return ["_score", {"pk": "asc"}]
    # The score is only the exact-name boost here (the text is a filter): that match stays first.
    return ["_score", by_key, {"pk": "asc"}]


def build_body(
    query: SearchQuery,
    alternatives: list[str],
    *,
    origin: tuple[float, float] | None = None,
    marketplace_id: int | None = None,
    locale_id: int | None = None,
    fuzzy: bool = False,
    reduced: bool = False,
) -> dict:
    filters = [visibility_filter(query, locale_id), *catalogue_filters(query, marketplace_id)]
    by_relevance = query.sort == "relevance" or (query.sort == "distance" and not origin)
    if not query.text:
        bool_query = {"filter": filters}
    elif by_relevance:
        bool_query = {
            "must": [ranked_text(text_query(alternatives, fuzzy, reduced))],
            "filter": filters,
            "should": [exact_name_clause(query.text)],
        }
    else:
        bool_query = {
            "filter": [text_query(alternatives, fuzzy, reduced), *filters],
            "should": [exact_name_clause(query.text)],
        }
    return {
        "query": {"bool": bool_query},
        "post_filter": kind_filter(query),
        "sort": sort_clauses(query, origin),
        "from": query.offset,
        "size": query.per_page,
        "track_total_hits": True,
        "_source": ["pk", "_django_content_type", *SHOWN_FIELDS],
        "highlight": {
            "pre_tags": [MARK_START],
            "post_tags": [MARK_END],
            "require_field_match": False,
            "fields": {name: {"number_of_fragments": 0} for name in HIGHLIGHTED_FIELDS},
        },
        "aggs": {
            "kinds": {
                "terms": {"field": "_django_content_type", "include": list(CONTENT_TYPES.values())}
            },
            "facets": {
                "filter": kind_filter(query),
                "aggs": {
                    **{
                        name: {"terms": {"field": field_name, "size": size}}
                        for name, (field_name, size) in FACET_FIELDS.items()
                    },
                    "click_and_collect": {"filter": {"term": {"click_and_collect_filter": True}}},
                    "price": {"stats": {"field": "price_filter"}},
                },
            },
        },
    }


def run_query(backend, body: dict, indexes: list[str]) -> dict:
    # An index not created yet (no page indexed so far) must not fail the others.
    index = ",".join(indexes)
    if getattr(backend, "use_new_elasticsearch_api", False):
        return backend.es.search(index=index, ignore_unavailable=True, **body)
    return backend.es.search(index=index, body=body, params={"ignore_unavailable": "true"})


def run_queries(backend, bodies: list[dict], indexes: list[str]) -> list[dict]:
    """Several searches in one request (the engine runs them side by side)."""
    header = {"index": ",".join(indexes), "ignore_unavailable": True}
    lines = [line for body in bodies for line in (header, body)]
    if getattr(backend, "use_new_elasticsearch_api", False):
        responses = backend.es.msearch(searches=lines)["responses"]
    else:
        responses = backend.es.msearch(body=lines)["responses"]
    failed = [response["error"] for response in responses if "error" in response]
    if failed:
        raise RuntimeError(f"Search engine error: {failed[0]}")
    return responses


def parse(response: dict) -> RawAnswer:
    answer = RawAnswer(total=response["hits"]["total"]["value"], took_ms=response.get("took", 0))
    for hit in response["hits"]["hits"]:
        content_types = hit["_source"]["_django_content_type"]
        kind = next(KIND_OF_CONTENT_TYPE[ct] for ct in content_types if ct in KIND_OF_CONTENT_TYPE)
        highlight = next(
            (
                hit["highlight"][name][0]
                for name in HIGHLIGHTED_FIELDS
                if name in hit.get("highlight", {})
            ),
            "",
        )
        distance = None
        if hit.get("sort") and len(hit["sort"]) == 3 and isinstance(hit["sort"][1], float):
            distance = hit["sort"][1] if hit["sort"][1] != float("inf") else None
        source = hit["_source"]
        answer.refs.append(HitRef(kind, int(source["pk"]), highlight, distance, source))
    aggregations = response["aggregations"]
    answer.kind_counts = {
        KIND_OF_CONTENT_TYPE[bucket["key"]]: bucket["doc_count"]
        for bucket in aggregations["kinds"]["buckets"]
    }
    facets = aggregations["facets"]
    answer.facet_counts = {
        name: {str(bucket["key"]): bucket["doc_count"] for bucket in facets[name]["buckets"]}
        for name in FACET_FIELDS
    }
    answer.facet_counts["click_and_collect"] = {"1": facets["click_and_collect"]["doc_count"]}
    price = facets["price"]
    if price["count"]:
        answer.price_range = (Decimal(str(price["min"])), Decimal(str(price["max"])))
    return answer


def check_body(check, **context) -> dict:
    """A suggestion's search (search/suggestions.py), only to learn whether it finds anything
    and, for the same words in other towns, in which towns: no hits, scores or other counts."""
    body = build_body(check.query, check.alternatives, fuzzy=True, **context)
    lean = {"query": {"bool": {"filter": [body["query"], body["post_filter"]]}}, "size": 0}
    if check.kind == "town":
        lean["aggs"] = {"town": body["aggs"]["facets"]["aggs"]["town"]}
        lean["track_total_hits"] = True
    else:
        lean["track_total_hits"] = 1  # something or nothing: the engine may stop at the first
    return lean


def parse_check(response: dict) -> RawAnswer:
    answer = RawAnswer(total=response["hits"]["total"]["value"])
    if "town" in response.get("aggregations", {}):
        buckets = response["aggregations"]["town"]["buckets"]
        answer.facet_counts["town"] = {
            str(bucket["key"]): bucket["doc_count"] for bucket in buckets
        }
    return answer


def search(
    backend, query: SearchQuery, alternatives: list[str], checks=None, **context
) -> RawAnswer:
    """The engine's answer; raises whatever the client raises when it is unreachable.

    Words are matched as typed (stemmed, accents folded) first; only when that finds
    nothing are typos tolerated, so "chocolatrie" finds "chocolaterie" while "carnet"
    lists carnets, not every "cornet" and "canne" of the region ahead of them. That second
    request also runs `checks()`, the searches the suggestions would propose (typos
    tolerated), in case the tolerant search finds nothing either: one round trip for both.
    """
    started = time.perf_counter()
    indexes = list(index_names(backend).values())
    context["reduced"] = getattr(backend, "reduced_analysis", False)
    answer = parse(run_query(backend, build_body(query, alternatives, **context), indexes))
    if not answer.total:
        retry = [build_body(query, alternatives, fuzzy=True, **context)] if query.text else []
        proposals = checks() if checks else []
        retry += [check_body(check, **context) for check in proposals]
        if retry:
            responses = run_queries(backend, retry, indexes)
            if query.text:
                answer = parse(responses.pop(0))
            if not answer.total:
                checked = [parse_check(response) for response in responses]
                answer.checked = list(zip(proposals, checked, strict=True))
    answer.took_ms = (time.perf_counter() - started) * 1000
    return answer
