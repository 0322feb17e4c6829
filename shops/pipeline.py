"""Running one marketplace's import: choose the connector and source, run the sync.

The Celery task and the `import_marketplace` command both call `run_import`.
"""

from pathlib import Path

from django.conf import settings
from django.utils import timezone

from .connectors import get_connector
from .models import ImportRun, ImportStatus, Marketplace
from .sync import MarketplaceImport


class NoFeedSource(Exception):
    pass


def feed_source(marketplace: Marketplace, path: Path | None = None, url: str | None = None):
    from .connectors.sources import FileFeedSource, HttpFeedSource  # noqa: PLC0415

    if path is not None:
        return FileFeedSource(path)
    if marketplace.feed_file and url is None:
        return FileFeedSource(Path(marketplace.feed_file.path))
    if url or marketplace.feed_url:
        auth = None
        if marketplace.auth_username:
            auth = (marketplace.auth_username, marketplace.auth_secret)
        elif marketplace.auth_secret:
            auth = {"Authorization": f"Bearer {marketplace.auth_secret}"}
        return HttpFeedSource(
            url or marketplace.feed_url,
            auth=auth,
            timeout=(settings.FEED_CONNECT_TIMEOUT, settings.FEED_READ_TIMEOUT),
            max_seconds=settings.FEED_MAX_SECONDS,
            max_bytes=settings.FEED_MAX_BYTES,
        )
    raise NoFeedSource(f"{marketplace} has neither a feed URL nor a feed file")


def run_import(
    marketplace: Marketplace,
    *,
    path: Path | None = None,
    url: str | None = None,
    progress=None,
    fetch_images: bool | None = None,
) -> ImportRun:
    """Import a marketplace from its own source, or from `path` / `url` for this run only.

    Images are fetched afterwards when FETCH_PRODUCT_IMAGES says so, unless `fetch_images`
    says otherwise (the demo draws its own: its partners' image addresses do not exist)."""
    connector_class = get_connector(marketplace.feed_format)
    connector = connector_class(feed_source(marketplace, path, url), marketplace.connector_options)
    sync = MarketplaceImport(marketplace, progress=progress)
    run = sync.run(connector)
    if fetch_images is None:
        fetch_images = settings.FETCH_PRODUCT_IMAGES
    if sync.products_with_new_images and fetch_images:
        from .tasks import queue_image_fetches  # noqa: PLC0415 — tasks import this module

        queue_image_fetches(sync.products_with_new_images)
    return run


def close_interrupted_runs(marketplace: Marketplace) -> int:
    """Runs left "running" by a killed worker, closed as failed. Call it holding the lock:
    then no other run of this marketplace can be alive."""
    return ImportRun.objects.filter(marketplace=marketplace, status=ImportStatus.RUNNING).update(
        status=ImportStatus.FAILED,
        finished_at=timezone.now(),
        errors="Import interrompu (processus arrêté) ; relancé.",
    )
