"""Periodic work of the newspapers' links, scheduled by beat (see CELERY_BEAT_SCHEDULE)."""

from celery import shared_task

from . import visits


@shared_task(ignore_result=True)
def move_visit_counts() -> int:
    """Add the visits counted in Redis to the figures of the dashboard."""
    return visits.visit_counts.move_to_database()
