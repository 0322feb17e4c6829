"""The first save of a new page, as the editor's autosave sends it (issue 17, item 7): the page
is created in the background, then the editor asks for the edit view's parts
(`?_w_hydrate_create_view=1`) to carry on in place. Both answer without an error."""

import pytest
from django.test import Client
from wagtail.models import Page

from campaigns.models import SeasonalGuidePage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("who", ["admin", "communications"])
def test_the_first_autosave_of_a_new_guide_then_its_edit_view(
    who, guide_index, communications_user, admin_user
):
    client = Client(raise_request_exception=True)
    client.force_login(admin_user if who == "admin" else communications_user)
    add_url = f"/admin/pages/add/campaigns/seasonalguidepage/{guide_index.pk}/"
    form = client.get(add_url).context["form"]
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and not isinstance(value, (list, dict))
    }
    data.update(
        {
            "title": "Douceurs d'hiver",
            "slug": "douceurs-d-hiver",
            "season": "Hiver",
            "intro": '{"blocks": [], "entityMap": {}}',
            "selection-count": "0",
            "comments-TOTAL_FORMS": "0",
            "comments-INITIAL_FORMS": "0",
            "comments-MIN_NUM_FORMS": "0",
            "comments-MAX_NUM_FORMS": "1000",
        }
    )
    created = client.post(add_url, data, HTTP_ACCEPT="application/json")
    assert created.status_code == 200, created.content
    guide = SeasonalGuidePage.objects.get(slug="douceurs-d-hiver")
    assert Page.objects.get(pk=guide.pk).get_parent().pk == guide_index.pk
    parts = client.get(f"/admin/pages/{guide.pk}/edit/?_w_hydrate_create_view=1")
    assert parts.status_code == 200


def test_a_new_guide_previews_before_its_first_save(admin_user, guide_index):
    """The preview panel of a guide not yet saved: no id, so no permanent link nor embed yet
    (it answered a 500, NoReverseMatch on `guide_permalink` with None)."""
    from django.test import RequestFactory

    guide = SeasonalGuidePage(title="Douceurs d'hiver", slug="douceurs-d-hiver", season="Hiver")
    guide.path, guide.depth = guide_index.path + "0001", guide_index.depth + 1
    request = RequestFactory().get("/admin/pages/add/campaigns/seasonalguidepage/1/preview/")
    request.user = admin_user
    preview = guide.make_preview_request(request, extra_request_attrs={"in_preview_panel": True})
    assert preview.status_code == 200
    assert "Douceurs d&#x27;hiver" in preview.content.decode()
