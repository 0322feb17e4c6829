"""After a search, the search form and the filters are still what a click reaches: a result's
whole-card link stays inside its own result."""

import pytest

from tests.journeys.conftest import screenshot
from tests.search.conftest import catalogue, empty_indexes, own_indexes  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SEARCH = {"fr": ("/fr/recherche/", "Rechercher"), "en": ("/en/search/", "Search")}


def test_the_search_button_and_filters_stay_clickable_above_the_results(
    live_server,
    open_context,
    catalogue,  # noqa: F811 — the fixture imported above
    viewport,
    language,
):
    path, button = SEARCH[language]
    page = open_context(viewport, language).new_page()
    page.goto(f"{live_server.url}{path}?q=chocolaterie")
    assert page.locator(".search-result").count() >= 1
    page.fill("#search-what", "librairie")
    page.get_by_role("button", name=button, exact=True).click()
    page.wait_for_url("**q=librairie**")
    assert page.url.startswith(f"{live_server.url}{path}")
    # A result is still a link over its whole card: clicking its text opens it.
    page.locator(".search-result .card__title a").first.click()
    page.wait_for_url(lambda url: path not in url)
    screenshot(page, f"search-result-opened-{viewport}-{language}")
