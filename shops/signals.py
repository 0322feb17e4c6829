"""Keeping derived records in step with the catalogue's models."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal

from .models import Marketplace, Shop
from .schedules import remove_schedule, sync_schedule

# Sent once the listed shops or products changed in bulk (imports skip model signals), after
# the transaction commits; the page cache listens to it.
catalogue_changed = Signal()


def announce_catalogue_change() -> None:
    transaction.on_commit(lambda: catalogue_changed.send(sender=Shop))


def marketplace_saved(sender, instance, **kwargs):
    if not kwargs.get("raw"):
        sync_schedule(instance)


def marketplace_deleted(sender, instance, **kwargs):
    remove_schedule(instance)


def connect():
    post_save.connect(marketplace_saved, sender=Marketplace, dispatch_uid="marketplace_schedule")
    post_delete.connect(
        marketplace_deleted, sender=Marketplace, dispatch_uid="marketplace_unschedule"
    )
