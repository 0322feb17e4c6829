"""One small world for the journeys of a module, built once and served by a server of the
module's own: shops and products in several towns (a merchant's click-and-collect shop among
them), the demo's editorial pages in French and English, everything indexed.

pytest-django's `live_server` makes every test transactional, and each transactional test
empties the database when it ends: building the world again for each page size and language
would cost minutes. Instead the module fixture commits the world once and serves it from its
own server thread; the tests are marked `WORLD_DB` (ordinary database tests, whose own
transaction the server never sees, so the world outlives each of them). When the module is
done the database is emptied and given back the state it had before, the way Django's
serialized rollback does it, for the tests that follow.
"""

from dataclasses import dataclass, field

import pytest

WORLD_DB = pytest.mark.django_db
MERCHANT_EMAIL = "cheval-de-bois@example.org"
MERCHANT_PASSWORD = "un-mot-de-passe-solide-42"
# More puzzles in Orléans than fit on one page of results (20), so that page 2 exists after the
# town facet is chosen.
ORLEANS_PUZZLES = 26


@dataclass
class World:
    base_url: str
    pages: dict = field(default_factory=dict)  # kind -> {"fr": path, "en": path}
    objects: dict = field(default_factory=dict)


def _paths(fr: str, en: str) -> dict:
    return {"fr": fr, "en": en}


def _build() -> dict:
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.contenttypes.management import create_contenttypes
    from django.urls import reverse
    from django.utils import translation
    from wagtail.models import Locale

    from campaigns.demo import build_demo_pages
    from merchants.factories import DirectProductFactory, MerchantAccountFactory
    from shops.factories import MarketplaceFactory, ProductFactory, ShopFactory, town
    from shops.models import Sector
    from tests.conftest import restore_reference_data
    from tests.search.conftest import index_now, reset_indexes

    restore_reference_data()
    # A flush also removed the permissions that post_migrate creates (the editors' groups
    # of the demo pages need them).
    for app_config in apps.get_app_configs():
        create_contenttypes(app_config, verbosity=0)
        create_permissions(app_config, verbosity=0)
    reset_indexes()

    toys, books = Sector.objects.get(slug="jouets"), Sector.objects.get(slug="librairie")
    market = MarketplaceFactory(name="Val de Loire Market")
    account = MerchantAccountFactory(
        user__username=MERCHANT_EMAIL,
        user__password=MERCHANT_PASSWORD,
        shop__name="Le Cheval de Bois",
        shop__town=town("45234"),
        shop__sectors=[toys],
        shop__is_featured=True,
    )
    merchant_shop = account.shop
    for n in range(ORLEANS_PUZZLES):
        DirectProductFactory(
            shop=merchant_shop,
            sector=toys,
            title=f"Puzzle en bois de la cathédrale d'Orléans, {100 + 50 * n} pièces",
            price=f"{9 + n}.90",
            stock=10,
        )
    for insee, name in [("37261", "La Ribambelle"), ("18033", "Le Coffre à Jouets")]:
        shop = ShopFactory(
            name=name,
            town=town(insee),
            sectors=[toys],
            marketplace=market,
            external_id=f"shop-{insee}",
            is_featured=True,
        )
        for n in range(3):
            ProductFactory(
                shop=shop,
                sector=toys,
                title=f"Puzzle des châteaux de la Loire n° {n + 1}",
                external_id=f"{insee}-puzzle-{n}",
            )
    library = ShopFactory(
        name="Librairie des Halles",
        town=town("41018"),
        sectors=[books],
        marketplace=market,
        external_id="shop-41018",
    )
    ProductFactory(
        shop=library, sector=books, title="Atlas des oiseaux de la Brenne", external_id="atlas"
    )

    built = build_demo_pages()
    index_now()

    english = Locale.objects.get(language_code="en")
    product = merchant_shop.products.order_by("pk").first()

    def both(page):
        return _paths(page.url, page.get_translation(english).url)

    def routed(name, *args):
        found = {}
        for language in ("fr", "en"):
            with translation.override(language):
                found[language] = reverse(name, args=args)
        return found

    def localised(get):
        found = {}
        for language in ("fr", "en"):
            with translation.override(language):
                found[language] = get()
        return found

    guide = built["guides"][0]
    pages = {
        "home": _paths("/fr/", "/en/"),
        "campaign": both(built["campaign"]),
        "town": both(built["towns"][0]),
        "guide": both(guide),
        "sector": both(next(page for page in built["sectors"] if page.sector_id == toys.pk)),
        "search": {
            language: path + "?q=puzzle"
            for language, path in localised(lambda: reverse("search:search")).items()
        },
        "shop": localised(merchant_shop.get_absolute_url),
        "product": localised(product.get_absolute_url),
        "signup": routed("merchants:signup"),
        "merchant-space": routed("merchants:dashboard"),
        "widget-guide": routed("syndication:guide_widget", guide.pk),
        "widget-campaign": routed("syndication:campaign_widget", built["campaign"].pk),
        "widget-search": {
            language: path + "?town=45234"
            for language, path in routed("syndication:search_widget").items()
        },
        "not-found": _paths("/fr/cette-page-n-existe-pas/", "/en/this-page-does-not-exist/"),
    }
    return {"pages": pages, "objects": {"merchant_shop": merchant_shop, "product": product}}


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The module's world and the address of the server that serves it."""
    from django.apps import apps
    from django.core.management import call_command
    from django.core.management.color import no_style
    from django.db import connection
    from pytest_django.live_server_helper import LiveServer

    with django_db_blocker.unblock():
        before = connection.creation.serialize_db_to_string()
        built = _build()
        server = LiveServer("localhost")
        server._live_server_modified_settings.enable()
        try:
            yield World(base_url=server.url, **built)
        finally:
            server.stop()
            server._live_server_modified_settings.disable()
            call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
            connection.creation.deserialize_db_from_string(before)
            # The rows came back with their keys; the sequences must follow them.
            tables = set(connection.introspection.table_names())
            models = [model for model in apps.get_models() if model._meta.db_table in tables]
            with connection.cursor() as cursor:
                for sql in connection.ops.sequence_reset_sql(no_style(), models):
                    cursor.execute(sql)


def log_in_as_merchant(page, base_url: str, language: str):
    """Sign in to the merchant space through its form, as the merchant would."""
    from django.urls import reverse
    from django.utils import translation

    with translation.override(language):
        page.goto(base_url + reverse("merchants:login"))
    page.locator("input[name=username]").fill(MERCHANT_EMAIL)
    page.locator("input[name=password]").fill(MERCHANT_PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_load_state()
