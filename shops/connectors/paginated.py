"""Walking the pages of a JSON products API (Shopify, WooCommerce) through a FeedSource.

The server's `Link: <…>; rel="next"` header is followed when it sends one (cursor
pagination: Shopify's `page_info`, WooCommerce); otherwise the connector says what the
next request is (page numbers, or Shopify's `since_id`), until an empty page or the last
page announced by `X-WP-TotalPages`. Saved pages (files) are read in their order instead.

A page is the list of products, bare or in an envelope: Shopify's `{"products": […]}`,
the `{"data": […]}` of WordPress.com/Jetpack's tunnel to WooCommerce.
"""

import json
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from requests.utils import parse_header_links

from .base import FeedSource, FeedUnavailable

MAX_PAGES = 10_000
NextParams = Callable[[int, list], dict[str, Any]]


def header(headers: Mapping[str, str], name: str) -> str:
    """A response header, whatever its case (tests and sources may give a plain dict)."""
    if name in headers:
        return headers[name] or ""
    lowered = name.lower()
    return next((value or "" for key, value in headers.items() if key.lower() == lowered), "")


def next_link(headers: Mapping[str, str]) -> str | None:
    for link in parse_header_links(header(headers, "Link")):
        if "next" in link.get("rel", "").split() and link.get("url"):
            return link["url"]
    return None


def page_items(data: Any, envelopes: tuple[str, ...], page: int) -> list:
    """The products of one page: the list itself, or the list in one of the `envelopes`."""
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        for key in envelopes:
            if isinstance(data.get(key), list):
                return data[key]
    detail = ""
    if isinstance(data, dict) and isinstance(data.get("message") or data.get("errors"), str):
        detail = f" : {data.get('message') or data.get('errors')}"
    wrapped = " ou ".join(f"un objet avec une liste « {key} »" for key in envelopes)
    expected = f"une liste ou {wrapped}" if envelopes else "une liste"
    raise FeedUnavailable(
        f"réponse inattendue de l'API à la page {page} ({expected} attendu){detail}"[:500],
        retryable=False,
    )


def signature(items: list) -> tuple:
    return tuple(
        item.get("id") if isinstance(item, dict) else json.dumps(item, default=str)[:100]
        for item in items
    )


def pages(
    source: FeedSource,
    next_params: NextParams,
    envelopes: tuple[str, ...],
    *,
    page_size: int,
) -> Iterator[list]:
    """Yield each page's list of items.

    `next_params(page_number, previous_items)` gives the query of a page when the server
    sent no `Link: rel="next"`. A server that ignores the page parameter (a static export)
    answers the same page again: that ends a short list, and fails a long one rather than
    reading it for ever.
    """
    saved = source.json_documents()
    if saved is not None:
        for page, data in enumerate(saved, start=1):
            yield page_items(data, envelopes, page)
        return
    page, url, params = 1, None, next_params(1, [])
    previous: tuple | None = None
    follows_links = False
    for _ in range(MAX_PAGES):
        data, headers = source.get_json(url, params)
        items = page_items(data, envelopes, page)
        if not items:
            return
        if signature(items) == previous:
            if len(items) < page_size:
                return
            raise FeedUnavailable(
                f"la page {page} répète la page {page - 1} : le serveur ignore la pagination",
                retryable=False,
            )
        previous = signature(items)
        yield items
        link = next_link(headers)
        total = header(headers, "X-WP-TotalPages")
        page += 1
        if link:
            follows_links = True
            url, params = link, None
        elif follows_links:
            return  # a cursor-paginated API ends by sending no rel="next"
        elif total.isdigit() and page > int(total):
            return
        else:
            url, params = None, next_params(page, items)
    raise FeedUnavailable(f"plus de {MAX_PAGES} pages : pagination en boucle ?", retryable=False)
