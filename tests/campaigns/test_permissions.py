"""The communications team edits and publishes everything; a town editor edits only their town's
pages, and their changes wait for the communications team's review."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import WorkflowState

from campaigns.factories import SeasonalGuidePageFactory, TownPageFactory
from campaigns.permissions import ensure_town_editor_group
from shops.factories import town

pytestmark = pytest.mark.django_db


@pytest.fixture
def tours_page(town_index):
    return TownPageFactory(parent=town_index, town=town("37261"))


@pytest.fixture
def orleans_page(town_index):
    return TownPageFactory(parent=town_index, town=town("45234"))


@pytest.fixture
def tours_editor(client, tours_page):
    user = get_user_model().objects.create_user("tours", "tours@example.org", "secret-password")
    user.groups.add(ensure_town_editor_group(tours_page))
    client.force_login(user)
    return user


def edit_data(page, **changes):
    data = {
        "title": page.title,
        "slug": page.slug,
        "town": page.town_id,
        "intro": '{"blocks": [], "entityMap": {}}',
        "pickup_information": '{"blocks": [], "entityMap": {}}',
    }
    data.update(changes)
    return data


def test_town_editor_edits_their_town_only(client, tours_editor, tours_page, orleans_page):
    assert client.get(f"/admin/pages/{tours_page.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{orleans_page.pk}/edit/").status_code in (302, 403)


def test_town_editor_cannot_publish_but_submits_for_review(client, tours_editor, tours_page):
    response = client.post(
        f"/admin/pages/{tours_page.pk}/edit/",
        edit_data(tours_page, title="Tours, ville de commerce", **{"action-publish": "1"}),
    )
    tours_page.refresh_from_db()
    assert tours_page.title != "Tours, ville de commerce"
    response = client.post(
        f"/admin/pages/{tours_page.pk}/edit/",
        edit_data(tours_page, title="Tours, ville de commerce", **{"action-submit": "1"}),
    )
    assert response.status_code == 302, response.context["form"].errors
    state = WorkflowState.objects.get(object_id=str(tours_page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    tours_page.refresh_from_db()
    assert tours_page.title != "Tours, ville de commerce"  # live page unchanged until approved


def test_town_editor_cannot_edit_guides(client, tours_editor, guide_index):
    guide = SeasonalGuidePageFactory(parent=guide_index)
    assert client.get(f"/admin/pages/{guide.pk}/edit/").status_code in (302, 403)


def test_communications_team_edits_and_publishes_everything(
    client, communications_user, tours_page, guide_index
):
    client.force_login(communications_user)
    guide = SeasonalGuidePageFactory(parent=guide_index)
    assert client.get(f"/admin/pages/{guide.pk}/edit/").status_code == 200
    response = client.post(
        f"/admin/pages/{tours_page.pk}/edit/",
        edit_data(tours_page, title="Tours en fête", **{"action-publish": "1"}),
    )
    assert response.status_code == 302
    tours_page.refresh_from_db()
    assert tours_page.title == "Tours en fête"


def test_town_editor_group_covers_the_english_translation(tours_page):
    from campaigns.translation import translate

    english = translate(tours_page, "en", {})
    group = ensure_town_editor_group(tours_page)
    pages = set(group.page_permissions.values_list("page_id", flat=True))
    assert {tours_page.pk, english.pk} <= pages
