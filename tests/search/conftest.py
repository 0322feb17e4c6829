"""A small catalogue indexed in every search backend, for the search tests."""

import pytest
from django.conf import settings
from django.core.cache import cache
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from search import labels
from search.indexing import drain_outbox
from shops.models import Product, Shop

INDEXED_MODELS = (Shop, Product, Page)
# Other test modules reset the test indexes while they run: these tests keep their own,
# except those that need the Celery worker, which writes to the configured ones. Under the
# run's prefix, so that concurrent runs never share them and the session deletes them.
OWN_INDEX_PREFIX = f"{settings.TEST_INDEX_PREFIX}search_"


@pytest.fixture(autouse=True)
def own_indexes(request, settings):
    if "celery_worker" in request.fixturenames:
        return
    backends = {alias: dict(conf) for alias, conf in settings.WAGTAILSEARCH_BACKENDS.items()}
    for conf in backends.values():
        if "INDEX_PREFIX" in conf:
            conf["INDEX_PREFIX"] = OWN_INDEX_PREFIX
    settings.WAGTAILSEARCH_BACKENDS = backends


def refresh_indexes():
    for alias in settings.WAGTAILSEARCH_BACKENDS:
        backend = get_search_backend(alias)
        if hasattr(backend, "es"):
            for model in INDEXED_MODELS:
                backend.get_index_for_model(model).refresh()


def index_now():
    """What the indexing task does, then a refresh so the next search sees it."""
    applied = drain_outbox()
    refresh_indexes()
    return applied


@pytest.fixture
def empty_indexes():
    """Fresh indexes with the current mapping and analysis, on every backend."""
    reset_indexes()
    yield
    cache.clear()


def reset_indexes():
    """Empty every backend's indexes (current mapping and analysis) and what the cache kept."""
    cache.clear()  # the engine pause, synonyms and vocabulary of an earlier test
    labels.forget()
    for alias in settings.WAGTAILSEARCH_BACKENDS:
        backend = get_search_backend(alias)
        for model in INDEXED_MODELS:
            index = backend.get_index_for_model(model)
            if hasattr(backend, "es") and index.is_alias():
                for aliased in index.aliased_indices():
                    aliased.delete()
            index.reset()
            index.add_model(model)


@pytest.fixture
def on_each_backend(request, settings, own_indexes):
    """Run a test on the engine, then with the database backend answering alone."""
    if request.param == "database":
        settings.WAGTAILSEARCH_BACKENDS = {
            "default": settings.WAGTAILSEARCH_BACKENDS.get(
                "fallback", settings.WAGTAILSEARCH_BACKENDS["default"]
            )
        }
    return request.param


@pytest.fixture
def catalogue(empty_indexes, home_page):
    """Shops and products in Tours, Saint-Pierre-des-Corps, Amboise, Orléans and Bourges."""
    from shops.factories import MarketplaceFactory, ProductFactory, ShopFactory, town
    from shops.models import Sector

    sector = {s.slug: s for s in Sector.objects.all()}
    tours, spdc, amboise = town("37261"), town("37233"), town("37003")
    orleans, bourges = town("45234"), town("18033")
    halles = MarketplaceFactory(name="Halles en ligne", slug="halles-en-ligne")
    shops = {
        "epicerie": ShopFactory(
            name="Épicerie fine de Tours",
            town=tours,
            sectors=[sector["produits-frais"]],
            description="<p>Produits fins, huiles et conserves.</p>",
        ),
        "atelier": ShopFactory(
            name="L'Atelier du Bois",
            town=amboise,
            sectors=[sector["artisanat"]],
            description="<p>Meubles et objets tournés.</p>",
        ),
        "fleurs": ShopFactory(
            name="Au jardin fleuri",
            town=spdc,
            sectors=[sector["fleuriste"]],
            description="<p>Bouquets de fleur de saison.</p>",
        ),
        "chocolat": ShopFactory(
            name="Chocolaterie Royale",
            town=orleans,
            sectors=[sector["produits-frais"]],
            marketplace=halles,
            external_id="choco-1",
            description="<p>Chocolaterie artisanale depuis 1920.</p>",
        ),
        "jeux": ShopFactory(
            name="La Boîte à jeux",
            town=bourges,
            sectors=[sector["jouets"]],
            click_and_collect=False,
            description="<p>Jeux de société et casse-têtes.</p>",
        ),
        "librairie": ShopFactory(
            name="Librairie du Boulevard",
            town=tours,
            sectors=[sector["librairie"]],
            is_featured=True,
            description="<p>Romans, bandes dessinées, livre jeunesse.</p>",
        ),
        "hidden": ShopFactory(
            name="Chocolaterie fermée",
            town=tours,
            is_active=False,
            sectors=[sector["produits-frais"]],
        ),
    }
    products = [
        ProductFactory(
            shop=shops["epicerie"],
            title="Huile d'olive vierge",
            price="12.50",
            sector=sector["produits-frais"],
        ),
        ProductFactory(
            shop=shops["epicerie"],
            title="Rillettes de Tours",
            price="6.90",
            sector=sector["produits-frais"],
        ),
        ProductFactory(
            shop=shops["chocolat"],
            title="Chocolats fins assortis",
            price="24.00",
            marketplace=halles,
            external_id="p1",
            sector=sector["produits-frais"],
        ),
        ProductFactory(
            shop=shops["chocolat"],
            title="Tablette noire 70 %",
            price="4.20",
            marketplace=halles,
            external_id="p2",
            sector=sector["produits-frais"],
        ),
        ProductFactory(
            shop=shops["jeux"], title="Jeu de l'oie en bois", price="29.00", sector=sector["jouets"]
        ),
        ProductFactory(
            shop=shops["librairie"],
            title="Guide des balades en Touraine",
            price="15.00",
            sector=sector["librairie"],
        ),
        ProductFactory(
            shop=shops["fleurs"],
            title="Bouquet de roses",
            price="35.00",
            sector=sector["fleuriste"],
            availability="out_of_stock",
        ),
    ]
    page = home_page.add_child(
        instance=Page(title="Nos fleuristes préférés", slug="nos-fleuristes")
    )
    index_now()
    return {"shops": shops, "products": products, "page": page}
