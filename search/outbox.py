"""The one way the rest of the project tells search that objects changed.

Callers pass a model and primary keys; the rows are written in the caller's
transaction, and the indexing task is queued once that transaction commits.
"""

import logging
from collections.abc import Iterable

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction

logger = logging.getLogger(__name__)


def record_changes(model, pks: Iterable) -> int:
    from .models import IndexOutbox  # noqa: PLC0415 — models import this module

    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    rows = [
        IndexOutbox(backend=backend, content_type=content_type, object_id=str(pk))
        for pk in pks
        if pk
        for backend in settings.WAGTAILSEARCH_BACKENDS
    ]
    if not rows:
        return 0
    IndexOutbox.objects.bulk_create(rows, batch_size=2000)
    transaction.on_commit(schedule_drain)
    return len(rows)


def pending(backend_alias: str, pks_by_model: dict) -> set[tuple]:
    """(model, pk) of the given objects with a change the backend has not applied yet.

    Asked by every search (search/results.py): plain SQL, as the ORM would take three times
    as long to compile it as PostgreSQL takes to answer it from the (backend, object_id) index.
    """
    from .models import IndexOutbox  # noqa: PLC0415 — models import this module

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
    from .tasks import drain_outbox  # noqa: PLC0415 — tasks import the models

    try:
        drain_outbox.delay()
    except Exception:  # noqa: BLE001
        # The broker being down must never fail a save: the periodic drain catches up.
        logger.warning("Could not queue the index drain", exc_info=True)
