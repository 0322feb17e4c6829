"""Writers of the partner formats, streaming shop by shop (the demo and the benchmark feeds).

Each writer gets `add(shop)` once per shop (with its products) and `close()`, and writes
what the matching connector in shops/connectors/ reads.
"""

import csv
import json
import shutil
from pathlib import Path
from xml.sax.saxutils import escape

from django.utils.text import slugify

from .catalogue import DemoShop

SHOP_COLUMNS = [
    "external_id",
    "name",
    "siret",
    "address",
    "postal_code",
    "town",
    "insee_code",
    "sectors",
    "description",
    "opening_hours",
    "click_and_collect",
    "delivery",
    "pickup_instructions",
    "url",
    "phone",
    "email",
    "website",
    "latitude",
    "longitude",
]
CSV_MAPPING = {
    "external_id": "Référence",
    "title": "Désignation",
    "description": "Description",
    "price": "Prix TTC",
    "availability": "Disponibilité",
    "url": "Lien",
    "image_url": "Image",
    "categories": "Catégorie",
    "shop_external_id": "Code magasin",
    "shop_name": "Magasin",
    "shop_address": "Adresse",
    "shop_postal_code": "Code postal",
    "shop_town": "Ville",
    "shop_siret": "SIRET",
    "shop_click_and_collect": "Retrait en magasin",
}
AVAILABILITY_WORDS = {"in stock": "en stock", "out of stock": "épuisé", "preorder": "sur commande"}
WOO_STATUS = {"in stock": "instock", "out of stock": "outofstock", "preorder": "onbackorder"}


def yes_no(value: bool) -> str:
    return "oui" if value else "non"


def shop_row(shop: DemoShop, external_id: str | None = None) -> dict:
    return {
        "external_id": external_id or shop.external_id,
        "name": shop.name,
        "siret": shop.siret,
        "address": shop.address,
        "postal_code": shop.town["postal_codes"][0],
        "town": shop.town["name"],
        "insee_code": "",
        "sectors": shop.sector,
        "description": shop.description,
        "opening_hours": shop.opening_hours,
        "click_and_collect": yes_no(shop.click_and_collect),
        "delivery": yes_no(shop.delivery),
        "pickup_instructions": shop.pickup_instructions,
        "url": shop.url,
        "phone": shop.phone,
        "email": shop.email,
        "website": "",
        "latitude": "",
        "longitude": "",
    }


class Writer:
    feed_name = "feed"
    options: dict = {}

    def __init__(self, out_dir: Path, title: str):
        self.out_dir = out_dir
        self.title = title
        out_dir.mkdir(parents=True, exist_ok=True)

    def add(self, shop: DemoShop) -> None:
        raise NotImplementedError

    def close(self) -> None:
        pass


class WithShopList(Writer):
    """Product-only formats come with a companion shop list."""

    shop_id = staticmethod(lambda shop: shop.external_id)

    def __init__(self, out_dir, title):
        super().__init__(out_dir, title)
        self.shops_file = (out_dir / "shops.csv").open("w", encoding="utf-8", newline="")
        self.shops = csv.DictWriter(self.shops_file, SHOP_COLUMNS)
        self.shops.writeheader()
        self.options = {"shops_file": "shops.csv"}

    def add(self, shop):
        self.shops.writerow(shop_row(shop, self.shop_id(shop)))

    def close(self):
        self.shops_file.close()


class GoogleMerchantXml(WithShopList):
    feed_name = "feed.xml"

    def __init__(self, out_dir, title):
        super().__init__(out_dir, title)
        self.file = (out_dir / self.feed_name).open("w", encoding="utf-8")
        self.file.write(
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0">\n'
            f"<channel><title>{escape(title)}</title>\n"
        )

    def add(self, shop):
        super().add(shop)
        for n, product in enumerate(shop.products):
            title = f"<![CDATA[{product.title}]]>" if n % 3 == 0 else escape(product.title)
            self.file.write(
                f"<item><g:id>{product.external_id}</g:id><g:title>{title}</g:title>"
                f"<g:description>{escape(product.description)}</g:description>"
                f"<g:link>{escape(product.url)}</g:link><g:image_link>{escape(product.image_url)}"
                f"</g:image_link><g:price>{product.price} EUR</g:price>"
                f"<g:availability>{product.availability}</g:availability>"
                f"<g:product_type>{escape(product.category)}</g:product_type>"
                f"<g:external_seller_id>{shop.external_id}</g:external_seller_id></item>\n"
            )

    def close(self):
        super().close()
        self.file.write("</channel></rss>\n")
        self.file.close()


class GoogleMerchantTsv(WithShopList):
    feed_name = "feed.tsv"
    columns = [
        "id",
        "title",
        "description",
        "link",
        "image_link",
        "price",
        "availability",
        "product_type",
        "external_seller_id",
    ]

    def __init__(self, out_dir, title):
        super().__init__(out_dir, title)
        self.file = (out_dir / self.feed_name).open("w", encoding="utf-8", newline="")
        self.file.write("\t".join(self.columns) + "\n")

    def add(self, shop):
        super().add(shop)
        for product in shop.products:
            cells = [
                product.external_id,
                product.title,
                product.description,
                product.url,
                product.image_url,
                f"{product.price} EUR",
                product.availability,
                product.category,
                shop.external_id,
            ]
            self.file.write(
                "\t".join(c.replace("\t", " ").replace("\n", " ") for c in cells) + "\n"
            )

    def close(self):
        super().close()
        self.file.close()


class Paginated(Writer):
    page_size = 100
    page_name = "page-{}.json"

    def __init__(self, out_dir, title):
        super().__init__(out_dir, title)
        self.items: list = []
        self.page = 0

    def push(self, item):
        self.items.append(item)
        if len(self.items) == self.page_size:
            self.flush()

    def flush(self):
        self.page += 1
        path = self.out_dir / self.page_name.format(self.page)
        path.write_text(json.dumps(self.wrap(self.items), ensure_ascii=False), encoding="utf-8")
        self.items = []

    def wrap(self, items):
        return items

    def close(self):
        super().close()
        if self.items:
            self.flush()


class Shopify(Paginated, WithShopList):
    page_size = 250
    page_name = "products-page-{}.json"
    shop_id = staticmethod(lambda shop: slugify(shop.name))

    def add(self, shop):
        WithShopList.add(self, shop)
        for product in shop.products:
            handle = slugify(product.title)
            self.push(
                {
                    "id": int(product.external_id.replace("S", "").replace("-P", "")),
                    "title": product.title,
                    "body_html": product.description,
                    "vendor": shop.name,
                    "product_type": product.category,
                    "handle": handle,
                    "tags": shop.sector,
                    "variants": [
                        {
                            "id": 1,
                            "price": str(product.price),
                            "sku": product.external_id,
                            "available": product.availability == "in stock",
                        }
                    ],
                    "images": [{"src": product.image_url}],
                }
            )

    def wrap(self, items):
        return {"products": items}

    def close(self):
        Paginated.close(self)
        self.flush()  # Shopify ends with an empty page


class WooCommerce(Paginated):
    def add(self, shop):
        store = {
            "id": int(shop.external_id[1:]),
            "shop_name": shop.name,
            "url": shop.url,
            "phone": shop.phone,
            "address": {
                "street_1": shop.address,
                "street_2": "",
                "city": shop.town["name"],
                "zip": shop.town["postal_codes"][0],
                "country": "FR",
            },
        }
        for product in shop.products:
            self.push(
                {
                    "id": int(product.external_id.replace("S", "").replace("-P", "")),
                    "name": product.title,
                    "permalink": product.url,
                    "description": product.description,
                    "short_description": "",
                    "price": str(product.price),
                    "regular_price": str(product.price),
                    "sale_price": "",
                    "stock_status": WOO_STATUS[product.availability],
                    "images": [{"src": product.image_url}],
                    "categories": [{"name": product.category}],
                    "sku": product.external_id,
                    "store": store,
                }
            )


class MappedCsv(Writer):
    feed_name = "feed.csv"
    options = {"mapping": CSV_MAPPING, "delimiter": ";", "encoding": "cp1252"}

    def __init__(self, out_dir, title):
        super().__init__(out_dir, title)
        self.file = (out_dir / self.feed_name).open("w", encoding="cp1252", newline="")
        self.rows = csv.writer(self.file, delimiter=";")
        self.rows.writerow(list(CSV_MAPPING.values()))

    def add(self, shop):
        for product in shop.products:
            self.rows.writerow(
                [
                    product.external_id,
                    product.title,
                    product.description,
                    f"{product.price}".replace(".", ","),
                    AVAILABILITY_WORDS[product.availability],
                    product.url,
                    product.image_url,
                    product.category,
                    shop.external_id,
                    shop.name,
                    shop.address,
                    shop.town["postal_codes"][0],
                    shop.town["name"],
                    shop.siret,
                    yes_no(shop.click_and_collect),
                ]
            )

    def close(self):
        self.file.close()


class NativeJson(Writer):
    feed_name = "feed.json"

    def __init__(self, out_dir, title):
        super().__init__(out_dir, title)
        self.file = (out_dir / self.feed_name).open("w", encoding="utf-8")
        self.products_path = out_dir / ".products.partial"
        self.products = self.products_path.open("w", encoding="utf-8")
        self.file.write(json.dumps({"version": "1.0", "marketplace": {"name": title}})[:-1])
        self.file.write(', "shops": [\n')
        self.first_shop = self.first_product = True

    def add(self, shop):
        row = shop_row(shop)
        row.update(
            insee_code=shop.town["insee_code"],
            sectors=[shop.sector],
            click_and_collect=shop.click_and_collect,
            delivery=shop.delivery,
        )
        self.file.write(("" if self.first_shop else ",\n") + json.dumps(row, ensure_ascii=False))
        self.first_shop = False
        for product in shop.products:
            item = {
                "external_id": product.external_id,
                "shop_external_id": shop.external_id,
                "title": product.title,
                "description": product.description,
                "price": str(product.price),
                "currency": "EUR",
                "availability": product.availability,
                "image_url": product.image_url,
                "url": product.url,
                "categories": [product.category],
            }
            separator = "" if self.first_product else ",\n"
            self.products.write(separator + json.dumps(item, ensure_ascii=False))
            self.first_product = False

    def close(self):
        self.products.close()
        self.file.write('\n], "products": [\n')
        with self.products_path.open(encoding="utf-8") as products:
            shutil.copyfileobj(products, self.file)
        self.products_path.unlink()
        self.file.write("\n]}\n")
        self.file.close()


WRITERS = {
    "google_merchant": GoogleMerchantXml,
    "google_merchant_tsv": GoogleMerchantTsv,
    "shopify": Shopify,
    "woocommerce": WooCommerce,
    "csv": MappedCsv,
    "native_json": NativeJson,
}
