"""The one way the rest of the project tells search that objects changed.

Callers pass a model and primary keys; the rows are written in the caller's
transaction, and the indexing task is queued once that transaction commits.
"""

import logging
from collections.abc import Iterable

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

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


def schedule_drain() -> None:
    from .tasks import drain_outbox  # noqa: PLC0415 — tasks import the models

    try:
        drain_outbox.delay()
    except Exception:  # noqa: BLE001
        # The broker being down must never fail a save: the periodic drain catches up.
        logger.warning("Could not queue the index drain", exc_info=True)
