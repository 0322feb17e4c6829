"""Periodic work of the merchants' area, scheduled by beat (see CELERY_BEAT_SCHEDULE)."""

from celery import shared_task

from . import pickups


@shared_task
def expire_pickups() -> int:
    return pickups.expire_overdue()


@shared_task
def purge_shoppers() -> int:
    return pickups.purge_shoppers()
