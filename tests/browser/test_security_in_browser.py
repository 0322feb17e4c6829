"""In the OS's Chromium: our pages raise no Content-Security-Policy violation, and scripts that
partners' feeds or visitors slip into what we show never run.

A payload that ran would set `window.__pwned` or open a dialog (alert); both are watched.
"""

import os
from pathlib import Path
from pprint import pformat
from urllib.parse import quote

import pytest
from django.utils import translation

from tests.shops.feeds import product, shop, write_native_feed

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

if not CHROMIUM.exists() and not os.environ.get("CI"):
    pytest.skip(
        f"{CHROMIUM} is missing (apt-get install -y chromium); CI fails instead",
        allow_module_level=True,
    )

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PWN = "window.__pwned = 1"
# What an attacker would put in a description: every way HTML has to run a script.
HOSTILE_HTML = (
    "<p>Texte visible du commerce.</p>"
    f"<script>{PWN}</script>"
    f'<img src="x" onerror="{PWN}">'
    f'<a href="javascript:{PWN}" id="piege">Cliquez ici</a>'
    f'<svg onload="{PWN}"><script>{PWN}</script></svg>'
    f'<iframe src="javascript:{PWN}"></iframe>'
    f'<p style="background:url(javascript:{PWN})" onmouseover="{PWN}">Survol</p>'
    f'<math><mtext><table><mglyph><style><img src=x onerror="{PWN}">'
    f'<object data="javascript:{PWN}"></object><embed src="javascript:{PWN}">'
    "<form action=javascript:alert(1)><button>Envoyer</button></form>"
    f'<details open ontoggle="{PWN}">x</details>'
)
# Plain-text fields (names, titles) are escaped, never interpreted.
HOSTILE_TEXT = f'Boutique "><img src=x onerror="{PWN}"><script>alert(1)</script>'
# Listens from before any page script: CSP violations and anything that opens a dialog.
WATCH = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI + " "
    + (event.sample || "") + " @" + event.sourceFile + ":" + event.lineNumber);
});
"""


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox"], headless=True
        )
        yield browser
        browser.close()


@pytest.fixture
def site(tmp_path, settings):
    """The demo's pages, plus a shop and a product imported from a hostile partner feed."""
    from campaigns.demo import build_demo_pages
    from shops.factories import MarketplaceFactory
    from shops.models import Product, Shop
    from shops.pipeline import run_import

    settings.FETCH_PRODUCT_IMAGES = False
    built = build_demo_pages()
    marketplace = MarketplaceFactory(slug="hostile", name="Hostile", feed_format="native_json")
    feed = write_native_feed(
        tmp_path / "hostile.json",
        [shop("evil", name=HOSTILE_TEXT, description=HOSTILE_HTML)],
        [product("evil-p", "evil", title=HOSTILE_TEXT, description=HOSTILE_HTML)],
    )
    run = run_import(marketplace, path=feed)
    assert run.status == "success", run.__dict__
    built["hostile_shop"] = Shop.objects.get(external_id="evil")
    built["hostile_product"] = Product.objects.get(external_id="evil-p")
    return built


@pytest.fixture
def context(browser):
    context = browser.new_context()
    # Map tiles are the one outside resource; the machine is offline, and pages must cope.
    context.route("https://tile.openstreetmap.org/**", lambda route: route.abort())
    context.add_init_script(WATCH)
    yield context
    context.close()


def visit(page, url):
    response = page.goto(url)
    assert response.status == 200, url
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)  # late handlers (onerror of images, map script) get their turn
    return page


def test_main_pages_raise_no_content_security_policy_violation(live_server, context, site):
    from wagtail.models import Locale

    english = Locale.objects.get(language_code="en")
    urls = [
        "/fr/",
        "/en/",
        site["campaign"].url,
        site["towns"][0].url,
        site["towns"][0].get_translation(english).url,
        site["guides"][0].url,
        site["hostile_shop"].get_absolute_url(),
        site["hostile_product"].get_absolute_url(),
        "/fr/recherche/?q=chocolat",
    ]
    page = context.new_page()
    violations = {}
    for url in urls:
        visit(page, live_server.url + url)
        found = page.evaluate("window.__cspViolations")
        if found:
            violations[url] = found
    assert violations == {}, pformat(violations)
    # The map still draws its markers under the policy (Leaflet's inline positions are allowed
    # because they are set from script, not written as attributes).
    visit(page, live_server.url + site["towns"][0].url)
    page.wait_for_selector(".leaflet-interactive", state="attached", timeout=10_000)


def test_the_policy_blocks_a_script_that_gets_into_a_page(live_server, context, site):
    """The listener works, and the policy would stop an inline script that escaped sanitising."""
    page = visit(context.new_page(), live_server.url + "/fr/")
    page.evaluate(
        """() => { const s = document.createElement("script");
                   s.textContent = "window.__pwned = 1"; document.body.appendChild(s); }"""
    )
    page.wait_for_timeout(200)
    assert page.evaluate("window.__pwned") is None
    assert any("script-src" in v for v in page.evaluate("window.__cspViolations"))


def english(url_of):
    with translation.override("en"):
        return url_of()


def hostile_urls(site):
    payload = quote(HOSTILE_TEXT)
    return [
        site["hostile_shop"].get_absolute_url(),
        english(site["hostile_shop"].get_absolute_url),
        site["hostile_product"].get_absolute_url(),
        f"/fr/recherche/?q={payload}",
        f"/fr/recherche/?q={quote(HOSTILE_HTML)}&town={payload}&sort={payload}",
        f"/fr/recherche/?q=chocolat&price_min={payload}",
    ]


def test_scripts_in_imported_descriptions_and_visitor_input_never_run(live_server, context, site):
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    pwned = []
    for url in hostile_urls(site):
        visit(page, live_server.url + url)
        # Hover and click what a visitor would, where a handler could hide.
        for selector in (".description a", ".description p", ".description details"):
            for element in page.locator(selector).all():
                element.hover()
                element.click(no_wait_after=True)
        if page.url.startswith(live_server.url) and page.evaluate("window.__pwned") is not None:
            pwned.append(url)
        page.goto(live_server.url + url)  # back from any link followed
    assert pwned == []
    assert dialogs == []

    # The imported text itself is kept, and the hostile name shows as text.
    visit(page, live_server.url + site["hostile_shop"].get_absolute_url())
    assert "Texte visible du commerce." in page.locator(".description").inner_text()
    assert page.locator(".description script, .description svg, .description iframe").count() == 0
    assert page.locator("[onerror], [onload], [onmouseover], [ontoggle]").count() == 0
    assert HOSTILE_TEXT in page.locator("h1").inner_text()


def test_suggestions_typed_in_the_search_box_stay_text(live_server, context, site):
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    visit(page, live_server.url + "/fr/recherche/")
    page.fill("#search-what", "")
    page.type("#search-what", "Boutique", delay=20)
    page.wait_for_timeout(800)
    page.type("#search-what", ' "><img src=x onerror=', delay=10)
    page.wait_for_timeout(800)
    assert page.evaluate("window.__pwned") is None
    assert dialogs == []
    assert page.locator("#search-suggestions img").count() == 0


def test_the_admin_works_under_its_own_policy(live_server, context, site):
    """The admin's relaxed policy is still enough for Wagtail: no violation on its main screens."""
    from django.contrib.auth import get_user_model

    get_user_model().objects.create_superuser("root", "root@example.org", "pw-root-browser")
    page = context.new_page()
    visit(page, live_server.url + "/admin/login/")
    page.fill("#id_username", "root")
    page.fill("#id_password", "pw-root-browser")
    page.click("button[type=submit]")
    page.wait_for_url(live_server.url + "/admin/")
    town = site["towns"][0]
    violations = {}
    for url in [
        "/admin/",
        f"/admin/pages/{town.get_parent().pk}/",
        f"/admin/pages/{town.pk}/edit/",
        "/admin/images/",
        "/admin/snippets/shops/shop/",
        f"/admin/snippets/shops/shop/edit/{site['hostile_shop'].pk}/",
    ]:
        visit(page, live_server.url + url)
        found = page.evaluate("window.__cspViolations")
        if found:
            violations[url] = found
    assert violations == {}, pformat(violations)
    assert page.evaluate("window.__pwned") is None
    leave_edit_screens(page, live_server.url + "/admin/")


def leave_edit_screens(page, url):
    """Leave for a screen without editing session and wait for Wagtail's release beacon (sent
    on pagehide) to be answered: a request still running while the test's database is
    flushed deadlocks with the flush."""
    from wagtail.admin.models import EditingSession

    visit(page, url)
    for _ in range(100):
        if not EditingSession.objects.exists():
            return
        page.wait_for_timeout(100)
    raise AssertionError("the editing sessions were not released within 10 s")
