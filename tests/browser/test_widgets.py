"""Widgets in the real browser, framed by a "newspaper" page served from another loopback origin:
they display, follow their content's height, set no cookie, stay under 30 KB (images excluded)
and have no serious accessibility violation."""

import os
from pathlib import Path

import pytest

from tests.httpserver import Reply, serve

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
BUDGET_BYTES = 30 * 1024

if not CHROMIUM.exists() and not os.environ.get("CI"):
    pytest.skip("Chromium is missing (apt-get install -y chromium)", allow_module_level=True)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def guide():
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.contenttypes.management import create_contenttypes

    from campaigns.factories import SeasonalGuidePageFactory
    from campaigns.models import GuideIndexPage
    from campaigns.structure import ensure_sections
    from home.site_setup import ensure_site
    from shops.factories import ProductFactory, ShopFactory, town
    from shops.models import Sector

    # A transactional test run before this one flushed the permissions that post_migrate creates.
    for app_config in apps.get_app_configs():
        create_contenttypes(app_config, verbosity=0)
        create_permissions(app_config, verbosity=0)
    sections = ensure_sections(ensure_site())
    toys = Sector.objects.get(slug="jouets")
    products = [
        ProductFactory(
            shop=ShopFactory(town=town(), sectors=[toys]),
            sector=toys,
            price="19.90",
            title=f"Puzzle en bois des châteaux de la Loire, édition {n}",
        )
        for n in range(6)
    ]
    selection = [("product", {"product": p, "note": "Fabriqué en Touraine."}) for p in products]
    page = SeasonalGuidePageFactory(
        parent=sections[GuideIndexPage], title="Noël à Tours", selection=selection
    )
    page.save_revision().publish()
    return page


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox"], headless=True
        )
        yield browser
        browser.close()


def newspaper_page(portal: str, guide_pk: int) -> bytes:
    """A newspaper's article with both snippets: the script that inserts a frame, and a frame."""
    return f"""<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
<title>La Gazette</title></head><body><main><h1>Nos idées cadeaux</h1>
<p>Article du journal.</p>
<script src="{portal}/static/syndication/embed.js" data-title="Guide"
 data-ldab-widget="{portal}/fr/widgets/guide/{guide_pk}/"></script>
<iframe id="search" src="{portal}/fr/widgets/recherche/?town=37261" title="Recherche"
 width="100%" height="480" data-ldab-widget></iframe>
</main></body></html>""".encode()


def frame_heights(page, selector):
    """(height of the iframe element, height of the document inside it)."""
    element = page.locator(selector)
    # clientHeight: the newspaper may give its frame a border; the content box is what counts.
    outer = element.evaluate("frame => frame.clientHeight")
    inner = element.content_frame.locator("html").evaluate(
        "html => html.getBoundingClientRect().height"
    )
    return outer, inner


def test_widgets_display_resize_and_stay_light_on_another_origin(live_server, browser, guide):
    from axe_playwright_python.sync_playwright import Axe

    portal = live_server.url
    with serve(
        {"/article.html": [Reply(newspaper_page(portal, guide.pk), content_type="text/html")]}
    ) as newspaper:
        assert newspaper.base_url.split(":")[2] != portal.split(":")[2]
        context = browser.new_context(viewport={"width": 1000, "height": 900})
        page = context.new_page()
        transferred = {}

        def count(response):
            if response.url.startswith(portal) and response.request.resource_type != "image":
                response.finished()
                sizes = response.request.sizes()
                # Both frames ask for widget.css: the second comes from the cache (0 bytes).
                transferred[response.url] = (
                    transferred.get(response.url, 0)
                    + sizes["responseBodySize"]
                    + sizes["responseHeadersSize"]
                )

        page.on("response", count)
        page.goto(newspaper.base_url + "/article.html")
        guide_frame = page.locator("iframe[src*='/widgets/guide/']")
        guide_frame.wait_for()
        inside = guide_frame.content_frame
        inside.get_by_text("Puzzle en bois des châteaux de la Loire, édition 0").wait_for()
        page.wait_for_load_state("networkidle")

        # Both frames follow their content's height (480 px until the widget reports it).
        for selector in ("iframe[src*='/widgets/guide/']", "iframe#search"):
            page.wait_for_function(
                """selector => {
                    const frame = document.querySelector(selector);
                    return frame.clientHeight !== 480;
                }""",
                arg=selector,
            )
            outer, inner = frame_heights(page, selector)
            assert abs(outer - inner) <= 1, (selector, outer, inner)
        # A narrower column wraps the text: the frame grows with it.
        wide, _ = frame_heights(page, "iframe[src*='/widgets/guide/']")
        page.set_viewport_size({"width": 360, "height": 900})
        page.wait_for_function(
            "h => document.querySelector(\"iframe[src*='/widgets/guide/']\").clientHeight > h",
            arg=wide,
        )
        outer, inner = frame_heights(page, "iframe[src*='/widgets/guide/']")
        assert outer > wide and abs(outer - inner) <= 2

        widget_bytes = {
            url: size
            for url, size in transferred.items()
            if "/widgets/guide/" in url or "/static/" in url
        }
        for part in ("/widgets/guide/", "embed.js", "widget.js", "widget.css"):
            assert any(part in url and size > 0 for url, size in widget_bytes.items()), part
        assert sum(widget_bytes.values()) < BUDGET_BYTES, widget_bytes
        assert context.cookies() == []

        # The widget itself, opened alone, passes axe-core.
        widget = context.new_page()
        widget.goto(f"{portal}/fr/widgets/guide/{guide.pk}/")
        violations = Axe().run(widget).response["violations"]
        serious = [v["id"] for v in violations if v["impact"] in ("serious", "critical")]
        assert serious == []
        widget.goto(f"{portal}/fr/widgets/recherche/?town=37261")
        violations = Axe().run(widget).response["violations"]
        assert [v["id"] for v in violations if v["impact"] in ("serious", "critical")] == []
        context.close()
