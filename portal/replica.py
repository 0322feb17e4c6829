"""Reads of public listings and of the search fallback go to the PostgreSQL read replica.

Only while a public GET/HEAD request is served: imports, the admin and every write stay on
the primary, so an editor or an import never reads a row older than the one it just wrote
(replication lag). Without DATABASE_REPLICA_URL there is no "replica" alias and nothing
changes. In the tests the replica mirrors "default" (same connection, same transaction).
"""

import contextlib
from contextvars import ContextVar

from django.conf import settings

REPLICA = "replica"
# What listings and the search fallback read; sessions, users and forms stay on the primary.
REPLICATED_APPS = {"shops", "search", "campaigns", "home", "wagtailcore", "wagtailimages", "taggit"}

_reads_from_replica: ContextVar[bool] = ContextVar("reads_from_replica", default=False)


@contextlib.contextmanager
def replica_reads():
    token = _reads_from_replica.set(True)
    try:
        yield
    finally:
        _reads_from_replica.reset(token)


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if (
            _reads_from_replica.get()
            and REPLICA in settings.DATABASES
            and model._meta.app_label in REPLICATED_APPS
        ):
            return REPLICA
        return None  # the primary

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the same data on both

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"


class ReplicaReadsMiddleware:
    """Public pages and APIs read from the replica; the admin never does."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD") and not request.path.startswith("/admin/"):
            with replica_reads():
                return self.get_response(request)
        return self.get_response(request)
