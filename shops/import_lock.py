"""One import at a time per marketplace: a lock in Redis that lives exactly as long as its run.

The lock expires after IMPORT_LOCK_SECONDS and a heartbeat thread renews it every third of
that while the run goes on: a run that dies (its worker killed) frees its marketplace within
that time, a run that lives keeps it however long its feed takes. Releasing compares the
lock's token and deletes it in one step (redis-py's Lock runs a Lua script), so a run whose
lock was lost never deletes the lock another run took since.

Each acquisition has its own token, "<task id>/<random>": a message Redis delivers again while
its run still lives (acks_late, visibility timeout) carries the same task id and is told so
(`held_by_same_task`) instead of taking the lock over.

Without Redis (the embedded default: eager tasks in one process) the cache's add() is the lock.
"""

import contextlib
import logging
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import redis
from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)


@dataclass
class LockState:
    acquired: bool
    held_by_same_task: bool = False  # a redelivered message whose first run holds the lock

    def __bool__(self) -> bool:
        return self.acquired


def lock_key(marketplace_id: int) -> str:
    # Under the cache's prefix, so that test runs sharing a Redis never see each other's.
    return cache.make_key(f"import-lock:{marketplace_id}")


@contextlib.contextmanager
def import_lock(marketplace_id: int, owner: str | None = None) -> Iterator[LockState]:
    """Hold the marketplace's lock while the block runs; yields a false LockState if another
    run holds it. `owner` is the Celery task id."""
    if not settings.REDIS_URL:
        with local_lock(marketplace_id) as state:
            yield state
        return
    client = redis.Redis.from_url(settings.REDIS_URL)
    token = f"{owner or 'manual'}/{uuid.uuid4().hex}"
    lock = client.lock(
        lock_key(marketplace_id),
        timeout=settings.IMPORT_LOCK_SECONDS,
        thread_local=False,  # the heartbeat thread renews it with the same token
    )
    if not lock.acquire(blocking=False, token=token):
        holder = (client.get(lock_key(marketplace_id)) or b"").decode()
        client.close()
        yield LockState(False, held_by_same_task=bool(owner) and holder.startswith(f"{owner}/"))
        return
    stop = threading.Event()
    heartbeat = threading.Thread(
        target=keep_alive, args=(lock, stop), name=f"import-lock-{marketplace_id}", daemon=True
    )
    heartbeat.start()
    try:
        yield LockState(True)
    finally:
        stop.set()
        heartbeat.join()
        try:
            lock.release()
        except redis.exceptions.LockError:
            logger.error("Import lock of marketplace %s was lost during the run", marketplace_id)
        client.close()


def keep_alive(lock, stop: threading.Event) -> None:
    while not stop.wait(settings.IMPORT_LOCK_SECONDS / 3):
        try:
            lock.reacquire()  # back to the full timeout, if the token is still ours
        except redis.exceptions.LockNotOwnedError:
            logger.error(
                "Import lock %s expired before its heartbeat; another run may start", lock.name
            )
            return
        except redis.RedisError:
            logger.warning(
                "Import lock %s not renewed (Redis unreachable)", lock.name, exc_info=True
            )


@contextlib.contextmanager
def local_lock(marketplace_id: int) -> Iterator[LockState]:
    key, token = f"import-lock:{marketplace_id}", uuid.uuid4().hex
    acquired = cache.add(key, token, timeout=settings.IMPORT_LOCK_SECONDS)
    try:
        yield LockState(acquired)
    finally:
        if acquired:
            cache.delete(key)
