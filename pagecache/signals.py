"""What invalidates the page cache: editors' pages and menus, and changes to the catalogue.

Any of them bumps the generation (every page at once: listings show shops, and the menu is
on every page), after the transaction commits so no request can re-cache the old data.
"""

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from shops.signals import catalogue_changed

from .frontend import purge_listing_pages
from .generation import invalidate_pages


def invalidate_after_commit(reason: str):
    transaction.on_commit(lambda: invalidate_pages(reason))


def page_changed(sender, instance, **kwargs):
    invalidate_after_commit(f"{sender.__name__} {instance.pk}")


def content_saved(sender, instance, **kwargs):
    if not kwargs.get("raw"):
        invalidate_after_commit(f"{sender.__name__} {instance.pk}")


def catalogue_imported(sender, **kwargs):
    def invalidate():
        invalidate_pages("catalogue changed")
        # Redis is up to date at once; a CDN in front keeps pages until purged or expired.
        purge_listing_pages()

    transaction.on_commit(invalidate)


def connect():
    # One connection per page model, as Wagtail's own frontend cache does: a receiver for
    # every model would also disable Django's fast bulk deletes everywhere.
    for model in apps.get_models():
        if issubclass(model, Page):
            uid = f"pagecache-{model._meta.label}"
            page_published.connect(page_changed, sender=model, dispatch_uid=uid + "-published")
            page_unpublished.connect(page_changed, sender=model, dispatch_uid=uid + "-unpub")
            post_page_move.connect(page_changed, sender=model, dispatch_uid=uid + "-moved")
            post_delete.connect(page_changed, sender=model, dispatch_uid=uid + "-deleted")
    for label in settings.PAGE_CACHE_INVALIDATING_MODELS:
        model = apps.get_model(label)
        post_save.connect(content_saved, sender=model, dispatch_uid=f"pagecache-{label}-saved")
        post_delete.connect(content_saved, sender=model, dispatch_uid=f"pagecache-{label}-del")
    catalogue_changed.connect(catalogue_imported, dispatch_uid="pagecache-catalogue")
