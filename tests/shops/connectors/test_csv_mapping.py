"""CSV feeds with a per-marketplace column mapping, and the native shop list (`shops_csv`)."""

import csv
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shops.connectors.base import FeedUnavailable, ProductRecord, ShopRecord
from shops.connectors.sources import BytesFeedSource, FileFeedSource

from .conftest import SAMPLES, by_id, products, read, read_until_failure, rejected, shops

MAPPING = {
    "external_id": "Référence",
    "title": "Désignation",
    "description": "Description",
    "price": "Prix TTC",
    "availability": "Disponibilité",
    "categories": "Catégorie",
    "shop_external_id": "Code magasin",
    "shop_name": "Magasin",
    "shop_address": ["Adresse", "Complément"],
    "shop_postal_code": "Code postal",
    "shop_town": "Ville",
    "shop_siret": "SIRET",
    "shop_click_and_collect": "Retrait en magasin",
    "shop_delivery": "Livraison",
}


def sample_records(**options):
    source = FileFeedSource(SAMPLES / "csv_mapping_cp1252.csv")
    return read("csv", source, **{"mapping": MAPPING, **options})


def test_a_windows_1252_csv_with_semicolons_is_detected():
    records = sample_records()
    kinds = [type(record).__name__[0] for record in records]
    # Shop, products, a shop-only row, its product, a shifted row, an empty row, a product.
    assert "".join(kinds) == "SPPSPRRP"
    leon, coeur = shops(records)
    assert (leon.external_id, leon.name, leon.siret) == (
        "M37",
        "Épicerie Léon & Fils",
        "732 829 320 00074",
    )
    assert (leon.postal_code, leon.town, leon.click_and_collect, leon.delivery) == (
        "37000",
        "Tours",
        True,
        False,
    )
    assert (coeur.name, coeur.address, coeur.click_and_collect, coeur.delivery) == (
        "Œuf & Cœur, crèmerie",
        "14 rue Mirebeau, Quartier Moyenne",
        True,
        None,
    )


def test_products_keep_the_partners_wording():
    rillettes = by_id(products(sample_records()))["EPI-1"]
    assert rillettes.title == "Épicerie fine : rillettes de Tours"
    assert rillettes.description == "Bocal 180 g.\r\nPorc fermier ; cuisson lente."
    assert (rillettes.price, rillettes.currency, rillettes.availability) == (
        "6,90 €",
        "EUR",
        "en stock",
    )
    assert rillettes.categories == ["Alimentation", "Épicerie fine"]
    assert rillettes.shop_external_id == "M37"
    assert by_id(products(sample_records()))["EPI-2"].title == "Vouvray demi-sec 2022 – 75 cl"


def test_shifted_and_empty_rows_are_rejected_with_their_line():
    shifted, empty = rejected(sample_records())
    # The quoted description of line 2 spans two lines: numbering follows the file.
    assert shifted.reason == "ligne 7 : 16 cellules pour 15 colonnes"
    assert shifted.raw.startswith("EPI-4;Ligne décalée;")
    assert empty.reason.startswith("ligne 8 : ni produit ni commerce")


def test_rows_without_a_shop_get_the_default_shop():
    records = sample_records(default_shop_id="marche-de-tours")
    assert by_id(products(records))["EPI-5"].shop_external_id == "marche-de-tours"


def test_utf8_with_bom_and_commas_with_our_own_column_names():
    body = (
        "external_id,title,price,categories,shop_external_id,shop_name,shop_town,shop_sectors\r\n"
        'J-1,"Jeu en bois Le Petit Tourangeau, 3 ans et +",24.90,Jouets,'
        "atelier,L'Atelier du Jouet,Tours,Jouets|Artisanat\r\n"
    )
    shop, product = read("csv", BytesFeedSource(body.encode("utf-8-sig")))
    assert (shop.external_id, shop.name, shop.sectors) == (
        "atelier",
        "L'Atelier du Jouet",
        ["Jouets", "Artisanat"],
    )
    assert (product.title, product.price) == (
        "Jeu en bois Le Petit Tourangeau, 3 ans et +",
        "24.90",
    )


def test_tab_delimited_utf16_as_excel_saves_unicode_text():
    body = "Ref\tNom\tPrix\r\nT-1\tThé de Chinon\t6,00 €\r\n".encode("utf-16")
    mapping = {"external_id": "Ref", "title": "Nom", "price": "Prix"}
    (product,) = read("csv", BytesFeedSource(body), mapping=mapping, default_shop_id="chinon")
    assert (product.title, product.price) == ("Thé de Chinon", "6,00 €")


def test_a_utf8_file_with_one_windows_1252_line_after_the_first_64_kb_is_read_whole():
    # Detection reads the first 64 KB; a line pasted from a Windows tool further down
    # must not turn "Œuf" into "\ufffd", which the sync would quarantine as broken.
    body = b"ref;titre\n" + "A;Épicerie fine de Touraine\n".encode() * 3000
    body += "B;Crèmerie Œuf\n".encode("cp1252")
    records = read(
        "csv",
        BytesFeedSource(body),
        mapping={"external_id": "ref", "title": "titre"},
        default_shop_id="s",
    )
    assert records[0].title == "Épicerie fine de Touraine"
    assert records[-1].title == "Crèmerie Œuf"


def test_columns_are_found_whatever_their_case_and_accents():
    body = b"REFERENCE ; designation \nR-1;Pruneaux de Tours\n"
    mapping = {"external_id": "Référence", "title": "Désignation"}
    (product,) = read("csv", BytesFeedSource(body), mapping=mapping, default_shop_id="s")
    assert (product.external_id, product.title) == ("R-1", "Pruneaux de Tours")


def test_delimiter_and_encoding_options_override_detection():
    body = "ref|titre\nA|Miel de Sologne\n".encode("cp1252")
    (product,) = read(
        "csv",
        BytesFeedSource(body),
        mapping={"external_id": "ref", "title": "titre"},
        delimiter="pipe",
        encoding="latin-1",
        default_shop_id="s",
    )
    assert product.title == "Miel de Sologne"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"mapping": {"titre": "Désignation"}}, "champ inconnu « titre »"),
        ({"mapping": {"title": "Nom du produit"}}, "« Nom du produit » (title) absente"),
        ({"mapping": ["ref"]}, "option mapping"),
        ({"mapping": {"title": "Désignation"}, "encoding": "klingon"}, "encodage inconnu"),
        ({"mapping": {"title": "Désignation"}, "delimiter": ";;"}, "delimiter"),
    ],
)
def test_a_wrong_configuration_fails_the_run_for_good(options, message):
    records, error = read_until_failure(
        "csv", FileFeedSource(SAMPLES / "csv_mapping_cp1252.csv"), **options
    )
    assert records == [] and isinstance(error, FeedUnavailable)
    assert error.retryable is False and message in str(error)


def test_an_optional_column_missing_from_the_file_leaves_its_field_empty():
    body = "Référence;Désignation\nR9;Jeu en bois Le Petit Tourangeau\n".encode()
    (product,) = read("csv", BytesFeedSource(body), mapping=MAPPING, default_shop_id="boutique")
    assert (product.title, product.price, product.shop_external_id) == (
        "Jeu en bois Le Petit Tourangeau",
        "",
        "boutique",
    )


# --- the native shop list -------------------------------------------------------------------


def test_the_native_shop_list_reads_every_shop_field():
    records = read("shops_csv", FileFeedSource(SAMPLES / "google_merchant_shops.csv"))
    macarons = records[0]
    assert isinstance(macarons, ShopRecord)
    assert macarons == ShopRecord(
        external_id="maison-du-macaron",
        name="La Maison du Macaron",
        siret="73282932000074",
        address="12 rue Nationale",
        postal_code="37000",
        town="Tours",
        insee_code="37261",
        sectors=["Épicerie fine", "Pâtisserie"],
        description="<p>Macarons, nougatines et <em>pruneaux fourrés</em>.</p>",
        opening_hours="Mar.–Sam. 9h30–19h",
        click_and_collect=True,
        delivery=False,
        pickup_instructions="Comptoir à droite de l'entrée",
        url="https://www.tours-shopping.example/boutiques/maison-du-macaron",
        phone="02 47 05 00 00",
        email="bonjour@maison-du-macaron.example",
        website="https://maison-du-macaron.example",
        latitude="47.3941",
        longitude="0.6848",
    )


@pytest.mark.parametrize(
    ("word", "expected"),
    [("oui", True), ("OUI", True), ("Yes", True), ("true", True), ("1", True), ("x", True)]
    + [("non", False), ("No", False), ("false", False), ("0", False), ("", None), ("?", None)],
)
def test_booleans_as_partners_write_them(word, expected):
    body = (
        f"external_id;name;postal_code;town;click_and_collect\nb1;Boutique;45000;Orléans;{word}\n"
    )
    (shop,) = read("shops_csv", BytesFeedSource(body.encode()))
    assert shop.click_and_collect is expected


def test_a_shop_list_row_without_id_nor_name_is_rejected():
    body = "external_id,name,town\n,,Blois\nb2,Librairie Labbé,Blois\n".encode()
    bad, good = read("shops_csv", BytesFeedSource(body))
    assert bad.reason == "ligne 2 : commerce sans identifiant ni nom"
    assert (good.external_id, good.name) == ("b2", "Librairie Labbé")


def test_a_shop_list_without_an_id_column_is_refused():
    records, error = read_until_failure("shops_csv", BytesFeedSource(b"id,nom\n1,Boutique\n"))
    assert records == [] and isinstance(error, FeedUnavailable) and error.retryable is False


# --- any text survives the round trip -------------------------------------------------------

# Windows-1252 text whose bytes cannot be read as UTF-8: French letters and punctuation.
FRENCH = st.text(
    alphabet=st.sampled_from(
        list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ")
        + list("éèêëàâäîïôöùûüçÉÈÊÀÂÎÔÙÇ';,\"-_.:!?()/")
    ),
    max_size=40,
)


@settings(max_examples=60, deadline=None)
@given(
    rows=st.lists(st.tuples(FRENCH, FRENCH, FRENCH), min_size=1, max_size=8),
    delimiter=st.sampled_from([";", ",", "\t"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]),
)
def test_whatever_the_text_delimiter_and_encoding_cells_come_back(rows, delimiter, encoding):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(["Référence", "Désignation", "Prix TTC"])
    writer.writerows([(f"R{n}-{ref}", title, price) for n, (ref, title, price) in enumerate(rows)])
    body = out.getvalue().encode(encoding)
    records = read(
        "csv",
        BytesFeedSource(body),
        mapping={"external_id": "Référence", "title": "Désignation", "price": "Prix TTC"},
        default_shop_id="s",
    )
    assert all(isinstance(record, ProductRecord) for record in records)
    expected = [
        (f"R{n}-{ref}".strip(), title.strip(), price.strip())
        for n, (ref, title, price) in enumerate(rows)
    ]
    assert [(r.external_id, r.title, r.price) for r in records] == expected
