"""Google Merchant Center's tab-separated variant."""

import pytest

from shops.connectors.base import FeedUnavailable
from shops.connectors.sources import BytesFeedSource, FileFeedSource

from .conftest import SAMPLES, by_id, products, read, read_until_failure, rejected, shops


def sample_records(**options):
    source = FileFeedSource(SAMPLES / "google_merchant.tsv")
    return read("google_merchant_tsv", source, **options)


def test_the_tsv_sample_reads_with_its_bom_headers_and_quotes():
    bougie, jeu, the = products(sample_records())
    assert (bougie.external_id, bougie.title, bougie.price) == (
        "BOU-5",
        "Bougie « Forêt d'Orléans » 180 g",
        "22.00 EUR",
    )
    # "image link" and "g:price" are Google's other spellings of the attribute names.
    assert bougie.image_url == "https://img.orleans-boutiques.example/bou-5.jpg"
    assert (bougie.brand, bougie.categories, bougie.shop_external_id) == (
        "Les Cires du Loiret",
        ["Maison > Bougies"],
        "bougies-orleanaises",
    )
    # A title that starts with a quote keeps it: Google's TSV does not quote.
    assert jeu.title == '"Le Petit Tourangeau" : jeu en bois, 2e édition'
    assert jeu.availability == "preorder"
    # A row missing its trailing empty cells is read.
    assert (the.title, the.shop_external_id) == ("Thé vert de Chinon", "")


def test_bad_rows_are_rejected_with_their_line_and_the_rest_reads():
    without_id, too_wide = rejected(sample_records())
    assert without_id.reason == "ligne 4 : article sans identifiant (g:id)"
    assert "Ligne sans identifiant" in without_id.raw
    assert too_wide.reason == "ligne 5 : 11 cellules pour 10 colonnes"
    assert too_wide.raw.startswith("CAF-2\tCafé torréfié à Blois")


def test_the_companion_shop_list_and_default_shop(tmp_path):
    (tmp_path / "feed.tsv").write_bytes((SAMPLES / "google_merchant.tsv").read_bytes())
    (tmp_path / "boutiques.csv").write_text(
        "external_id;name;postal_code;town\n"
        "bougies-orleanaises;Bougies Orléanaises;45000;Orléans\n",
        encoding="utf-8",
    )
    records = read(
        "google_merchant_tsv",
        FileFeedSource(tmp_path / "feed.tsv"),
        shops_file="boutiques.csv",
        default_shop_id="orleans-boutiques",
    )
    (shop,) = shops(records)
    assert records[0] is shop and (shop.name, shop.town) == ("Bougies Orléanaises", "Orléans")
    assert by_id(products(records))["THE-1"].shop_external_id == "orleans-boutiques"


def test_a_windows_1252_tsv_with_quoted_cells_from_a_spreadsheet():
    body = (
        "id\ttitle\tprice\texternal_seller_id\r\n"
        'C-1\t"Cœur de Bourges : ""forestines"" de Noël"\t12,00 €\tcoeur\r\n'
    ).encode("cp1252")
    (product,) = read("google_merchant_tsv", BytesFeedSource(body))
    assert (product.title, product.price) == ('Cœur de Bourges : "forestines" de Noël', "12,00 €")


@pytest.mark.parametrize(
    ("body", "retryable"),
    [(b"", True), (b"titre;prix\nMiel;5\n", False)],
    ids=["empty-file", "not-a-gmc-tsv"],
)
def test_a_file_without_an_id_column_is_not_a_feed(body, retryable):
    records, error = read_until_failure("google_merchant_tsv", BytesFeedSource(body))
    assert records == [] and isinstance(error, FeedUnavailable)
    assert error.retryable is retryable
