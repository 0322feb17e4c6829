"""Imports survive a worker SIGKILLed mid-run, a Redis crash, and a hanging partner feed.

Every service killed here is a private one (conftest.py): Redis, worker and beat.
"""

import json
import signal
import subprocess
import sys
import time
from datetime import timedelta

import pytest
from django.utils import timezone
from django_celery_beat.models import IntervalSchedule, PeriodicTask

from shops.factories import MarketplaceFactory
from shops.models import ImportRun, ImportStatus, Product, Shop
from shops.pipeline import run_import
from tests.conftest import ROOT, requires_postgres
from tests.httpserver import Reply, serve
from tests.shops.feeds import product, shop

from .conftest import celery_app, service_env, stop, wait_for

pytestmark = [pytest.mark.faults, requires_postgres, pytest.mark.django_db(transaction=True)]

IMPORT = "shops.tasks.import_marketplace"


def feed(products: int, shops: int = 20) -> bytes:
    document = {
        "version": "1.0",
        "marketplace": {"name": "Tours Shopping"},
        "shops": [shop(f"s{n}", name=f"Boutique {n}", siret="") for n in range(shops)],
        "products": [
            product(f"p{n}", f"s{n % shops}", title=f"Produit {n}", price=f"{n % 90 + 1}.50")
            for n in range(products)
        ],
    }
    return json.dumps(document).encode()


def snapshot(marketplace) -> dict:
    """What an import leaves in the catalogue, without ids that differ between runs."""
    return {
        "shops": sorted(
            Shop.objects.filter(marketplace=marketplace).values_list(
                "external_id", "name", "is_active"
            )
        ),
        "products": sorted(
            Product.objects.filter(marketplace=marketplace).values_list(
                "external_id", "title", "price", "is_active", "shop__external_id"
            )
        ),
    }


def test_a_worker_killed_mid_import_runs_it_again_to_the_clean_result(start_worker):
    body = feed(products=3000)
    with serve({"/feed.json": [Reply(body)]}) as server:
        killed = MarketplaceFactory(name="Interrompue", feed_url=f"{server.base_url}/feed.json")
        clean = MarketplaceFactory(name="Témoin", feed_url=f"{server.base_url}/feed.json")
        # A short visibility timeout: the unacknowledged message comes back within seconds.
        worker = start_worker(CELERY_VISIBILITY_TIMEOUT=5)
        result = celery_app(worker.redis_url).send_task(IMPORT, [killed.pk], queue="imports")

        # Killed once the first batches are committed and before the run ends.
        wait_for(lambda: Product.objects.filter(marketplace=killed).exists(), 120, "a batch")
        worker.kill()
        assert ImportRun.objects.get(marketplace=killed).status == ImportStatus.RUNNING
        partial = Product.objects.filter(marketplace=killed).count()
        assert 0 < partial < 3000, "the kill must land in the middle of the import"

        start_worker(CELERY_VISIBILITY_TIMEOUT=5)
        outcome = result.get(timeout=180)
        run_import(clean)

    assert outcome["status"] == ImportStatus.SUCCESS
    assert snapshot(killed) == snapshot(clean)
    assert len(snapshot(killed)["products"]) == 3000


def test_a_hanging_feed_times_out_and_retries_without_delaying_other_marketplaces(
    start_worker,
):
    slow = Reply(feed(products=3), delay=30)
    with serve({"/hangs.json": [slow, Reply(feed(products=3))], "/ok.json": [Reply(feed(5))]}) as (
        server
    ):
        hanging = MarketplaceFactory(name="Bloquée", feed_url=f"{server.base_url}/hangs.json")
        other = MarketplaceFactory(name="Fluide", feed_url=f"{server.base_url}/ok.json")
        worker = start_worker(FEED_READ_TIMEOUT=8, FEED_MAX_SECONDS=12)
        app = celery_app(worker.redis_url)
        hanging_result = app.send_task(IMPORT, [hanging.pk], queue="imports")
        wait_for(lambda: server.hits.get("/hangs.json"), 30, "the hanging feed to be asked")
        other_result = app.send_task(IMPORT, [other.pk], queue="imports")

        assert other_result.get(timeout=60)["status"] == ImportStatus.SUCCESS
        # The other marketplace was done while the hanging feed was still being waited for.
        assert (
            not ImportRun.objects.filter(marketplace=hanging)
            .exclude(status=ImportStatus.RUNNING)
            .exists()
        )
        assert hanging_result.get(timeout=90)["status"] == ImportStatus.SUCCESS
        assert server.hits["/hangs.json"] == 2

    runs = list(
        ImportRun.objects.filter(marketplace=hanging)
        .order_by("started_at")
        .values_list("status", "errors")
    )
    assert [status for status, _ in runs] == [ImportStatus.FAILED, ImportStatus.SUCCESS]
    assert runs[0][1], "the timed-out run records why it failed"
    assert Product.objects.filter(marketplace=other).count() == 5


def start_beat(redis_url: str, folder) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "portal", "beat", "--loglevel", "WARNING"]
        + ["-S", "django_celery_beat.schedulers:DatabaseScheduler"]
        + ["--pidfile", str(folder / "beat.pid")],
        cwd=ROOT,
        env=service_env(redis_url),
        start_new_session=True,
    )


def overlapping(runs) -> list:
    runs = sorted(runs, key=lambda run: run.started_at)
    return [
        (first.pk, second.pk)
        for first, second in zip(runs, runs[1:], strict=False)
        if first.finished_at is None or second.started_at < first.finished_at
    ]


def schedule_every(marketplace, seconds: int) -> None:
    interval, _ = IntervalSchedule.objects.get_or_create(
        every=seconds, period=IntervalSchedule.SECONDS
    )
    # Last run long ago: due as soon as beat starts.
    PeriodicTask.objects.filter(name=f"Import : {marketplace.slug}").update(
        crontab=None, interval=interval, last_run_at=timezone.now() - timedelta(days=1)
    )


def test_a_redis_crash_neither_loses_a_scheduled_import_nor_runs_it_twice_at_once(
    private_redis, start_worker, tmp_path
):
    """Beat sends two hourly imports at once to a worker with one slot: one runs, the
    other waits in Redis. Redis is killed then; both imports must still happen, each
    marketplace one run at a time. (Without Redis's append-only file the waiting message
    is lost: this test fails.)"""
    with serve({"/feed.json": [Reply(feed(products=5), delay=4)]}) as server:
        first = MarketplaceFactory(name="Planifiée 1", feed_url=f"{server.base_url}/feed.json")
        second = MarketplaceFactory(name="Planifiée 2", feed_url=f"{server.base_url}/feed.json")
        for marketplace in (first, second):
            schedule_every(marketplace, 3600)  # due at once, then not for an hour
        # A run killed with the worker has its message delivered again after 10 s.
        worker = start_worker(concurrency=1, CELERY_VISIBILITY_TIMEOUT=10)
        beat = start_beat(private_redis.url, tmp_path)
        try:
            wait_for(lambda: ImportRun.objects.exists(), 60, "the first scheduled run")
            assert ImportRun.objects.count() == 1, "the other import waits in the queue"
            private_redis.kill()
            time.sleep(2)
            private_redis.start()

            def done(marketplace) -> bool:
                runs = ImportRun.objects.filter(marketplace=marketplace)
                return (
                    runs.filter(status=ImportStatus.SUCCESS).exists()
                    and not runs.filter(status=ImportStatus.RUNNING).exists()
                )

            wait_for(
                lambda: not worker.revive() and done(first) and done(second),
                120,
                "both scheduled imports after the restart",
            )
        finally:
            PeriodicTask.objects.filter(name__startswith="Import : planifiee").update(enabled=False)
            stop(beat, signal.SIGTERM)

    for marketplace in (first, second):
        runs = list(ImportRun.objects.filter(marketplace=marketplace).order_by("started_at"))
        assert overlapping(runs) == []
        # A run cut short by the crash is closed as failed and run again.
        assert all("interrompu" in run.errors for run in runs if run.status == "failed")
        assert runs[-1].status == ImportStatus.SUCCESS
