"""wagtail-factories for the editorial pages, shared by the tests (and usable by the demo)."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone

from shops.factories import town

from .models import CampaignPage, SeasonalGuidePage, SectorPage, TownPage


class CampaignPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CampaignPage

    title = factory.Sequence(lambda n: f"Campagne {n}")
    slug = factory.Sequence(lambda n: f"campagne-{n}")
    start_date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=3))
    end_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
    intro = "<p>Achetez local.</p>"


class TownPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = TownPage

    title = factory.LazyAttribute(lambda obj: obj.town.name)
    slug = factory.LazyAttribute(lambda obj: obj.town.slug)
    town = factory.LazyFunction(town)
    intro = "<p>Les commerces de la ville.</p>"


class SectorPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = SectorPage

    title = factory.LazyAttribute(lambda obj: obj.sector.name)
    slug = factory.LazyAttribute(lambda obj: obj.sector.slug)


class SeasonalGuidePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = SeasonalGuidePage

    title = factory.Sequence(lambda n: f"Guide {n}")
    slug = factory.Sequence(lambda n: f"guide-{n}")
    season = "Noël"
    intro = "<p>Notre sélection.</p>"
