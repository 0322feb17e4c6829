"""Cached fragments of a page on the real Redis: a render with the page cache missing reads the
frame and a guide's cards from Redis, and whatever invalidates the pages refreshes them."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from campaigns.factories import SeasonalGuidePageFactory
from campaigns.models import GuideIndexPage
from campaigns.structure import ensure_sections
from shops.factories import ProductFactory
from tests.conftest import requires_redis

pytestmark = [pytest.mark.django_db, requires_redis]


@pytest.fixture
def fragments(settings, fresh_generation):
    """Fragments on, the whole-page cache off: every request is rendered."""
    settings.PAGE_CACHE_FRAGMENTS = True
    settings.PAGE_CACHE_ENABLED = False


@pytest.fixture
def guide(home_page):
    products = ProductFactory.create_batch(3)
    return SeasonalGuidePageFactory(
        parent=ensure_sections(home_page)[GuideIndexPage],
        selection=[("product", {"product": p, "note": "Un cadeau sûr."}) for p in products],
    )


def render(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def test_a_second_render_reads_the_frame_and_the_cards_from_redis(client, fragments, guide):
    first, first_queries = render(client, guide.url)
    second, second_queries = render(client, guide.url)
    assert second == first
    assert first.count('class="guide-entry"') == 3
    # Left: the site, the locale, routing and the view restriction check.
    assert second_queries <= first_queries - 8


def test_switched_off_every_render_queries_again(client, settings, fragments, guide):
    settings.PAGE_CACHE_FRAGMENTS = False
    _, first_queries = render(client, guide.url)
    _, second_queries = render(client, guide.url)
    assert second_queries == first_queries


def test_publishing_refreshes_the_fragments(
    client, fragments, guide, django_capture_on_commit_callbacks
):
    render(client, guide.url)
    guide.selection = [("product", {"product": ProductFactory(title="Toupie en hêtre")})]
    with django_capture_on_commit_callbacks(execute=True):
        guide.save_revision().publish()
    content, _ = render(client, guide.url)
    assert "Toupie en hêtre" in content
    assert content.count('class="guide-entry"') == 1


def test_an_edited_product_shows_in_the_cached_cards(
    client, fragments, guide, django_capture_on_commit_callbacks
):
    render(client, guide.url)
    product = guide.selection[0].value["product"]
    product.title = "Coffret de miels du Berry"
    with django_capture_on_commit_callbacks(execute=True):
        product.save()
    assert "Coffret de miels du Berry" in render(client, guide.url)[0]


def test_the_menu_marks_the_page_being_read(client, fragments, guide):
    index = guide.get_parent()  # in the main menu the sections are created with
    link = f'<a href="{index.url}" aria-current="page">{index.title}</a>'
    on_index, _ = render(client, index.url)
    on_home, _ = render(client, "/fr/")
    assert link in on_index
    assert f'<a href="{index.url}">{index.title}</a>' in on_home and link not in on_home


def test_each_language_has_its_own_frame(client, fragments, guide):
    french, _ = render(client, "/fr/")
    english, _ = render(client, "/en/")
    assert 'lang="fr"' in french and 'lang="en"' in english
    assert "Aller au contenu" in french and "Skip to content" in english


def test_a_preview_never_uses_the_fragments(client, fragments, guide):
    client.get(guide.url)
    guide.title = "Brouillon du guide"
    draft = guide.save_revision().as_object()
    # The hero is in the guide's cached content: the live title would show there.
    assert 'class="hero__title">Brouillon du guide</h1>' in (
        draft.make_preview_request().content.decode()
    )


def test_a_campaign_shows_finished_the_day_after_its_end(client, fragments, home_page, monkeypatch):
    import datetime

    from django.utils import timezone

    from campaigns.factories import CampaignPageFactory
    from campaigns.models import CampaignIndexPage

    today = timezone.localdate()
    campaign = CampaignPageFactory(
        parent=ensure_sections(home_page)[CampaignIndexPage],
        start_date=today - datetime.timedelta(days=3),
        end_date=today,
    )
    assert "Campagne terminée" not in render(client, campaign.url)[0]

    tomorrow = timezone.now() + datetime.timedelta(days=1)

    class Tomorrow(datetime.datetime):
        @classmethod
        def now(cls, tz=None):
            return tomorrow.astimezone(tz)

    # The campaign's own date and the template's {% now %} that the fragment varies on.
    monkeypatch.setattr(timezone, "now", lambda: tomorrow)
    monkeypatch.setattr("django.template.defaulttags.datetime", Tomorrow)
    assert "Campagne terminée" in render(client, campaign.url)[0]


def site_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return [query for query in queries.captured_queries if "wagtailcore_site" in query["sql"]]


def test_the_site_is_looked_up_once_per_generation(
    client, fragments, guide, django_capture_on_commit_callbacks
):
    from wagtail.models import Site

    site_queries(client, guide.url)
    assert site_queries(client, guide.url) == []
    site = Site.objects.get(is_default_site=True)
    site.site_name = "Local d'abord ! (recette)"
    with django_capture_on_commit_callbacks(execute=True):
        site.save()
    assert site_queries(client, guide.url)
