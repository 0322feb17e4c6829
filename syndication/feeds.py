"""RSS 2.0 and Atom feeds for newspapers: new guides, campaigns, and new shops per town and per
sector. Django's syndication framework; each feed has an Atom twin."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from campaigns.models import CampaignPage, SeasonalGuidePage
from shops.models import Sector, Town
from shops.queries import listed_shops

FEED_ITEMS = 30


class PageFeed(Feed):
    """Live pages of one type in the active language, newest first."""

    model = None

    def pages(self):
        return self.model.objects.live().public().filter(locale=Locale.get_active())

    def items(self):
        return self.pages().order_by("-first_published_at")[:FEED_ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return strip_tags(item.intro) or item.search_description

    def item_link(self, item):
        return item.get_url()

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_guid(self, item):
        return f"page-{item.translation_key}-{item.locale.language_code}"

    item_guid_is_permalink = False


class GuideFeed(PageFeed):
    model = SeasonalGuidePage
    title = _("Local d'abord ! — nouveaux guides")
    description = _("Les guides de saison : sélections de produits et de commerces de la région.")

    def link(self):
        return "/"


class CampaignFeed(PageFeed):
    model = CampaignPage
    title = _("Local d'abord ! — campagnes")
    description = _("Les campagnes pour acheter local en Centre-Val de Loire.")

    def pages(self):
        # An upcoming campaign is hidden until its first day: its feed entry waits as well.
        return super().pages().filter(start_date__lte=timezone.localdate())

    def link(self):
        return "/"


class NewShopFeed(Feed):
    """The newest listed shops of a town or a sector."""

    def item_title(self, item):
        return f"{item.name} — {item.town.name}"

    def item_description(self, item):
        return strip_tags(item.description)[:500]

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_guid(self, item):
        return f"shop-{item.pk}"

    item_guid_is_permalink = False

    def link(self, obj):
        return "/"


class TownShopFeed(NewShopFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Town, slug=slug)

    def title(self, obj):
        return _("Nouveaux commerces à %(town)s — Local d'abord !") % {"town": obj.name}

    def description(self, obj):
        return _("Les derniers commerces de %(town)s inscrits sur le portail.") % {"town": obj.name}

    def items(self, obj):
        return listed_shops().filter(town=obj).order_by("-created_at")[:FEED_ITEMS]


class SectorShopFeed(NewShopFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Sector, slug=slug)

    def title(self, obj):
        return _("Nouveaux commerces : %(sector)s — Local d'abord !") % {"sector": obj.label}

    def description(self, obj):
        return _("Les derniers commerces du secteur %(sector)s inscrits sur le portail.") % {
            "sector": obj.label
        }

    def items(self, obj):
        return listed_shops().filter(sectors=obj).order_by("-created_at")[:FEED_ITEMS]


def atom(feed_class):
    """The Atom twin of an RSS feed: same items, Atom format with a subtitle."""
    return type(
        f"Atom{feed_class.__name__}",
        (feed_class,),
        {"feed_type": Atom1Feed, "subtitle": feed_class.description},
    )
