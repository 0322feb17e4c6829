"""The search service: what the search page, the JSON API and the tests all call.

It asks the configured engine (OpenSearch, Elasticsearch) and, when the engine does not
answer, Wagtail's database backend, marking the outcome as possibly incomplete. The
embedded default has no engine: the database backend answers, and nothing is degraded.
"""

import logging

from django.core.cache import cache

from . import analytics, elisions, engine, fallback, labels, outbox, suggestions, synonyms
from .backends import ENGINE, uses_external_engine
from .engine import RawAnswer
from .query import SearchOutcome, SearchQuery
from .results import outcome_from

logger = logging.getLogger(__name__)

# After a failure the engine is left alone this long, so that a node that hangs does not
# cost every shopper the client's time-out; the next search after it tries again.
ENGINE_PAUSE_SECONDS = 15
ENGINE_PAUSED_KEY = "search:engine-paused"


def origin_of(query: SearchQuery) -> tuple[float, float] | None:
    """Where distances are measured from: the `near` town, else the town filter."""
    return labels.town_position(query.origin_code) if query.origin_code else None


def query_context(query: SearchQuery) -> dict:
    return {
        "origin": origin_of(query),
        "marketplace_id": labels.marketplace_id(query.marketplace) if query.marketplace else None,
        "locale_id": labels.locale_id(query.language),
    }


def engine_paused() -> bool:
    return bool(cache.get(ENGINE_PAUSED_KEY))


def pause_engine() -> None:
    cache.set(ENGINE_PAUSED_KEY, True, ENGINE_PAUSE_SECONDS)


def ask(
    query: SearchQuery, alternatives: list[str], context: dict, checks, paused: bool
) -> RawAnswer:
    """The engine's answer, else the database's (marked `degraded` when an engine is set up)."""
    if uses_external_engine() and not paused:
        try:
            return engine.search(engine.current_engine(), query, alternatives, checks, **context)
        except Exception:  # noqa: BLE001 — transport, time-out or missing index: all mean "down"
            logger.warning("Search engine unavailable: answering from the database", exc_info=True)
            pause_engine()
    answer = fallback.search(query, alternatives, checks, **context)
    answer.degraded = uses_external_engine()
    answer.answered_by = "database"
    return answer


def shared_keys() -> list[str]:
    """What every search reads from the cache: the synonyms, the engine's pause, the outbox's
    marks (in one round trip, or in the API's round trip counting the request)."""
    return [synonyms.CACHE_KEY, ENGINE_PAUSED_KEY, *outbox.mark_keys(ENGINE)]


def search(query: SearchQuery, *, record: bool = True, shared: dict | None = None) -> SearchOutcome:
    """`shared`: the values at shared_keys() when the caller has already read them."""
    if shared is None:
        shared = cache.get_many(shared_keys())
    groups = synonyms.synonym_groups(shared.get(synonyms.CACHE_KEY))
    alternatives = synonyms.expand(query.text, groups) if query.text else []
    if alternatives:
        alternatives = elisions.french_alternatives(
            alternatives, lambda: labels.table("vocabulary"), synonyms.MAX_ALTERNATIVES + 2
        )
    answer = ask(
        query,
        alternatives,
        query_context(query),
        checks=lambda: suggestions.checks_for(query, alternatives, groups),
        paused=bool(shared.get(ENGINE_PAUSED_KEY)),
    )
    outcome = outcome_from(answer, query, outbox_empty=outbox.known_empty(ENGINE, shared))
    if not outcome.count:
        outcome.suggestions = suggestions.for_no_results(query, answer.checked)
    if record and query.text and query.page == 1:
        analytics.record_search(query.text, outcome.count)
    return outcome
