"""Keeping derived records in step with the catalogue's models."""

from django.db.models.signals import post_delete, post_save

from .models import Marketplace
from .schedules import remove_schedule, sync_schedule


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
