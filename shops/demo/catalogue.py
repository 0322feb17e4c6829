"""Deterministic fictional catalogues: shops in real towns, products with natural names.

Shared by the bundled demo feeds and the benchmark feeds, so both describe one world.
"""

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.text import slugify

from shops.reference.towns import iter_towns

from .vocabulary import HOURS, PICKUP, SECTORS, STREETS


@dataclass
class DemoShop:
    external_id: str
    name: str
    sector: str
    town: dict
    address: str
    siret: str
    description: str
    opening_hours: str
    click_and_collect: bool
    delivery: bool
    pickup_instructions: str
    url: str
    phone: str
    email: str
    products: list = field(default_factory=list)


@dataclass
class DemoProduct:
    external_id: str
    title: str
    description: str
    price: Decimal
    availability: str
    url: str
    image_url: str
    category: str


def luhn_complete(digits: str) -> str:
    """Append the check digit that makes a 14-digit SIRET pass the Luhn test."""
    for check in "0123456789":
        candidate = digits + check
        total = 0
        for position, digit in enumerate(reversed(candidate)):
            number = int(digit) * (2 if position % 2 else 1)
            total += number - 9 if number > 9 else number
        if total % 10 == 0:
            return candidate
    raise AssertionError("unreachable")


def towns_of(departements: list[str], min_population: int = 2000) -> list[dict]:
    return [
        town
        for town in iter_towns()
        if town["departement"] in departements and town["population"] >= min_population
    ]


class CatalogueMaker:
    def __init__(self, seed: int, domain: str, departements: list[str]):
        self.random = random.Random(seed)
        self.domain = domain
        self.towns = towns_of(departements)
        self.weights = [town["population"] ** 0.5 for town in self.towns]
        self.names_used: set[str] = set()

    def shop(self, number: int, sector: str | None = None) -> DemoShop:
        rng = self.random
        sector = sector or rng.choice(list(SECTORS))
        patterns, _category, _products, phrases = SECTORS[sector]
        town = rng.choices(self.towns, weights=self.weights)[0]
        name = rng.choice(patterns).format(town=town["name"])
        if name in self.names_used:
            name = f"{name} — {town['name']}" if town["name"] not in name else f"{name} ({number})"
        self.names_used.add(name)
        slug = slugify(name)
        return DemoShop(
            external_id=f"S{number:05d}",
            name=name,
            sector=sector,
            town=town,
            address=f"{rng.randint(1, 120)} {rng.choice(STREETS)}",
            siret=luhn_complete(
                f"{rng.randint(100_000_000, 999_999_999)}{rng.randint(0, 9999):04d}"
            ),
            description=f"<p>{name}, à {town['name']}. {rng.choice(phrases)}.</p>",
            opening_hours=rng.choice(HOURS),
            click_and_collect=rng.random() < 0.7,
            delivery=rng.random() < 0.3,
            pickup_instructions=rng.choice(PICKUP),
            url=f"https://www.{self.domain}/boutiques/{slug}",
            phone="02 " + " ".join(f"{rng.randint(10, 99)}" for _ in range(4)),
            email=f"contact@{slug[:30]}.example",
        )

    def product(self, shop: DemoShop, number: int) -> DemoProduct:
        rng = self.random
        _patterns, category, products, phrases = SECTORS[shop.sector]
        base, low, high = rng.choice(products)
        price = Decimal(rng.randint(low * 100, high * 100) // 10 * 10) / 100
        title = base if rng.random() < 0.6 else f"{base} — {rng.choice(phrases).lower()}"
        description = (
            f"{base}, proposé par {shop.name} à {shop.town['name']}. {rng.choice(phrases)}."
        )
        if rng.random() < 0.3:
            description = f"<p>{description}</p><ul><li>{rng.choice(phrases)}</li></ul>"
        external_id = f"{shop.external_id}-P{number:04d}"
        return DemoProduct(
            external_id=external_id,
            title=title,
            description=description,
            price=price,
            availability=rng.choices(["in stock", "out of stock", "preorder"], [85, 10, 5])[0],
            url=f"https://www.{self.domain}/produits/{external_id.lower()}",
            image_url=f"https://img.{self.domain}/{external_id.lower()}.jpg",
            category=category,
        )

    def shops(self, count: int, products_per_shop: tuple[int, int]) -> Iterator[DemoShop]:
        for number in range(1, count + 1):
            shop = self.shop(number)
            low, high = products_per_shop
            shop.products = [
                self.product(shop, n) for n in range(1, self.random.randint(low, high) + 1)
            ]
            yield shop
