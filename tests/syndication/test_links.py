"""Short links survive renames and moves; tracked links count visits per partner, with no
cookie and nothing personal stored."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import connection

from syndication.models import ShortLink, VisitCount
from syndication.visits import visit_counts

pytestmark = pytest.mark.django_db


def test_publishing_a_guide_gives_it_a_short_link_named_after_it(guide):
    assert ShortLink.objects.get(page=guide).slug == "noel-tours"


def test_the_short_link_follows_the_guide_through_a_rename(client, guide):
    guide.slug = "noel-a-tours-2026"
    guide.save_revision().publish()
    guide.refresh_from_db()
    response = client.get("/g/noel-tours")
    assert response.status_code == 302
    assert response["Location"].endswith(guide.url)
    assert "noel-a-tours-2026" in response["Location"]
    # Publishing again does not give it a second link.
    assert ShortLink.objects.filter(page=guide).count() == 1


def test_a_page_whose_slug_is_taken_gets_a_numbered_link(sections, campaign):
    from campaigns.factories import SeasonalGuidePageFactory
    from campaigns.models import GuideIndexPage

    ShortLink.objects.create(slug="soldes", page=campaign)
    other = SeasonalGuidePageFactory(parent=sections[GuideIndexPage], slug="soldes")
    other.save_revision().publish()
    assert ShortLink.objects.get(page=other).slug == "soldes-2"
    assert ShortLink.objects.get(slug="soldes").page_id == campaign.pk


@pytest.fixture(autouse=True)
def no_pending_visits():
    """Visits another test left in Redis would be moved into this test's rows."""
    visit_counts.forget_pending()


def counted_visits():
    """The rows once the periodic move has run."""
    visit_counts.move_to_database()
    return VisitCount.objects


def test_tracked_link_sets_utm_source_and_counts_the_visit(client, guide, partner):
    for _ in range(3):
        response = client.get("/g/noel-tours/nouvelle-republique", HTTP_USER_AGENT="Firefox")
    assert response.status_code == 302
    query = parse_qs(urlsplit(response["Location"]).query)
    assert query["utm_source"] == ["nouvelle-republique"]
    assert query["utm_campaign"] == ["noel-tours"]
    assert "Set-Cookie" not in response
    count = counted_visits().get(page=guide, partner=partner)
    assert count.visits == 3
    client.get("/g/noel-tours")
    assert counted_visits().get(page=guide, partner=None).visits == 1
    assert VisitCount.objects.count() == 2


def test_visit_rows_hold_no_personal_data():
    columns = {
        column.name
        for column in connection.introspection.get_table_description(
            connection.cursor(), VisitCount._meta.db_table
        )
    }
    assert columns == {"id", "day", "page_id", "partner_id", "unknown_partner", "visits"}


def test_link_checkers_head_requests_are_not_visits(client, guide, partner):
    response = client.head("/g/noel-tours/nouvelle-republique")
    assert response.status_code == 302
    assert not counted_visits().exists()


def test_an_unknown_short_link_is_404(client, guide, partner):
    # Django's LocaleMiddleware first tries the language-prefixed address: a 404 there too.
    assert client.get("/g/inconnu", follow=True).status_code == 404
    assert client.get("/g/inconnu/nouvelle-republique", follow=True).status_code == 404
    assert not counted_visits().exists()


def test_a_partner_not_yet_registered_still_reaches_the_guide_counted_as_unknown(
    client, guide, partner
):
    for _ in range(2):
        response = client.get("/g/noel-tours/la-gazette-du-berry")
    assert response.status_code == 302
    assert urlsplit(response["Location"]).path == guide.url
    query = parse_qs(urlsplit(response["Location"]).query)
    assert query["utm_source"] == ["la-gazette-du-berry"]
    client.get("/g/noel-tours/nouvelle-republique")
    client.get("/g/noel-tours")
    rows = counted_visits()
    assert rows.get(page=guide, unknown_partner=True).visits == 2
    assert rows.get(page=guide, unknown_partner=True).partner is None
    assert rows.get(page=guide, partner=partner).visits == 1
    assert rows.get(page=guide, partner=None, unknown_partner=False).visits == 1


def test_unpublished_guide_link_is_404(client, guide):
    guide.unpublish()
    assert client.get("/g/noel-tours", follow=True).status_code == 404
