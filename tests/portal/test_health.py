"""/healthz tells probes which service is down."""

import pytest
from django.test import override_settings

from tests.conftest import requires_opensearch


@pytest.mark.django_db
def test_healthz_is_ok_when_every_configured_service_answers(client):
    response = client.get("/healthz")
    body = response.json()
    assert response.status_code == 200, body
    assert body["status"] == "ok"
    assert body["services"]["database"] == "up"
    assert body["services"]["search"] == "up"
    assert body["search_backlog"] >= 0


@pytest.mark.django_db
def test_healthz_names_redis_when_it_is_unreachable(client):
    # Nothing listens on port 9 of the loopback: a real refused connection.
    with override_settings(REDIS_URL="redis://127.0.0.1:9/0"):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["down"] == ["redis"]


@requires_opensearch
@pytest.mark.django_db
def test_healthz_names_the_search_engine_when_it_is_unreachable(client, settings):
    backends = {name: dict(conf) for name, conf in settings.WAGTAILSEARCH_BACKENDS.items()}
    backends["default"]["URLS"] = ["http://127.0.0.1:9"]
    backends["default"]["TIMEOUT"] = 1
    settings.WAGTAILSEARCH_BACKENDS = backends
    response = client.get("/healthz")
    assert response.status_code == 503
    assert "search" in response.json()["down"]
