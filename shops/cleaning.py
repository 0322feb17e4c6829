"""Turning a partner's raw record into model values, or a reason to quarantine it.

Pure functions: no database access. Town and sector lookups are passed in, so the
rules hold for any French shop or product, whatever partner sent it.
"""

import hashlib
import json
import re
from dataclasses import asdict
from decimal import Decimal, InvalidOperation
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.text import slugify

from .connectors.base import ProductRecord, ShopRecord
from .html import sanitise_html
from .sectors import fold

TRUE_WORDS = {"1", "true", "yes", "oui", "o", "y", "x", "vrai"}
IN_STOCK_WORDS = {"in stock", "in_stock", "instock", "en stock", "disponible", "available", "1"}
OUT_OF_STOCK_WORDS = {
    "out of stock",
    "out_of_stock",
    "outofstock",
    "epuise",
    "rupture",
    "indisponible",
    "0",
}
PREORDER_WORDS = {"preorder", "pre_order", "backorder", "onbackorder", "sur commande"}
# Characters that only appear when UTF-8 was decoded as Latin-1 or bytes were lost.
MOJIBAKE = re.compile(r"\ufffd|Ã[\u0080-\u00bf©¨ª«®´¢§¹»]|â€[™œ\u009d¦“”˜]|Â[\u00a0-\u00bf]")
# "12.50", "12,50 €", "1 299,00 EUR", "1.299,00": digits with thousands and decimal marks.
PRICE = re.compile(
    r"^\s*(-?\d{1,3}(?:[ \u00a0\u202f.]\d{3})*(?:[.,]\d+)?|-?\d+(?:[.,]\d+)?)"
    r"\s*(€|eur|euros?)?\s*$",
    re.I,
)
SIRET = re.compile(r"^\d{14}$")
# A price with a currency mark before or after its digits: "$12.00", "15 000 Fcfa", "USD 5".
MARKED_PRICE = re.compile(r"^\s*([^\d\s.,-]*)\s*-?\d[\d \u00a0\u202f.,]*?\s*([^\d\s.,]*)\s*$")
EURO_MARKS = {"€", "eur", "euro", "euros"}
# Marks that are not ISO 4217 codes, as shops write them; any three letters are a code.
CURRENCY_MARKS = {
    "$": "USD",
    "us$": "USD",
    "£": "GBP",
    "₹": "INR",
    "fcfa": "XOF",
    "cfa": "XOF",
    "¥": "JPY",
}


class Rejected(Exception):
    """The record cannot be imported; the message is the reason shown to editors."""


def content_hash(record) -> str:
    """A stable fingerprint of everything the partner sent for this record."""
    values = asdict(record)
    values.pop("line", None)  # a row moving down the file is the same record
    payload = json.dumps(values, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def check_encoding(record) -> None:
    for name, value in asdict(record).items():
        if isinstance(value, str) and MOJIBAKE.search(value):
            raise Rejected(f"encodage cassé dans « {name} »")


def clean_text(value: str, max_length: int) -> str:
    return " ".join((value or "").split())[:max_length]


def clean_url(value: str, field: str) -> str:
    value = (value or "").strip()
    if not value:
        return ""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or " " in value:
        raise Rejected(f"adresse web invalide dans « {field} » : {value[:120]}")
    return value


def parse_bool(value) -> bool | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return value
    return fold(str(value)) in TRUE_WORDS


def price_currency(value: str) -> str | None:
    """The currency a price writes beside its digits: "EUR", "USD", "XOF"... None if none.

    "20 000Fcfa" is not an unreadable price but a price in CFA francs, "$12" one in dollars.
    """
    match = MARKED_PRICE.match(value or "")
    if not match:
        return None
    marks = [mark for mark in match.groups() if mark]
    if len(marks) != 1:
        return None
    mark = fold(marks[0]).rstrip(".")
    if mark in EURO_MARKS:
        return "EUR"
    if mark in CURRENCY_MARKS:
        return CURRENCY_MARKS[mark]
    return mark.upper() if re.fullmatch(r"[a-z]{3}", mark) else None


def check_currency(record: ProductRecord) -> None:
    """A price is stored in euros only when it is in euros: any other one is quarantined.

    A product without price stores none, whatever its shop's currency.
    """
    if not (record.price or "").strip():
        return
    written = price_currency(record.price)
    currency = written or (record.currency or "EUR").strip().upper()
    if currency not in ("EUR", "€"):
        raise Rejected(f"prix dans une autre devise que l'euro ({currency}) : {record.price[:40]}")


def parse_price(value: str) -> Decimal | None:
    value = (value or "").strip()
    if not value:
        return None
    match = PRICE.match(value)
    if not match:
        raise Rejected(f"prix illisible : {value[:40]}")
    number = match.group(1)
    for space in (" ", "\u00a0", "\u202f"):
        number = number.replace(space, "")
    if "," in number:
        number = number.replace(".", "").replace(",", ".")
    elif number.count(".") > 1:
        number = number.replace(".", "")
    try:
        price = Decimal(number).quantize(Decimal("0.01"))
    except InvalidOperation as error:
        raise Rejected(f"prix illisible : {value[:40]}") from error
    if price < 0:
        raise Rejected(f"prix négatif : {value}")
    if price > settings.PRODUCT_MAX_PRICE:
        raise Rejected(f"prix invraisemblable : {value}")
    return price


def parse_availability(value: str) -> str:
    word = fold(value or "").replace("-", " ")
    if word in IN_STOCK_WORDS:
        return "in_stock"
    if word in OUT_OF_STOCK_WORDS:
        return "out_of_stock"
    if word in PREORDER_WORDS or word.replace(" ", "_") in PREORDER_WORDS:
        return "preorder"
    return "unknown"


def parse_coordinate(value: str, low: float, high: float) -> float | None:
    try:
        number = float(str(value).replace(",", "."))
    except (TypeError, ValueError):
        return None
    return number if low <= number <= high else None


def siret_is_valid(siret: str) -> bool:
    """14 digits with a valid Luhn key (La Poste's establishments use their own rule)."""
    if not SIRET.match(siret):
        return False
    if siret.startswith("356000000"):
        return sum(int(digit) for digit in siret) % 5 == 0
    total = 0
    for position, digit in enumerate(reversed(siret)):
        number = int(digit) * (2 if position % 2 else 1)
        total += number - 9 if number > 9 else number
    return total % 10 == 0


def clean_siret(value: str) -> str:
    digits = re.sub(r"[\s.\-]", "", value or "")
    # An invalid SIRET is dropped, not fatal: the shop is still a real shop.
    return digits if siret_is_valid(digits) else ""


def clean_shop(record: ShopRecord, resolve_town, match_sectors) -> dict:
    """Model values for a shop record; raises Rejected with the reason."""
    check_encoding(record)
    name = clean_text(record.name, 255)
    if not record.external_id.strip():
        raise Rejected("identifiant manquant")
    if not name:
        raise Rejected("nom du commerce manquant")
    town = resolve_town(record.insee_code, record.postal_code, record.town)
    if town is None:
        raise Rejected(
            f"commune inconnue dans la région : {record.postal_code} {record.town}"[:300]
        )
    latitude = parse_coordinate(record.latitude, 41.0, 51.5)
    longitude = parse_coordinate(record.longitude, -5.5, 10.0)
    if latitude is None or longitude is None:
        latitude = longitude = None
    return {
        "name": name,
        "siret": clean_siret(record.siret),
        "address": clean_text(record.address, 255),
        "postal_code": clean_text(record.postal_code, 5),
        "town_id": town,
        "description": sanitise_html(record.description),
        "opening_hours": (record.opening_hours or "").strip()[:2000],
        "click_and_collect": bool(parse_bool(record.click_and_collect)),
        "delivery": bool(parse_bool(record.delivery)),
        "pickup_instructions": (record.pickup_instructions or "").strip()[:2000],
        "marketplace_url": clean_url(record.url, "url"),
        "website": clean_url(record.website, "website"),
        "phone": clean_text(record.phone, 30),
        "email": clean_text(record.email, 254) if "@" in (record.email or "") else "",
        "latitude": latitude,
        "longitude": longitude,
        "sector_ids": match_sectors(record.sectors),
    }


def clean_product(record: ProductRecord, shop_id, match_sectors) -> dict:
    """Model values for a product record; raises Rejected with the reason."""
    check_encoding(record)
    title = clean_text(record.title, 255)
    if not record.external_id.strip():
        raise Rejected("identifiant manquant")
    if not title:
        raise Rejected("titre manquant")
    if shop_id is None:
        raise Rejected(f"commerce inconnu : {record.shop_external_id[:100]}")
    check_currency(record)
    sector_ids = match_sectors(record.categories)
    return {
        "shop_id": shop_id,
        "title": title,
        "slug": slugify(title)[:255] or "produit",
        "description": sanitise_html(record.description),
        "price": parse_price(record.price),
        "availability": parse_availability(record.availability),
        "image_url": clean_url(record.image_url, "image"),
        "marketplace_url": clean_url(record.url, "url"),
        "categories": clean_text(" > ".join(record.categories), 500),
        "sector_id": sector_ids[0] if sector_ids else None,
        "brand": clean_text(record.brand, 150),
        "gtin": re.sub(r"\D", "", record.gtin or "")[:14],
    }
