"""Writing small partner feeds for the tests, in the portal's native JSON format."""

import json
from pathlib import Path


def shop(external_id="s1", **fields) -> dict:
    return {
        "external_id": external_id,
        "name": "Librairie Le Chat qui Lit",
        "siret": "73282932000074",
        "address": "12 rue Nationale",
        "postal_code": "37000",
        "town": "Tours",
        "sectors": ["Librairie"],
        "description": "<p>Romans, BD et <strong>jeunesse</strong>.</p>",
        "click_and_collect": True,
        "url": "https://www.tours-shopping.example/boutiques/chat-qui-lit",
        **fields,
    }


def product(external_id="p1", shop_external_id="s1", **fields) -> dict:
    return {
        "external_id": external_id,
        "shop_external_id": shop_external_id,
        "title": "Roman : Les Vendanges de Vouvray",
        "description": "<p>Un roman du terroir tourangeau.</p>",
        "price": "19.90",
        "currency": "EUR",
        "availability": "in stock",
        "url": f"https://www.tours-shopping.example/produits/{external_id}",
        "categories": ["Livres"],
        **fields,
    }


def write_native_feed(path: Path, shops: list[dict], products: list[dict]) -> Path:
    document = {
        "version": "1.0",
        "marketplace": {"name": "Tours Shopping", "url": "https://www.tours-shopping.example"},
        "shops": shops,
        "products": products,
    }
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path
