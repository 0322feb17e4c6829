"""Every save or delete of an indexed model writes an outbox row (bulk writes do it themselves),
and one for each document that copies its fields (`indexed_dependants()`); committed rows
queue a drain; saving or deleting a synonym group clears the cached groups."""

from django.db.models.signals import post_delete, post_save
from wagtail.search.index import class_is_indexed

from . import outbox, synonyms, tasks
from .models import SynonymGroup


def record_indexed_change(sender, instance, **kwargs):
    if class_is_indexed(sender) and not kwargs.get("raw"):
        outbox.record_changes_with_dependants(sender, [instance.pk])


def clear_cached_synonyms(sender, **kwargs):
    synonyms.forget_synonym_groups()


def connect():
    post_save.connect(record_indexed_change, dispatch_uid="search_outbox_save")
    post_delete.connect(record_indexed_change, dispatch_uid="search_outbox_delete")
    outbox.rows_committed.connect(tasks.queue_drain, dispatch_uid="search_outbox_drain")
    for name, signal in (("save", post_save), ("delete", post_delete)):
        signal.connect(clear_cached_synonyms, sender=SynonymGroup, dispatch_uid=f"synonyms_{name}")
