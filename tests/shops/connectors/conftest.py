"""Fixtures of the connector tests: sample feeds, a partner's HTTP server, record helpers.

Nothing here needs Django or a database: connectors are plain parsers.
"""

from pathlib import Path

import pytest

from shops.connectors import get_connector
from shops.connectors.base import ProductRecord, RejectedRecord, ShopRecord

from .feed_server import serve

SAMPLES = Path(__file__).parent / "samples"


@pytest.fixture
def server():
    with serve() as feed_server:
        yield feed_server


def read(feed_format: str, source, **options) -> list:
    return list(get_connector(feed_format)(source, options).records())


def read_until_failure(feed_format: str, source, **options) -> tuple[list, Exception]:
    """The records yielded before the connector raised, and what it raised."""
    records = []
    try:
        for record in get_connector(feed_format)(source, options).records():
            records.append(record)
    except Exception as error:  # noqa: BLE001 — the test asserts on it
        return records, error
    raise AssertionError(f"the connector should have failed after {len(records)} records")


def shops(records) -> list[ShopRecord]:
    return [record for record in records if isinstance(record, ShopRecord)]


def products(records) -> list[ProductRecord]:
    return [record for record in records if isinstance(record, ProductRecord)]


def rejected(records) -> list[RejectedRecord]:
    return [record for record in records if isinstance(record, RejectedRecord)]


def by_id(records) -> dict:
    return {record.external_id: record for record in records}
