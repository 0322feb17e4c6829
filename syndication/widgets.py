"""What each embeddable widget shows: a guide's selection, a campaign's featured shops, a search
box limited to a town or a sector. Plain functions; the views only render them."""

from campaigns.models import CampaignPage
from campaigns.queries import guide_entries, shops_in_order
from search.query import SearchQuery
from search.service import search
from shops.models import Sector, Town
from shops.queries import listed_shops

WIDGET_ITEMS = 6
SEARCH_RESULTS = 5


def guide_widget(guide) -> dict:
    return {"page": guide, "entries": guide_entries(guide.selection)[:WIDGET_ITEMS]}


def campaign_shops(campaign: CampaignPage) -> list:
    """Shops the campaign features in its "featured shops" blocks, else the featured shops."""
    ids = []
    for block in campaign.body:
        if block.block_type == "featured_shops":
            ids += [shop.pk for shop in block.value["shops"] if shop]
    if ids:
        return shops_in_order(list(dict.fromkeys(ids)))[:WIDGET_ITEMS]
    return list(listed_shops().filter(is_featured=True).order_by("-updated_at")[:WIDGET_ITEMS])


def campaign_widget(campaign) -> dict:
    return {"page": campaign, "shops": campaign_shops(campaign)}


def search_scope(params) -> dict:
    """The town or sector a newspaper restricted its search box to (unknown values ignored)."""
    town = Town.objects.filter(insee_code=(params.get("town") or "")[:5]).first()
    sector = Sector.objects.filter(slug=(params.get("sector") or "")[:80]).first()
    return {"town": town, "sector": sector}


def search_widget(params, language: str, admit=None) -> dict:
    """`admit()`, called before searching, returns (over the rate, the cache's shared reads)."""
    scope = search_scope(params)
    text = (params.get("q") or "").strip()[:200]
    outcome = None
    over, shared = admit() if text and admit else (False, None)
    if over:
        return {**scope, "text": text, "outcome": None, "refused": True}
    if text:
        query = SearchQuery(
            text=text,
            town=scope["town"].insee_code if scope["town"] else "",
            sector=scope["sector"].slug if scope["sector"] else "",
            per_page=SEARCH_RESULTS,
            language=language,
        )
        outcome = search(query, shared=shared)
    return {**scope, "text": text, "outcome": outcome}
