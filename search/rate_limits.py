"""Rate limits of the public search endpoints: the JSON API and autocompletion (a 429 in
JSON), the search page and the newspapers' search widget (a 429 page that keeps the form).

Rates come from settings (SEARCH_RATE_LIMITS) and are read at each request, so operators and
tests can change them; the counting itself is portal/rate_limits.py.
"""

import functools

from django.conf import settings
from django.http import JsonResponse
from django.utils.translation import gettext as _

from portal.rate_limits import count_request


def count_search_request(request, group: str, reads=()) -> tuple[bool, dict]:
    """Count the request in `group`; whether it is over the rate, and the cache at `reads`."""
    return count_request(request, group, settings.SEARCH_RATE_LIMITS[group], reads)


def rate_limited(group: str):
    """Refuse a visitor's requests beyond the group's rate with a 429 and a Retry-After."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if count_search_request(request, group)[0]:
                return too_many_requests()
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def too_many_requests():
    return refused(
        JsonResponse(
            {"errors": {"__all__": _("Trop de requêtes : réessayez dans une minute.")}},
            json_dumps_params={"ensure_ascii": False},
        )
    )


def refused(response):
    """The response, as the answer to a request over its rate: 429, retry in a minute, kept by
    no cache (the next visitor behind the same CDN is not over the rate)."""
    response.status_code = 429
    response["Retry-After"] = "60"
    response["Cache-Control"] = "no-store"
    return response
