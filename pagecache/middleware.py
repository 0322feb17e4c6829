"""The page cache: anonymous page views answered from Redis, with headers ready for a CDN.

It sits near the top of the middleware stack so that a hit skips sessions, CSRF, auth
and the view: one Redis round trip (the page and the generation read together).
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language_from_path

from .generation import GENERATION_KEY, current_generation
from .policy import is_page_view, may_store, may_use_cache

# Headers never replayed from the cache: they belong to the response that was stored.
NOT_STORED_HEADERS = {"set-cookie", "x-page-cache", "content-length"}


def page_key(request) -> str:
    language = get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    # Scheme and host are part of the page: canonical links and Open Graph URLs use them.
    identity = "|".join((request.scheme, request.get_host(), language, request.get_full_path()))
    return "pagecache:page:" + hashlib.sha256(identity.encode()).hexdigest()


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        usable = settings.PAGE_CACHE_ENABLED and may_use_cache(request)
        if usable:
            key = page_key(request)
            found = cache.get_many([GENERATION_KEY, key])
            # Read before the view runs: a page rendered while an invalidation happens is
            # stored under the generation it may be stale for, never under the new one.
            generation = found.get(GENERATION_KEY) or current_generation()
            request.page_cache_generation = generation  # the page's fragments use it too
            entry = found.get(key)
            if entry is not None and entry[0] == generation:
                return self.replay(entry)
        response = self.get_response(request)
        if "Cache-Control" in response:
            return response
        if may_use_cache(request) and may_store(request, response):
            self.mark_public(response)
            if usable:
                self.store(key, generation, response)
        elif is_page_view(request) or settings.SESSION_COOKIE_NAME in request.COOKIES:
            # A page for one visitor: neither a CDN nor a shared proxy may keep it.
            patch_cache_control(response, private=True, no_cache=True)
        return response

    def mark_public(self, response):
        patch_cache_control(
            response,
            public=True,
            max_age=settings.PAGE_CACHE_BROWSER_SECONDS,
            s_maxage=settings.PAGE_CACHE_SECONDS,
        )

    def store(self, key, generation, response):
        headers = [
            (name, value)
            for name, value in response.items()
            if name.lower() not in NOT_STORED_HEADERS
        ]
        entry = (generation, response.status_code, headers, response.content)
        cache.set(key, entry, timeout=settings.PAGE_CACHE_SECONDS)
        response["X-Page-Cache"] = "miss"

    def replay(self, entry):
        _generation, status, headers, content = entry
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        response["X-Page-Cache"] = "hit"
        return response
