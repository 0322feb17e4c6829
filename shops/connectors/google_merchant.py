"""Google Merchant Center product feeds: RSS 2.0, Atom 1.0 or Atom 0.3 XML with g: attributes.

Google still documents Atom 0.3 (`xmlns="http://purl.org/atom/ns#"`): its entries may
carry no `g:id`, the entry's Atom `<id>` then being the product's id, and a `<summary>`
instead of a description. A price without currency is in the marketplace's `currency`
option (EUR when absent).

Marketplaces use Google's `external_seller_id` to say which shop sells an item (else the
option `default_shop_id`); the shops themselves come from a companion shop list
(`shops_file` / `shops_url`, native shop CSV). `product_from_attributes` is shared with the
tab-separated variant.
"""

import re
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from xml.etree.ElementTree import Element, ParseError, register_namespace, tostring

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from .base import Connector, FeedRecord, FeedUnavailable, ProductRecord, RejectedRecord
from .companion import companion_shops
from .text import plain_text
from .xml_repair import RepairedXmlStream

G_NAMESPACE = "http://base.google.com/ns/1.0"
ATOM_NAMESPACE = "http://www.w3.org/2005/Atom"
ATOM_03_NAMESPACE = "http://purl.org/atom/ns#"
ATOM_NAMESPACES = {ATOM_NAMESPACE, ATOM_03_NAMESPACE}
G_PREFIX = f"{{{G_NAMESPACE}}}"
G_PREFIX_LENGTH = len(G_PREFIX)
ITEM_TAGS = {"item", *(f"{{{namespace}}}entry" for namespace in ATOM_NAMESPACES)}
ITEM_NAMES = {"item", "entry"}
# Attributes read without the g: prefix too (RSS <title>, <link>, <description>).
READ_NAMESPACES = {"", G_NAMESPACE, *ATOM_NAMESPACES}
# Atom's names for Google's attributes, read when the g: attribute is absent.
ATOM_NAMES = {"summary": "description", "content": "description", "id": "atom_id"}
FEED_ROOTS = {"rss", "feed"}
# expat's "no element found", "unclosed token", "partial character": the end is missing.
TRUNCATION_ERRORS = {3, 5, 6}
CURRENCY_SUFFIX = re.compile(r"(?:\s|\d)([A-Za-z]{3}|€)\s*$")
EXCERPT = 2000

# The attributes an item may repeat; every other one is read from its first non-empty value.
CATEGORY_ATTRIBUTES = ("product_type", "google_product_category")
READ_ATTRIBUTES = {
    "id",
    "title",
    "description",
    "link",
    "image_link",
    "price",
    "sale_price",
    "sale_price_effective_date",
    "availability",
    "brand",
    "gtin",
    "external_seller_id",
    "atom_id",
    *CATEGORY_ATTRIBUTES,
}

# Excerpts of rejected items show "g:price", as the partner wrote it, rather than "ns0:price".
register_namespace("g", G_NAMESPACE)


def sale_is_current(effective_dates: str, now: datetime) -> bool:
    """Google's `sale_price_effective_date`: "2026-11-20T00:00+01:00/2026-11-30T23:59+01:00".

    A sale outside its dates is not what the shopper pays; dates we cannot read do not
    hide a sale price the partner chose to send.
    """
    start, separator, end = effective_dates.partition("/")
    if not separator:
        return True
    try:
        bounds = [datetime.fromisoformat(part.strip()) for part in (start, end)]
    except ValueError:
        return True
    start_at, end_at = (b if b.tzinfo else b.replace(tzinfo=UTC) for b in bounds)
    return start_at <= now <= end_at


def currency_of(price: str, default: str = "EUR") -> str:
    """The currency written after a price ("25.00 EUR", "45000 XOF"), else `default`."""
    match = CURRENCY_SUFFIX.search(price) if price[-1:].isalpha() or "€" in price else None
    if not match:
        return default
    return "EUR" if match.group(1) == "€" else match.group(1).upper()


def product_from_attributes(
    values: Mapping[str, str],
    categories: list[str],
    default_shop_id: str,
    now: datetime | None = None,
    currency: str = "EUR",
) -> ProductRecord | RejectedRecord:
    """A record from an item's attributes by Google's names, without "g:".

    `values` holds the first non-empty value of each attribute, stripped; `categories`
    the values of `product_type` then `google_product_category`; `currency` is that of
    prices written without one.
    """
    get = values.get
    external_id = get("id", "") or get("atom_id", "")
    if not external_id:
        return RejectedRecord("article sans identifiant (g:id)")
    price = get("price", "")
    sale_price = get("sale_price", "")
    if sale_price and sale_is_current(
        get("sale_price_effective_date", ""), now or datetime.now(UTC)
    ):
        price = sale_price
    return ProductRecord(
        external_id=external_id,
        shop_external_id=get("external_seller_id") or default_shop_id,
        title=plain_text(get("title")),
        description=get("description", ""),
        price=price,
        currency=currency_of(price, currency),
        availability=get("availability", ""),
        image_url=get("image_link", ""),
        url=get("link", ""),
        categories=[plain_text(category) for category in categories],
        brand=plain_text(get("brand")),
        gtin=get("gtin", ""),
    )


def split_tag(tag: str) -> tuple[str, str]:
    if tag.startswith("{"):
        namespace, _, name = tag[1:].partition("}")
        return namespace, name
    return "", tag


def element_text(element: Element) -> str:
    if len(element) == 0:
        return (element.text or "").strip()
    # HTML written as XML elements rather than escaped or in CDATA: keep it as markup.
    inner = "".join(tostring(child, encoding="unicode") for child in element)
    return ((element.text or "") + inner).strip()


def item_attributes(item: Element) -> tuple[dict[str, str], list[str]]:
    """An item's values and categories; a g: attribute wins over the plain RSS element."""
    google: dict[str, str] = {}
    plain: dict[str, str] = {}
    product_types: list[str] = []
    google_categories: list[str] = []
    for child in item:
        tag = child.tag
        if tag.startswith(G_PREFIX):  # nearly every attribute: the fast path
            name, found = tag[G_PREFIX_LENGTH:], google
        else:
            namespace, name = split_tag(tag)
            if namespace not in READ_NAMESPACES:
                continue  # another vocabulary
            found = plain
            if namespace in ATOM_NAMESPACES:
                # The entry's own id is the product's only when it has no g:id.
                name = ATOM_NAMES.get(name, name)
            if namespace in ATOM_NAMESPACES and name == "link":
                if href := child.get("href", "").strip():
                    plain.setdefault("link", href)
                continue
        if name not in READ_ATTRIBUTES or name in found:
            continue
        value = element_text(child) if len(child) else (child.text or "").strip()
        if not value:
            continue
        if name == "product_type":
            product_types.append(value)
        elif name == "google_product_category":
            google_categories.append(value)
        else:
            found[name] = value
    if plain:
        google = {**plain, **google}
    return google, product_types + google_categories


def excerpt(item: Element) -> str:
    item.tail = None  # the whitespace after the item is not part of it
    return tostring(item, encoding="unicode")[:EXCERPT]


class GoogleMerchantXmlConnector(Connector):
    format = "google_merchant"
    label = "Google Merchant Center (XML RSS 2.0)"

    def records(self) -> Iterator[FeedRecord]:
        yield from companion_shops(self)
        default_shop_id = str(self.options.get("default_shop_id") or "")
        with RepairedXmlStream(self.source.open()) as repaired:
            yield from self.items(repaired, default_shop_id)

    def items(self, stream, default_shop_id: str) -> Iterator[FeedRecord]:
        parents: list[Element] = []
        root_seen = False
        read = 0
        unknown_items: set[str] = set()
        currency = self.default_currency()
        try:
            for event, element in iterparse(stream, events=("start", "end")):
                if event == "start":
                    if not root_seen:
                        check_root(element)
                        root_seen = True
                    parents.append(element)
                    continue
                parents.pop()
                if element.tag not in ITEM_TAGS:
                    if element.tag.endswith(("item", "entry")):
                        unknown_items.add(element.tag)
                    continue
                values, categories = item_attributes(element)
                record = product_from_attributes(
                    values, categories, default_shop_id, currency=currency
                )
                if isinstance(record, RejectedRecord):
                    record.raw = excerpt(element)
                if parents:
                    # The channel forgets each item once read: memory stays flat.
                    parents[-1].remove(element)
                read += 1
                yield record
            if not read and unknown_items:
                raise unknown_item_failure(unknown_items)
        except ParseError as error:
            raise parse_failure(error, started=root_seen) from error
        except DefusedXmlException as error:
            raise FeedUnavailable(
                f"flux XML refusé : déclarations d'entités interdites ({error})", retryable=False
            ) from error


def check_root(root: Element) -> None:
    """A page of another kind (an error page, another XML) must not read as an empty feed."""
    name = split_tag(root.tag)[1]
    if name.lower() == "html":
        raise FeedUnavailable("une page HTML a été servie au lieu du flux XML")
    if name not in FEED_ROOTS:
        message = f"document XML inattendu : élément racine <{name}> au lieu de <rss> ou <feed>"
        raise FeedUnavailable(message, retryable=False)


def unknown_item_failure(tags: set[str]) -> FeedUnavailable:
    """Items of a vocabulary we do not read: reading none of them is no empty feed."""
    namespace, name = split_tag(sorted(tags)[0])
    where = f"dans l'espace de noms « {namespace} »" if namespace else "sans espace de noms"
    return FeedUnavailable(
        f"aucun article lu : les éléments <{name}> du flux sont {where}, "
        "qui n'est ni RSS 2.0 ni Atom 1.0 ou 0.3",
        retryable=False,
    )


def parse_failure(error: ParseError, *, started: bool) -> FeedUnavailable:
    line, column = getattr(error, "position", (0, 0))
    if not started:
        # Nothing XML at all: an HTML page with a 200 status, usually while in maintenance.
        return FeedUnavailable(f"le flux n'est pas un document XML ({error})")
    if getattr(error, "code", None) in TRUNCATION_ERRORS:
        # Most likely a transfer cut short: the next run may get the whole document.
        return FeedUnavailable(f"flux XML tronqué à la ligne {line} : {error}")
    return FeedUnavailable(
        f"flux XML mal formé, ligne {line}, colonne {column} : {error}", retryable=False
    )
