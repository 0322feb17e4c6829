"""Walking the pages of a JSON products API (Shopify, WooCommerce) through a FeedSource."""

from collections.abc import Iterator, Mapping
from typing import Any

from requests.utils import parse_header_links

from .base import FeedSource, FeedUnavailable

MAX_PAGES = 10_000


def next_link(headers: Mapping[str, str]) -> str | None:
    for link in parse_header_links(headers.get("Link", "") or ""):
        if link.get("rel") == "next" and link.get("url"):
            return link["url"]
    return None


def pages(source: FeedSource, params: dict[str, Any], items_key: str | None) -> Iterator[list]:
    """Yield each page's list of items: follow `Link: rel="next"`, else count pages.

    Stops on an empty page, or after the last page announced by `X-WP-TotalPages`.
    """
    page, url = 1, None
    for _ in range(MAX_PAGES):
        data, headers = source.get_json(url, None if url else {**params, "page": page})
        items = data.get(items_key) if items_key and isinstance(data, dict) else data
        if not isinstance(items, list):
            raise FeedUnavailable(f"réponse inattendue de l'API à la page {page}")
        if not items:
            return
        yield items
        total = headers.get("X-WP-TotalPages")
        url = next_link(headers)
        page += 1
        if url is None and total and total.isdigit() and page > int(total):
            return
    raise FeedUnavailable(f"plus de {MAX_PAGES} pages : pagination en boucle ?")
