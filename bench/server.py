"""A production-like gunicorn on the loopback for the page and load benchmarks.

Production settings (whitenoise, no debug) on the services named in the environment
(DATABASE_URL, REDIS_URL, SEARCH_ENGINE, SEARCH_URL); only the TLS redirect is off, as
the benchmark talks plain HTTP to 127.0.0.1.
"""

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))


def production_env(port: int, **overrides: str) -> dict:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY=env.get("SECRET_KEY", "bench-only-secret-key"),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SITE_URL=f"http://127.0.0.1:{port}",
        SECURE_SSL_REDIRECT="false",
        FETCH_PRODUCT_IMAGES="false",
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(ROOT),
    )
    env.update(overrides)
    return env


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def collect_static(env: dict) -> None:
    subprocess.run(
        [PYTHON, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )


@contextlib.contextmanager
def gunicorn(port: int, workers: int, **overrides: str):
    """gunicorn with `workers` sync workers, ready when it answers /healthz."""
    env = production_env(port, **overrides)
    process = subprocess.Popen(
        [
            GUNICORN,
            "portal.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--worker-class",
            "sync",
            # A page under load can wait for a worker; gunicorn's 30 s would abort none here.
            "--timeout",
            "60",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise SystemExit("gunicorn exited at start-up")
            with contextlib.suppress(OSError):
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)  # noqa: S310
                break
            if time.monotonic() > deadline:
                raise SystemExit("gunicorn did not answer within 60 s")
            time.sleep(0.5)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


def demo_urls() -> dict[str, str]:
    """The French home, campaign, town and guide pages of the demo, and a shop and a product."""
    import django  # noqa: PLC0415

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.base")
    django.setup()
    from campaigns.models import CampaignPage, SeasonalGuidePage, TownPage  # noqa: PLC0415
    from shops.queries import listed_products, listed_shops  # noqa: PLC0415

    def first(model):
        page = model.objects.live().filter(locale__language_code="fr").order_by("pk").first()
        if page is None:
            raise SystemExit(f"No {model.__name__} in this database: run `manage.py load_demo`")
        return page.url

    return {
        "home": "/fr/",
        "campaign": first(CampaignPage),
        "town": first(TownPage),
        "guide": first(SeasonalGuidePage),
        "shop": listed_shops().order_by("pk").first().get_absolute_url(),
        "product": listed_products().order_by("pk").first().get_absolute_url(),
    }
