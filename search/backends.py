"""Access to the configured search engine and its database fallback."""

from django.conf import settings
from wagtail.search.backends import get_search_backend

ENGINE = "default"
FALLBACK = "fallback"


def engine_backend():
    return get_search_backend(ENGINE)


def fallback_backend():
    """The database backend: the engine itself in the embedded default, else the fallback."""
    alias = FALLBACK if FALLBACK in settings.WAGTAILSEARCH_BACKENDS else "default"
    return get_search_backend(alias)


def uses_external_engine() -> bool:
    return FALLBACK in settings.WAGTAILSEARCH_BACKENDS


def all_backends():
    """Every backend whose index must follow the catalogue: the engine and the fallback."""
    return [get_search_backend(alias) for alias in settings.WAGTAILSEARCH_BACKENDS]


def engine_is_up() -> bool:
    if not uses_external_engine():
        return True
    try:
        return bool(engine_backend().es.ping())
    except Exception:  # noqa: BLE001 — the client raises transport-specific errors
        return False
