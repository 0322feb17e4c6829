"""Partners find the native feed format documented by the portal itself."""

import json

import pytest

from tests.shops.feeds import product, shop


@pytest.mark.django_db
def test_the_json_schema_and_openapi_document_are_served(client):
    schema = client.get("/api/feeds/native.schema.json").json()
    assert set(schema["$defs"]) == {"shop", "product"}
    openapi = client.get("/api/feeds/openapi.json").json()
    assert openapi["openapi"].startswith("3.")
    ref = openapi["paths"]["/votre-flux.json"]["get"]["responses"]["200"]["content"]
    assert ref["application/json"]["schema"]["$ref"].endswith("/api/feeds/native.schema.json")


def test_the_test_feeds_follow_the_schema(settings):
    from shops.feed_docs import load_schema

    schema = load_schema()
    document = {"version": "1.0", "shops": [shop()], "products": [product()]}
    for kind, items in (("shop", document["shops"]), ("product", document["products"])):
        definition = schema["$defs"][kind]
        for item in items:
            assert set(definition["required"]) <= set(item)
            assert set(item) <= set(definition["properties"])
    json.dumps(document)
