"""Which requests may be answered from the page cache, and which responses may be stored.

Only anonymous GET requests of public pages are ever cached. Anything tied to one visitor
(a session, a login, a CSRF token in the page, a cookie being set) is left alone.
"""

import re

from django.conf import settings
from django.http import HttpRequest, HttpResponse

# Methods answered from the cache; only GET responses are stored (a HEAD response has no body).
READ_METHODS = {"GET", "HEAD"}
# A longer query string is more likely a bot's noise than a page worth a cache entry.
MAX_QUERY_STRING = 200
# Cache-Control words by which a view says its response belongs to one visitor.
PRIVATE_DIRECTIVES = ("private", "no-cache", "no-store")


def excluded_path(path: str) -> bool:
    return any(re.search(pattern, path) for pattern in settings.PAGE_CACHE_EXCLUDED_PATHS)


def may_use_cache(request: HttpRequest) -> bool:
    """Before any view runs: can this request be answered from the cache at all?"""
    if request.method not in READ_METHODS:
        return False
    # A session may hold a login, a page password or a message: the page is that visitor's.
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    if len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_STRING:
        return False
    return not excluded_path(request.path_info)


def is_page_view(request: HttpRequest) -> bool:
    """A Wagtail page or one of the public catalogue pages named in PAGE_CACHE_VIEWS."""
    match = getattr(request, "resolver_match", None)
    return match is not None and match.view_name in settings.PAGE_CACHE_VIEWS


def may_store(request: HttpRequest, response: HttpResponse) -> bool:
    """After the view: is this response the same for every anonymous visitor?"""
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if not is_page_view(request) or getattr(request, "is_preview", False):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_USED"):
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    cache_control = response.get("Cache-Control", "")
    return not any(word in cache_control for word in PRIVATE_DIRECTIVES)
