"""Two runs of one marketplace never overlap (issue 19, item 10): a message delivered again
while its run lives waits for it, the lock lives as long as its run (heartbeat), and a run
releases only its own lock."""

import time
import uuid

import pytest
import redis

from shops.factories import MarketplaceFactory
from shops.import_lock import import_lock, lock_key
from shops.models import ImportRun, ImportStatus
from shops.tasks import import_marketplace
from tests.conftest import WORKER_IMPORT_LOCK_SECONDS, requires_redis
from tests.httpserver import Reply, serve

from .feeds import product
from .test_tasks import native_feed

pytestmark = requires_redis

# Longer than the lock lives without its heartbeat, and long enough for a loaded worker to
# take the message delivered again while the first run still reads its feed.
FEED_SECONDS = WORKER_IMPORT_LOCK_SECONDS + 20


def wait_until(condition, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"{what} within {seconds} s")


@pytest.mark.django_db(transaction=True)
def test_a_task_delivered_again_while_its_run_lives_never_runs_beside_it(celery_worker):
    feed = native_feed([product("p1"), product("p2", title="Terrine de campagne")])
    with serve({"/feed.json": [Reply(feed, delay=FEED_SECONDS)]}) as server:
        marketplace = MarketplaceFactory(feed_url=f"{server.base_url}/feed.json")
        task_id = str(uuid.uuid4())
        first = import_marketplace.apply_async((marketplace.pk,), task_id=task_id)
        wait_until(lambda: server.hits.get("/feed.json") == 1, 30, "the first run reads its feed")
        # Past the lock's own lifetime: only the heartbeat still holds it.
        time.sleep(WORKER_IMPORT_LOCK_SECONDS + 1)
        # What Redis does when the visibility timeout passes: the same message, the same id.
        import_marketplace.apply_async((marketplace.pk,), task_id=task_id)
        # The worker took it: it either waits (RETRY) or runs beside the first (a second run).
        wait_until(
            lambda: first.state == "RETRY" or ImportRun.objects.count() > 1,
            FEED_SECONDS - WORKER_IMPORT_LOCK_SECONDS - 3,
            "the worker takes the message delivered again",
        )
        assert ImportRun.objects.count() == 1  # no second run beside the first
        assert server.hits["/feed.json"] == 1
        assert first.get(timeout=60)["status"] == ImportStatus.SUCCESS
        # Once the first run is over, the redelivered one may run: after it, never beside it.
        wait_until(
            lambda: ImportRun.objects.filter(finished_at__isnull=False).count() == 2,
            60,
            "the redelivered run finishes",
        )
    runs = list(ImportRun.objects.order_by("started_at"))
    assert [run.status for run in runs] == [ImportStatus.SUCCESS, ImportStatus.SUCCESS]
    assert runs[1].started_at >= runs[0].finished_at


@pytest.mark.django_db
def test_a_run_whose_lock_expired_never_deletes_the_next_runs_lock(settings):
    client = redis.Redis.from_url(settings.REDIS_URL)
    marketplace_id = 10**9  # no real marketplace: only the lock is exercised
    first = import_lock(marketplace_id, owner="first-task")
    assert first.__enter__()
    client.delete(lock_key(marketplace_id))  # as if it had expired
    with import_lock(marketplace_id, owner="second-task") as second:
        assert second
        first.__exit__(None, None, None)
        holder = client.get(lock_key(marketplace_id)).decode()
        assert holder.startswith("second-task/")
        with import_lock(marketplace_id, owner="third-task") as third:
            assert not third and not third.held_by_same_task
    assert not client.exists(lock_key(marketplace_id))
