"""Fixtures of the page cache's tests: each test starts and ends with a fresh generation, so no
earlier test's pages or fragments are served."""

import pytest

from pagecache.generation import invalidate_pages


@pytest.fixture
def fresh_generation():
    invalidate_pages("test start")
    yield
    invalidate_pages("test end")
