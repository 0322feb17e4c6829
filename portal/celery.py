"""The Celery app: Redis broker, JSON messages, tasks found in every installed app."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

app = Celery("portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.task(name="portal.ping")
def ping(value: str) -> str:
    """Round-trip check used by /healthz-style probes and the test suite."""
    return f"pong:{value}"
