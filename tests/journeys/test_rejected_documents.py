"""An administrator finds the documents the search engine refused, with the engine's reason,
on a phone and a desktop, in French and English (issue 19, item 7)."""

import pytest
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from wagtail.users.models import UserProfile

from search.models import RejectedDocument
from shops.factories import ShopFactory

from .conftest import screenshot, serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLES = {"fr": "Documents refusés", "en": "Refused documents"}
REASON = (
    "mapper_parsing_exception — failed to parse field [location_filter] of type [geo_point]"
    " — illegal latitude value [123.0] for location_filter"
)

# Every visible text of the report's table is the element under its own centre: none covered.
COVERED_TEXTS = """() => [...document.querySelectorAll('main td, main th')]
  .filter(el => el.offsetParent && el.innerText.trim())
  .filter(el => {
    const box = el.getBoundingClientRect();
    const x = box.left + Math.min(box.width / 2, 20), y = box.top + box.height / 2;
    if (x > innerWidth || y > innerHeight || x < 0 || y < 0) return false;
    const hit = document.elementFromPoint(x, y);
    return !(hit && (el.contains(hit) || hit.contains(el)));
  }).map(el => el.innerText.trim())"""


# Every cell of the table ends inside the window: nothing cut at a phone's right edge.
CUT_TEXTS = """() => [...document.querySelectorAll('main td, main th')]
  .filter(el => el.offsetParent && el.innerText.trim())
  .filter(el => el.getBoundingClientRect().right > innerWidth + 1)
  .map(el => el.innerText.trim())"""


def test_the_refused_documents_report_shows_each_document_and_the_engines_reason(
    live_server, open_context, viewport, language, home_page
):
    ContentType.objects.clear_cache()  # a transactional test's flush renumbered them
    shop = ShopFactory(name="Cave des coteaux")
    RejectedDocument.objects.create(
        backend="default",
        content_type=ContentType.objects.get_for_model(shop),
        object_id=str(shop.pk),
        reason=REASON,
    )
    admin = User.objects.create_superuser("admin-recherche", "admin@example.org", "mot-de-passe")
    profile = UserProfile.get_for_user(admin)
    profile.preferred_language = language
    profile.save()

    page = open_context(viewport, language).new_page()
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "admin-recherche")
    page.fill("#id_password", "mot-de-passe")
    page.click("button[type=submit]")
    page.wait_for_url(live_server.url + "/admin/")
    page.goto(live_server.url + "/admin/search/rejected/")

    page.get_by_role("heading", name=TITLES[language]).wait_for()
    row = page.locator("main tr", has_text="Cave des coteaux")
    row.wait_for()
    assert "illegal latitude value [123.0]" in row.inner_text()
    assert page.evaluate(COVERED_TEXTS) == []
    assert page.evaluate(CUT_TEXTS) == []
    screenshot(page, f"rejected-documents-{viewport}-{language}")
    assert serious_violations(page) == []
