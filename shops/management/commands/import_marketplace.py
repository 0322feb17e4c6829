"""Run one marketplace's import synchronously, with a progress bar; print the counts as JSON.

Exits with status 1 when the run failed (the JSON line says why), 0 when it succeeded
or was partial, so that cron and CI can tell without parsing.
"""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from shops.import_lock import import_lock
from shops.models import ImportStatus, Marketplace
from shops.models.imports import FEED_FORMATS
from shops.pipeline import NoFeedSource, close_interrupted_runs, run_import

FORMATS = [code for code, _label in FEED_FORMATS]
# Formats read from a JSON API, whose saved pages may be given as a folder.
PAGED_FORMATS = {"shopify", "woocommerce"}


class Command(BaseCommand):
    help = "Import a partner marketplace's feed now (creating the marketplace if needed)."

    def add_arguments(self, parser):
        parser.add_argument("slug")
        source = parser.add_mutually_exclusive_group()
        source.add_argument(
            "--file",
            type=Path,
            help="Read this file instead of the feed (Shopify, WooCommerce: a saved page, "
            "or a folder of saved pages read in their order).",
        )
        source.add_argument("--url", help="Read this address instead of the feed, this run only.")
        parser.add_argument("--format", choices=FORMATS, help="Required for a new marketplace.")
        parser.add_argument("--name", help="Name of a new marketplace.")
        parser.add_argument("--options", help="Connector options as JSON, for a new marketplace.")
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, slug, file, url, format, name, options, no_progress, **kwargs):
        if file is not None and not file.exists():
            raise CommandError(f"No such file: {file}")
        marketplace = Marketplace.objects.filter(slug=slug).first()
        if marketplace is None:
            if not format:
                raise CommandError(f"Marketplace {slug!r} does not exist: --format is required.")
            marketplace = Marketplace.objects.create(
                slug=slug,
                name=name or slug,
                feed_format=format,
                connector_options=json.loads(options) if options else {},
            )
        elif format and format != marketplace.feed_format:
            raise CommandError(f"{slug} reads {marketplace.feed_format}, not {format}.")
        if file is not None and file.is_dir() and marketplace.feed_format not in PAGED_FORMATS:
            raise CommandError(
                f"{file} is a folder: only saved pages of {', '.join(sorted(PAGED_FORMATS))} "
                "may be read from a folder."
            )
        bar = tqdm(desc=slug, unit=" records", disable=no_progress, file=self.stderr._out)
        with import_lock(marketplace.pk) as acquired:
            if not acquired:
                raise CommandError(f"An import of {slug} is already running.")
            close_interrupted_runs(marketplace)
            try:
                run = run_import(marketplace, path=file, url=url, progress=bar.update)
            except NoFeedSource as error:
                raise CommandError(str(error)) from error
        bar.close()
        summary = {"marketplace": slug, "run": run.pk, "status": run.status, **run.counts()}
        summary["seconds"] = round(run.duration.total_seconds(), 3)
        if run.errors:
            summary["errors"] = run.errors
        self.stdout.write(json.dumps(summary, ensure_ascii=False))
        if run.status == ImportStatus.FAILED:
            self.stdout.flush()
            sys.exit(1)
