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


def client_helpers(backend):
    """The client library's helpers (bulk, scan) for the backend's client: opensearch-py's
    refuse an Elasticsearch client (they read `client.transport.serializer`), and back."""
    if getattr(backend, "use_new_elasticsearch_api", False):
        from elasticsearch import helpers  # noqa: PLC0415 — installed only with that engine
    else:
        from opensearchpy import helpers  # noqa: PLC0415 — only when an engine is configured
    return helpers


def engine_is_up() -> bool:
    if not uses_external_engine():
        return True
    try:
        # The cluster's health rather than `ping()` (HEAD /): an Elasticsearch without its
        # rest-root module, as its Maven distribution, answers / with 405 while it serves.
        engine_backend().es.cluster.health()  # within the backend's own TIMEOUT
    except Exception:  # noqa: BLE001 — the client raises transport-specific errors
        return False
    return True
