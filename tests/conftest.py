"""Fixtures shared by the whole suite: the site skeleton, the real Celery worker, search indexes.

`make test` exports DATABASE_URL, REDIS_URL, SEARCH_ENGINE and SEARCH_URL for the services
it started; the tests talk to those real services.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings

from tests.mail_sink import free_port

ROOT = Path(__file__).resolve().parent.parent
WORKER_QUEUES = "default,imports,indexing,images,mail"
WORKER_SMTP_PORT = free_port()
WORKER_IMPORT_LOCK_SECONDS = 6


def needs(service: str, available: bool):
    """Mark a test that needs a real service; under CI a missing service is a failure.

    A failure, not an xfail or a skip: either exits 0, and a green CI would then prove nothing
    about the code that talks to the service (pytest_runtest_setup below fails the test).
    """
    if available:
        return pytest.mark.services
    if os.environ.get("CI"):
        return pytest.mark.services(missing=service)
    return pytest.mark.skip(reason=f"{service} not configured: run `make test`")


def pytest_runtest_setup(item):
    for mark in item.iter_markers("services"):
        if mark.kwargs.get("missing"):
            pytest.fail(
                f"{mark.kwargs['missing']} is not configured: under CI every service must run",
                pytrace=False,
            )


requires_postgres = needs(
    "PostgreSQL", settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
)
requires_redis = needs("Redis", bool(settings.REDIS_URL))
# OpenSearch only (its French analysis, its versioning answers): on the Elasticsearch pass of
# tests/search (Makefile) these do not apply and are skipped; anywhere else, under CI, a
# missing OpenSearch fails the run like any missing service.
requires_opensearch = (
    pytest.mark.skip(reason="OpenSearch only: this run is on Elasticsearch")
    if "elasticsearch" in settings.SEARCH_ENGINE
    else needs("OpenSearch", settings.SEARCH_ENGINE == "opensearch")
)
# OpenSearch or Elasticsearch: `make test` runs tests/search once on each (see the Makefile).
requires_engine = needs(
    "A search engine", settings.SEARCH_ENGINE in ("opensearch", "elasticsearch", "elasticsearch8")
)


@pytest.fixture(scope="session", autouse=True)
def remove_test_indexes():
    """The run's own indexes are deleted at the end, so runs never pile up in the node."""
    yield
    if settings.SEARCH_ENGINE != "database":
        from search.backends import engine_backend

        es = engine_backend().es
        names = list(es.indices.get(index=f"{settings.TEST_INDEX_PREFIX}*"))
        if names:
            es.indices.delete(index=",".join(names))


@pytest.fixture(autouse=True)
def mail_sent_in_process(request, monkeypatch):
    """Emails go to the mail queue once the request's transaction commits (merchants/emails.py).
    Without the real worker, the mail task runs in the test's own process (mail.outbox, or
    the test's SMTP sink); in a test wrapped in a transaction that never commits, at once.
    Tests with the worker (tests/merchants/test_mail_queue.py) keep everything real."""
    if "celery_worker" in request.fixturenames:
        return
    from merchants import emails

    monkeypatch.setattr(emails.send_email, "delay", lambda *args: emails.send_email.apply(args))
    marker = request.node.get_closest_marker("django_db")
    if not (marker and marker.kwargs.get("transaction")):
        monkeypatch.setattr(emails, "after_commit", lambda callback: callback())


@pytest.fixture
def home_page(db):
    from home.site_setup import ensure_site

    return ensure_site()


@pytest.fixture(scope="session")
def celery_worker(django_db_setup, django_db_blocker):
    """A real Celery worker process, connected to Redis and to the test database."""
    if not settings.REDIS_URL:
        pytest.skip("Redis not configured: run `make test`")
    from portal.celery import app

    database = settings.DATABASES["default"]
    env = dict(os.environ)
    env["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
    # The worker must see the database pytest-django created, not the development one.
    env["DATABASE_URL"] = test_database_url(database)
    env["IMPORT_RETRY_BACKOFF"] = "1"
    # Short import locks, so that a run longer than that needs its heartbeat to keep it.
    env["IMPORT_LOCK_SECONDS"] = str(WORKER_IMPORT_LOCK_SECONDS)
    env["FETCH_PRODUCT_IMAGES"] = "false"
    # The worker sends mail by SMTP to WORKER_SMTP_PORT, where a test may start a sink
    # (tests/mail_sink.py) or leave nothing listening: an SMTP server that is down.
    env["TEST_EMAIL_BACKEND"] = "django.core.mail.backends.smtp.EmailBackend"
    env["EMAIL_HOST"] = "127.0.0.1"
    env["EMAIL_PORT"] = str(WORKER_SMTP_PORT)
    env["MAIL_RETRY_BACKOFF"] = "1"
    app.control.purge()
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "portal",
            "worker",
            "-Q",
            WORKER_QUEUES,
            "-c",
            "2",
            # Transactional tests flush the database, which renumbers content types:
            # a fresh child per task never writes with a stale ContentType cache.
            "--max-tasks-per-child",
            "1",
            "--loglevel",
            "WARNING",
            "-n",
            f"test-worker-{os.getpid()}@%h",
            "--without-gossip",
            "--without-mingle",
        ],
        cwd=ROOT,
        env=env,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if worker.poll() is not None:
            pytest.fail("The Celery worker exited at start-up")
        if app.control.ping(timeout=1):
            break
    else:
        worker.kill()
        pytest.fail("The Celery worker did not answer within 60 s")
    global _worker_running
    _worker_running = True
    yield worker
    _worker_running = False
    worker.send_signal(signal.SIGTERM)
    try:
        worker.wait(timeout=20)
    except subprocess.TimeoutExpired:
        worker.kill()


def test_database_url(database: dict) -> str:
    if database["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{database['NAME']}"
    return (
        f"postgres://{database['USER']}:{database['PASSWORD']}@{database['HOST']}:"
        f"{database['PORT']}/{database['NAME']}"
    )


@pytest.fixture(autouse=True)
def reference_data(request):
    """Re-seed what migrations load (towns, sectors, Wagtail's root page) after a flush.

    A transactional test empties every table when it ends, data migrations' rows included;
    the next transactional test puts them back before it starts.
    """
    marker = request.node.get_closest_marker("django_db")
    if not (marker and marker.kwargs.get("transaction")):
        yield
        return
    request.getfixturevalue("_django_db_helper")
    restore_reference_data()
    yield
    # Torn down before the flush (the database helper was set up first): the real worker may
    # still be running what the test's commits queued (an outbox drain, a stock change's
    # re-index); a flush's TRUNCATE beside its reads can deadlock.
    wait_for_idle_worker()


_worker_running = False
WORKER_QUEUE_NAMES = WORKER_QUEUES.split(",")


def wait_for_idle_worker(seconds: float = 15) -> None:
    """Until the session's Celery worker has nothing running, reserved or queued."""
    if not _worker_running:
        return
    import redis

    from portal.celery import app

    broker = redis.Redis.from_url(settings.REDIS_URL)
    deadline = time.monotonic() + seconds
    try:
        while time.monotonic() < deadline:
            queued = sum(broker.llen(name) for name in WORKER_QUEUE_NAMES)
            inspect = app.control.inspect(timeout=0.5, limit=1)  # one worker: no full wait
            busy = [
                task
                for answer in (inspect.active() or {}, inspect.reserved() or {})
                for tasks in answer.values()
                for task in tasks
            ]
            if not queued and not busy:
                return
            time.sleep(0.2)
    finally:
        broker.close()


def restore_reference_data():
    """What migrations load and a flush removed, put back (idempotent)."""
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Collection, Locale, Page

    from shops.models import Departement, Sector, Town
    from shops.reference.loading import load_reference_data

    if not Town.objects.exists():
        load_reference_data(Departement, Town, Sector)
    if not Page.objects.exists():
        locale, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    # wagtail-localize creates this permission in a data migration, not from a model's Meta.
    translation_type, _ = ContentType.objects.get_or_create(
        app_label="wagtail_localize", model="translation"
    )
    Permission.objects.get_or_create(
        content_type=translation_type,
        codename="submit_translation",
        defaults={"name": "Can submit translations"},
    )
