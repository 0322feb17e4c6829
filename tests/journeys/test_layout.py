"""Every public page type, at a phone's and a desktop's size, in French and English: no visible
text covered, no sideways overflow, every link and control reachable by a pointer, no serious
axe-core violation. A screenshot of each page goes to var/screenshots/layout-… for a person to
look at."""

from urllib.parse import urljoin

import pytest

from tests.journeys.conftest import screenshot, serious_violations
from tests.journeys.layout import layout_problems
from tests.journeys.world import WORLD_DB, log_in_as_merchant, world  # noqa: F401 (a fixture)

pytestmark = [pytest.mark.browser, WORLD_DB]

PUBLIC_PAGES = [
    "home",
    "campaign",
    "town",
    "guide",
    "sector",
    "search",
    "shop",
    "product",
    "signup",
    "widget-guide",
    "widget-campaign",
    "widget-search",
    "not-found",
]


def check(page, name: str, problems: list[str]):
    problems += layout_problems(page)
    problems += serious_violations(page)
    screenshot(page, name)


def test_every_page_type_reads_and_clicks(world, open_context, viewport, language):  # noqa: F811
    page = open_context(viewport, language).new_page()
    problems = []
    for kind in PUBLIC_PAGES:
        response = page.goto(world.base_url + world.pages[kind][language])
        expected = 404 if kind == "not-found" else 200
        assert response.status == expected, f"{kind}: {page.url} answered {response.status}"
        check(page, f"layout-{kind}-{viewport}-{language}", problems)

    # The search page with a town chosen in its facets (reached by its address: clicking it is
    # the shopper's journey, and a click that fails would hide the problems listed here).
    page.goto(world.base_url + world.pages["search"][language])
    facet = page.locator(".facets a[href*='town=']").first.get_attribute("href")
    page.goto(urljoin(page.url, facet))
    check(page, f"layout-search-facet-{viewport}-{language}", problems)
    # The merchant's own space, after signing in.
    log_in_as_merchant(page, world.base_url, language)
    assert page.url.endswith(world.pages["merchant-space"][language]), page.url
    check(page, f"layout-merchant-space-{viewport}-{language}", problems)

    assert problems == [], "\n".join(problems)
