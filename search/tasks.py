"""Celery tasks of the search app: thin callers of search.indexing."""

import logging

from celery import shared_task

from . import analytics, indexing

logger = logging.getLogger(__name__)


@shared_task(name="search.tasks.drain_outbox", ignore_result=True)
def drain_outbox() -> dict:
    """Apply pending index changes to every backend.

    Queued after every commit that wrote outbox rows, and every 30 seconds by beat: a
    backend that is down only delays its own changes, which a later drain applies.
    """
    return indexing.drain_outbox()


def queue_drain(**kwargs) -> None:
    """Receiver of outbox.rows_committed: drain the rows a transaction just committed."""
    try:
        drain_outbox.delay()
    except Exception:  # noqa: BLE001
        # The broker being down must never fail a save: the periodic drain catches up.
        logger.warning("Could not queue the index drain", exc_info=True)


@shared_task(name="search.tasks.flush_query_counts", ignore_result=True)
def flush_query_counts() -> int:
    """Add the search counters buffered in Redis to the database (every minute, by beat)."""
    return analytics.flush_buffered_counts()
