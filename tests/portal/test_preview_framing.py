"""The page editor's live preview panel frames the preview (issue 17, item 2): the page
rendered for a preview may be framed by the admin itself, never by another site."""

import pytest
from django.test import RequestFactory

from campaigns.factories import SeasonalGuidePageFactory
from campaigns.models import GuideIndexPage
from campaigns.structure import ensure_sections

pytestmark = pytest.mark.django_db


def test_a_preview_may_be_framed_by_our_own_admin_only(admin_user, home_page, client):
    guide_index = ensure_sections(home_page)[GuideIndexPage]
    guide = SeasonalGuidePageFactory(parent=guide_index, title="Guide d'hiver")
    request = RequestFactory().get(f"/admin/pages/{guide.pk}/edit/preview/")
    request.user = admin_user
    preview = guide.make_preview_request(request, extra_request_attrs={"in_preview_panel": True})
    assert preview.status_code == 200
    assert "frame-ancestors 'self'" in preview["Content-Security-Policy"]
    # The page itself, outside a preview, is still framed by nobody.
    assert "frame-ancestors 'none'" in client.get(guide.url)["Content-Security-Policy"]
