"""Deterministic fictional catalogues: natural French shops in real towns, and their products.

Shared by the bundled demo feeds and the benchmark feeds, so both describe one world. Shops
and products are produced one at a time from a single `random.Random(seed)`: the same seed
always gives the same catalogue, and nothing is kept in memory once written.
"""

import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.text import slugify

from shops.reference.towns import iter_towns
from shops.town_names import town_phrases

from . import product_vocabulary as products_words
from . import shop_vocabulary as words

AVAILABILITIES = ["in stock", "out of stock", "preorder"]
AVAILABILITY_WEIGHTS = [88, 8, 4]
PRICE_ENDINGS = [Decimal("0.00"), Decimal("0.50"), Decimal("0.90"), Decimal("0.95")]
# ARCEP reserves 02 61 91 xx xx for fiction: these numbers ring nobody.
FICTION_PHONE_PREFIX = "02 61 91"


def luhn_check_digit(digits: str) -> str:
    """The digit that, appended to `digits`, makes the number pass the Luhn test."""
    total = 0
    for position, digit in enumerate(reversed(digits)):
        number = int(digit) * (1 if position % 2 else 2)
        total += number - 9 if number > 9 else number
    return str(-total % 10)


def passes_luhn(number: str) -> bool:
    return number.isdigit() and luhn_check_digit(number[:-1]) == number[-1]


def ean13_check_digit(digits: str) -> str:
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(digits))
    return str(-total % 10)


def vendor_slug(name: str) -> str:
    """The shop id of a Shopify vendor: `django.utils.text.slugify(name)`.

    That is: NFKD-normalised, non-ASCII dropped ("é" → "e", "œ" → nothing), lower case,
    everything but letters, digits, "_", "-" and spaces removed, runs of spaces and
    hyphens turned into one "-", leading and trailing "-" and "_" stripped. The Shopify
    connector applies the same function to the `vendor` of each product.
    """
    return slugify(name)


def towns_for(departements: Iterable[str], min_population: int) -> list[dict]:
    wanted = set(departements)
    return [
        town
        for town in iter_towns()
        if town["departement"] in wanted
        and town["population"] >= min_population
        and town["latitude"] is not None
    ]


@dataclass
class DemoShop:
    number: int
    external_id: str
    name: str
    sector: str
    sector_labels: list[str]
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
    website: str
    latitude: str
    longitude: str

    @property
    def postal_code(self) -> str:
        return self.town["postal_codes"][0]


@dataclass
class DemoProduct:
    number: int  # unique in the marketplace: numeric ids of Shopify and WooCommerce
    external_id: str
    sku: str
    title: str
    description: str
    price: Decimal
    availability: str  # Google's words: "in stock", "out of stock", "preorder"
    url: str
    image_url: str
    category: str
    brand: str
    gtin: str = ""
    tags: list[str] = field(default_factory=list)


class CatalogueMaker:
    """Invents the shops and products of one marketplace, in a fixed order, from a seed."""

    def __init__(
        self,
        seed: int,
        domain: str,
        departements: Iterable[str],
        *,
        producers: bool = False,
        min_population: int = 2000,
        siret_share: float = 1.0,
    ):
        self.random = random.Random(seed)
        self.domain = domain
        self.producers = producers
        self.siret_share = siret_share  # partners that do not always know the SIRET
        self.towns = towns_for(departements, min_population)
        if not self.towns:
            raise ValueError(f"no town of {min_population}+ inhabitants in {departements}")
        # Shops are where people are: a town's chance is its population.
        self.town_weights = [town["population"] for town in self.towns]
        self.slugs_used: set[str] = set()
        self.product_number = 0

    def catalogue(self, product_counts: Iterable[int]) -> Iterator[tuple[DemoShop, Iterator]]:
        """Yield (shop, its products) per count; consume the products before the next shop."""
        for number, count in enumerate(product_counts, start=1):
            shop = self.shop(number)
            yield shop, (self.product(shop, index) for index in range(1, count + 1))

    def demo_counts(self, shops: int, low: int, high: int) -> Iterator[int]:
        for _ in range(shops):
            yield self.random.randint(low, high)

    # Shops ----------------------------------------------------------------------------

    def shop(self, number: int) -> DemoShop:
        rng = self.random
        if self.producers:
            sector = rng.choice(words.PRODUCE_SECTORS)
        else:
            sector = rng.choices(words.SECTORS, [words.SECTOR_WEIGHTS[s] for s in words.SECTORS])[0]
        town = rng.choices(self.towns, weights=self.town_weights)[0]
        name = self.unique_name(sector, town)
        slug = vendor_slug(name)
        labels = words.SECTOR_LABELS[sector]
        if self.producers and sector == "produits-frais":
            labels = words.PRODUCER_LABELS
        click_and_collect = rng.random() < 0.65
        delivery = rng.random() < (0.5 if sector in ("restauration", "fleuriste") else 0.25)
        has_siret = rng.random() < self.siret_share
        return DemoShop(
            number=number,
            external_id=f"boutique-{number:04d}",
            name=name,
            sector=sector,
            sector_labels=labels[:1] if rng.random() < 0.6 else list(labels),
            town=town,
            address=self.address(),
            siret=self.siret() if has_siret else "",
            description=self.shop_description(name, sector, town, click_and_collect, delivery),
            opening_hours=self.opening_hours(sector, town),
            click_and_collect=click_and_collect,
            delivery=delivery,
            pickup_instructions=self.pickup(town) if click_and_collect else "",
            url=f"https://www.{self.domain}/boutiques/{slug}",
            phone=f"{FICTION_PHONE_PREFIX} {rng.randint(0, 99):02d} {rng.randint(0, 99):02d}",
            email=f"contact@{slug}.example" if rng.random() < 0.8 else "",
            website=f"https://www.{slug}.example" if rng.random() < 0.35 else "",
            # A few hundred metres around the town centre.
            latitude=f"{town['latitude'] + rng.uniform(-0.006, 0.006):.5f}",
            longitude=f"{town['longitude'] + rng.uniform(-0.009, 0.009):.5f}",
        )

    def unique_name(self, sector: str, town: dict) -> str:
        """A name no other shop of the marketplace has, even once slugified (Shopify ids)."""
        rng = self.random
        patterns = words.SHOP_NAME_PATTERNS[sector]
        if self.producers and sector == "produits-frais":
            patterns = words.PRODUCER_NAME_PATTERNS
        for attempt in range(12):
            local = words.LOCAL_WORDS[town["departement"]]
            name = rng.choice(patterns).format(
                **town_phrases(town["name"]),
                surname=rng.choice(words.SURNAMES),
                of_river=rng.choice(local["rivers"]),
                demonym=local["demonym"][0],
                demonym_f=local["demonym"][1],
                region=local["region"],
            )
            if attempt >= 4 and town["name"] not in name:
                name = f"{name} – {town['name']}"  # chains and namesakes add the town
            if vendor_slug(name) not in self.slugs_used:
                break
        else:
            name = f"{name} ({len(self.slugs_used) + 1})"
        self.slugs_used.add(vendor_slug(name))
        return name

    def address(self) -> str:
        rng = self.random
        if self.producers and rng.random() < 0.6:
            return rng.choice(words.RURAL_ADDRESSES)
        number = rng.randint(1, 85)
        suffix = " bis" if rng.random() < 0.05 else ""
        return f"{number}{suffix} {rng.choice(words.STREET_NAMES)}"

    def siret(self) -> str:
        """SIREN (8 digits + Luhn key), NIC of the head office, then the SIRET's Luhn key."""
        rng = self.random
        siren = f"{rng.randint(3, 9)}{rng.randint(0, 9_999_999):07d}"
        siren += luhn_check_digit(siren)
        establishment = f"{siren}000{rng.randint(1, 9)}"
        return establishment + luhn_check_digit(establishment)

    def shop_description(
        self, name: str, sector: str, town: dict, click_and_collect: bool, delivery: bool
    ) -> str:
        rng = self.random
        kind = "producer" if self.producers and sector == "produits-frais" else "opening"
        opening = rng.choice(words.SHOP_SENTENCES[kind]).format(
            name=name, year=rng.randint(1962, 2023), **town_phrases(town["name"])
        )
        about = words.SECTOR_SHOP_SENTENCES[sector]
        if self.producers and sector == "produits-frais":
            about = words.PRODUCER_SENTENCE
        sentences = [opening, about]
        # A description never promises a service the shop's flags deny.
        services = list(words.SHOP_SENTENCES["service"])
        if click_and_collect:
            services += words.SHOP_SENTENCES["click_and_collect"]
        if delivery:
            services += words.SHOP_SENTENCES["delivery"]
        if rng.random() < 0.5:
            sentences.append(rng.choice(services))
        if rng.random() < 0.3:
            return f"<p>{sentences[0]}</p><p><strong>{' '.join(sentences[1:])}</strong></p>"
        return " ".join(sentences)

    def opening_hours(self, sector: str, town: dict) -> str:
        if self.producers and sector == "produits-frais":
            return self.random.choice(words.PRODUCER_HOURS).format(**town_phrases(town["name"]))
        if sector == "restauration":
            return self.random.choice(words.RESTAURANT_HOURS)
        return self.random.choice(words.OPENING_HOURS)

    def pickup(self, town: dict) -> str:
        choices = words.PRODUCER_PICKUP if self.producers else words.PICKUP_INSTRUCTIONS
        return self.random.choice(choices).format(**town_phrases(town["name"]))

    # Products -------------------------------------------------------------------------

    def product(self, shop: DemoShop, index: int) -> DemoProduct:
        rng = self.random
        self.product_number += 1
        lines = products_words.PRODUCT_LINES[shop.sector]
        if self.producers:
            lines = products_words.FARM_LINES.get(shop.sector, lines)
        line = rng.choice(lines)
        variant, factor = rng.choice(line.variants)
        if rng.random() < 0.7:
            title = f"{line.name}, {variant}"
        else:
            title, factor = line.name, Decimal(1)
        external_id = f"{shop.number:04d}-{index:03d}"
        return DemoProduct(
            number=self.product_number,
            external_id=external_id,
            sku=f"B{shop.number:04d}-{index:03d}",
            title=title,
            description=self.product_description(shop),
            price=self.price(line.low * factor, line.high * factor),
            availability=rng.choices(AVAILABILITIES, AVAILABILITY_WEIGHTS)[0],
            url=f"https://www.{self.domain}/produits/{slugify(title)}-{external_id}",
            image_url=f"https://www.{self.domain}/medias/produits/{external_id}.jpg",
            category=line.category,
            brand=shop.name,
            gtin=self.gtin(shop.sector),
            tags=[shop.sector_labels[0], line.category.rsplit(" > ", 1)[-1]],
        )

    def price(self, low: Decimal, high: Decimal) -> Decimal:
        rng = self.random
        if high < 20:  # small items: to the ten cents
            return Decimal(rng.randint(int(low * 10), int(high * 10))) / 10
        euros = Decimal(rng.randint(int(low), max(int(low), int(high) - 1)))
        return euros + rng.choice(PRICE_ENDINGS)

    def product_description(self, shop: DemoShop) -> str:
        rng = self.random
        origin = rng.choice(products_words.ORIGIN_SENTENCES).format(
            shop=shop.name, **town_phrases(shop.town["name"])
        )
        details = rng.sample(products_words.SECTOR_SENTENCES[shop.sector], rng.randint(0, 2))
        style = rng.random()
        if style < 0.15 and details:
            items = "".join(f"<li>{detail}</li>" for detail in details)
            return f"<p>{origin}</p><ul>{items}</ul>"
        if style < 0.3 and details:
            return f"<p>{origin} <strong>{details[0]}</strong></p>"
        return " ".join([origin, *details])

    def gtin(self, sector: str) -> str:
        rng = self.random
        if sector == "librairie":  # ISBN-13 of a French-language book
            digits = f"9782{rng.randint(0, 99_999_999):08d}"
        elif sector == "produits-frais" and rng.random() < 0.3:
            digits = f"376{rng.randint(0, 999_999_999):09d}"
        else:
            return ""
        return digits + ean13_check_digit(digits)


def even_counts(total: int, shops: int) -> Iterator[int]:
    """Spread `total` products over `shops` shops, as evenly as whole numbers allow."""
    base, extra = divmod(total, shops)
    for number in range(shops):
        yield base + (1 if number < extra else 0)
