"""Rebuilding the engine's indexes while shoppers search, and checking nothing is missing.

Each index is filled under a new name, then the alias moves to it in one request, so
searches read the old index until the swap and the new one after, never both (Wagtail's
own atomic rebuild points the alias at both for a moment: every result twice). Changes
applied to the old index during the rebuild would be lost with it: `reconcile` compares
the new index with the database afterwards and sends every difference through the outbox.
"""

from itertools import islice

from django.db import transaction
from django.utils import timezone
from django.utils.crypto import get_random_string
from modelsearch.index import get_indexed_models
from modelsearch.management.commands.rebuild_modelsearch_index import group_models_by_index

from shops.models import Product, Shop

from .backends import client_helpers
from .engine import current_engine
from .outbox import record_changes

RECONCILED_MODELS = (Shop, Product)
SCROLL_SIZE = 5000


def indexed_pks(backend, model) -> set[int]:
    """Every primary key in the model's index, read with a scroll (ids only)."""
    scan = client_helpers(backend).scan
    index = backend.get_index_for_model(model).name
    query = {"query": {"match_all": {}}, "_source": False}
    return {int(hit["_id"]) for hit in scan(backend.es, query=query, index=index, size=SCROLL_SIZE)}


def reconcile(backend=None, since=None) -> int:
    """Queue through the outbox what the index lacks, holds too much of, or holds stale.

    Returns how many objects were queued.
    """
    backend = backend or current_engine()
    queued = 0
    for model in RECONCILED_MODELS:
        expected = set(model.get_indexed_objects().values_list("pk", flat=True))
        found = indexed_pks(backend, model)
        changed = expected ^ found
        if since is not None:
            changed |= set(model.objects.filter(updated_at__gte=since).values_list("pk", flat=True))
        if changed:
            with transaction.atomic():
                record_changes(model, sorted(changed))
            queued += len(changed)
    return queued


def update_aliases(backend, actions: list[dict]) -> None:
    if getattr(backend, "use_new_elasticsearch_api", False):
        backend.es.indices.update_aliases(actions=actions)
    else:
        backend.es.indices.update_aliases(body={"actions": actions})


def swap_alias(backend, alias: str, new_index: str) -> None:
    es = backend.es
    if es.indices.exists_alias(name=alias):
        old = list(es.indices.get_alias(name=alias))
        actions = [{"remove": {"index": name, "alias": alias}} for name in old]
        update_aliases(backend, [*actions, {"add": {"index": new_index, "alias": alias}}])
        for name in old:
            es.indices.delete(index=name)
    elif es.indices.exists(index=alias):
        # The first rebuild: a plain index holds the name; it goes in the same request.
        actions = [
            {"remove_index": {"index": alias}},
            {"add": {"index": new_index, "alias": alias}},
        ]
        update_aliases(backend, actions)
    else:
        update_aliases(backend, [{"add": {"index": new_index, "alias": alias}}])


def chunks(queryset, size: int):
    rows = queryset.iterator(chunk_size=size)
    while chunk := list(islice(rows, size)):
        yield chunk


def rebuild_index(backend, alias, models, chunk_size: int) -> int:
    new_index = backend.index_class(backend, f"{alias.name}_{get_random_string(7).lower()}")
    new_index.put()
    for model in models:
        new_index.add_model(model)
    # Nobody reads the new index before the swap: no periodic refresh while it fills.
    backend.es.indices.put_settings(
        index=new_index.name, body={"index": {"refresh_interval": "-1"}}
    )
    count = 0
    for model in models:
        for chunk in chunks(model.get_indexed_objects().order_by("pk"), chunk_size):
            new_index.add_items(model, chunk)
            count += len(chunk)
    backend.es.indices.put_settings(
        index=new_index.name, body={"index": {"refresh_interval": None}}
    )
    new_index.refresh()
    swap_alias(backend, alias.name, new_index.name)
    return count


def rebuild_engine_indexes(chunk_size: int = 1000) -> int:
    """Rebuild every index of the engine behind its alias, then queue what changed meanwhile.

    Returns how many objects the reconciliation queued.
    """
    backend = current_engine()
    started = timezone.now()
    for alias, models in group_models_by_index(backend, get_indexed_models()).items():
        rebuild_index(backend, alias, models, chunk_size)
    return reconcile(backend, since=started)
