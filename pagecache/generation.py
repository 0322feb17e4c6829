"""The page cache's generation: one Redis key that every cached page is checked against.

Invalidating the whole cache is then one write, whatever the number of pages, languages
or query strings cached. A page stored under an older generation is a miss.
"""

import logging
import time

from django.core.cache import cache

GENERATION_KEY = "pagecache:generation"

logger = logging.getLogger(__name__)


def new_generation() -> str:
    # A clock value, never a counter: if Redis evicts or loses this key, a counter would
    # restart at 1 and bring back pages stored under the old 1; a timestamp never repeats.
    return str(time.time_ns())


def current_generation() -> str:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, new_generation(), timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def invalidate_pages(reason: str) -> str:
    """Every cached page becomes a miss from now on."""
    generation = new_generation()
    cache.set(GENERATION_KEY, generation, timeout=None)
    logger.info("Page cache invalidated: %s", reason)
    return generation


def request_generation(request) -> str | None:
    """The generation the page cache read for this request, else read once now (None when
    Redis is unreachable)."""
    if not hasattr(request, "page_cache_generation"):
        request.page_cache_generation = current_generation()
    return request.page_cache_generation
