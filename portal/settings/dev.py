"""Local development and `make demo`: the embedded defaults, with debugging on."""

from .base import *  # noqa: F403
from .environment import env_bool

DEBUG = env_bool("DEBUG", True)
