"""Write the demo partners' feeds (bundled in shops/demo/feeds/), or one large benchmark feed.

    python -m shops.demo.generate                  # regenerate the bundled demo feeds
    python -m shops.demo.generate --bench --products 100000 --format google_merchant \\
        --out /tmp/bench-feed.xml                  # a file (its shop list beside it)
    python -m shops.demo.generate --bench --products 100000 --format shopify --out /tmp/b
                                                   # a folder (always, for paginated formats)

Deterministic: the same marketplace list, size and seed give the same bytes. Standard
library and Django's slugify only; no settings, no database.
"""

import argparse
import json
import shutil
import sys
from pathlib import Path

from .catalogue import CatalogueMaker, even_counts
from .formats import WRITERS
from .marketplaces import DEMO_MARKETPLACES, DEPARTEMENTS, FEEDS_DIR, DemoMarketplace

BENCH_SEED = 2026
BENCH_SHOPS = 6000  # about the number of independent shops of the region's town centres
FILE_SUFFIXES = {".xml", ".tsv", ".csv", ".json"}

__all__ = ["FEEDS_DIR", "write_bench_feed", "write_demo_feeds", "write_marketplace"]


def write_marketplace(demo: DemoMarketplace, folder: Path) -> dict:
    """Rewrite `folder` (the bundled one is `FEEDS_DIR/<slug>`); return what was written."""
    folder = Path(folder)
    if folder.exists():
        shutil.rmtree(folder)
    maker = CatalogueMaker(
        demo.seed,
        demo.domain,
        demo.departements,
        producers=demo.producers,
        min_population=demo.min_population,
        siret_share=demo.siret_share,
    )
    writer = WRITERS[demo.feed_format](folder, demo.name, demo.website)
    shops = 0
    with writer:
        for shop, products in maker.catalogue(
            maker.demo_counts(demo.shops, *demo.products_per_shop)
        ):
            writer.add(shop, products)
            shops += 1
    return {
        "slug": demo.slug,
        "feed_format": demo.feed_format,
        "feed_path": demo.feed_path,
        "shops": shops,
        "products": writer.products_written,
        "departements": list(demo.departements),
        "connector_options": demo.connector_options,
    }


def write_demo_feeds(feeds_dir: Path = FEEDS_DIR) -> list[dict]:
    return [write_marketplace(demo, Path(feeds_dir) / demo.slug) for demo in DEMO_MARKETPLACES]


def write_bench_feed(
    products: int,
    feed_format: str,
    out: Path,
    *,
    seed: int = BENCH_SEED,
    shops: int = BENCH_SHOPS,
) -> dict:
    """Stream a feed of exactly `products` products from up to `shops` shops of the region.

    `out` is the feed file itself (`/tmp/bench.xml`, shop list written beside it), or a
    folder receiving `feed.<ext>` (or the pages), `shops.csv` and `options.json`.
    """
    out = Path(out)
    writer_class = WRITERS[feed_format]
    as_file = out.suffix in FILE_SUFFIXES and feed_format not in ("shopify", "woocommerce")
    out_dir, feed_name = (out.parent, out.name) if as_file else (out, "")
    if not as_file and out.exists():
        for stale_page in out.glob("*page-*.json"):
            stale_page.unlink()  # a smaller run must not leave the pages of a larger one
    maker = CatalogueMaker(seed, "banc-d-essai.example", DEPARTEMENTS, siret_share=0.9)
    shop_count = max(1, min(shops, products))
    writer = writer_class(out_dir, "Banc d'essai", "https://www.banc-d-essai.example", feed_name)
    with writer:
        for shop, shop_products in maker.catalogue(even_counts(products, shop_count)):
            writer.add(shop, shop_products)
    options = dict(writer.options)
    if not as_file:
        (out / "options.json").write_text(json.dumps(options, ensure_ascii=False) + "\n")
    return {
        "feed": str(out_dir / writer.feed_name),
        "feed_format": feed_format,
        "shops": shop_count,
        "products": writer.products_written,
        "connector_options": options,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", action="store_true", help="write one large benchmark feed")
    parser.add_argument("--products", type=int, default=100_000)
    parser.add_argument("--shops", type=int, default=BENCH_SHOPS)
    parser.add_argument("--format", default="google_merchant", choices=sorted(WRITERS))
    parser.add_argument("--seed", type=int, default=BENCH_SEED)
    parser.add_argument("--out", type=Path, help="bench feed file or folder")
    parser.add_argument("--feeds-dir", type=Path, default=FEEDS_DIR, help="demo feeds folder")
    args = parser.parse_args(argv)
    if args.bench:
        if args.out is None:
            parser.error("--bench needs --out")
        summary = write_bench_feed(
            args.products, args.format, args.out, seed=args.seed, shops=args.shops
        )
        print(json.dumps(summary, ensure_ascii=False))
        return
    for summary in write_demo_feeds(args.feeds_dir):
        print(json.dumps(summary, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1:])
