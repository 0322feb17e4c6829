"""Under CI a test whose service is missing fails the run; elsewhere it is skipped."""

import os
import subprocess
import sys

from tests.conftest import ROOT

NEEDS_REDIS = """
from tests.conftest import requires_redis


@requires_redis
def test_counts_in_redis():
    pass
"""


def run_without_redis(tmp_path, **env):
    (tmp_path / "test_needs_redis.py").write_text(NEEDS_REDIS)
    clean = {key: value for key, value in os.environ.items() if key not in ("CI", "REDIS_URL")}
    # The file lives outside tests/: the project's settings and tests/conftest.py (as a plugin).
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-p",
            "tests.conftest",
            f"--rootdir={ROOT}",
            "-c",
            str(ROOT / "pyproject.toml"),
            str(tmp_path / "test_needs_redis.py"),
        ],
        cwd=ROOT,
        env={**clean, "REDIS_URL": "", **env},
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_under_ci_a_missing_service_fails_the_run(tmp_path):
    result = run_without_redis(tmp_path, CI="true")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Redis is not configured: under CI every service must run" in result.stdout
    assert "1 error" in result.stdout  # failed in its set-up: exit status 1


def test_on_a_developers_machine_a_missing_service_is_skipped(tmp_path):
    result = run_without_redis(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 skipped" in result.stdout
