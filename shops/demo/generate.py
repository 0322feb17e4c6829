"""Write the demo partner feeds (bundled in shops/demo/feeds/) or a large benchmark feed.

python -m shops.demo.generate                       # the bundled demo feeds
python -m shops.demo.generate --bench --products 100000 --format google_merchant --out DIR
"""

import argparse
import json
import os
import shutil
from pathlib import Path

import django

FEEDS_DIR = Path(__file__).resolve().parent / "feeds"


def write_marketplace(demo, out_dir: Path) -> dict:
    from .catalogue import CatalogueMaker
    from .formats import WRITERS

    if out_dir.exists():
        shutil.rmtree(out_dir)
    maker = CatalogueMaker(demo.seed, demo.domain, list(demo.departements))
    writer = WRITERS[demo.feed_format](out_dir, demo.name)
    counts = {"shops": 0, "products": 0}
    for shop in maker.shops(demo.shops, demo.products_per_shop):
        writer.add(shop)
        counts["shops"] += 1
        counts["products"] += len(shop.products)
    writer.close()
    return {"feed": writer.feed_name, "options": writer.options, **counts}


def write_demo_feeds() -> list[dict]:
    from .marketplaces import DEMO_MARKETPLACES

    return [
        {"slug": demo.slug, **write_marketplace(demo, FEEDS_DIR / demo.slug)}
        for demo in DEMO_MARKETPLACES
    ]


def write_bench_feed(products: int, feed_format: str, out_dir: Path) -> dict:
    from .marketplaces import DemoMarketplace

    # About 17 products a shop: 100,000 products come from ~6,000 shops, as in the region.
    shops = max(1, products // 17)
    demo = DemoMarketplace(
        "bench",
        "Banc d'essai",
        "platform",
        feed_format,
        ("18", "28", "36", "37", "41", "45"),
        shops,
        (17, 17),
        2026,
    )
    summary = write_marketplace(demo, out_dir)
    (out_dir / "options.json").write_text(json.dumps(summary["options"], ensure_ascii=False))
    return summary


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", action="store_true")
    parser.add_argument("--products", type=int, default=100_000)
    parser.add_argument("--format", default="google_merchant")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    django.setup()
    if args.bench:
        print(json.dumps(write_bench_feed(args.products, args.format, args.out)))
    else:
        for summary in write_demo_feeds():
            print(json.dumps(summary, ensure_ascii=False))


if __name__ == "__main__":
    main()
