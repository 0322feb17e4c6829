"""The single-host production files are coherent with the code: checked without Docker.

Every variable the compose file or .env.example names is read by the settings (or by a
service image), every command names a real module, and the workers consume every queue
CELERY_TASK_ROUTES sends tasks to.
"""

import importlib
import re
import shlex
from pathlib import Path

import pytest
import yaml
from django.conf import settings

from portal.celery import app

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = ROOT / "deploy" / "docker-compose.yml"
APP_SERVICES = {
    "web",
    "worker-imports",
    "worker-indexing",
    "worker-mail",
    "worker-images",
    "beat",
}
# Read by the images of the compose file, not by Django.
IMAGE_VARIABLES = {"POSTGRES_DB", "POSTGRES_USER", "POSTGRES_PASSWORD", "SITE_DOMAIN"}


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load(COMPOSE.read_text())


def settings_variables() -> set[str]:
    """The names the settings read with env_str, env_int, env_bool, env_list, env_required."""
    source = "\n".join(path.read_text() for path in (ROOT / "portal" / "settings").glob("*.py"))
    names = set(re.findall(r'env_(?:str|int|bool|list|required)\(\s*"([A-Z0-9_]+)"', source))
    # Read by Django itself, Celery or boto3.
    return names | {"DJANGO_SETTINGS_MODULE", "MEDIA_ROOT", "AWS_ACCESS_KEY_ID"}


def env_example() -> dict[str, str]:
    lines = (ROOT / ".env.example").read_text().splitlines()
    pairs = (line.split("=", 1) for line in lines if line.strip() and not line.startswith("#"))
    return {name.strip(): value for name, value in pairs}


def command(service: dict) -> list[str]:
    value = service.get("command", [])
    return shlex.split(value) if isinstance(value, str) else [str(part) for part in value]


def test_every_process_of_a_production_host_is_a_service(compose):
    services = compose["services"]
    assert APP_SERVICES | {"postgres", "redis", "opensearch", "caddy", "migrate"} <= set(services)
    for name, service in services.items():
        assert service.get("image") or service.get("build"), name
    for name in APP_SERVICES:
        assert services[name]["build"]["dockerfile"] == "Dockerfile"
        assert (ROOT / services[name]["build"]["context"].replace("..", ".")).is_dir()
        assert services[name]["env_file"] == "../.env"


def test_every_variable_named_is_read_by_the_settings_or_an_image(compose):
    known = settings_variables() | IMAGE_VARIABLES
    referenced = set(re.findall(r"\$\{([A-Z0-9_]+)\}", COMPOSE.read_text()))
    assert referenced - known == set()
    example = env_example()
    assert set(example) - known == set(), "variables in .env.example nothing reads"
    assert referenced <= set(example), "variables the compose file needs from .env"
    for name, service in compose["services"].items():
        for variable in service.get("environment") or {}:
            if name in APP_SERVICES:
                assert variable in known, f"{name}: {variable}"
    # The README documents every variable of the example.
    readme = (ROOT / "README.md").read_text()
    missing = {name for name in set(example) - IMAGE_VARIABLES if f"`{name}`" not in readme}
    assert missing == set()


def test_the_workers_consume_every_routed_queue(compose):
    consumed = {}
    for name in APP_SERVICES - {"web", "beat"}:
        argv = command(compose["services"][name])
        assert argv[:4] == ["celery", "-A", "portal", "worker"], name
        queues = argv[argv.index("-Q") + 1].split(",")
        consumed.update(dict.fromkeys(queues, name))
    app.loader.import_default_modules()
    tasks = [name for name in app.tasks if not name.startswith("celery.")]
    assert "shops.tasks.import_marketplace" in tasks
    for task in tasks:
        queue = app.amqp.router.route({}, task)["queue"].name
        assert queue in consumed, f"{task} goes to {queue}, which no worker reads"
    assert set(consumed) == {"imports", "indexing", "mail", "images", "default"}
    assert consumed["imports"] != consumed["mail"], "a slow feed must never delay mail"
    routed = {route["queue"] for route in settings.CELERY_TASK_ROUTES.values()}
    assert routed <= set(consumed)


def test_the_commands_name_real_modules(compose):
    services = compose["services"]
    web = command(services["web"])
    assert web[0] == "gunicorn"
    module, attribute = web[1].split(":")
    assert callable(getattr(importlib.import_module(module), attribute))
    beat = command(services["beat"])
    assert beat[:4] == ["celery", "-A", "portal", "beat"]
    scheduler = beat[beat.index("--scheduler") + 1]
    module, attribute = scheduler.split(":")
    assert getattr(importlib.import_module(module), attribute)
    assert scheduler == settings.CELERY_BEAT_SCHEDULER
    assert command(services["migrate"])[:3] == ["python", "manage.py", "migrate"]
    # Redis keeps its queues and locks across a restart.
    assert "--appendonly" in command(services["redis"])


def test_the_image_runs_as_a_non_root_user_with_collected_static_files():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert dockerfile.startswith("#") and "FROM python:3.11-slim" in dockerfile
    users = re.findall(r"^USER (\S+)", dockerfile, flags=re.MULTILINE)
    assert users and users[-1] not in {"root", "0"}
    assert "collectstatic --noinput" in dockerfile
    assert "compilemessages" in dockerfile
