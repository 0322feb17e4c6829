"""Counting what shoppers search for, without personal data, for editors to act on.

One row per folded query and day, with two counters: no IP address, no user, no time
of day. Editors read the top queries and the queries that found nothing in the admin.

With Redis, a search only increments two counters there and a periodic task adds them
to the database every minute: at the Christmas peak thousands of shoppers type "jouet",
and one database row updated by each of their requests would queue them behind each
other. Without Redis (the embedded default), or while it is down, the row is updated at
once.
"""

import datetime
import logging
import uuid

import redis
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone

from .models import SearchQueryStat
from .text import MAX_QUERY_LENGTH, fold

logger = logging.getLogger(__name__)

PENDING_PREFIX = "search:query-counts:"
FLUSHING_PREFIX = "search:query-counts-flushing:"
# Counters not flushed within this time (no worker at all) are dropped, not kept forever.
PENDING_TTL_SECONDS = 3 * 24 * 3600
_clients: dict[str, redis.Redis] = {}


def redis_client() -> redis.Redis | None:
    if not settings.REDIS_URL:
        return None
    if settings.REDIS_URL not in _clients:
        _clients[settings.REDIS_URL] = redis.Redis.from_url(
            settings.REDIS_URL, socket_timeout=1, socket_connect_timeout=1
        )
    return _clients[settings.REDIS_URL]


def record_search(text: str, result_count: int) -> None:
    query = fold(text)[:MAX_QUERY_LENGTH]
    if not query:
        return
    day = timezone.localdate()
    zero = 1 if result_count == 0 else 0
    client = redis_client()
    if client is not None:
        try:
            buffer_counts(client, day, query, zero)
            return
        except redis.RedisError:
            logger.warning("Redis unavailable: search counted in the database", exc_info=True)
    add_counts(day, query, 1, zero)


def buffer_counts(client: redis.Redis, day: datetime.date, query: str, zero: int) -> None:
    key = f"{PENDING_PREFIX}{day.isoformat()}"
    with client.pipeline() as pipe:
        pipe.hincrby(key, f"s:{query}", 1)
        if zero:
            pipe.hincrby(key, f"z:{query}", 1)
        pipe.expire(key, PENDING_TTL_SECONDS)
        pipe.execute()


def add_counts(day: datetime.date, query: str, searches: int, zero_results: int) -> None:
    changes = {
        "searches": F("searches") + searches,
        "zero_results": F("zero_results") + zero_results,
    }
    if SearchQueryStat.objects.filter(day=day, query=query).update(**changes):
        return
    try:
        with transaction.atomic():
            SearchQueryStat.objects.create(
                day=day, query=query, searches=searches, zero_results=zero_results
            )
    except IntegrityError:
        # Another request created this day's row first.
        SearchQueryStat.objects.filter(day=day, query=query).update(**changes)


def flush_buffered_counts() -> int:
    """Move the counters kept in Redis into the database; return how many queries moved.

    Each day's hash is renamed before it is read (atomic in Redis), so searches counted
    meanwhile start a new hash and none is counted twice or lost. A hash whose database
    write failed keeps its "flushing" name and is retried by the next flush.
    """
    client = redis_client()
    if client is None:
        return 0
    for key in client.scan_iter(match=f"{PENDING_PREFIX}*"):
        day = key.decode().removeprefix(PENDING_PREFIX)
        try:
            client.rename(key, f"{FLUSHING_PREFIX}{day}:{uuid.uuid4().hex}")
        except redis.ResponseError:
            continue  # flushed by another worker since the scan
    moved = 0
    for key in client.scan_iter(match=f"{FLUSHING_PREFIX}*"):
        day = datetime.date.fromisoformat(key.decode().removeprefix(FLUSHING_PREFIX).split(":")[0])
        counts = client.hgetall(key)
        searches = {
            field.decode()[2:]: int(value) for field, value in counts.items() if field[:2] == b"s:"
        }
        zero = {
            field.decode()[2:]: int(value) for field, value in counts.items() if field[:2] == b"z:"
        }
        with transaction.atomic():
            for query, count in searches.items():
                add_counts(day, query, count, zero.get(query, 0))
        client.delete(key)
        moved += len(searches)
    return moved


def query_totals(days: int = 30):
    """Per query over the last `days`: searches and searches with no result."""
    since = timezone.localdate() - datetime.timedelta(days=days)
    return (
        SearchQueryStat.objects.filter(day__gte=since)
        .values("query")
        .annotate(total_searches=Sum("searches"), total_zero_results=Sum("zero_results"))
    )


def top_queries(days: int = 30, limit: int = 100):
    return query_totals(days).order_by("-total_searches", "query")[:limit]


def zero_result_queries(days: int = 30, limit: int = 100):
    return (
        query_totals(days)
        .filter(total_zero_results__gt=0)
        .order_by("-total_zero_results", "query")[:limit]
    )
