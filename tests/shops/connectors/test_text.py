"""Reading partner text: encodings, delimiters, booleans, slugs, and XML repairs."""

import io
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shops.connectors.tabular import detect_delimiter
from shops.connectors.text import detect_encoding, open_text, parse_bool, plain_text, slugify
from shops.connectors.xml_repair import RepairedXmlStream


@pytest.mark.parametrize(
    ("head", "encoding"),
    [
        ("Épicerie;Prix\n".encode("utf-8-sig"), "utf-8-sig"),
        ("Épicerie;Prix\n".encode(), "utf-8-sig"),
        ("Épicerie;12 €\n".encode("cp1252"), "cp1252"),
        ("Épicerie\tPrix\n".encode("utf-16"), "utf-16"),
        # The sample may end inside a multi-byte character: still UTF-8.
        ("Crème brûlée".encode()[:-1], "utf-8-sig"),
        (b"plain ascii", "utf-8-sig"),
    ],
)
def test_encodings_are_told_apart_from_the_first_bytes(head, encoding):
    assert detect_encoding(head) == encoding


def test_open_text_gives_the_decoded_stream_and_a_sample():
    text, sample = open_text(io.BytesIO("\ufeffRéférence;Prix\nA;1\n".encode()))
    assert sample.startswith("Référence;Prix")
    assert text.read() == "Référence;Prix\nA;1\n"


@pytest.mark.parametrize(
    ("sample", "delimiter"),
    [
        ("ref;titre;prix\nA;Miel, fleurs;5,00\nB;Cire;3,00\n", ";"),
        ("ref,titre,prix\nA,Miel; fleurs,5.00\nB,Cire,3.00\n", ","),
        ("ref\ttitre\tprix\nA\tMiel, fleurs; bio\t5,00\n", "\t"),
        # Commas in every description would fool the sniffer alone.
        ("ref;description\nA;Miel, fleurs, bio, 500 g\nB;Cire, bougie, mèche, 200 g\n", ";"),
        ("ref\n", ","),
    ],
)
def test_the_delimiter_is_sniffed_and_checked_on_the_header(sample, delimiter):
    assert detect_delimiter(sample) == delimiter


def test_booleans_and_plain_text():
    assert [parse_bool(w) for w in ("Oui", "OUÏ", " x ", "Non", "faux", "", None, "peut-être")] == [
        True,
        True,
        True,
        False,
        False,
        None,
        None,
        None,
    ]
    assert plain_text(" Épicerie &amp; Vins ") == "Épicerie & Vins"
    assert plain_text(None) == ""


def test_slugify_is_djangos():
    text = pytest.importorskip("django.utils.text")
    for name in ("Cœur de Bourges – L'Écrin", "  Épicerie  fine -- du Berry_ ", "Ça & là"):
        assert slugify(name) == text.slugify(name)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=30))
def test_slugify_is_djangos_for_any_text(name):
    text = pytest.importorskip("django.utils.text")
    assert slugify(name) == text.slugify(name)


# --- XML repairs ----------------------------------------------------------------------------


class ShortReads(io.RawIOBase):
    """A stream that hands out at most `size` bytes per read, as a slow network does."""

    def __init__(self, data: bytes, size: int):
        self.data, self.size = data, size

    def readable(self):
        return True

    def readinto(self, buffer):
        chunk, self.data = self.data[: min(self.size, len(buffer))], self.data[self.size :]
        buffer[: len(chunk)] = chunk
        return len(chunk)


def repaired(data: bytes, size: int = 1 << 20) -> bytes:
    return RepairedXmlStream(ShortReads(data, size)).read()


def test_the_common_mistakes_are_mended_and_valid_xml_is_untouched():
    broken = (
        b"\n  <?xml version='1.0'?><t a='x&y'>Caf&eacute; &amp; th&#233; &#x2019; "
        b"&hellip; Sel & poivre\x0b &#11; &unknown; &lt;b&gt;</t>"
    )
    assert repaired(broken) == (
        b"<?xml version='1.0'?><t a='x&amp;y'>Caf&#233; &amp; th&#233; &#x2019; "
        b"&#8230; Sel &amp; poivre    &unknown; &lt;b&gt;</t>"
    )
    valid = '<?xml version="1.0"?><rss><t>Thé &amp; café</t></rss>'.encode()
    assert repaired(valid) == valid


@settings(max_examples=80, deadline=None)
@given(size=st.integers(min_value=1, max_value=40))
def test_repairs_do_not_depend_on_where_reads_stop(size):
    item = (
        "<item><t>Cr&egrave;me &amp; caf&eacute; &#8217; &agrave; Tours & Blois\x01 &#x41;</t>"
        "<![CDATA[Sel & poivre]]></item>"
    )
    data = f"<rss>{item * 3}</rss>".encode()
    assert repaired(data, size) == repaired(data)
    root = ET.fromstring(repaired(data, size))  # noqa: S314 — our own test document
    assert root.find("item/t").text == "Crème & café ’ à Tours & Blois  A"


def test_utf16_documents_pass_through():
    data = '<?xml version="1.0" encoding="UTF-16"?><t>Thé & café</t>'.encode("utf-16")
    assert repaired(data) == data
