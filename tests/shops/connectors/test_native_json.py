"""The portal's own JSON feed: two streamed passes, structural checks, and its JSON Schema."""

import json
from dataclasses import asdict, fields
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shops.connectors.base import FeedUnavailable, ProductRecord, ShopRecord
from shops.connectors.sources import BytesFeedSource, FileFeedSource, HttpFeedSource

from .conftest import SAMPLES, by_id, products, read, read_until_failure, rejected, shops
from .feed_server import Answer

SCHEMA_PATH = Path(__file__).parents[3] / "shops" / "connectors" / "native_feed.schema.json"
SAMPLE = SAMPLES / "native_feed.json"


def document(shops=(), products=(), **extra) -> bytes:
    return json.dumps(
        {"version": "1.0", "shops": list(shops), "products": list(products), **extra},
        ensure_ascii=False,
    ).encode()


def test_shops_come_first_though_the_document_lists_products_first():
    records = read("native_json", FileFeedSource(SAMPLE))
    kinds = "".join(type(record).__name__[0] for record in records)
    assert kinds == "SSR" + "PPRRRP"


def test_shops_read_every_field_with_numbers_and_booleans_as_written():
    macarons, valencay = shops(read("native_json", FileFeedSource(SAMPLE)))
    assert (macarons.town, macarons.insee_code, macarons.sectors) == (
        "Châteauroux",
        "36044",
        ["Épicerie fine", "Pâtisserie"],
    )
    assert (macarons.click_and_collect, macarons.delivery) == (True, False)
    assert (macarons.latitude, macarons.longitude) == ("46.8103", "1.6913")
    # An integer id and a lone sector are read as text and as a list of one.
    assert (valencay.external_id, valencay.sectors) == ("77", ["Fromagerie"])


def test_products_keep_prices_as_written_and_leave_values_to_the_sync():
    found = by_id(products(read("native_json", FileFeedSource(SAMPLE))))
    assert found["MAC-12"].price == "14.90"  # the number 14.90, not 14.9
    assert found["MAC-12"].categories == ["Épicerie fine", "Biscuits"]
    assert (found["1002"].price, found["1002"].categories) == ("3,60", ["Épicerie"])
    # Empty title, unreadable price: the sync quarantines them with its own reasons.
    assert (found["P-1004"].title, found["P-1004"].price) == ("", "douze euros")


def test_items_of_the_wrong_shape_are_rejected_with_a_reason():
    reasons = [
        (r.external_id, r.reason) for r in rejected(read("native_json", FileFeedSource(SAMPLE)))
    ]
    assert reasons == [
        ("", "« sectors » n'est pas une liste de textes"),
        ("P-BAD-1", "« categories » n'est pas une liste de textes"),
        ("P-BAD-2", "« title » n'est pas une valeur simple"),
        ("", "une entrée n'est pas un objet JSON"),
    ]


def test_two_passes_over_http_cost_one_download(server):
    url = server.route("/flux.json", Answer(SAMPLE.read_bytes(), gzip=True))
    records = read("native_json", HttpFeedSource(url))
    assert len(shops(records)) == 2 and len(products(records)) == 3
    assert len(server.requests) == 1


@pytest.mark.parametrize(
    ("body", "retryable", "message"),
    [
        (b'{"error": "jeton expir\\u00e9"}', False, "pas un flux natif"),
        (document(version="2.0"), False, "version 2.0"),
        (document(shops=[{"external_id": "s1", "name": "A"}])[:-30], True, "tronqué"),
        (b'{"shops": [}', True, "invalide"),
    ],
    ids=["error-object", "next-version", "truncated", "invalid"],
)
def test_a_document_that_is_not_a_whole_native_feed_fails_the_run(body, retryable, message):
    _, error = read_until_failure("native_json", BytesFeedSource(body))
    assert isinstance(error, FeedUnavailable)
    assert error.retryable is retryable and message in str(error)


# --- the JSON Schema ------------------------------------------------------------------------


def test_the_schema_describes_exactly_the_record_fields_in_french_and_english():
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    for name, record_class in (("shop", ShopRecord), ("product", ProductRecord)):
        properties = schema["$defs"][name]["properties"]
        # `line` is where a record is in a file, not a field of the feed.
        assert set(properties) == {field.name for field in fields(record_class)} - {"line"}
        for field_name, spec in properties.items():
            assert " / " in spec["description"], f"{name}.{field_name}: French / English"
            assert spec["examples"], f"{name}.{field_name}: an example"


def test_the_schema_accepts_its_examples_and_the_samples_canonical_items():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    for example in schema["examples"]:
        validator.validate(example)
    sample = json.loads(SAMPLE.read_text(encoding="utf-8"))
    # The schema is the contract; the connector also forgives a lone text for a list.
    validator.validate({**sample, "shops": sample["shops"][:1], "products": sample["products"][:1]})
    assert not validator.is_valid(sample)


# --- any record survives the round trip -----------------------------------------------------

TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)


@settings(max_examples=40, deadline=None)
@given(
    shop_list=st.lists(
        st.builds(
            ShopRecord,
            external_id=TEXT,
            name=TEXT,
            town=TEXT,
            sectors=st.lists(TEXT, max_size=3),
            click_and_collect=st.sampled_from([True, False, None]),
        ),
        max_size=4,
    ),
    product_list=st.lists(
        st.builds(
            ProductRecord,
            external_id=TEXT,
            shop_external_id=TEXT,
            title=TEXT,
            price=TEXT,
            categories=st.lists(TEXT, max_size=3),
        ),
        max_size=4,
    ),
)
def test_records_written_as_a_native_feed_read_back_the_same(shop_list, product_list):
    body = document(map(asdict, shop_list), map(asdict, product_list))
    assert read("native_json", BytesFeedSource(body)) == [*shop_list, *product_list]
