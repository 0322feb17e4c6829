"""The OpenSearch node is killed (SIGKILL) while an import's changes are being indexed:
after it restarts, the index equals the database.

A private node (its own home, port and data) is killed, never the shared one.
"""

import os
import signal
import subprocess
import threading
from pathlib import Path

import pytest
from django.db import connection
from wagtail.search.backends import get_search_backend

from search.indexing import drain_backend, pending_changes
from search.rebuild import indexed_pks
from shops.factories import MarketplaceFactory
from shops.models import Product, Shop
from shops.pipeline import run_import
from tests.conftest import ROOT, requires_opensearch, requires_postgres
from tests.shops.feeds import product, shop, write_native_feed

from .conftest import free_port, wait_for

pytestmark = [
    pytest.mark.faults,
    requires_postgres,
    requires_opensearch,
    pytest.mark.django_db(transaction=True),
]

SCRIPT = ROOT / "deploy" / "opensearch" / "opensearch.sh"
SHARED_HOME = Path("/var/cache/local-dabord/opensearch-3.6.0")


class PrivateNode:
    """A second node assembled once next to the shared one; its data is wiped per test."""

    def __init__(self):
        base = Path(os.environ.get("FAULTS_OPENSEARCH_HOME", f"{SHARED_HOME}-faults"))
        self.home = base
        self.port = free_port()
        self.env = {
            **os.environ,
            "OPENSEARCH_HOME": str(base),
            "OPENSEARCH_PORT": str(self.port),
            "OPENSEARCH_TRANSPORT_PORT": str(free_port()),
            "OPENSEARCH_HEAP": "384m",
            # Two cores shared by several test runs: the JVM may take a while to start.
            "OPENSEARCH_START_GRACE": "90",
        }

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def prepare(self) -> None:
        if not (self.home / ".local-dabord-assembled").exists():
            if not (SHARED_HOME / ".local-dabord-assembled").exists():
                pytest.skip("no assembled OpenSearch node to copy: run `make services`")
            # Copying the assembled node saves the Maven assembly (the script's `install`).
            subprocess.run(["cp", "-a", str(SHARED_HOME), str(self.home)], check=True, timeout=300)
        for transient in ("data", "run", "logs"):
            subprocess.run(["rm", "-rf", str(self.home / transient)], check=True)
            (self.home / transient).mkdir()

    def start(self) -> None:
        result = subprocess.run(
            [str(SCRIPT), "start"], env=self.env, capture_output=True, text=True, timeout=240
        )
        assert result.returncode == 0, result.stderr[-2000:]

    def kill(self) -> None:
        pid = int((self.home / "run" / "opensearch.pid").read_text())
        os.kill(pid, signal.SIGKILL)
        wait_for(lambda: not Path(f"/proc/{pid}").exists(), 30, "the node to die")

    def stop(self) -> None:
        subprocess.run([str(SCRIPT), "stop"], env=self.env, capture_output=True, timeout=120)


@pytest.fixture
def private_node(settings):
    node = PrivateNode()
    node.prepare()
    try:
        node.start()
    except BaseException:
        node.stop()
        raise
    backends = {alias: dict(conf) for alias, conf in settings.WAGTAILSEARCH_BACKENDS.items()}
    backends["default"]["URLS"] = [node.url]
    settings.WAGTAILSEARCH_BACKENDS = backends
    yield node
    node.stop()


def create_indexes() -> None:
    backend = get_search_backend("default")
    for model in (Shop, Product):
        index = backend.get_index_for_model(model)
        index.reset()
        index.add_model(model)


def index_equals_database() -> tuple[dict, dict]:
    backend = get_search_backend("default")
    indexed, listed = {}, {}
    for model in (Shop, Product):
        backend.get_index_for_model(model).refresh()
        indexed[model.__name__] = indexed_pks(backend, model)
        listed[model.__name__] = set(model.get_indexed_objects().values_list("pk", flat=True))
    return indexed, listed


def test_an_opensearch_node_killed_during_indexing_catches_up_after_its_restart(
    private_node, tmp_path
):
    create_indexes()
    shops = [shop(f"s{n}", name=f"Boutique {n}") for n in range(30)]
    products = [product(f"p{n}", f"s{n % 30}", title=f"Produit {n}") for n in range(3000)]
    feed = write_native_feed(tmp_path / "feed.json", shops, products)
    run_import(MarketplaceFactory(name="Indexée"), path=feed)
    total = pending_changes("default")
    assert total >= 3000

    failures = []
    some_indexed, node_killed = threading.Event(), threading.Event()

    def drain():
        try:
            while pending_changes("default"):
                drain_backend("default", batch_size=100, max_batches=1)
                if pending_changes("default") <= total - 300 and not some_indexed.is_set():
                    # Hold on until the node is dead, so that the kill lands mid-drain
                    # however fast this machine indexes the rest.
                    some_indexed.set()
                    node_killed.wait(timeout=60)
        except Exception as error:  # noqa: BLE001 — the node is being killed
            failures.append(error)
        finally:
            some_indexed.set()
            connection.close()  # this thread's own database connection

    drainer = threading.Thread(target=drain)
    drainer.start()
    assert some_indexed.wait(timeout=120), "some documents indexed"
    private_node.kill()
    node_killed.set()
    drainer.join(timeout=60)
    assert failures, "the drain must have met the dead node"
    assert pending_changes("default") > 0, "the kill must land before the end of the drain"

    private_node.start()
    while pending_changes("default"):
        drain_backend("default")
    indexed, listed = index_equals_database()
    assert len(listed["Product"]) == 3000
    assert indexed == listed
