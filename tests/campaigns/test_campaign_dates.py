"""A campaign is hidden before its start (except in preview), online and marked after its end,
and on the home page only while it runs."""

import datetime

import pytest
from django.utils import timezone

from campaigns.factories import CampaignPageFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


def campaign(parent, start, end, title):
    return CampaignPageFactory(parent=parent, title=title, start_date=start, end_date=end)


def test_upcoming_campaign_is_only_reachable_in_preview(client, campaign_index, admin_user_client):
    page = campaign(campaign_index, TODAY + 5 * DAY, TODAY + 30 * DAY, "Pâques")
    assert page.live
    assert client.get(page.url).status_code == 404
    preview = admin_user_client.get(f"/admin/pages/{page.pk}/view_draft/")
    assert preview.status_code == 200
    assert "Pâques" in preview.content.decode()


def test_running_campaign_is_the_home_hero(client, campaign_index):
    campaign(campaign_index, TODAY - DAY, TODAY + DAY, "Noël en cours")
    html = client.get("/fr/").content.decode()
    assert "Noël en cours" in html


def test_finished_campaign_stays_online_marked_and_leaves_the_home_page(client, campaign_index):
    page = campaign(campaign_index, TODAY - 30 * DAY, TODAY - DAY, "Fête des mères")
    response = client.get(page.url)
    assert response.status_code == 200
    assert "Campagne terminée" in response.content.decode()
    assert "Fête des mères" not in client.get("/fr/").content.decode()


def test_the_end_day_is_still_running(campaign_index):
    page = campaign(campaign_index, TODAY - DAY, TODAY, "Dernier jour")
    assert page.status == "running"
    assert page.status_on(TODAY + DAY) == "finished"
    assert page.status_on(TODAY - 2 * DAY) == "upcoming"


def test_upcoming_campaign_is_not_in_the_sitemap(client, campaign_index):
    campaign(campaign_index, TODAY + 5 * DAY, TODAY + 9 * DAY, "Bientôt")
    running = campaign(campaign_index, TODAY - DAY, TODAY + 9 * DAY, "Maintenant")
    sitemap = client.get("/sitemap.xml").content.decode()
    assert running.slug in sitemap
    assert "bientot" not in sitemap
