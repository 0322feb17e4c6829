"""The daily open-data export (CELERY_BEAT_SCHEDULE in portal/settings/base.py)."""

from celery import shared_task

from . import exports


@shared_task
def export_directory() -> int:
    return exports.export_directory()
