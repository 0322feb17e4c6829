"""Local development and `make demo`: the embedded defaults, with debugging on."""

from .base import *  # noqa: F403
from .base import LOGGING
from .environment import env_bool

DEBUG = env_bool("DEBUG", True)

# Tasks run inline in the demo: one log line per task is noise.
LOGGING["loggers"]["celery.app.trace"] = {"level": "WARNING"}
