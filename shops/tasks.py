"""Celery tasks of the catalogue: thin callers of shops.pipeline and shops.images."""

import logging

from celery import shared_task
from django.conf import settings

from .images import fetch_product_image
from .import_lock import import_lock
from .models import ImportStatus, Marketplace, Product
from .pipeline import close_interrupted_runs, run_import

logger = logging.getLogger(__name__)

IMAGE_CHUNK = 50


class FeedRunFailed(Exception):
    """Raised so Celery retries a run whose feed could not be read."""


@shared_task(
    bind=True,
    name="shops.tasks.import_marketplace",
    autoretry_for=(FeedRunFailed,),
    retry_backoff=settings.IMPORT_RETRY_BACKOFF,
    retry_backoff_max=3600,
    retry_jitter=True,
    max_retries=5,
)
def import_marketplace(self, marketplace_id: int) -> dict:
    """Import one marketplace. Idempotent: running it twice leaves the catalogue as once."""
    marketplace = Marketplace.objects.get(pk=marketplace_id)
    if not marketplace.is_active:
        return {"skipped": "inactive"}
    with import_lock(marketplace_id, owner=self.request.id) as lock:
        if lock.held_by_same_task:
            # Delivered again while its first run still lives: never a second run beside it.
            # Tried again once the lock could have expired, in case that run is dead.
            logger.info(
                "Import of %s delivered again while it runs; retried later", marketplace.slug
            )
            raise self.retry(countdown=settings.IMPORT_LOCK_SECONDS + 1, max_retries=None)
        if not lock:
            logger.info("Import of %s already running; skipped", marketplace.slug)
            return {"skipped": "already running"}
        close_interrupted_runs(marketplace)
        run = run_import(marketplace)
    # Eager tasks (the demo) cannot wait for a retry: the failed run is recorded, that is all.
    retryable = run.status == ImportStatus.FAILED and getattr(run, "retryable", False)
    if retryable and not self.request.is_eager:
        raise FeedRunFailed(run.errors)
    return {"run": run.pk, "status": run.status, **run.counts()}


def queue_image_fetches(product_ids: list[int]) -> None:
    for start in range(0, len(product_ids), IMAGE_CHUNK):
        fetch_images.delay(product_ids[start : start + IMAGE_CHUNK])


@shared_task(name="shops.tasks.fetch_images", ignore_result=True)
def fetch_images(product_ids: list[int]) -> int:
    fetched = 0
    for product in Product.objects.filter(pk__in=product_ids, image__isnull=True):
        fetched += fetch_product_image(product)
    return fetched
