"""Applying the outbox to the search backends, in bulk, each backend on its own."""

import logging
from collections import defaultdict
from contextlib import nullcontext

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from wagtail.search.backends import get_search_backend
from wagtail.search.index import class_is_indexed

from . import outbox
from .backends import client_helpers
from .models import IndexOutbox

logger = logging.getLogger(__name__)

BATCH_SIZE = 1000
# Objects per bulk request inside a batch: with a pipelined backend the engine indexes one
# chunk while the next is built.
CHUNK_SIZE = 250


def apply_changes(backend, model, pks: set[str]) -> None:
    """Index the objects that belong in the index and remove the others, in bulk."""
    found = [obj.get_indexed_instance() for obj in model.get_indexed_objects().filter(pk__in=pks)]
    found = [obj for obj in found if obj is not None]
    by_class = defaultdict(list)
    for obj in found:
        # A page saved as a plain Page is indexed as its specific type.
        by_class[type(obj)].append(obj)
    for indexed_model, objects in by_class.items():
        for start in range(0, len(objects), CHUNK_SIZE):
            backend.add_bulk(indexed_model, objects[start : start + CHUNK_SIZE])
    missing = pks - {str(obj.pk) for obj in found}
    if missing:
        delete_documents(backend, model, missing)


def delete_documents(backend, model, pks) -> None:
    es = getattr(backend, "es", None)
    if es is None:
        delete_database_entries(backend, model, pks)
        return
    index = backend.get_index_for_model(model)
    actions = [{"_op_type": "delete", "_index": index.name, "_id": str(pk)} for pk in pks]
    # A document that was never indexed is not an error, but an unreachable engine is.
    client_helpers(backend).bulk(es, actions, raise_on_error=False, raise_on_exception=True)


def delete_database_entries(backend, model, pks) -> None:
    if connection.vendor != "postgresql":
        # SQLite and MySQL keep a full-text table beside the entries: the backend's own delete.
        for pk in pks:
            backend.delete(model(pk=pk))
        return
    # One statement for the whole batch (a deactivated marketplace can be 100,000 rows).
    from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks  # noqa: PLC0415
    from wagtail.search.models import IndexEntry  # noqa: PLC0415 — only with this backend

    content_types = [get_content_type_pk(model), *get_descendants_content_types_pks(model)]
    IndexEntry.objects.filter(
        content_type_id__in=content_types, object_id__in=[str(pk) for pk in pks]
    ).delete()


def pipelined(backend):
    """The engines send bulk requests in the background; the database backend has none."""
    return backend.pipelined() if hasattr(backend, "pipelined") else nullcontext()


def drain_backend(alias: str, batch_size: int = BATCH_SIZE, max_batches: int | None = None) -> int:
    """Apply one backend's pending rows; return how many were applied.

    Rows are taken with SKIP LOCKED so two workers never apply the same batch. If the
    backend fails, the transaction rolls back and the rows wait for the next drain.
    """
    backend = get_search_backend(alias)
    applied = batches = 0
    while max_batches is None or batches < max_batches:
        with transaction.atomic():
            rows = list(
                IndexOutbox.objects.select_for_update(skip_locked=True)
                .filter(backend=alias)
                .order_by("id")
                .values_list("id", "content_type_id", "object_id")[:batch_size]
            )
            if not rows:
                break
            by_type: dict[int, set[str]] = defaultdict(set)
            for _row_id, content_type_id, object_id in rows:
                by_type[content_type_id].add(object_id)
            with pipelined(backend):
                for content_type_id, pks in by_type.items():
                    model = ContentType.objects.get_for_id(content_type_id).model_class()
                    if model is not None and class_is_indexed(model):
                        apply_changes(backend, model, pks)
            # A raw delete: a receiver of every model's post_delete (wagtail-localize's) would
            # otherwise make Django fetch the rows it already has to delete them one by one.
            applied_rows = IndexOutbox.objects.filter(pk__in=[row[0] for row in rows])
            applied_rows._raw_delete(applied_rows.db)
        applied += len(rows)
        batches += 1
    outbox.mark_if_empty(alias)
    return applied


def drain_outbox() -> dict[str, int | None]:
    """Drain every backend; a backend that fails keeps its rows and does not stop the others.

    Returns the rows applied per backend, None for a backend that failed.
    """
    applied: dict[str, int | None] = {}
    for alias in settings.WAGTAILSEARCH_BACKENDS:
        try:
            applied[alias] = drain_backend(alias)
        except Exception:
            logger.warning("Search backend %s unavailable; its changes wait", alias, exc_info=True)
            applied[alias] = None
    return applied


def pending_changes(alias: str | None = None) -> int:
    rows = IndexOutbox.objects.all()
    return (rows.filter(backend=alias) if alias else rows).count()


def oldest_pending_age_seconds() -> float | None:
    oldest = IndexOutbox.objects.order_by("id").values_list("created_at", flat=True).first()
    return (timezone.now() - oldest).total_seconds() if oldest else None
