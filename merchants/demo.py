"""The demo's one merchant: a shop that joined directly, three products, open every day."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils.text import slugify

from shops.models import Product, Sector, Shop, ShopSector, Town
from shops.sync import shop_match_key

from .models import MERCHANTS_GROUP, MerchantAccount
from .validation import hours_text

DEMO_EMAIL = "commercant@localdabord.example"
HOURS = {str(day): ["09:30", "19:00"] for day in range(6)}
PRODUCTS = [
    ("Toupie en hêtre", "9.90", 12),
    ("Cheval à bascule", "89.00", 2),
    ("Puzzle des châteaux de la Loire", "19.50", 6),
]


def build_demo_merchant(password: str) -> MerchantAccount:
    """Idempotent: a second run finds the same shop and account and resets the password."""
    tours = Town.objects.get(insee_code="37261")
    name, address = "L'Atelier du Jouet", "21 rue Colbert"
    shop, created = Shop.objects.get_or_create(
        slug="latelier-du-jouet-demo",
        defaults={
            "name": name,
            "siret": "73282932000074",
            "address": address,
            "postal_code": "37000",
            "town": tours,
            "description": "<p>Jouets en bois et jeux de société, fabriqués en Touraine.</p>",
            "opening_hours": hours_text(HOURS),
            "click_and_collect": True,
            "match_key": shop_match_key(name, address, tours.pk),
        },
    )
    toys = Sector.objects.filter(slug="jouets").first()
    if created and toys:
        ShopSector.objects.create(shop=shop, sector=toys)
        shop.save(update_fields=["updated_at"])
    for title, price, stock in PRODUCTS:
        Product.objects.get_or_create(
            shop=shop,
            slug=slugify(title),
            defaults={
                "title": title,
                "price": price,
                "stock": stock,
                "availability": "in_stock",
                "sector": toys,
            },
        )
    user, _ = get_user_model().objects.get_or_create(
        username=DEMO_EMAIL, defaults={"email": DEMO_EMAIL, "first_name": "Camille"}
    )
    user.set_password(password)
    user.save()
    user.groups.add(Group.objects.get_or_create(name=MERCHANTS_GROUP)[0])
    account, _ = MerchantAccount.objects.get_or_create(
        user=user, defaults={"shop": shop, "opening_hours": HOURS, "pickup_delay_hours": 2}
    )
    return account
