"""Nothing is lost and search keeps answering: an engine stopped, then started; a rebuild.

These stop the real node of the engine under test (deploy/opensearch/opensearch.sh, or
deploy/elasticsearch/elasticsearch.sh when tests/search runs on Elasticsearch), so they are few.
"""

import subprocess
import threading
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection

from search import service
from search.indexing import pending_changes
from search.query import SearchQuery
from search.rebuild import indexed_pks, rebuild_engine_indexes, reconcile
from search.tasks import drain_outbox
from shops.factories import MarketplaceFactory, ProductFactory, ShopFactory, town
from shops.models import Product, Shop
from shops.pipeline import run_import
from tests.conftest import requires_engine, requires_postgres, requires_redis
from tests.shops.feeds import product, shop, write_native_feed

from .conftest import OWN_INDEX_PREFIX, refresh_indexes

ROOT = Path(__file__).resolve().parents[2]
NODE_SCRIPTS = {
    "opensearch": ROOT / "deploy" / "opensearch" / "opensearch.sh",
    "elasticsearch": ROOT / "deploy" / "elasticsearch" / "elasticsearch.sh",
}


def engine_node(action: str) -> None:
    """Stop or start the node of the engine the tests run on, never the other one."""
    engine = "elasticsearch" if "elasticsearch" in settings.SEARCH_ENGINE else "opensearch"
    script = NODE_SCRIPTS[engine]
    subprocess.run([str(script), action], check=True, timeout=360, capture_output=True)


def wait_for(condition, seconds=60, message="condition"):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.3)
    pytest.fail(f"Timed out waiting for {message}")


def index_matches_database(backend) -> bool:
    refresh_indexes()
    return all(
        indexed_pks(backend, model) == set(model.get_indexed_objects().values_list("pk", flat=True))
        for model in (Shop, Product)
    )


@requires_engine
@requires_postgres
@requires_redis
@pytest.mark.django_db(transaction=True)
def test_saves_and_imports_survive_a_stopped_engine_and_the_backlog_drains(
    celery_worker, empty_indexes, client, tmp_path
):
    from search.engine import current_engine

    backend = current_engine()
    ShopFactory(name="Chocolaterie Royale", town=town("45234"))
    wait_for(lambda: pending_changes() == 0, message="the first drain")

    engine_node("stop")
    try:
        # A save and an import while the engine is down: neither fails nor waits.
        started = time.monotonic()
        saved = ShopFactory(name="Fromagerie des Halles", town=town("37261"))
        ProductFactory(shop=saved, title="Sainte-Maure de Touraine")
        marketplace = MarketplaceFactory(name="Tours Shopping", feed_format="native_json")
        feed = write_native_feed(
            tmp_path / "feed.json",
            [shop("s1", name="Cave des Vignerons")],
            [product(f"p{i}", title=f"Vouvray demi-sec {i}") for i in range(50)],
        )
        run = run_import(marketplace, path=feed)
        assert run.status == "success", run.error_summary if hasattr(run, "error_summary") else run
        assert time.monotonic() - started < 20
        # The database fallback got its rows; the engine's wait in the outbox.
        wait_for(lambda: pending_changes("fallback") == 0, message="the fallback drain")
        assert pending_changes("default") >= 53

        cache.clear()
        outcome = service.search(SearchQuery(text="vouvray"), record=False)
        assert outcome.degraded and outcome.count == 50
        page = client.get("/fr/recherche/", {"q": "fromagerie"})
        assert "les résultats peuvent être incomplets" in page.content.decode()
        health = client.get("/healthz")
        # The site still serves (the fallback answered above): degraded, not down.
        assert health.status_code == 200 and health.json()["status"] == "degraded"
        assert "search" in health.json()["down"]
    finally:
        engine_node("start")

    # What beat does every 30 seconds: the backlog drains with no one touching it.
    drain_outbox.delay()
    wait_for(lambda: pending_changes() == 0, seconds=90, message="the backlog drain")
    assert index_matches_database(backend)
    cache.clear()
    outcome = service.search(SearchQuery(text="vouvray"), record=False)
    assert not outcome.degraded and outcome.count == 50


@requires_engine
@requires_postgres
@pytest.mark.django_db(transaction=True)
def test_a_rebuild_while_shoppers_search_gives_no_error(own_indexes, empty_indexes):
    shops = [ShopFactory(name=f"Librairie n° {i}", town=town("37261")) for i in range(30)]
    for item in shops[:10]:
        ProductFactory(shop=item, title=f"Roman de {item.name}")
    from search.indexing import drain_outbox as drain

    drain()
    rebuild_engine_indexes()  # the first one turns each index into an alias
    drain()
    refresh_indexes()
    assert service.search(SearchQuery(text="librairie"), record=False).count == 40

    outcomes, errors = [], []
    stop = threading.Event()

    def shop_while_rebuilding():
        try:
            while not stop.is_set():
                outcomes.append(service.search(SearchQuery(text="librairie"), record=False))
        except Exception as error:  # noqa: BLE001 — the test reports it
            errors.append(error)
        finally:
            connection.close()

    shopper = threading.Thread(target=shop_while_rebuilding)
    shopper.start()
    try:
        rebuild_engine_indexes()
    finally:
        stop.set()
        shopper.join(timeout=30)
    assert not errors
    assert len(outcomes) > 3
    assert {outcome.count for outcome in outcomes} == {40}
    assert not any(outcome.degraded for outcome in outcomes)
    assert reconcile() == 0
    assert settings.WAGTAILSEARCH_BACKENDS["default"]["INDEX_PREFIX"] == OWN_INDEX_PREFIX
