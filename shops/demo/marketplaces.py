"""The six fictional partner marketplaces of the demo: one per feed format, every département."""

from dataclasses import dataclass


@dataclass(frozen=True)
class DemoMarketplace:
    slug: str
    name: str
    kind: str
    feed_format: str
    departements: tuple[str, ...]
    shops: int
    products_per_shop: tuple[int, int]
    seed: int

    @property
    def domain(self) -> str:
        return f"{self.slug}.example"

    @property
    def website(self) -> str:
        return f"https://www.{self.domain}"


DEMO_MARKETPLACES = [
    DemoMarketplace(
        "tours-shopping", "Tours Shopping", "town", "google_merchant", ("37",), 60, (8, 14), 37
    ),
    DemoMarketplace(
        "coeur-de-bourges", "Cœur de Bourges", "town", "woocommerce", ("18",), 45, (8, 14), 18
    ),
    DemoMarketplace(
        "orleans-boutiques", "Orléans Boutiques", "chamber", "shopify", ("45",), 50, (8, 14), 45
    ),
    DemoMarketplace(
        "saveurs-du-berry",
        "Saveurs du Berry",
        "produce",
        "native_json",
        ("36", "18"),
        80,
        (5, 9),
        36,
    ),
    DemoMarketplace(
        "chartres-en-vitrine", "Chartres en Vitrine", "town", "csv", ("28",), 40, (8, 14), 28
    ),
    DemoMarketplace(
        "blois-commerces",
        "Blois Commerces",
        "chamber",
        "google_merchant_tsv",
        ("41",),
        40,
        (8, 14),
        41,
    ),
]
