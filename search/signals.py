"""Every save or delete of an indexed model writes an outbox row (bulk writes do it themselves),
and one for each document that copies its fields (`indexed_dependants()`)."""

from django.db.models.signals import post_delete, post_save
from wagtail.search.index import class_is_indexed

from .outbox import record_changes_with_dependants


def record_indexed_change(sender, instance, **kwargs):
    if class_is_indexed(sender) and not kwargs.get("raw"):
        record_changes_with_dependants(sender, [instance.pk])


def connect():
    post_save.connect(record_indexed_change, dispatch_uid="search_outbox_save")
    post_delete.connect(record_indexed_change, dispatch_uid="search_outbox_delete")
