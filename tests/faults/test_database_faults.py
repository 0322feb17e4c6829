"""PostgreSQL drops the site's connections: a clean 503 page, then recovery by itself.

The site runs in a real gunicorn on the test database; its connections are cut with
pg_terminate_backend (the shared server is never restarted).
"""

import subprocess
import sys
import time

import psycopg
import pytest
import requests
from django.conf import settings
from django.db import connection

from tests.conftest import ROOT, requires_postgres

from .conftest import free_port, service_env, stop, wait_for

pytestmark = [pytest.mark.faults, requires_postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def web(home_page):
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "portal.wsgi:application", "-b", f"127.0.0.1:{port}"]
        + ["--workers", "1", "--access-logfile", "-", "--log-level", "warning"],
        cwd=ROOT,
        env=service_env(settings.REDIS_URL, DATABASE_CONN_MAX_AGE=600, DEBUG="false"),
        stdout=subprocess.DEVNULL,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"

    def up():
        try:
            return requests.get(f"{url}/healthz", timeout=10).status_code < 500
        except requests.RequestException:
            return False

    try:
        wait_for(up, 60, "gunicorn")
        yield url
    finally:
        stop(server)


@pytest.fixture
def admin_connection():
    """A connection to another database: ours will be refused and cut."""
    database = settings.DATABASES["default"]
    with psycopg.connect(
        host=database["HOST"],
        port=database["PORT"],
        user=database["USER"],
        password=database["PASSWORD"],
        dbname="postgres",
        autocommit=True,
    ) as admin:
        yield admin


def drop_site_connections(admin, *, refuse_new: bool) -> int:
    """Cut every backend on the test database except this test's own one."""
    name = settings.DATABASES["default"]["NAME"]
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        ours = cursor.fetchone()[0]
    if refuse_new:
        admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
    return admin.execute(
        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
        " WHERE datname = %s AND pid <> %s AND pid <> pg_backend_pid()",
        [name, ours],
    ).fetchone()[0]


def allow_connections(admin) -> None:
    name = settings.DATABASES["default"]["NAME"]
    admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')


def test_dropped_connections_give_a_503_page_then_the_site_recovers(web, admin_connection):
    """One test (one gunicorn, one home page): a transactional test's flush removes the
    permissions the home page set-up needs, so a second one could not set it up again."""
    assert requests.get(f"{web}/fr/", timeout=10).status_code == 200
    # The persistent connection of the gunicorn worker is cut between two requests:
    # CONN_HEALTH_CHECKS replaces it before use, the shopper sees nothing.
    assert drop_site_connections(admin_connection, refuse_new=False) >= 1
    assert requests.get(f"{web}/fr/", timeout=10).status_code == 200

    # Cut again, new connections refused for a while: a 503 page, never a 500.
    try:
        drop_site_connections(admin_connection, refuse_new=True)
        down = requests.get(f"{web}/fr/", timeout=10)
        english = requests.get(f"{web}/en/", timeout=10)
    finally:
        allow_connections(admin_connection)

    assert down.status_code == 503
    assert down.headers["Retry-After"] == "30"
    assert "Service momentanément indisponible" in down.text
    assert '<html lang="fr">' in down.text
    assert english.status_code == 503
    assert "Service temporarily unavailable" in english.text
    # Back by itself: no restart of gunicorn.
    time.sleep(0.5)
    assert requests.get(f"{web}/fr/", timeout=10).status_code == 200
