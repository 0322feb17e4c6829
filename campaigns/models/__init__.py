"""The editorial pages: campaigns, featured towns, seasonal guides, sectors and their indexes."""

from .base import SectionIndexPage, SharedPageMixin
from .campaign import CampaignIndexPage, CampaignPage, CampaignStatus
from .guide import GuideIndexPage, SeasonalGuidePage
from .sector import SectorIndexPage, SectorPage
from .town import TownIndexPage, TownPage

__all__ = [
    "CampaignIndexPage",
    "CampaignPage",
    "CampaignStatus",
    "GuideIndexPage",
    "SeasonalGuidePage",
    "SectionIndexPage",
    "SectorIndexPage",
    "SectorPage",
    "SharedPageMixin",
    "TownIndexPage",
    "TownPage",
]
