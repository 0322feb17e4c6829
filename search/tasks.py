"""Celery tasks of the search app: thin callers of search.indexing."""

import logging

from celery import shared_task

from . import indexing

logger = logging.getLogger(__name__)


@shared_task(name="search.tasks.drain_outbox", ignore_result=True)
def drain_outbox() -> int:
    """Apply pending index changes.

    Queued after every commit that wrote outbox rows, and every 30 seconds by beat: an
    engine that is down only delays the changes, which the next drain applies.
    """
    try:
        return indexing.drain_outbox()
    except Exception:
        logger.warning("Index drain failed; the changes stay in the outbox", exc_info=True)
        return 0
