"""Wagtail's Elasticsearch 8 and 9 backends with the faster documents of search/engine_backends.py,
and the reduced analysis of search/analysis.py on a node without the analysis module (as the
Elasticsearch of `make test`).

Imported only when SEARCH_ENGINE names Elasticsearch: install the client of the cluster's
major version (`pip install "elasticsearch>=9,<10"` or `"elasticsearch>=8,<9"`).
"""

from modelsearch.backends.elasticsearch8 import Elasticsearch8Mapping, Elasticsearch8SearchBackend
from modelsearch.backends.elasticsearch9 import Elasticsearch9Mapping, Elasticsearch9SearchBackend

from .analysis import AnalysisAwareMixin, ReducedAnalysisMixin
from .engine_backends import PipelinedBulkMixin, QuickDocumentMixin


class Elasticsearch8QuickMapping(QuickDocumentMixin, Elasticsearch8Mapping):
    pass


class Elasticsearch8ReducedMapping(ReducedAnalysisMixin, Elasticsearch8QuickMapping):
    pass


class Elasticsearch8Backend(AnalysisAwareMixin, PipelinedBulkMixin, Elasticsearch8SearchBackend):
    full_mapping_class = Elasticsearch8QuickMapping
    reduced_mapping_class = Elasticsearch8ReducedMapping


class Elasticsearch9QuickMapping(QuickDocumentMixin, Elasticsearch9Mapping):
    pass


class Elasticsearch9ReducedMapping(ReducedAnalysisMixin, Elasticsearch9QuickMapping):
    pass


class Elasticsearch9Backend(AnalysisAwareMixin, PipelinedBulkMixin, Elasticsearch9SearchBackend):
    full_mapping_class = Elasticsearch9QuickMapping
    reduced_mapping_class = Elasticsearch9ReducedMapping
