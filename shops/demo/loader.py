"""Import the demo partners' bundled feeds through the real pipeline (files and loopback HTTP),
then give their products and shops the demo's drawn pictures instead of fetching images."""

from collections.abc import Iterator

from shops.connectors.public_http import loopback_allowed
from shops.models import ImportRun, Marketplace, Product, Shop
from shops.pipeline import run_import

from .formats import WRITERS
from .generate import FEEDS_DIR
from .marketplaces import DEMO_MARKETPLACES
from .picture_library import attach_product_pictures, attach_shop_pictures
from .server import serve_feeds

FEED_FILES = {
    "google_merchant": "feed.xml",
    "google_merchant_tsv": "feed.tsv",
    "csv": "feed.csv",
    "native_json": "feed.json",
}
HTTP_PATHS = {"shopify": "products.json", "woocommerce": "wp-json/wc/v3/products"}


def import_demo_marketplaces() -> Iterator[tuple[Marketplace, ImportRun]]:
    # The demo's partners are served from this process's own loopback server.
    with serve_feeds(FEEDS_DIR) as base_url, loopback_allowed():
        for demo in DEMO_MARKETPLACES:
            folder = FEEDS_DIR / demo.slug
            options = dict(WRITERS[demo.feed_format].options)
            if demo.feed_format == "shopify":
                # Product links point to the partner's shop, not to the loopback server.
                options["store_url"] = demo.website
            if (folder / "shops.csv").exists():
                # Read from the bundled file, whether the products come by file or HTTP.
                options["shops_file"] = str(folder / "shops.csv")
            marketplace, _ = Marketplace.objects.update_or_create(
                slug=demo.slug,
                defaults={
                    "name": demo.name,
                    "kind": demo.kind,
                    "website": demo.website,
                    "feed_format": demo.feed_format,
                    "feed_url": f"{demo.website}/{HTTP_PATHS.get(demo.feed_format, 'flux')}",
                    "connector_options": options,
                },
            )
            if demo.feed_format in HTTP_PATHS:
                url = f"{base_url}/{demo.slug}/{HTTP_PATHS[demo.feed_format]}"
                yield marketplace, run_import(marketplace, url=url, fetch_images=False)
            else:
                yield (
                    marketplace,
                    run_import(
                        marketplace,
                        path=folder / FEED_FILES[demo.feed_format],
                        fetch_images=False,
                    ),
                )


def attach_demo_pictures() -> tuple[int, int]:
    """Drawn pictures for the demo's products and shops that have none (all of them the first
    time; a merchant's own photo is kept)."""
    products = attach_product_pictures(Product.objects.all())
    shops = attach_shop_pictures(Shop.objects.select_related("town"))
    return products, shops
