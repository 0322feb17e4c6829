"""The one way the rest of the project tells search that objects changed.

Callers pass a model and primary keys; the rows are written in the caller's
transaction, and the indexing task is queued once that transaction commits.

Searches show hits from the engine's stored fields unless their object waits in the outbox
(search/results.py). To spare them that look-up in PostgreSQL while the outbox is empty,
which is most of the time, the shared cache keeps two numbers: a count of writes, bumped
before and after each writing transaction commits, and the count a drain read just before
it found a backend's outbox empty. While both are equal nothing was written since the
outbox was seen empty. Anything missing (no shared cache, Redis restarted, a mark older
than EMPTY_MARK_SECONDS because no drain ran) means "unknown", and the search looks. A count
Redis missed (unreachable at that moment, or restored from an older snapshot) can make a
search show a changed object as indexed until the drain applies it: 30 s at most.
"""

import logging
from collections.abc import Iterable

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection, transaction
from django.dispatch import Signal

from .models import IndexOutbox

logger = logging.getLogger(__name__)

WRITES_KEY = "search:outbox-writes"
# Sent once a transaction that wrote rows has committed; search/tasks.py queues the drain
# (connected in search/signals.py). A signal, as the tasks import the indexing, which
# imports this module: this module importing the tasks back would be a cycle.
rows_committed = Signal()
# Refreshed by every drain, the periodic one included (every 30 s).
EMPTY_MARK_SECONDS = 120


def record_changes(model, pks: Iterable) -> int:
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    rows = [
        IndexOutbox(backend=backend, content_type=content_type, object_id=str(pk))
        for pk in pks
        if pk
        for backend in settings.WAGTAILSEARCH_BACKENDS
    ]
    if not rows:
        return 0
    # Before the commit too: a drain that saw the outbox empty before this write began can
    # no longer vouch for it, even if this process dies between its commit and its callbacks.
    count_write()
    IndexOutbox.objects.bulk_create(rows, batch_size=2000)
    transaction.on_commit(count_write)
    transaction.on_commit(schedule_drain)
    return len(rows)


def record_changes_with_dependants(model, pks: Iterable) -> None:
    """`record_changes`, and for the documents that copy these objects' fields
    (`model.indexed_dependants(pks)`: a shop's products carry its name, town and listing)."""
    pks = list(pks)
    record_changes(model, pks)
    if pks and hasattr(model, "indexed_dependants"):
        for dependant, dependant_pks in model.indexed_dependants(pks):
            record_changes(dependant, dependant_pks)


def empty_mark_key(backend_alias: str) -> str:
    return f"search:outbox-empty-at:{backend_alias}"


def marks_are_shared() -> bool:
    """A per-process cache (the embedded default) cannot see the other processes' writes."""
    return bool(settings.REDIS_URL)


def count_write() -> None:
    if marks_are_shared():
        cache.incr(WRITES_KEY, ignore_key_check=True)  # created at 1 by the first write


def mark_if_empty(backend_alias: str) -> None:
    """Record that the backend's outbox is empty, as of the write count read first."""
    if not marks_are_shared():
        return
    # Read before looking at the table: a row committed after the look is counted after it.
    writes = cache.incr(WRITES_KEY, 0, ignore_key_check=True)
    if writes is not None and not IndexOutbox.objects.filter(backend=backend_alias).exists():
        cache.set(empty_mark_key(backend_alias), writes, EMPTY_MARK_SECONDS)


def mark_keys(backend_alias: str) -> list[str]:
    """What `known_empty` needs from the cache, for the caller's single read of it."""
    return [WRITES_KEY, empty_mark_key(backend_alias)]


def known_empty(backend_alias: str, cached: dict) -> bool:
    writes = cached.get(WRITES_KEY)
    return writes is not None and cached.get(empty_mark_key(backend_alias)) == writes


def pending(backend_alias: str, pks_by_model: dict) -> set[tuple]:
    """(model, pk) of the given objects with a change the backend has not applied yet.

    Asked by every search (search/results.py): plain SQL, as the ORM would take three times
    as long to compile it as PostgreSQL takes to answer it from the (backend, object_id) index.
    """
    models_by_type = {
        ContentType.objects.get_for_model(model, for_concrete_model=False).pk: model
        for model, pks in pks_by_model.items()
        if pks
    }
    object_ids = [str(pk) for pks in pks_by_model.values() for pk in pks]
    if not object_ids:
        return set()
    table = connection.ops.quote_name(IndexOutbox._meta.db_table)
    sql = (
        f"SELECT content_type_id, object_id FROM {table}"  # noqa: S608
        f" WHERE backend = %s AND object_id IN ({', '.join(['%s'] * len(object_ids))})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [backend_alias, *object_ids])
        rows = cursor.fetchall()
    return {
        (models_by_type[content_type], int(pk))
        for content_type, pk in rows
        if content_type in models_by_type
    }


def schedule_drain() -> None:
    rows_committed.send(sender=IndexOutbox)
