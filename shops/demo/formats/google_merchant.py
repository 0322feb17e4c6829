"""Google Merchant Center product feeds (RSS 2.0 XML with the g: namespace, and TSV).

Products name their shop by `g:external_seller_id`; the shops themselves go to the
companion shop list, as marketplaces that sell through Google publish them.
"""

from xml.sax.saxutils import escape

from .base import FeedWriter, ShopListCsv, companion_name

G_NAMESPACE = "http://base.google.com/ns/1.0"
TSV_COLUMNS = [
    "id",
    "title",
    "description",
    "link",
    "image_link",
    "price",
    "availability",
    "brand",
    "product_type",
    "external_seller_id",
]


def google_price(price) -> str:
    return f"{price:.2f} EUR"


def cdata(text: str) -> str:
    return f"<![CDATA[{text}]]>"


class GoogleMerchantXmlWriter(FeedWriter):
    feed_format = "google_merchant"
    feed_name = "feed.xml"
    options = {"shops_file": "shops.csv"}

    def __init__(self, out_dir, marketplace_name, website, feed_name=""):
        super().__init__(out_dir, marketplace_name, website, feed_name)
        self.options = {"shops_file": companion_name(self.feed_name)}
        self.shops = ShopListCsv(self.out_dir / self.options["shops_file"])
        self.file = (self.out_dir / self.feed_name).open("w", encoding="utf-8")
        self.file.write(
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<rss version="2.0" xmlns:g="{G_NAMESPACE}">\n<channel>\n'
            f"<title>{escape(marketplace_name)}</title>\n<link>{escape(website)}</link>\n"
            f"<description>Produits des commerces de {escape(marketplace_name)}</description>\n"
        )

    def add(self, shop, products):
        self.shops.add(shop)
        for product in products:
            # Partners mix plain and CDATA text; HTML descriptions usually come as CDATA.
            title = cdata(product.title) if product.number % 4 == 0 else escape(product.title)
            description = product.description
            description = cdata(description) if "<" in description else escape(description)
            gtin = f"<g:gtin>{product.gtin}</g:gtin>" if product.gtin else ""
            self.file.write(
                "<item>\n"
                f"<g:id>{escape(product.external_id)}</g:id>\n"
                f"<g:title>{title}</g:title>\n"
                f"<g:description>{description}</g:description>\n"
                f"<g:link>{escape(product.url)}</g:link>\n"
                f"<g:image_link>{escape(product.image_url)}</g:image_link>\n"
                f"<g:price>{google_price(product.price)}</g:price>\n"
                f"<g:availability>{product.availability}</g:availability>\n"
                f"<g:brand>{escape(product.brand)}</g:brand>{gtin}\n"
                f"<g:product_type>{escape(product.category)}</g:product_type>\n"
                f"<g:external_seller_id>{escape(shop.external_id)}</g:external_seller_id>\n"
                "</item>\n"
            )
            self.products_written += 1

    def close(self):
        self.shops.close()
        self.file.write("</channel>\n</rss>\n")
        self.file.close()


def tsv_cell(text: str) -> str:
    # The TSV variant has no quoting: a tab or a line break would shift the columns.
    return " ".join(str(text).replace("\t", " ").split())


class GoogleMerchantTsvWriter(FeedWriter):
    feed_format = "google_merchant_tsv"
    feed_name = "feed.tsv"
    options = {"shops_file": "shops.csv"}

    def __init__(self, out_dir, marketplace_name, website, feed_name=""):
        super().__init__(out_dir, marketplace_name, website, feed_name)
        self.options = {"shops_file": companion_name(self.feed_name)}
        self.shops = ShopListCsv(self.out_dir / self.options["shops_file"])
        self.file = (self.out_dir / self.feed_name).open("w", encoding="utf-8", newline="")
        self.file.write("\t".join(TSV_COLUMNS) + "\n")

    def add(self, shop, products):
        self.shops.add(shop)
        for product in products:
            cells = [
                product.external_id,
                product.title,
                product.description,
                product.url,
                product.image_url,
                google_price(product.price),
                product.availability,
                product.brand,
                product.category,
                shop.external_id,
            ]
            self.file.write("\t".join(tsv_cell(cell) for cell in cells) + "\n")
            self.products_written += 1

    def close(self):
        self.shops.close()
        self.file.close()
