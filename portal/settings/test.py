"""The test suite: the services `make test` starts, read from the environment like production."""

import os

from .base import *  # noqa: F403
from .base import CACHES, DATABASES, SEARCH_ENGINE, SEARCH_URL
from .search import database_search_options, search_backends

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The Celery worker the tests start sends by SMTP to a sink of the tests (tests/conftest.py).
EMAIL_BACKEND = os.environ.get(
    "TEST_EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend"
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Each test run gets its own cache namespace so a shared Redis never leaks state between runs
# (the outbox's marks of one run's database would vouch for another's). Set in the
# environment so the Celery worker the tests start uses the same one.
for cache in CACHES.values():
    cache["KEY_PREFIX"] = os.environ.setdefault("TEST_CACHE_KEY_PREFIX", f"ldab-test-{os.getpid()}")

# Tests never touch a developer's indexes, nor those of another test run on the same node.
# Set in the environment so the Celery worker the tests start uses the same indexes.
TEST_INDEX_PREFIX = os.environ.setdefault("TEST_SEARCH_INDEX_PREFIX", f"ldab_test_{os.getpid()}_")
WAGTAILSEARCH_BACKENDS = search_backends(
    SEARCH_ENGINE, SEARCH_URL, TEST_INDEX_PREFIX, database_search_options(DATABASES["default"])
)

# Tests share one Redis while each test rolls its database back: a page cached by one test
# would be served to the next. The page cache's own tests switch it on.
PAGE_CACHE_ENABLED = False
PAGE_CACHE_FRAGMENTS = False

# The suite calls the search API far more often than a visitor may; the tests of the limits
# set their own low rates (tests/search/test_rate_limits.py, tests/merchants).
SEARCH_RATE_LIMITS = dict.fromkeys(
    ("search-api", "autocomplete", "search-page", "search-widget"), "100000/m"
)

# The tests serve partner feeds and images from 127.0.0.1; private and link-local addresses
# stay refused (tests/shops/connectors/test_public_http.py switches this off to see loopback
# refused too).
PARTNER_FETCH_ALLOW_LOOPBACK = True
