"""Wagtail's OpenSearch and Elasticsearch backends, with documents built faster.

Wagtail looks up each field's column name and model field again for every value, and
asks the app registry whether taggit is installed each time: two thirds of the time it
takes to index a product. Here that is looked up once per model and field, and the value
is read the same way; relations, tags and fields with searchable content keep Wagtail's
own path. The documents are identical (tests/search/test_engine_backends.py).
Elasticsearch's are in search/elasticsearch_backends.py: its client is installed only
where Elasticsearch is used.

While the outbox is drained, bulk requests are sent from a background thread
(`pipelined()`): the engine indexes one chunk while the next is read and built.
"""

from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from modelsearch.backends.opensearch3 import OpenSearch3Mapping, OpenSearch3SearchBackend
from modelsearch.index import AutocompleteField, FilterField, RelatedFields, SearchField

from .analysis import AnalysisAwareMixin, ReducedAnalysisMixin

NOT_A_MODEL_FIELD = object()
_plans: dict[tuple, tuple] = {}


def simple_model_field(model, field_name):
    """The model field if reading it needs nothing beyond `value_from_object`, else a marker."""
    try:
        model_field = model._meta.get_field(field_name)
    except FieldDoesNotExist:
        return NOT_A_MODEL_FIELD
    if model_field.is_relation:
        # A foreign key's column ("shop_id") is read as it is; the relation itself is not.
        forward = model_field.many_to_one or model_field.one_to_one
        return model_field if forward and field_name == model_field.attname else None
    if hasattr(model_field, "get_searchable_content"):
        return None  # Wagtail's own path
    return model_field


def forward_relation(model, field_name) -> bool:
    """A foreign key or one-to-one field of the model itself: one related object, or None."""
    try:
        model_field = model._meta.get_field(field_name)
    except FieldDoesNotExist:
        return False
    return model_field.concrete and (model_field.many_to_one or model_field.one_to_one)


class QuickDocumentMixin:
    def _field_plan(self, field, model):
        key = (self.model, model, type(field), field.field_name)
        plan = _plans.get(key)
        if plan is None:
            plan = (self.get_field_column_name(field), simple_model_field(model, field.field_name))
            _plans[key] = plan
        return plan

    def _related_document(self, field, obj):
        """A foreign key's object nested in the document by Wagtail's own `_get_nested_document`,
        read directly rather than through Wagtail's per-value lookups."""
        key = (self.model, type(obj), RelatedFields, field.field_name)
        if key not in _plans:
            _plans[key] = (
                self.get_field_column_name(field),
                forward_relation(type(obj), field.field_name),
            )
        name, forward = _plans[key]
        if not forward:  # many-to-many and reverse relations: Wagtail's own path
            return super()._get_document_field_data(field, obj)
        related = getattr(obj, field.field_name)
        if related is None:
            return name, None, []
        doc, edgengrams = self._get_nested_document(field.fields, related)
        return name, doc, edgengrams

    def _get_document_field_data(self, field, obj):
        if isinstance(field, RelatedFields):
            return self._related_document(field, obj)
        name, model_field = self._field_plan(field, type(obj))
        if model_field is None:
            return super()._get_document_field_data(field, obj)
        if model_field is NOT_A_MODEL_FIELD:
            value = getattr(obj, field.field_name, None)
            if callable(value):
                value = value()
        else:
            value = model_field.value_from_object(obj)
        value = self._clean_value(value)
        if isinstance(field, FilterField):
            if isinstance(value, (models.Manager, models.QuerySet)):
                value = list(value.values_list("pk", flat=True))
            elif isinstance(value, models.Model):
                value = value.pk
            elif isinstance(value, (list, tuple)):
                value = [item.pk if isinstance(item, models.Model) else item for item in value]
            return name, value, []
        if isinstance(field, AutocompleteField):
            return name, value, [value]
        if isinstance(field, SearchField):
            return name, value, []
        return super()._get_document_field_data(field, obj)


class PipelinedBulkMixin:
    """Inside `with backend.pipelined():`, `bulk()` hands its actions to one background thread
    and returns at once. At most one request is in flight (the next call waits for it, so
    memory stays bounded), and leaving the block waits for the last one and raises its error:
    the caller's transaction, holding the outbox rows, then rolls back. The block yields a
    list that receives each request's answer, in the order of the calls. The thread only
    sends HTTP requests; every database read stays in the caller's thread.
    """

    _executor: ThreadPoolExecutor | None = None
    _in_flight: Future | None = None
    _answers: list | None = None

    @contextmanager
    def pipelined(self):
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="search-bulk")
        self._answers = answers = []
        try:
            yield answers
            self._wait_in_flight()
        finally:
            self._executor.shutdown(wait=True)
            self._executor = self._in_flight = self._answers = None

    def _wait_in_flight(self):
        if self._in_flight is not None:
            in_flight, self._in_flight = self._in_flight, None
            # Raises the request's error here, in the caller's thread.
            self._answers.append(in_flight.result())

    def bulk(self, *args, **kwargs):
        if self._executor is None:
            return super().bulk(*args, **kwargs)
        self._wait_in_flight()
        self._in_flight = self._executor.submit(super().bulk, *args, **kwargs)
        return None


class OpenSearchMapping(QuickDocumentMixin, OpenSearch3Mapping):
    pass


class OpenSearchReducedMapping(ReducedAnalysisMixin, OpenSearchMapping):
    pass


class OpenSearchBackend(AnalysisAwareMixin, PipelinedBulkMixin, OpenSearch3SearchBackend):
    full_mapping_class = OpenSearchMapping
    reduced_mapping_class = OpenSearchReducedMapping
