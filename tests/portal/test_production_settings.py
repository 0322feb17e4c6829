"""Production settings pass Django's deployment checks and refuse to run on demo defaults."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "SECRET_KEY": "k" * 20 + "production-test-key-with-enough-entropy-0123456789",
    "ALLOWED_HOSTS": "localdabord.fr",
    "DATABASE_URL": "postgres://ldab:secret@db.internal:5432/ldab",
    "REDIS_URL": "redis://redis.internal:6379/0",
    "SEARCH_ENGINE": "opensearch",
    "SEARCH_URL": "http://search.internal:9200",
    "SITE_URL": "https://localdabord.fr",
}


def manage(*args, env):
    # The browser tests allow async-unsafe calls in this process; production never does.
    leaked = {*PRODUCTION_ENV, "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in leaked}
    return subprocess.run(
        [sys.executable, "manage.py", *args, "--settings=portal.settings.production"],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_check_deploy():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "SECRET_KEY"}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY is required in production" in result.stderr


def test_production_refuses_to_fall_back_to_sqlite():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "DATABASE_URL"}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "DATABASE_URL is required in production" in result.stderr
