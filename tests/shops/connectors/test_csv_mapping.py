"""CSV feeds with a per-marketplace column mapping: Windows-1252, BOM, sniffed delimiters."""

from shops.connectors import get_connector
from shops.connectors.base import ProductRecord, RejectedRecord, ShopRecord
from shops.connectors.sources import FileFeedSource

MAPPING = {
    "external_id": "Référence",
    "title": "Désignation",
    "price": "Prix TTC",
    "availability": "Disponibilité",
    "categories": "Catégorie",
    "shop_external_id": "Code magasin",
    "shop_name": "Magasin",
    "shop_address": "Adresse",
    "shop_postal_code": "Code postal",
    "shop_town": "Ville",
    "shop_click_and_collect": "Retrait en magasin",
}
ROWS = (
    "Référence;Désignation;Prix TTC;Disponibilité;Catégorie;Code magasin;Magasin;Adresse;"
    "Code postal;Ville;Retrait en magasin\n"
    "R1;Épicerie fine : rillettes de Tours;6,90 €;en stock;Alimentation > Épicerie;M1;"
    "Épicerie Léon;5 rue Colbert;37000;Tours;oui\n"
    "R2;Vouvray demi-sec 2022;12,50;en stock;Vins;M1;Épicerie Léon;5 rue Colbert;37000;Tours;oui\n"
    "R3;Ligne en trop;1;;;M1;Épicerie Léon;5 rue Colbert;37000;Tours;oui;cellule en trop\n"
)


def read(tmp_path, body: bytes, **options):
    path = tmp_path / "feed.csv"
    path.write_bytes(body)
    return list(
        get_connector("csv")(FileFeedSource(path), {"mapping": MAPPING, **options}).records()
    )


def test_windows_1252_with_semicolons_is_detected(tmp_path):
    records = read(tmp_path, ROWS.encode("cp1252"))
    shop, first, second, rejected = records
    assert isinstance(shop, ShopRecord)
    assert (shop.external_id, shop.name, shop.click_and_collect) == ("M1", "Épicerie Léon", "oui")
    assert isinstance(first, ProductRecord) and first.title == "Épicerie fine : rillettes de Tours"
    assert (first.price, first.categories) == ("6,90 €", ["Alimentation", "Épicerie"])
    assert second.shop_external_id == "M1"
    assert isinstance(rejected, RejectedRecord) and "ligne 4" in rejected.reason


def test_utf8_with_bom_and_commas(tmp_path):
    body = ROWS.replace(";", ",").replace("6,90 €", "6.90").replace("12,50", "12.50")
    records = read(tmp_path, body.encode("utf-8-sig"))
    assert records[1].title == "Épicerie fine : rillettes de Tours"
    assert records[0].name == "Épicerie Léon"


def test_missing_optional_columns_give_empty_fields(tmp_path):
    body = "Référence;Désignation\nR9;Jeu en bois Le Petit Tourangeau\n"
    (product,) = read(tmp_path, body.encode("utf-8"), default_shop_id="boutique")
    assert (product.title, product.price, product.shop_external_id) == (
        "Jeu en bois Le Petit Tourangeau",
        "",
        "boutique",
    )
