"""/healthz: the state of the database, Redis and the search engine, for probes and operators.

The site serves without Redis (uncached, eager limits skipped) and without the engine (the
database answers searches), so either one down is "degraded", 200: a load balancer must keep
sending shoppers. Without the database nothing serves: 503, still JSON, never the HTML page.
"""

import redis
from django.conf import settings
from django.db import connection, transaction
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from search.backends import engine_is_up, uses_external_engine
from search.engine import current_engine
from search.indexing import dead_letter_count, pending_changes

# What the site cannot serve without; anything else down only degrades one feature.
ESSENTIAL = {"database"}


def database_is_up() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except Exception:  # noqa: BLE001 — any failure means "down" for a probe
        return False


def redis_is_up() -> bool:
    client = redis.Redis.from_url(settings.REDIS_URL, socket_timeout=2, socket_connect_timeout=2)
    try:
        return bool(client.ping())
    except redis.RedisError:
        return False
    finally:
        client.close()


def service_states() -> dict[str, str]:
    states = {"database": "up" if database_is_up() else "down"}
    # The embedded default has no Redis (eager tasks, local cache): nothing to be down.
    states["redis"] = (
        ("up" if redis_is_up() else "down") if settings.REDIS_URL else "not configured"
    )
    states["search"] = "up" if engine_is_up() else "down"
    return states


def overall_status(down: list[str]) -> str:
    if ESSENTIAL & set(down):
        return "down"
    return "degraded" if down else "ok"


@never_cache
@require_GET
@transaction.non_atomic_requests  # ATOMIC_REQUESTS would need the database before the view
def healthz(request):
    states = service_states()
    down = sorted(name for name, state in states.items() if state == "down")
    status = overall_status(down)
    body = {"status": status, "services": states, "down": down}
    body["search_engine"] = settings.SEARCH_ENGINE
    if uses_external_engine() and states["search"] == "up":
        # "reduced": the engine lacks its analysis module (search/analysis.py); an operator
        # must know before running production that way.
        body["search_analysis"] = getattr(current_engine(), "analysis_mode", None)
    if states["database"] == "up":
        # Index changes waiting in the outbox: grows while the engine is down, drains after.
        body["search_backlog"] = pending_changes()
        # Documents the engine refused: they wait for a person (admin, "Documents refusés").
        body["search_dead_letters"] = dead_letter_count()
    return JsonResponse(body, status=503 if status == "down" else 200)
