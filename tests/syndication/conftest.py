"""A published guide and campaign with a small catalogue, and a newspaper partner."""

import pytest

from campaigns.factories import CampaignPageFactory, SeasonalGuidePageFactory
from campaigns.models import CampaignIndexPage, GuideIndexPage
from campaigns.structure import ensure_sections
from shops.factories import ProductFactory, ShopFactory, town
from shops.models import Sector
from syndication.models import Partner


@pytest.fixture
def sections(home_page):
    return ensure_sections(home_page)


@pytest.fixture
def catalogue(db):
    toys = Sector.objects.get(slug="jouets")
    shops = [ShopFactory(town=town(), sectors=[toys], is_featured=True) for _ in range(3)]
    products = [ProductFactory(shop=shop, sector=toys, price="12.00") for shop in shops]
    return {"sector": toys, "shops": shops, "products": products}


@pytest.fixture
def guide(sections, catalogue):
    selection = [("product", {"product": p, "note": "Coup de cœur"}) for p in catalogue["products"]]
    selection.append(("shop", {"shop": catalogue["shops"][0], "note": ""}))
    page = SeasonalGuidePageFactory(
        parent=sections[GuideIndexPage],
        title="Noël à Tours",
        slug="noel-tours",
        selection=selection,
    )
    page.save_revision().publish()
    return page


@pytest.fixture
def campaign(sections, catalogue):
    page = CampaignPageFactory(
        parent=sections[CampaignIndexPage],
        title="Noël 2026 : achetez local !",
        slug="noel-2026",
        body=[("featured_shops", {"heading": "", "shops": catalogue["shops"][:2]})],
    )
    page.save_revision().publish()
    return page


@pytest.fixture
def partner(db):
    return Partner.objects.create(name="La Nouvelle République", slug="nouvelle-republique")


@pytest.fixture
def search_indexes(settings):
    """Fresh indexes of this module's own (deleted at the end of the run); returns the function
    that indexes what changed since, as the indexing task would."""
    from django.core.cache import cache
    from wagtail.search.backends import get_search_backend

    from search import labels
    from tests.search.conftest import INDEXED_MODELS, index_now

    backends = {alias: dict(conf) for alias, conf in settings.WAGTAILSEARCH_BACKENDS.items()}
    for conf in backends.values():
        if "INDEX_PREFIX" in conf:
            conf["INDEX_PREFIX"] = f"{settings.TEST_INDEX_PREFIX}syndication_"
    settings.WAGTAILSEARCH_BACKENDS = backends
    cache.clear()
    labels.forget()
    for alias in backends:
        backend = get_search_backend(alias)
        for model in INDEXED_MODELS:
            index = backend.get_index_for_model(model)
            index.reset()
            index.add_model(model)
    yield index_now
    cache.clear()
