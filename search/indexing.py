"""Applying the outbox to the search backends, in bulk, each backend on its own."""

import logging
from collections import defaultdict
from contextlib import nullcontext
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from wagtail.search.backends import get_search_backend
from wagtail.search.index import class_is_indexed

from . import dead_letters, outbox
from .models import IndexOutbox

logger = logging.getLogger(__name__)

BATCH_SIZE = 1000
# Objects per bulk request inside a batch: with a pipelined backend the engine indexes one
# chunk while the next is built.
CHUNK_SIZE = 250


def apply_changes(backend, model, versions: dict[str, int], requests: "BulkRequests") -> None:
    """Index the objects that belong in the index and remove the others, in bulk.

    `versions` maps each primary key to the id of its newest outbox row. An engine gets it as
    the document's external version, so that of two drains racing (two workers, requests sent
    from a background thread), an older read reaching the engine after a newer one is refused
    instead of bringing back, say, a shop hidden in between.
    """
    pks = set(versions)
    found = [obj.get_indexed_instance() for obj in model.get_indexed_objects().filter(pk__in=pks)]
    found = [obj for obj in found if obj is not None]
    missing = pks - {str(obj.pk) for obj in found}
    es = getattr(backend, "es", None)
    if es is None:
        add_to_database(backend, found)
        if missing:
            delete_database_entries(backend, model, missing)
        return
    by_class = defaultdict(list)
    for obj in found:
        # A page saved as a plain Page is indexed as its specific type.
        by_class[type(obj)].append(obj)
    content_type_id = ContentType.objects.get_for_model(model).pk
    for indexed_model, objects in by_class.items():
        mapping = backend.mapping_class(indexed_model)
        index = backend.get_index_for_model(indexed_model).name
        for start in range(0, len(objects), CHUNK_SIZE):
            actions = [
                {
                    "_index": index,
                    "_id": mapping.get_document_id(obj),
                    **versioned(versions[str(obj.pk)]),
                    **mapping.get_document(obj),
                }
                for obj in objects[start : start + CHUNK_SIZE]
            ]
            send(backend, actions, content_type_id, requests)
    if missing:
        index = backend.get_index_for_model(model).name
        actions = [
            {"_op_type": "delete", "_index": index, "_id": pk, **versioned(versions[pk])}
            for pk in sorted(missing)
        ]
        send(backend, actions, content_type_id, requests)


def versioned(version: int) -> dict:
    return {"version": version, "version_type": "external"}


@dataclass
class BulkRequests:
    """One batch's bulk requests in order: what each carried, and the engine's answers (filled
    in by the pipelined backend as each request completes)."""

    results: list
    sent: list[tuple[int, list[str]]] = field(default_factory=list)


def send(backend, actions: list[dict], content_type_id: int, requests: BulkRequests) -> None:
    requests.sent.append((content_type_id, [action["_id"] for action in actions]))
    # Refused items come back as errors (settle_requests); an unreachable engine raises.
    outcome = backend.bulk(backend.es, actions, raise_on_error=False, raise_on_exception=True)
    if outcome is not None:  # not pipelined: the answer is here already
        requests.results.append(outcome)


def add_to_database(backend, objects) -> None:
    by_class = defaultdict(list)
    for obj in objects:
        by_class[type(obj)].append(obj)
    for indexed_model, same_class in by_class.items():
        for start in range(0, len(same_class), CHUNK_SIZE):
            backend.add_bulk(indexed_model, same_class[start : start + CHUNK_SIZE])


def settle_requests(alias: str, requests: BulkRequests) -> None:
    """Park the documents the engine refused with its reason; clear those it accepted.

    Raises EngineBusy if the engine refused items for its own state: the batch is retried.
    """
    for (content_type_id, ids), (_success, errors) in zip(
        requests.sent, requests.results, strict=True
    ):
        refused = {doc_id: reason for _index, doc_id, reason in dead_letters.refused_items(errors)}
        for doc_id, reason in refused.items():
            logger.warning(
                "Search backend %s refused %s:%s: %s", alias, content_type_id, doc_id, reason
            )
            dead_letters.park(alias, content_type_id, doc_id, reason)
        dead_letters.forget_accepted(alias, content_type_id, set(ids) - set(refused))


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
    return backend.pipelined() if hasattr(backend, "pipelined") else nullcontext([])


def drain_backend(alias: str, batch_size: int = BATCH_SIZE, max_batches: int | None = None) -> int:
    """Apply one backend's pending rows; return how many were applied.

    Rows are taken with SKIP LOCKED so two workers never apply the same batch. If the
    backend fails, the transaction rolls back and the rows wait for the next drain; a
    document the engine refuses is parked (search/dead_letters.py) and the rest applied.
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
            # Per object, its newest row: the version its document is sent with.
            by_type: dict[int, dict[str, int]] = defaultdict(dict)
            for row_id, content_type_id, object_id in rows:
                by_type[content_type_id][object_id] = row_id
            with pipelined(backend) as results:
                requests = BulkRequests(results)
                for content_type_id, versions in by_type.items():
                    model = ContentType.objects.get_for_id(content_type_id).model_class()
                    if model is not None and class_is_indexed(model):
                        apply_changes(backend, model, versions, requests)
            settle_requests(alias, requests)
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


def dead_letter_count() -> int:
    return dead_letters.count()


def pending_changes(alias: str | None = None) -> int:
    rows = IndexOutbox.objects.all()
    return (rows.filter(backend=alias) if alias else rows).count()


def oldest_pending_age_seconds() -> float | None:
    oldest = IndexOutbox.objects.order_by("id").values_list("created_at", flat=True).first()
    return (timezone.now() - oldest).total_seconds() if oldest else None
