"""What every journey needs: the OS's Chromium, a page at a phone's or a desktop's size in
French or English, and axe-core.

Journeys click as a person does: Playwright's own actionability checks (a click that another
element would receive fails), never `force=True`, `dispatch_event` or a click in JavaScript.
"""

import os
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
LOCALES = {"fr": "fr-FR", "en": "en-GB"}

# Playwright's sync API keeps an event loop in the test thread; the test's own ORM calls are
# still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

if not CHROMIUM.exists() and not os.environ.get("CI"):
    pytest.skip(
        f"{CHROMIUM} is missing (apt-get install -y chromium); CI fails instead",
        allow_module_level=True,
    )


# Per module, not per session: modules outside tests/journeys start their own Playwright, and
# a second sync Playwright cannot start while one is running in the same thread.
@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    # Under CI a missing browser fails here rather than being skipped.
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox"], headless=True
        )
        yield chromium
        chromium.close()


@pytest.fixture(params=list(VIEWPORTS))
def viewport(request):
    return request.param


@pytest.fixture(params=list(LOCALES))
def language(request):
    return request.param


@pytest.fixture
def open_context(browser):
    """`open_context(viewport, language)`: a fresh browser context, closed after the test."""
    contexts = []

    def open_(viewport: str = "desktop", language: str = "fr"):
        context = browser.new_context(
            viewport=VIEWPORTS[viewport],
            locale=LOCALES[language],
            is_mobile=viewport == "phone",
            has_touch=viewport == "phone",
        )
        # Map tiles are the one outside resource; the machine is offline and pages must cope.
        context.route("https://*.openstreetmap.org/**", lambda route: route.abort())
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context

    yield open_
    for context in contexts:
        context.close()


def serious_violations(page) -> list[str]:
    """axe-core's serious and critical findings on the page as it is now."""
    from axe_playwright_python.sync_playwright import Axe

    violations = Axe().run(page).response["violations"]
    return [
        f"{page.url} {v['id']}: {v['help']}"
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]


def screenshot(page, name: str) -> Path:
    """A full-page screenshot under var/screenshots/, for a person to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
