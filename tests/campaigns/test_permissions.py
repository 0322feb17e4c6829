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


def test_communications_team_approves_and_the_page_goes_live(
    client,
    tours_editor,
    tours_page,
    communications_user,
    settings,
    django_capture_on_commit_callbacks,
):
    """The whole review through the real admin views: submit, approve, live (and not stale)."""
    from django.test import Client
    from django.urls import reverse

    from pagecache.generation import invalidate_pages

    settings.PAGE_CACHE_ENABLED = True
    invalidate_pages("test start")
    visitor = Client()
    assert visitor.get(tours_page.url)["X-Page-Cache"] == "miss"
    client.post(
        f"/admin/pages/{tours_page.pk}/edit/",
        edit_data(tours_page, title="Tours, ville de commerce", **{"action-submit": "1"}),
    )
    state = WorkflowState.objects.get(object_id=str(tours_page.pk))
    task_state = state.current_task_state
    assert visitor.get(tours_page.url)["X-Page-Cache"] == "hit"

    reviewer = Client()
    reviewer.force_login(communications_user)
    dashboard = reviewer.get("/admin/").content.decode()
    assert "Tours, ville de commerce" in dashboard  # waiting in the reviewer's task list
    approve_url = reverse(
        "wagtailadmin_pages:workflow_action", args=[tours_page.pk, "approve", task_state.pk]
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = reviewer.post(approve_url, {"comment": "Parfait."})
    assert response.status_code in (200, 302)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    tours_page.refresh_from_db()
    assert tours_page.title == "Tours, ville de commerce" and tours_page.live
    assert not tours_page.has_unpublished_changes
    page = visitor.get(tours_page.url)
    assert page["X-Page-Cache"] == "miss"
    assert "Tours, ville de commerce" in page.content.decode()
    settings.PAGE_CACHE_ENABLED = False
    invalidate_pages("test end")


def test_groups_are_named_in_french_with_de_elided(home_page):
    """Issue 17, item 8: "Éditeurs d'Orléans", and no English-named group beside them."""
    from django.contrib.auth.models import Group

    from campaigns.models import TownPage
    from campaigns.permissions import ensure_town_editor_group
    from shops.factories import town

    orleans = TownPage(title="Orléans", slug="orleans-groupe", town=town("45234"))
    home_page.add_child(instance=orleans)
    assert ensure_town_editor_group(orleans).name == "Éditeurs d'Orléans"
    names = set(Group.objects.values_list("name", flat=True))
    assert not names & {"Moderators", "Editors"}
