"""Each marketplace's import schedule, kept as a django-celery-beat task editable in the admin."""

import json

from django_celery_beat.models import CrontabSchedule, PeriodicTask

from .models import Marketplace


class InvalidSchedule(ValueError):
    pass


def parse_cron(expression: str) -> dict:
    parts = expression.split()
    if len(parts) != 5:
        raise InvalidSchedule("Une planification cron a cinq champs, par exemple « 0 3 * * * ».")
    names = ["minute", "hour", "day_of_month", "month_of_year", "day_of_week"]
    return dict(zip(names, parts, strict=True))


def task_name(marketplace: Marketplace) -> str:
    return f"Import : {marketplace.slug}"


def sync_schedule(marketplace: Marketplace) -> PeriodicTask:
    crontab, _ = CrontabSchedule.objects.get_or_create(
        **parse_cron(marketplace.schedule), timezone="Europe/Paris"
    )
    task, _ = PeriodicTask.objects.update_or_create(
        name=task_name(marketplace),
        defaults={
            "task": "shops.tasks.import_marketplace",
            "crontab": crontab,
            "args": json.dumps([marketplace.pk]),
            "enabled": marketplace.is_active,
            "queue": "imports",
        },
    )
    return task


def remove_schedule(marketplace: Marketplace) -> None:
    PeriodicTask.objects.filter(name=task_name(marketplace)).delete()
