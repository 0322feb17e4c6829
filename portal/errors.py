"""Error pages: a database that is down or dropped our connection is a 503, not a 500.

A 503 tells the load balancer and the CDN the failure is temporary (they may serve a
stale copy or retry), and the shopper gets a page saying so. The next request recovers
by itself: CONN_HEALTH_CHECKS replaces a dead persistent connection before it is used.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.shortcuts import render
from django.views import defaults

DATABASE_DOWN = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def database_unavailable(exception: BaseException | None) -> bool:
    while exception is not None:
        if isinstance(exception, DATABASE_DOWN):
            return True
        exception = exception.__cause__ or exception.__context__
    return False


def server_error(request, template_name=defaults.ERROR_500_TEMPLATE_NAME):
    """handler500: Django calls it inside its `except`, so the exception is at hand."""
    if database_unavailable(sys.exc_info()[1]):
        # 503.html queries nothing: the database is exactly what is missing.
        response = render(request, "503.html", status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
    return defaults.server_error(request, template_name)
