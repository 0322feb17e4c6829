"""The home page routes an address to its page in one lookup by URL path, as Wagtail's walk
down the tree would: same page, same 404s, whatever the depth."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from campaigns.factories import SeasonalGuidePageFactory
from campaigns.models import GuideIndexPage
from campaigns.structure import ensure_sections

pytestmark = pytest.mark.django_db


@pytest.fixture
def guide(home_page):
    return SeasonalGuidePageFactory(
        parent=ensure_sections(home_page)[GuideIndexPage], title="Noël à Tours", slug="noel-tours"
    )


def test_a_page_three_levels_down_is_found_in_two_queries(rf, guide, home_page):
    request = rf.get(guide.url)
    with CaptureQueriesContext(connection) as queries:
        page, args, kwargs = home_page.route(request, ["guides", "noel-tours"])
    assert page == guide and type(page) is type(guide)
    assert (args, kwargs) == ([], {})
    assert len(queries) == 2


def test_the_same_page_as_the_walk_down_the_tree(rf, guide, home_page):
    request = rf.get(guide.url)
    components = ["guides", "noel-tours"]
    assert (
        home_page.route(request, components).page == Page.route(home_page, request, components).page
    )


def test_draft_pages_and_unknown_addresses_answer_404(client, guide):
    assert client.get(guide.url).status_code == 200
    assert client.get(guide.url + "suite/").status_code == 404
    assert client.get("/fr/guides/introuvable/").status_code == 404
    guide.unpublish()
    assert client.get(guide.url).status_code == 404


def test_a_draft_section_still_leads_to_its_live_pages(client, guide):
    # Wagtail serves a live page below an unpublished parent: so does the lookup.
    section = guide.get_parent()
    section.unpublish()
    assert client.get(guide.url).status_code == 200


def test_an_english_page_is_found_under_the_english_home(client, guide):
    from wagtail.models import Locale

    english = guide.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    english.save_revision().publish()
    english.refresh_from_db()
    response = client.get(english.url)
    assert response.status_code == 200
    assert response.context["page"] == english.specific
