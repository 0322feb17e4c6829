"""Home, campaign, town, shop and guide pages in both languages, in the OS's Chromium, each checked
with axe-core: no serious or critical accessibility violation."""

import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
# Playwright's sync API keeps an event loop running in the test thread; Django's ORM calls made
# by the test itself (not the server) are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

if not CHROMIUM.exists() and not os.environ.get("CI"):
    pytest.skip(
        "/usr/bin/chromium is missing (apt-get install -y chromium); CI fails instead",
        allow_module_level=True,
    )

# serialized_rollback: the flush after a transactional test would otherwise remove the towns
# and sectors that migrations load, for every later test.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def demo_site():
    from campaigns.demo import build_demo_pages
    from shops.factories import ProductFactory, ShopFactory, town
    from shops.models import Sector

    toys = Sector.objects.get(slug="jouets")
    for insee in ["37261", "45234", "18033"]:
        shop = ShopFactory(town=town(insee), sectors=[toys], is_featured=True)
        ProductFactory(shop=shop, sector=toys, price="12.00")
    built = build_demo_pages()
    return built


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    # Under CI a missing browser fails here rather than being skipped.
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox"], headless=True
        )
        yield browser
        browser.close()


def page_urls(built):
    from wagtail.models import Locale

    english = Locale.objects.get(language_code="en")
    from django.utils import translation

    from shops.queries import listed_shops

    shop = listed_shops().first()
    with translation.override("en"):
        english_shop_url = shop.get_absolute_url()  # /en/shops/…, the English route
    urls = ["/fr/", "/en/", shop.get_absolute_url(), english_shop_url]
    for page in (built["campaign"], built["towns"][0], built["guides"][0]):
        urls += [page.url, page.get_translation(english).url]
    return urls


def test_pages_work_and_have_no_serious_accessibility_violation(live_server, browser, demo_site):
    """One test for every page: each transactional test empties the database after it."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    context = browser.new_context()
    # Map tiles are the one outside resource; the machine is offline, and pages must cope.
    context.route("https://tile.openstreetmap.org/**", lambda route: route.abort())
    page = context.new_page()
    problems = {}
    for url in page_urls(demo_site):
        response = page.goto(live_server.url + url)
        assert response.status == 200, url
        assert page.locator("main#contenu").count() == 1
        violations = axe.run(page).response["violations"]
        serious = [
            f"{violation['id']}: {violation['help']} ({len(violation['nodes'])})"
            for violation in violations
            if violation["impact"] in ("serious", "critical")
        ]
        if serious:
            problems[url] = serious
    assert problems == {}

    # The town map draws its markers from the page even though no tile loads.
    page.goto(live_server.url + demo_site["towns"][0].url)
    page.wait_for_selector(".leaflet-interactive", state="attached", timeout=10_000)
    assert page.locator(".leaflet-interactive").count() >= 1
    # Keyboard users reach the content first through the skip link.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    context.close()
