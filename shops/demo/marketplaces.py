"""The fictional partner marketplaces of the demo: every feed format, every département.

Each one says how to generate its feed (seed, towns, shop and product counts) and how the
portal reads it: `feed_format`, `connector_options`, and a `feed_url` template relative to
the loopback server of `server.serve_feeds()` (or `feed_path` inside the feeds folder).
"""

from dataclasses import dataclass
from pathlib import Path

from .formats import WRITERS

FEEDS_DIR = Path(__file__).resolve().parent / "feeds"
DEPARTEMENTS = ("18", "28", "36", "37", "41", "45")
# Where each format is fetched on the loopback server; paginated APIs add `?page=N`.
URL_PATHS = {
    "shopify": "products.json",
    "woocommerce": "wp-json/wc/v3/products",
}


@dataclass(frozen=True)
class DemoMarketplace:
    slug: str
    name: str
    kind: str  # town, chamber, produce, platform, other (Marketplace.kind)
    feed_format: str
    departements: tuple[str, ...]
    shops: int
    products_per_shop: tuple[int, int]
    seed: int
    producers: bool = False  # farms and producers rather than town-centre shops
    min_population: int = 2000
    siret_share: float = 1.0  # the produce directory does not know every farm's SIRET

    @property
    def domain(self) -> str:
        return f"{self.slug}.example"

    @property
    def website(self) -> str:
        return f"https://www.{self.domain}"

    @property
    def feed_path(self) -> str:
        """The feed (first page for paginated formats), relative to the feeds folder."""
        return f"{self.slug}/{WRITERS[self.feed_format].feed_name}"

    @property
    def feed_url(self) -> str:
        """URL template: `.format(base=<serve_feeds() base URL>)`."""
        path = URL_PATHS.get(self.feed_format, WRITERS[self.feed_format].feed_name)
        return f"{{base}}/{self.slug}/{path}"

    @property
    def paginated(self) -> bool:
        return self.feed_format in URL_PATHS

    @property
    def connector_options(self) -> dict:
        """Options as stored on the Marketplace; a relative `shops_file` is beside the feed."""
        options = dict(WRITERS[self.feed_format].options)
        if self.feed_format == "shopify":
            options["store_url"] = self.website
        return options

    def connector_options_for(self, feeds_dir: Path = FEEDS_DIR) -> dict:
        """The options with `shops_file` made absolute: needed when products come by HTTP."""
        options = self.connector_options
        if "shops_file" in options:
            options["shops_file"] = str(Path(feeds_dir) / self.slug / options["shops_file"])
        return options


DEMO_MARKETPLACES = [
    DemoMarketplace(
        "tours-shopping", "Tours Shopping", "town", "google_merchant", ("37",), 62, (8, 14), 37
    ),
    DemoMarketplace(
        "coeur-de-bourges", "Cœur de Bourges", "town", "woocommerce", ("18",), 46, (8, 14), 18
    ),
    DemoMarketplace(
        "orleans-boutiques", "Orléans Boutiques", "chamber", "shopify", ("45",), 55, (8, 14), 45
    ),
    DemoMarketplace(
        "saveurs-du-berry",
        "Saveurs du Berry",
        "produce",
        "native_json",
        ("36", "18"),
        96,
        (3, 8),
        36,
        producers=True,
        min_population=1000,
        siret_share=0.8,
    ),
    DemoMarketplace(
        "chartres-en-vitrine", "Chartres en Vitrine", "town", "csv", ("28",), 46, (8, 14), 28
    ),
    DemoMarketplace(
        "blois-commerces",
        "Blois Commerces",
        "chamber",
        "google_merchant_tsv",
        ("41",),
        46,
        (8, 14),
        41,
    ),
    DemoMarketplace(
        "val-de-loire-market",
        "Val de Loire Market",
        "platform",
        "google_merchant",
        ("37", "41", "45"),
        36,
        (6, 12),
        2024,
    ),
]


def demo_marketplace(slug: str) -> DemoMarketplace:
    return next(demo for demo in DEMO_MARKETPLACES if demo.slug == slug)
