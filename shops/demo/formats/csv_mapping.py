"""A partner's own CSV export: French column names, ";", Windows-1252, prices "12,50".

`CSV_MAPPING` (our field → their column) is what the marketplace's connector options
carry, so the CSV connector reads the file without knowing this partner.
"""

import csv

from .base import FeedWriter, yes_no

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
    "shop_sectors": "Activité",
    "shop_phone": "Téléphone",
    "shop_opening_hours": "Horaires",
    "shop_delivery": "Livraison",
}
AVAILABILITY_WORDS = {"in stock": "En stock", "out of stock": "Épuisé", "preorder": "Sur commande"}


class MappedCsvWriter(FeedWriter):
    feed_format = "csv"
    feed_name = "feed.csv"
    options = {"mapping": CSV_MAPPING, "delimiter": ";", "encoding": "cp1252"}

    def __init__(self, out_dir, marketplace_name, website, feed_name=""):
        super().__init__(out_dir, marketplace_name, website, feed_name)
        # Strict: a character Windows-1252 lacks is a bug in the vocabulary, not a "?".
        self.file = (self.out_dir / self.feed_name).open("w", encoding="cp1252", newline="")
        self.rows = csv.writer(self.file, delimiter=";", lineterminator="\r\n")
        self.rows.writerow(CSV_MAPPING.values())

    def add(self, shop, products):
        for product in products:
            self.rows.writerow(
                [
                    product.external_id,
                    product.title,
                    product.description,
                    f"{product.price:.2f}".replace(".", ","),
                    AVAILABILITY_WORDS[product.availability],
                    product.url,
                    product.image_url,
                    product.category,
                    shop.external_id,
                    shop.name,
                    shop.address,
                    shop.postal_code,
                    shop.town["name"],
                    shop.siret,
                    yes_no(shop.click_and_collect),
                    "|".join(shop.sector_labels),
                    shop.phone,
                    shop.opening_hours,
                    yes_no(shop.delivery),
                ]
            )
            self.products_written += 1

    def close(self):
        self.file.close()
