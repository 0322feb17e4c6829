"""Benchmark: the search API on OpenSearch and on the PostgreSQL fallback, and bulk indexing.

Run by hand, never as a test, against its own database and index prefix (see bench/README.md):

    .venv/bin/python bench/search.py --products 100000

1. Loads the catalogue once (the feed of bench/import_catalogue.py, ~N/17 shops), through
   the real import: shops and products reach the outbox in bulk.
2. Bulk indexing: drains the outbox into the engine, then rebuilds the engine's indexes
   behind their alias; documents per second for each.
3. Runs a fixed mixed query set (words, towns, sectors, types, sorts; every query with
   its facets) through the API, on OpenSearch, then with the database backend answering;
   p50/p95 per engine, and the API's time over the raw engine query's round trip, each query's
   API and raw requests timed one after the other.

Targets (issue 5): p95 ≤ 80 ms on OpenSearch, ≤ 250 ms on the fallback, API ≤ 1.5x the
raw query, ≥ 3,000 documents/s indexed.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.base")
os.environ.setdefault("FETCH_PRODUCT_IMAGES", "false")
os.environ.setdefault("SEARCH_INDEX_PREFIX", "ldab_bench_search_")

# Words of the generated catalogue, towns and sectors: a shopper's mix, with facets always.
QUERY_SET = [
    {"q": "miel"},
    {"q": "chocolat", "town": "37261"},
    {"q": "confiture fraise"},
    {"q": "livre", "type": "product"},
    {"q": "bijoux argent", "sort": "price"},
    {"q": "savon", "departement": "45"},
    {"q": "fromage", "sort": "distance", "near": "45234"},
    {"q": "jouet bois"},
    {"q": "bougie", "click_and_collect": "1"},
    {"q": "vin", "sector": "produits-frais"},
    {"q": "the", "page": "2"},
    {"q": "chocolatrie"},
    {"q": "epicerie"},
    {"q": "fleurs", "sort": "-price"},
    {"sector": "librairie", "type": "product"},
    {"town": "45234"},
    {"q": "sac cuir", "price_max": "50"},
    {"q": "cafe", "type": "shop"},
    {"q": "tisane bio"},
    {"q": "carnet", "sort": "distance", "near": "18033"},
]


def print_rate(label: str, count: int, seconds: float) -> None:
    print(f"{label}: {count} documents in {seconds:.1f} s = {count / seconds:,.0f}/s")


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def load(products: int, feed_format: str) -> None:
    from search.indexing import drain_backend
    from shops.models import Marketplace, Product
    from shops.pipeline import run_import

    slug = f"bench-{feed_format}-{products}"
    if Product.objects.filter(marketplace__slug=slug).count() >= products * 0.9:
        print(f"catalogue already loaded: {Product.objects.count()} products")
        return
    folder = Path("/tmp/ldab-bench") / f"{feed_format}-{products}"
    if not (folder / "options.json").exists():
        command = [sys.executable, "-m", "shops.demo.generate", "--bench", "--products"]
        command += [str(products), "--format", feed_format, "--out", str(folder)]
        subprocess.run(command, check=True, cwd=ROOT)
    options = json.loads((folder / "options.json").read_text())
    marketplace, _ = Marketplace.objects.get_or_create(
        slug=slug, defaults={"name": slug, "feed_format": feed_format, "connector_options": options}
    )
    feed = next(p for p in folder.iterdir() if p.name.startswith("feed"))
    started = time.perf_counter()
    run_import(marketplace, path=feed)
    print(f"import: {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    documents = drain_backend("default")
    seconds = time.perf_counter() - started
    print_rate("outbox → OpenSearch", documents, seconds)
    started = time.perf_counter()
    documents = drain_backend("fallback")
    seconds = time.perf_counter() - started
    print_rate("outbox → PostgreSQL fallback", documents, seconds)


def requeue() -> None:
    """Every shop and product through the outbox again, as a full re-import would."""
    from django.db import transaction

    from search.indexing import drain_backend
    from search.outbox import record_changes
    from shops.models import Product, Shop

    with transaction.atomic():
        for model in (Shop, Product):
            pks = list(model.get_indexed_objects().values_list("pk", flat=True))
            record_changes(model, pks)
    started = time.perf_counter()
    documents = drain_backend("default")
    print_rate(
        "outbox → OpenSearch (everything queued again)", documents, time.perf_counter() - started
    )
    drain_backend("fallback")


def rebuild() -> None:
    from search.engine import current_engine
    from search.rebuild import rebuild_index
    from shops.models import Product, Shop

    backend = current_engine()
    for model in (Shop, Product):
        alias = backend.get_index_for_model(model)
        started = time.perf_counter()
        count = rebuild_index(backend, alias, [model], chunk_size=1000)
        seconds = time.perf_counter() - started
        print_rate(f"rebuild {model.__name__}", count, seconds)


def time_api(client, rounds: int) -> list[float]:
    timings = []
    for _ in range(rounds):
        for params in QUERY_SET:
            timings.append(timed(api_request, client, params))
    return timings


def timed(function, *args) -> float:
    started = time.perf_counter()
    function(*args)
    return (time.perf_counter() - started) * 1000


def api_request(client, params):
    response = client.get("/api/search/", params)
    assert response.status_code == 200, response.content[:300]


def raw_request(params):
    """The engine's request for the query as typed, built as the API builds it."""
    from django.utils import translation

    from search import engine, service, synonyms
    from search.query import SearchQuery

    backend = engine.current_engine()
    with translation.override("fr"):
        query = SearchQuery.from_params(params)
        alternatives = synonyms.expand(query.text) if query.text else []
        body = engine.build_body(query, alternatives, **service.query_context(query))
    indexes = list(engine.index_names(backend).values())
    return lambda: engine.run_query(backend, body, indexes)


def sent_requests(client, params):
    """Every engine request the API sends for the query, to replay on their own: with the
    typo-tolerant retry of a query that finds nothing and the checks of its suggestions
    (one multi-search request), which the raw request does not include."""
    from unittest import mock

    from search import engine

    real = {name: getattr(engine, name) for name in ("run_query", "run_queries")}
    calls = []

    def recorder(name):
        def record(*args):
            calls.append((real[name], args))
            return real[name](*args)

        return record

    with mock.patch.multiple(engine, **{name: recorder(name) for name in real}):
        api_request(client, params)
    return lambda: [function(*args) for function, args in calls]


def percentiles(timings: list[float]) -> tuple[float, float]:
    return statistics.median(timings), percentile(timings, 0.95)


def report(label: str, timings: list[float]) -> tuple[float, float]:
    p50, p95 = percentiles(timings)
    print(f"{label}: p50 {p50:.1f} ms, p95 {p95:.1f} ms ({len(timings)} requests)")
    return p50, p95


def queries(rounds: int) -> None:
    """The API, the raw request and the API's own engine requests, timed one after the other
    for each query (in turn first), so that the machine's ups and downs reach all three."""
    from django.conf import settings
    from django.test import Client, override_settings

    from search import indexing
    from shops.models import Product, Shop

    print(f"catalogue: {Shop.objects.count()} shops, {Product.objects.count()} products")
    # What beat does every 30 s: with the outbox found empty, searches need not look in it.
    indexing.drain_outbox()
    client = Client()
    time_api(client, 2)  # warm-up: caches, connections, the engine's file cache
    raw = [raw_request(params) for params in QUERY_SET]
    sent = [sent_requests(client, params) for params in QUERY_SET]
    # A query that finds nothing as typed costs the API a second, typo-tolerant request (with
    # the checks of its suggestions) that its raw request does not make: reported apart too.
    found_as_typed = [bool(request()["hits"]["total"]["value"]) for request in raw]
    timings = {name: [[] for _ in QUERY_SET] for name in ("api", "raw", "sent")}
    for turn in range(rounds):
        for position, params in enumerate(QUERY_SET):
            measures = [
                ("api", lambda params=params: api_request(client, params)),
                ("raw", raw[position]),
                ("sent", sent[position]),
            ]
            shift = turn % len(measures)
            for name, function in measures[shift:] + measures[:shift]:
                timings[name][position].append(timed(function))

    def pooled(name, found=(True, False)):
        return [
            timing
            for position, timings_of_query in enumerate(timings[name])
            if found_as_typed[position] in found
            for timing in timings_of_query
        ]

    api = report("API on OpenSearch", pooled("api"))
    raw = report("raw OpenSearch query", pooled("raw"))
    print(f"API / raw: p50 {api[0] / raw[0]:.2f}x, p95 {api[1] / raw[1]:.2f}x")
    for found, label in ((True, "found something"), (False, "found nothing")):
        count = found_as_typed.count(found)
        if count:
            api_part, raw_part = (percentiles(pooled(name, (found,))) for name in ("api", "raw"))
            print(
                f"  {count} queries that {label} as typed: API / raw"
                f" p50 {api_part[0] / raw_part[0]:.2f}x, p95 {api_part[1] / raw_part[1]:.2f}x"
            )
    sent = report("engine requests the API sends, replayed", pooled("sent"))
    print(f"API / its engine requests: p50 {api[0] / sent[0]:.2f}x, p95 {api[1] / sent[1]:.2f}x")
    database_only = {"default": settings.WAGTAILSEARCH_BACKENDS["fallback"]}
    with override_settings(WAGTAILSEARCH_BACKENDS=database_only):
        time_api(client, 1)
        report("API on the PostgreSQL fallback", time_api(client, max(1, rounds // 2)))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", type=int, default=100_000)
    parser.add_argument("--format", default="google_merchant")
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--skip-rebuild", action="store_true")
    parser.add_argument(
        "--requeue", action="store_true", help="time the outbox drain of the whole catalogue"
    )
    args = parser.parse_args()

    import django

    django.setup()
    load(args.products, args.format)
    if args.requeue:
        requeue()
    if not args.skip_rebuild:
        rebuild()
    queries(args.rounds)


if __name__ == "__main__":
    main()
