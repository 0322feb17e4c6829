"""Imports run as Celery tasks on a real worker: scheduled per marketplace, one at a time."""

import json

import pytest
from django_celery_beat.models import PeriodicTask

from shops.factories import MarketplaceFactory
from shops.import_lock import import_lock
from shops.models import ImportRun, ImportStatus, Product
from shops.tasks import import_marketplace
from tests.conftest import requires_redis
from tests.httpserver import Reply, serve
from tests.shops.feeds import product, shop


def native_feed(products) -> bytes:
    document = {
        "version": "1.0",
        "marketplace": {"name": "Test"},
        "shops": [shop()],
        "products": products,
    }
    return json.dumps(document).encode()


@pytest.mark.django_db
def test_a_marketplace_is_scheduled_from_its_cron_expression():
    marketplace = MarketplaceFactory(schedule="30 4 * * 1")
    task = PeriodicTask.objects.get(name=f"Import : {marketplace.slug}")
    assert task.task == "shops.tasks.import_marketplace"
    assert json.loads(task.args) == [marketplace.pk]
    assert (task.crontab.minute, task.crontab.hour, task.crontab.day_of_week) == ("30", "4", "1")
    assert task.queue == "imports"

    marketplace.is_active = False
    marketplace.save()
    task.refresh_from_db()
    assert not task.enabled


@requires_redis
@pytest.mark.django_db(transaction=True)
def test_an_import_runs_on_the_worker_and_retries_after_a_server_error(celery_worker):
    feed = native_feed([product("p1"), product("p2", title="Rillettes de Tours")])
    with serve({"/feed.json": [Reply(b"down", status=503), Reply(feed)]}) as server:
        marketplace = MarketplaceFactory(feed_url=f"{server.base_url}/feed.json")
        result = import_marketplace.delay(marketplace.pk)
        outcome = result.get(timeout=60)
        assert server.hits["/feed.json"] == 2

    assert outcome["status"] == ImportStatus.SUCCESS
    assert outcome["created"] == 3
    statuses = list(ImportRun.objects.order_by("started_at").values_list("status", flat=True))
    assert statuses == [ImportStatus.FAILED, ImportStatus.SUCCESS]
    assert Product.objects.count() == 2


@requires_redis
@pytest.mark.django_db(transaction=True)
def test_a_second_run_of_the_same_marketplace_waits_for_the_first(celery_worker):
    marketplace = MarketplaceFactory(feed_url="http://127.0.0.1:9/never-read.json")
    with import_lock(marketplace.pk) as acquired:
        assert acquired
        outcome = import_marketplace.delay(marketplace.pk).get(timeout=30)
    assert outcome == {"skipped": "already running"}
    assert not ImportRun.objects.exists()
