"""Benchmark: import a generated partner feed end to end, then the same feed unchanged.

Run by hand, never as a test, against the services of `make services`:

    set -a; source var/test.env; set +a
    .venv/bin/python manage.py migrate --settings=portal.settings.test
    .venv/bin/python bench/import_catalogue.py --products 100000

Reports products/s for the first import (parse, clean, write, outbox) and for the
indexing of the outbox into the engine, peak RSS of the process, then the unchanged
re-import. Targets (issue 3): ≥ 2,000 products/s first import, ≥ 10,000 products/s
unchanged, peak RSS < 400 MB.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
os.environ.setdefault("FETCH_PRODUCT_IMAGES", "false")


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", type=int, default=100_000)
    parser.add_argument("--format", default="google_merchant")
    parser.add_argument("--out", type=Path, default=Path("/tmp/ldab-bench"))
    args = parser.parse_args()
    folder = args.out / f"{args.format}-{args.products}"
    if not (folder / "options.json").exists():
        command = [sys.executable, "-m", "shops.demo.generate", "--bench", "--products"]
        command += [str(args.products), "--format", args.format, "--out", str(folder)]
        subprocess.run(command, check=True, cwd=ROOT)

    import django

    django.setup()
    from django.conf import settings

    from search.indexing import drain_backend, drain_outbox
    from shops.models import Marketplace, Product, Shop
    from shops.pipeline import run_import

    options = json.loads((folder / "options.json").read_text())
    slug = f"bench-{args.format}-{args.products}"
    # The previous run is removed in a child process, so its memory is not counted here.
    cleanup = (
        "from shops.models import *; from search.indexing import drain_outbox; "
        f"Product.objects.filter(marketplace__slug={slug!r}).delete(); "
        f"Shop.objects.filter(marketplace__slug={slug!r}).delete(); "
        f"Marketplace.objects.filter(slug={slug!r}).delete(); drain_outbox()"
    )
    subprocess.run([sys.executable, "manage.py", "shell", "-c", cleanup], check=True, cwd=ROOT)
    marketplace = Marketplace.objects.create(
        slug=slug, name=slug, feed_format=args.format, connector_options=options
    )
    feed_file = next(p for p in folder.iterdir() if p.name.startswith("feed"))

    started = time.perf_counter()
    first = run_import(marketplace, path=feed_file)
    imported = time.perf_counter()
    # The engine is drained first: it is what shoppers query; the fallback follows.
    indexed_documents = drain_backend("default")
    indexed = time.perf_counter()
    fallback_documents = (
        drain_backend("fallback") if "fallback" in settings.WAGTAILSEARCH_BACKENDS else 0
    )
    finished = time.perf_counter()
    second = run_import(marketplace, path=feed_file)
    unchanged_seconds = time.perf_counter() - finished
    drain_outbox()

    products = Product.objects.filter(marketplace=marketplace).count()
    report = {
        "format": args.format,
        "products": products,
        "shops": Shop.objects.filter(marketplace=marketplace).count(),
        "database": settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1],
        "search_engine": settings.SEARCH_ENGINE,
        "first_import_seconds": round(imported - started, 1),
        "first_import_products_per_s": round(products / (imported - started)),
        "engine_indexing_seconds": round(indexed - imported, 1),
        "engine_documents_per_s": round(indexed_documents / max(indexed - imported, 1e-9)),
        "end_to_end_products_per_s": round(products / (indexed - started)),
        "fallback_indexing_seconds": round(finished - indexed, 1),
        "fallback_documents_per_s": round(fallback_documents / max(finished - indexed, 1e-9)),
        "unchanged_reimport_seconds": round(unchanged_seconds, 1),
        "unchanged_products_per_s": round(products / unchanged_seconds),
        "first_run": first.counts(),
        "second_run": second.counts(),
        "peak_rss_mb": round(peak_rss_mb()),
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
