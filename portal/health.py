"""/healthz: the state of the database, Redis and the search engine, for probes and operators."""

import redis
from django.conf import settings
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from search.backends import engine_is_up
from search.indexing import pending_changes


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


@never_cache
@require_GET
def healthz(request):
    states = service_states()
    down = sorted(name for name, state in states.items() if state == "down")
    body = {"status": "down" if down else "ok", "services": states, "down": down}
    body["search_engine"] = settings.SEARCH_ENGINE
    # Index changes waiting in the outbox: grows while the engine is down, drains after.
    body["search_backlog"] = pending_changes()
    return JsonResponse(body, status=503 if down else 200)
