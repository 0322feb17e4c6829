"""Wagtail's Elasticsearch 8 and 9 backends with the faster documents of search/engine_backends.py.

Imported only when SEARCH_ENGINE names Elasticsearch: install the client of the cluster's
major version (`pip install "elasticsearch>=9,<10"` or `"elasticsearch>=8,<9"`).
"""

from modelsearch.backends.elasticsearch8 import Elasticsearch8Mapping, Elasticsearch8SearchBackend
from modelsearch.backends.elasticsearch9 import Elasticsearch9Mapping, Elasticsearch9SearchBackend

from .engine_backends import PipelinedBulkMixin, QuickDocumentMixin


class Elasticsearch8QuickMapping(QuickDocumentMixin, Elasticsearch8Mapping):
    pass


class Elasticsearch8Backend(PipelinedBulkMixin, Elasticsearch8SearchBackend):
    mapping_class = Elasticsearch8QuickMapping


class Elasticsearch9QuickMapping(QuickDocumentMixin, Elasticsearch9Mapping):
    pass


class Elasticsearch9Backend(PipelinedBulkMixin, Elasticsearch9SearchBackend):
    mapping_class = Elasticsearch9QuickMapping
