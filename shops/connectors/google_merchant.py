"""Google Merchant Center product feeds: RSS 2.0 (or Atom 1.0) XML with the g: namespace.

Marketplaces use Google's `external_seller_id` to say which shop sells an item (else the
option `default_shop_id`); the shops themselves come from a companion shop list
(`shops_file` / `shops_url`, native shop CSV). `product_from_attributes` is shared with the
tab-separated variant.
"""

import io
import re
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from xml.etree.ElementTree import Element, ParseError, tostring

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from .base import Connector, FeedRecord, FeedUnavailable, ProductRecord, RejectedRecord
from .companion import companion_shops
from .text import plain_text
from .xml_repair import CHUNK, RepairedXmlStream

G_NAMESPACE = "http://base.google.com/ns/1.0"
ATOM_NAMESPACE = "http://www.w3.org/2005/Atom"
ITEM_TAGS = {"item", f"{{{ATOM_NAMESPACE}}}entry"}
# Attributes read without the g: prefix too (RSS <title>, <link>, <description>).
READ_NAMESPACES = {"", G_NAMESPACE, ATOM_NAMESPACE}
FEED_ROOTS = {"rss", "feed"}
# expat's "no element found", "unclosed token", "partial character": the end is missing.
TRUNCATION_ERRORS = {3, 5, 6}
CURRENCY_SUFFIX = re.compile(r"(?:\s|\d)([A-Za-z]{3}|€)\s*$")
EXCERPT = 2000

Attributes = Mapping[str, list[str]]


def first_value(attributes: Attributes, name: str) -> str:
    return next((value.strip() for value in attributes.get(name, ()) if value.strip()), "")


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


def currency_of(price: str) -> str:
    match = CURRENCY_SUFFIX.search(price)
    if not match:
        return "EUR"
    return "EUR" if match.group(1) == "€" else match.group(1).upper()


def product_from_attributes(
    attributes: Attributes, default_shop_id: str, now: datetime | None = None
) -> ProductRecord | RejectedRecord:
    """A record from Google's attribute names (without "g:"), each with its values."""
    external_id = first_value(attributes, "id")
    if not external_id:
        return RejectedRecord("article sans identifiant (g:id)")
    price = first_value(attributes, "price")
    sale_price = first_value(attributes, "sale_price")
    dates = first_value(attributes, "sale_price_effective_date")
    if sale_price and sale_is_current(dates, now or datetime.now(UTC)):
        price = sale_price
    categories = [
        plain_text(value)
        for name in ("product_type", "google_product_category")
        for value in attributes.get(name, ())
        if value.strip()
    ]
    return ProductRecord(
        external_id=external_id,
        shop_external_id=first_value(attributes, "external_seller_id") or default_shop_id,
        title=plain_text(first_value(attributes, "title")),
        description=first_value(attributes, "description"),
        price=price,
        currency=currency_of(price),
        availability=first_value(attributes, "availability"),
        image_url=first_value(attributes, "image_link"),
        url=first_value(attributes, "link"),
        categories=categories,
        brand=plain_text(first_value(attributes, "brand")),
        gtin=first_value(attributes, "gtin"),
    )


def split_tag(tag: str) -> tuple[str, str]:
    if tag.startswith("{"):
        namespace, _, name = tag[1:].partition("}")
        return namespace, name
    return "", tag


def element_text(element: Element) -> str:
    if len(element) == 0:
        return element.text or ""
    # HTML written as XML elements rather than escaped or in CDATA: keep it as markup.
    inner = "".join(tostring(child, encoding="unicode") for child in element)
    return (element.text or "") + inner


def item_attributes(item: Element) -> dict[str, list[str]]:
    """Each attribute's values; a g: attribute wins over the plain RSS element of that name."""
    attributes: dict[str, list[str]] = {}
    from_google: set[str] = set()
    for child in item:
        namespace, name = split_tag(child.tag)
        if namespace not in READ_NAMESPACES or (namespace == ATOM_NAMESPACE and name == "id"):
            continue
        if namespace == ATOM_NAMESPACE and name == "link":
            value = child.get("href", "")
        else:
            value = element_text(child)
        if namespace == G_NAMESPACE and name not in from_google:
            from_google.add(name)
            attributes[name] = [value]
        elif namespace == G_NAMESPACE or name not in from_google:
            attributes.setdefault(name, []).append(value)
    return attributes


def excerpt(item: Element) -> str:
    return tostring(item, encoding="unicode")[:EXCERPT]


class GoogleMerchantXmlConnector(Connector):
    format = "google_merchant"
    label = "Google Merchant Center (XML RSS 2.0)"

    def records(self) -> Iterator[FeedRecord]:
        yield from companion_shops(self)
        default_shop_id = str(self.options.get("default_shop_id") or "")
        with RepairedXmlStream(self.source.open()) as repaired:
            yield from self.items(io.BufferedReader(repaired, CHUNK), default_shop_id)

    def items(self, stream, default_shop_id: str) -> Iterator[FeedRecord]:
        parents: list[Element] = []
        root_seen = False
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
                    continue
                record = product_from_attributes(item_attributes(element), default_shop_id)
                if isinstance(record, RejectedRecord):
                    record.raw = excerpt(element)
                if parents:
                    # The channel forgets each item once read: memory stays flat.
                    parents[-1].remove(element)
                yield record
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
