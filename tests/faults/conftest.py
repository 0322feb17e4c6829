"""Disposable services for the fault tests: they are killed here, never the shared ones.

Each test starts its own Redis, Celery worker, beat, web server or OpenSearch node on a
free port, pointed at the test database, then kills or restarts those. Other engineers
keep using the shared services meanwhile.
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from celery import Celery
from django.conf import settings

from tests.conftest import ROOT, test_database_url


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(condition, seconds=60, message="condition", every=0.2):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(every)
    pytest.fail(f"Timed out waiting for {message}")


def stop(process: subprocess.Popen, sig=signal.SIGTERM, timeout=20) -> None:
    """Stop a process group we started (workers fork children)."""
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, sig)
        process.wait(timeout=timeout)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


class PrivateRedis:
    """A redis-server of our own; `kill()` and `start()` again keep its append-only file."""

    def __init__(self, folder: Path, *, persistent: bool = True):
        self.port = free_port()
        self.folder = folder
        self.persistent = persistent
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        durability = ["--appendonly", "yes", "--appendfsync", "always"]
        if not self.persistent:
            durability = ["--appendonly", "no"]
        self.process = subprocess.Popen(
            [shutil.which("redis-server") or "redis-server", "--port", str(self.port)]
            + ["--bind", "127.0.0.1", "--dir", str(self.folder), "--save", "", *durability],
            stdout=subprocess.DEVNULL,
            start_new_session=True,
        )
        wait_for(self.answers, 20, "the private Redis")

    def answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1) as conn:
                conn.sendall(b"PING\r\n")
                return conn.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def kill(self) -> None:
        """The crash: SIGKILL, no shutdown save."""
        stop(self.process, signal.SIGKILL)


@pytest.fixture
def private_redis(tmp_path):
    if not shutil.which("redis-server"):
        pytest.skip("redis-server is not installed")
    redis = PrivateRedis(tmp_path)
    redis.start()
    yield redis
    stop(redis.process)


def service_env(redis_url: str, **extra) -> dict:
    """The environment of a worker, beat or web process: our Redis, the test database."""
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.test",
        DATABASE_URL=test_database_url(settings.DATABASES["default"]),
        REDIS_URL=redis_url,
        IMPORT_RETRY_BACKOFF="1",
        # A killed worker's import lock expires within seconds (its heartbeat died with it),
        # so that the message delivered again runs soon after.
        IMPORT_LOCK_SECONDS="10",
        FETCH_PRODUCT_IMAGES="false",
        PYTHONPATH=str(ROOT),
    )
    env.update({key: str(value) for key, value in extra.items()})
    return env


def celery_app(redis_url: str) -> Celery:
    """A client of the private broker, to send tasks the way beat and the admin do."""
    # Not the current app: the project's shared tasks must keep the suite's broker.
    return Celery("faults", broker=redis_url, backend=redis_url, set_as_current=False)


class Worker:
    def __init__(self, redis_url: str, queues="imports", concurrency=2, **env):
        self.redis_url = redis_url
        self.queues = queues
        self.concurrency = concurrency
        self.env = env
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "portal", "worker", "-Q", self.queues]
            + ["-c", str(self.concurrency), "--max-tasks-per-child", "1"]
            + ["--loglevel", "WARNING", "-n", f"fault-{os.getpid()}-{time.monotonic_ns()}@%h"]
            + ["--without-gossip", "--without-mingle", "--without-heartbeat"],
            cwd=ROOT,
            env=service_env(self.redis_url, **self.env),
            start_new_session=True,
        )
        wait_for(self.answers, 60, "the private Celery worker")

    def answers(self) -> bool:
        if self.process.poll() is not None:
            return False
        try:
            return bool(celery_app(self.redis_url).control.ping(timeout=0.5))
        except Exception:  # noqa: BLE001 — a broker still restarting: ask again
            return False

    def revive(self) -> bool:
        """What the process supervisor does (compose `restart: unless-stopped`, systemd
        `Restart=always`): start again a worker that exited. Celery's worker exits when the
        broker vanishes while it acknowledges a late task (kombu: "'NoneType' object has no
        attribute 'hostname'"), so production must run it supervised."""
        if self.process.poll() is None:
            return False
        self.start()
        return True

    def kill(self) -> None:
        """SIGKILL to the whole worker: the main process and the child running the task."""
        stop(self.process, signal.SIGKILL)

    def stop(self) -> None:
        stop(self.process)


@pytest.fixture
def start_worker(private_redis):
    workers = []

    def start(**options) -> Worker:
        worker = Worker(private_redis.url, **options)
        worker.start()
        workers.append(worker)
        return worker

    yield start
    for worker in workers:
        worker.stop()
