"""/healthz tells probes which service is down, and whether the site still serves."""

import pytest
from django.db import connection
from django.test import override_settings

from tests.conftest import requires_opensearch, requires_postgres


@pytest.mark.django_db
def test_healthz_is_ok_when_every_configured_service_answers(client):
    response = client.get("/healthz")
    body = response.json()
    assert response.status_code == 200, body
    assert body["status"] == "ok"
    assert body["services"]["database"] == "up"
    assert body["services"]["search"] == "up"
    assert body["search_backlog"] >= 0
    assert body["search_dead_letters"] == 0


@pytest.mark.django_db
def test_healthz_is_degraded_not_down_when_redis_is_unreachable(client):
    # Nothing listens on port 9 of the loopback: a real refused connection.
    with override_settings(REDIS_URL="redis://127.0.0.1:9/0"):
        response = client.get("/healthz")
    # The site serves uncached: the load balancer must keep sending shoppers.
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["down"] == ["redis"]


@requires_opensearch
@pytest.mark.django_db
def test_healthz_is_degraded_when_the_search_engine_is_unreachable(client, settings):
    backends = {name: dict(conf) for name, conf in settings.WAGTAILSEARCH_BACKENDS.items()}
    backends["default"]["URLS"] = ["http://127.0.0.1:9"]
    backends["default"]["TIMEOUT"] = 1
    settings.WAGTAILSEARCH_BACKENDS = backends
    response = client.get("/healthz")
    assert response.status_code == 200  # the database fallback answers searches
    assert response.json()["status"] == "degraded"
    assert response.json()["down"] == ["search"]


@requires_postgres
@pytest.mark.django_db(transaction=True)
def test_healthz_answers_503_json_when_the_database_is_unreachable(client, monkeypatch):
    connection.close()
    # The next connection goes to a port where nothing listens: a real refused connection.
    monkeypatch.setitem(connection.settings_dict, "PORT", "9")
    try:
        response = client.get("/healthz")
    finally:
        connection.close()
        monkeypatch.undo()
    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["status"] == "down"
    assert "database" in body["down"]
