"""Language-prefixed routes: embeddable widgets (/fr/widgets/…), oEmbed, RSS and Atom feeds."""

from django.urls import path

from . import feeds, views

app_name = "syndication"

urlpatterns = [
    path("widgets/guide/<int:pk>/", views.guide_widget, name="guide_widget"),
    path("widgets/campagne/<int:pk>/", views.campaign_widget, name="campaign_widget"),
    path("widgets/recherche/", views.search_widget, name="search_widget"),
    # Language-prefixed so that Django's LocaleMiddleware never turns its 404 into a redirect.
    path("oembed", views.oembed, name="oembed"),
    path("flux/guides.rss", feeds.GuideFeed(), name="guides_rss"),
    path("flux/guides.atom", feeds.atom(feeds.GuideFeed)(), name="guides_atom"),
    path("flux/campagnes.rss", feeds.CampaignFeed(), name="campaigns_rss"),
    path("flux/campagnes.atom", feeds.atom(feeds.CampaignFeed)(), name="campaigns_atom"),
    path("flux/communes/<slug:slug>.rss", feeds.TownShopFeed(), name="town_shops_rss"),
    path(
        "flux/communes/<slug:slug>.atom", feeds.atom(feeds.TownShopFeed)(), name="town_shops_atom"
    ),
    path("flux/secteurs/<slug:slug>.rss", feeds.SectorShopFeed(), name="sector_shops_rss"),
    path(
        "flux/secteurs/<slug:slug>.atom",
        feeds.atom(feeds.SectorShopFeed)(),
        name="sector_shops_atom",
    ),
]
