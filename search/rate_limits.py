"""Per-address rate limits of the public search endpoints, answered with a 429 in JSON.

The counters live in the shared cache (Redis in production), so every app server counts the
same visitor together. Rates come from settings (SEARCH_RATE_LIMITS) and are read at each
request, so operators and tests can change them.
"""

import functools

from django.conf import settings
from django.http import JsonResponse
from django.utils.translation import gettext as _
from django_ratelimit.core import is_ratelimited


def configured_rate(group, request):
    return settings.SEARCH_RATE_LIMITS[group]


def rate_limited(group: str):
    """Refuse a visitor's requests beyond the group's rate with a 429 and a Retry-After."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if is_ratelimited(
                request, group=group, key="ip", rate=configured_rate, method="GET", increment=True
            ):
                return too_many_requests()
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def too_many_requests():
    response = JsonResponse(
        {"errors": {"__all__": _("Trop de requêtes : réessayez dans une minute.")}},
        status=429,
        json_dumps_params={"ensure_ascii": False},
    )
    response["Retry-After"] = "60"
    response["Cache-Control"] = "no-store"
    return response
