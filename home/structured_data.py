"""schema.org descriptions (JSON-LD) of shops, products, guides and breadcrumbs, for search engines.

Each function returns a plain dict; templates print it with the `json_ld` tag.
"""

from django.utils.html import strip_tags


def _absolute(request, url):
    return request.build_absolute_uri(url) if request is not None else url


def shop_schema(shop, request=None) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "LocalBusiness",
        "name": shop.name,
        "url": _absolute(request, shop.get_absolute_url()),
        "address": {
            "@type": "PostalAddress",
            "streetAddress": shop.address,
            "postalCode": shop.postal_code,
            "addressLocality": shop.town.name,
            "addressRegion": "Centre-Val de Loire",
            "addressCountry": "FR",
        },
    }
    if shop.description:
        data["description"] = strip_tags(shop.description)[:500]
    if shop.coordinates:
        latitude, longitude = shop.coordinates
        data["geo"] = {"@type": "GeoCoordinates", "latitude": latitude, "longitude": longitude}
    if shop.phone:
        data["telephone"] = shop.phone
    if shop.website:
        data["sameAs"] = [shop.website]
    return data


AVAILABILITY = {
    "in_stock": "https://schema.org/InStock",
    "out_of_stock": "https://schema.org/OutOfStock",
    "preorder": "https://schema.org/PreOrder",
}


def product_schema(product, request=None) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "Product",
        "name": product.title,
        "url": _absolute(request, product.get_absolute_url()),
    }
    if product.description:
        data["description"] = strip_tags(product.description)[:500]
    if product.brand:
        data["brand"] = {"@type": "Brand", "name": product.brand}
    if product.gtin:
        data["gtin"] = product.gtin
    if product.price is not None:
        offer = {
            "@type": "Offer",
            "price": str(product.price),
            "priceCurrency": "EUR",
            "seller": {"@type": "LocalBusiness", "name": product.shop.name},
            "url": _absolute(request, product.get_absolute_url()),
        }
        if product.availability in AVAILABILITY:
            offer["availability"] = AVAILABILITY[product.availability]
        data["offers"] = offer
    return data


def item_list_schema(name, entries, request=None) -> dict:
    """A guide's selection as an ItemList of its products and shops, in the editor's order."""
    return {
        "@context": "https://schema.org",
        "@type": "ItemList",
        "name": name,
        "numberOfItems": len(entries),
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "item": (
                    product_schema(entry.item, request)
                    if entry.kind == "product"
                    else shop_schema(entry.item, request)
                ),
            }
            for position, entry in enumerate(entries, start=1)
        ],
    }


def breadcrumb_schema(crumbs, request=None) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": crumb.title,
                "item": crumb.get_full_url(request),
            }
            for position, crumb in enumerate(crumbs, start=1)
        ],
    }
