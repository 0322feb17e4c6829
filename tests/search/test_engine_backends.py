"""The project's engine backends build exactly Wagtail's documents, only faster."""

import pytest
from modelsearch.backends.opensearch3 import OpenSearch3Mapping
from wagtail.models import Page

from search.engine_backends import OpenSearchMapping
from shops.models import Product, Shop

pytestmark = pytest.mark.django_db


def test_documents_are_identical_to_wagtails(catalogue):
    objects = [
        *Shop.get_indexed_objects(),
        *Product.get_indexed_objects(),
        catalogue["page"],
    ]
    for obj in objects:
        model = type(obj)
        assert OpenSearchMapping(model).get_document(obj) == OpenSearch3Mapping(model).get_document(
            obj
        ), obj
    product = OpenSearchMapping(Product).get_document(catalogue["products"][2])
    assert product["town_code_filter"] == "45234"
    assert product["departement_code_filter"] == "45"
    assert product["location_filter"] == {"lat": 47.90248, "lon": 1.90407}
    assert isinstance(catalogue["page"], Page)


def test_building_documents_reads_no_deferred_column(catalogue, django_assert_num_queries):
    products = list(Product.get_indexed_objects())
    assert products
    mapping = OpenSearchMapping(Product)
    with django_assert_num_queries(0):
        for product in products:
            mapping.get_document(product)
