"""Periodic work of the merchants' area, scheduled by beat (see CELERY_BEAT_SCHEDULE)."""

from celery import shared_task

from . import page_views, pickups


@shared_task
def expire_pickups() -> int:
    return pickups.expire_overdue()


@shared_task
def purge_shoppers() -> int:
    return pickups.purge_shoppers()


@shared_task(ignore_result=True)
def move_page_views() -> int:
    """Add the shop page views counted in Redis to the merchants' figures."""
    return page_views.page_views.move_to_database()
