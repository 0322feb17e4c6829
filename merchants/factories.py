"""factory-boy factories for merchants, shared by the tests and the demo loader."""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from factory.django import DjangoModelFactory

from shops.factories import ProductFactory, ShopFactory

from .models import MERCHANTS_GROUP, MerchantAccount, PickupRequest

# Open every day 08:00–20:00: any slot in the day works unless a test says otherwise.
EVERY_DAY = {str(day): ["08:00", "20:00"] for day in range(7)}


def siret_with_key(prefix13: str) -> str:
    """A SIRET made of 13 digits and the Luhn key that makes it valid."""
    for key in range(10):
        candidate = f"{prefix13}{key}"
        total = 0
        for position, char in enumerate(reversed(candidate)):
            value = int(char) * (2 if position % 2 else 1)
            total += value - 9 if value > 9 else value
        if total % 10 == 0:
            return candidate
    raise AssertionError("unreachable: one key in ten is valid")


class MerchantUserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"commercant{n}@example.org")
    email = factory.LazyAttribute(lambda obj: obj.username)
    first_name = "Camille"
    password = factory.django.Password("un-mot-de-passe-solide-42")

    @factory.post_generation
    def in_group(self, create, extracted, **kwargs):
        if create:
            self.groups.add(Group.objects.get_or_create(name=MERCHANTS_GROUP)[0])


class MerchantAccountFactory(DjangoModelFactory):
    class Meta:
        model = MerchantAccount

    user = factory.SubFactory(MerchantUserFactory)
    shop = factory.SubFactory(ShopFactory, click_and_collect=True, marketplace=None)
    opening_hours = factory.LazyFunction(lambda: dict(EVERY_DAY))
    pickup_delay_hours = 2


class DirectProductFactory(ProductFactory):
    marketplace = None
    stock = 5
    price = "12.50"


class PickupRequestFactory(DjangoModelFactory):
    class Meta:
        model = PickupRequest

    shop = factory.SubFactory(ShopFactory)
    shopper_name = "Alex Martin"
    shopper_email = "alex@example.org"
    shopper_phone = "02 47 00 00 00"
    slot = factory.Faker("future_datetime", end_date="+3d", tzinfo=__import__("datetime").UTC)
