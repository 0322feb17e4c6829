"""The connector registry: one connector per feed format, found by its slug."""

import pytest

from shops.connectors import CONNECTORS, UnknownFormat, get_connector
from shops.connectors.base import Connector


def test_every_format_has_its_connector_with_a_french_label():
    assert set(CONNECTORS) == {
        "google_merchant",
        "google_merchant_tsv",
        "shopify",
        "woocommerce",
        "csv",
        "shops_csv",
        "native_json",
    }
    for feed_format, connector in CONNECTORS.items():
        assert issubclass(connector, Connector) and connector.format == feed_format
        assert connector.label and get_connector(feed_format) is connector


def test_an_unknown_format_is_a_clear_key_error():
    with pytest.raises(KeyError) as error:
        get_connector("prestashop")
    assert isinstance(error.value, UnknownFormat)
    assert str(error.value).startswith("aucun connecteur pour le format de flux 'prestashop'")
    assert "google_merchant" in str(error.value)
