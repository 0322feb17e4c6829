"""A shopper's journey with a real pointer, at a phone's and a desktop's size, in French and
English: the home's search box, a town facet, a sort, page 2, a product, its shop, a
click-and-collect reservation and its status page. Each page is also checked for covered
text and unreachable controls (tests/journeys/layout.py).

The words and the town are chosen apart: the search box's words, then the town facet (one box
for both, "puzzle orléans", comes with products searchable by their shop's town)."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from tests.journeys.conftest import screenshot
from tests.journeys.layout import layout_problems
from tests.journeys.world import WORLD_DB, world  # noqa: F401 (a fixture)

pytestmark = [pytest.mark.browser, WORLD_DB]


def prices(page) -> list[float]:
    texts = page.locator(".search-result .price").all_inner_texts()
    return [float(re.sub(r"[^\d,]", "", text).replace(",", ".")) for text in texts]


def test_a_shopper_finds_a_puzzle_and_reserves_it(world, open_context, viewport, language):  # noqa: F811
    from merchants.models import PickupRequest

    page = open_context(viewport, language).new_page()
    problems = []

    def arrived(step: str):
        page.wait_for_load_state()
        problems.extend(layout_problems(page))
        screenshot(page, f"shopper-{step}-{viewport}-{language}")

    page.goto(world.base_url + world.pages["home"][language])
    box = page.locator("main form[role=search]")
    box.locator("input[name=q]").click()
    box.locator("input[name=q]").fill("puzzle")
    box.locator("button[type=submit]").click()
    page.wait_for_url("**q=puzzle*")
    arrived("1-results")

    # The town facet: every result is then in Orléans.
    page.locator(".facets a[href*='town=45234']").click()
    page.wait_for_url("**town=45234*")
    arrived("2-facet")
    metas = page.locator(".search-result .card__meta").all_inner_texts()
    assert metas and all("Orléans" in meta for meta in metas), metas

    # Cheapest first: the sort is chosen, then the search sent again from its button.
    form = page.locator(".search-page form[role=search]")
    form.locator("select[name=sort]").select_option("price")
    form.locator("button[type=submit]").click()
    page.wait_for_url("**sort=price*")
    arrived("3-sorted")
    first_page = prices(page)
    assert first_page == sorted(first_page) and len(first_page) == 20, first_page

    page.locator(".pagination a[rel=next]").click()
    page.wait_for_url("**page=2*")
    arrived("4-page-2")
    second_page = prices(page)
    assert second_page and min(second_page) >= max(first_page), (first_page, second_page)

    result = page.locator(".search-result--product .card__title a").first
    title = result.inner_text()
    result.click()
    page.wait_for_url("**/*-*/")
    arrived("5-product")
    assert page.locator("h1").inner_text() == title

    product_pk = int(re.search(r"/(\d+)-[\w-]+/$", page.url).group(1))
    page.locator("main a", has_text="Le Cheval de Bois").first.click()
    page.wait_for_url("**" + world.pages["shop"][language])
    arrived("6-shop")

    page.locator(f"main a[href$='{pickup_path(world, language)}']").click()
    page.wait_for_url("**" + pickup_path(world, language))
    arrived("7-reservation")
    day = (timezone.localtime() + timedelta(days=2)).date()
    page.locator(f"input[name=quantity_{product_pk}]").fill("1")
    page.locator("input[name=slot_date]").fill(day.isoformat())
    page.locator("input[name=slot_time]").fill("11:00")
    page.locator("input[name=shopper_name]").fill("Sam Leroy")
    page.locator("input[name=shopper_email]").fill(f"sam-{viewport}-{language}@example.org")
    page.locator("input[name=shopper_phone]").fill("06 11 22 33 44")
    page.locator("main form button[type=submit]").click()
    page.wait_for_selector("[data-status=pending]")
    arrived("8-status")

    pickup = PickupRequest.objects.get(shopper_email=f"sam-{viewport}-{language}@example.org")
    assert list(pickup.lines.values_list("product_id", "quantity")) == [(product_pk, 1)]
    assert title in page.inner_text("main")
    assert problems == [], "\n".join(problems)


def pickup_path(served, language: str) -> str:
    from django.urls import reverse
    from django.utils import translation

    with translation.override(language):
        return reverse("merchants:pickup_request", args=[served.objects["merchant_shop"].slug])
