"""Scale-out settings: the read replica router, S3 media, the CDN, index shards and replicas.

Each case starts Django in a subprocess with its own environment, as a node would.
"""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings

from tests import conftest as suite
from tests.conftest import ROOT, requires_postgres
from tests.portal.test_production_settings import PRODUCTION_ENV

PROBE = """
import json, django
django.setup()
from django.conf import settings
print(json.dumps({
    "media": settings.STORAGES["default"],
    "static_url": settings.STATIC_URL,
    "media_url": settings.MEDIA_URL,
    "index": settings.WAGTAILSEARCH_BACKENDS["default"]["INDEX_SETTINGS"]["settings"]["index"],
    "databases": sorted(settings.DATABASES),
}, default=str))
"""


def probe(settings_module: str, env: dict, script: str = PROBE) -> dict:
    leaked = {*PRODUCTION_ENV, "DJANGO_ALLOW_ASYNC_UNSAFE", "DATABASE_REPLICA_URL"}
    clean = {key: value for key, value in os.environ.items() if key not in leaked}
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": settings_module, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_media_on_s3_compatible_storage_behind_a_cdn():
    env = {
        **PRODUCTION_ENV,
        "MEDIA_STORAGE": "s3",
        "S3_BUCKET": "ldab-media",
        "S3_ENDPOINT_URL": "https://s3.fr-par.scw.cloud",
        "S3_CUSTOM_DOMAIN": "media.localdabord.fr",
        "CDN_URL": "https://cdn.localdabord.fr/",
        "SEARCH_SHARDS": "1",
        "SEARCH_REPLICAS": "2",
    }
    found = probe("portal.settings.production", env)
    assert found["media"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert found["media"]["OPTIONS"]["bucket_name"] == "ldab-media"
    assert found["media"]["OPTIONS"]["endpoint_url"] == "https://s3.fr-par.scw.cloud"
    assert found["media"]["OPTIONS"]["querystring_auth"] is False
    assert found["static_url"] == "https://cdn.localdabord.fr/static/"
    assert found["index"]["number_of_shards"] == 1
    assert found["index"]["number_of_replicas"] == 2
    assert found["index"]["max_ngram_diff"] == 12  # the French analysis is kept


def test_s3_media_needs_a_bucket_and_an_unknown_storage_is_refused():
    missing = probe_failure({**PRODUCTION_ENV, "MEDIA_STORAGE": "s3"})
    assert "S3_BUCKET is required in production" in missing
    assert "MEDIA_STORAGE must be local or s3" in probe_failure(
        {**PRODUCTION_ENV, "MEDIA_STORAGE": "ftp"}
    )


def probe_failure(env: dict) -> str:
    clean = {key: value for key, value in os.environ.items() if key not in PRODUCTION_ENV}
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--settings=portal.settings.production"],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    return result.stderr


def test_without_a_replica_or_engine_settings_nothing_changes():
    found = probe("portal.settings.production", PRODUCTION_ENV)
    assert found["databases"] == ["default"]
    assert "number_of_shards" not in found["index"]
    assert found["media"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert found["static_url"] == "/static/"


ROUTING = """
import json, django
django.setup()
from django.db import connections
from django.test.utils import CaptureQueriesContext
from portal.replica import replica_reads
from shops.models import Product
from shops.queries import listed_products

with CaptureQueriesContext(connections["replica"]) as on_replica:
    with replica_reads():
        listing_db = listed_products().db
        rows = len(list(listed_products()[:5]))
with CaptureQueriesContext(connections["replica"]) as outside:
    outside_db = listed_products().db
    list(Product.objects.all()[:1])
print(json.dumps({
    "listing_db": listing_db, "outside_db": outside_db,
    "replica_queries": len(on_replica), "replica_queries_outside": len(outside),
}))
"""


@requires_postgres
@pytest.mark.django_db
def test_public_reads_go_to_the_replica_and_the_rest_to_the_primary():
    database = suite.test_database_url(settings.DATABASES["default"])
    # The replica is the same database here: what matters is which connection is used.
    env = {"DATABASE_URL": database, "DATABASE_REPLICA_URL": database}
    found = probe("portal.settings.test", env, ROUTING)
    assert found["listing_db"] == "replica"
    assert found["replica_queries"] >= 1
    assert found["outside_db"] == "default"
    assert found["replica_queries_outside"] == 0


def test_the_router_writes_to_the_primary_and_migrates_it_only():
    from portal.replica import ReplicaRouter, replica_reads
    from shops.models import Product

    router = ReplicaRouter()
    with replica_reads():
        assert router.db_for_write(Product) == "default"
    assert router.allow_migrate("replica", "shops") is False
    assert router.allow_migrate("default", "shops") is True
