"""Counters per day, incremented on busy requests and added to the database in batches.

At the Christmas peak thousands of shoppers search "jouet" or open the same shop page; one
database row updated by each of their requests would queue them behind each other. With
Redis, a request only increments a field of the day's hash there; a periodic task moves
the hashes into the database. Without Redis (the embedded default), or while it is down,
the counts go to the database at once.
"""

import datetime
import logging
import uuid
from collections.abc import Callable

import redis
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

logger = logging.getLogger(__name__)

# Hashes not moved within this time (no worker at all) are dropped, not kept forever.
PENDING_TTL_SECONDS = 3 * 24 * 3600
_clients: dict[str, redis.Redis] = {}

# apply(day, {field: count}) adds the counts to the database.
Apply = Callable[[datetime.date, dict[str, int]], None]


def redis_client() -> redis.Redis | None:
    if not settings.REDIS_URL:
        return None
    if settings.REDIS_URL not in _clients:
        _clients[settings.REDIS_URL] = redis.Redis.from_url(
            settings.REDIS_URL, socket_timeout=1, socket_connect_timeout=1
        )
    return _clients[settings.REDIS_URL]


def add_to_row(model, keys: dict, **amounts: int) -> None:
    """Add `amounts` to the row of `model` matching `keys`, creating it the first time.

    Safe when several processes add at once: the model has a unique constraint on `keys`.
    """
    rows = model.objects.filter(**keys)
    changes = {name: F(name) + amount for name, amount in amounts.items()}
    if rows.update(**changes):
        return
    try:
        with transaction.atomic():
            model.objects.create(**keys, **amounts)
    except IntegrityError:
        # Another process created the row first.
        rows.update(**changes)


class DailyCounts:
    def __init__(self, name: str, apply: Apply):
        self.pending_prefix = f"daily-counts:{name}:"
        self.moving_prefix = f"daily-counts-moving:{name}:"
        self.apply = apply

    def add(self, counts: dict[str, int]) -> None:
        day = timezone.localdate()
        client = redis_client()
        if client is not None:
            try:
                key = f"{self.pending_prefix}{day.isoformat()}"
                with client.pipeline() as pipe:
                    for field, amount in counts.items():
                        pipe.hincrby(key, field, amount)
                    pipe.expire(key, PENDING_TTL_SECONDS)
                    pipe.execute()
                return
            except redis.RedisError:
                logger.warning("Redis unavailable: counted in the database", exc_info=True)
        self.apply(day, counts)

    def move_to_database(self) -> int:
        """Move the counts kept in Redis into the database; return how many fields moved.

        Each day's hash is renamed before it is read (atomic in Redis), so counts added
        meanwhile start a new hash and none is counted twice or lost. A hash whose
        database write failed keeps its "moving" name and is retried the next time.
        """
        client = redis_client()
        if client is None:
            return 0
        for key in client.scan_iter(match=f"{self.pending_prefix}*"):
            day = key.decode().removeprefix(self.pending_prefix)
            try:
                client.rename(key, f"{self.moving_prefix}{day}:{uuid.uuid4().hex}")
            except redis.ResponseError:
                continue  # moved by another worker since the scan
        moved = 0
        for key in client.scan_iter(match=f"{self.moving_prefix}*"):
            day = key.decode().removeprefix(self.moving_prefix).split(":")[0]
            counts = {field.decode(): int(value) for field, value in client.hgetall(key).items()}
            with transaction.atomic():
                self.apply(datetime.date.fromisoformat(day), counts)
            client.delete(key)
            moved += len(counts)
        return moved

    def forget_pending(self) -> None:
        """Drop what Redis holds (tests start from nothing)."""
        client = redis_client()
        if client is not None:
            for prefix in (self.pending_prefix, self.moving_prefix):
                for key in client.scan_iter(match=f"{prefix}*"):
                    client.delete(key)
