"""factory-boy factories for the catalogue, shared by the tests and the demo loader.

Towns are real reference data loaded by migration, so factories pick existing towns.
"""

import factory
from django.utils.text import slugify
from factory.django import DjangoModelFactory

from .models import Marketplace, Product, Sector, Shop, Town

TOURS = "37261"


def town(insee_code: str = TOURS) -> Town:
    return Town.objects.get(insee_code=insee_code)


class MarketplaceFactory(DjangoModelFactory):
    class Meta:
        model = Marketplace
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Place de marché {n}")
    slug = factory.LazyAttribute(lambda obj: slugify(obj.name))
    feed_format = "native_json"


class ShopFactory(DjangoModelFactory):
    class Meta:
        model = Shop
        skip_postgeneration_save = True

    name = factory.Faker("company", locale="fr_FR")
    slug = factory.Sequence(lambda n: f"commerce-{n}")
    town = factory.LazyFunction(town)
    address = factory.Faker("street_address", locale="fr_FR")
    postal_code = factory.LazyAttribute(
        lambda obj: obj.town.postal_code_list[0] if obj.town.postal_codes else ""
    )
    description = "<p>Un commerce indépendant du Centre-Val de Loire.</p>"
    click_and_collect = True

    @factory.post_generation
    def sectors(self, create, extracted, **kwargs):
        if create and extracted:
            self.sectors.set(extracted)


class ProductFactory(DjangoModelFactory):
    class Meta:
        model = Product

    shop = factory.SubFactory(ShopFactory)
    marketplace = factory.LazyAttribute(lambda obj: obj.shop.marketplace)
    title = factory.Sequence(lambda n: f"Coffret de macarons n° {n}")
    slug = factory.LazyAttribute(lambda obj: slugify(obj.title))
    price = factory.Faker("pydecimal", left_digits=2, right_digits=2, positive=True)
    availability = "in_stock"
    sector = factory.LazyFunction(lambda: Sector.objects.filter(slug="produits-frais").first())
